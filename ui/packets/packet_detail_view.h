#pragma once

#include "capture/files/frame_decoder.h"
#include "capture/protocol/helper_messages.h"

#include <QSet>
#include <QStringList>
#include <QWidget>

class QPlainTextEdit;
class QStandardItemModel;
class QTreeView;
class QLabel;
class QModelIndex;
class QStackedLayout;

namespace pr {

class PacketListModel;

// The detail pane: the decoded layers as a tree above a hex dump
// (offset | hex | ASCII); selecting a tree node highlights its bytes, and
// clicking a byte selects the innermost field it belongs to.
class PacketDetailView : public QWidget
{
    Q_OBJECT
public:
    explicit PacketDetailView(QWidget* parent = nullptr);

    // frame holds the bytes we have (maybe only the first 128 of a live
    // packet); capturedLength is what the file holds (0: frame.size());
    // frameNumber 0 leaves the number out of the top line.
    void showPacket(const QByteArray& frame, quint32 linkType, quint32 wireLength,
                    quint32 capturedLength = 0, quint64 frameNumber = 0);
    // The packet behind a list row, with a Frame node giving its time,
    // direction and interface. fullFrame, when given, is the whole frame read
    // back from the file; otherwise the record's head is shown.
    void showRecord(const pr::proto::PacketRecord& record, quint64 frameNumber,
                    const QByteArray& fullFrame = {});
    // The packet in the list's row: the whole frame from its file (or the
    // head the helper sent, while the index has not reached it), the
    // interface when the list has several, the file when it has several.
    void showListRow(const PacketListModel& model, int row, bool inFileSet);
    void clear();
    // One more line under the Frame node of the packet shown (e.g. the
    // interface of a recording on several).
    void addFrameLine(const QString& text);
    // A first top-level node "Packet comments" with one child per comment,
    // as Wireshark shows a pcapng packet's opt_comment options.
    void addComments(const QStringList& comments);

    // For tests: the tree's model, the hex text, the highlighted byte range.
    QStandardItemModel* treeModel() const { return m_model; }
    QTreeView* treeView() const { return m_tree; }
    QPlainTextEdit* hexView() const { return m_hex; }
    QString hexDumpText() const;
    QPair<int, int> highlightedBytes() const { return m_highlight; }

private:
    void onCurrentChanged(const QModelIndex& current);
    void highlightBytes(int offset, int length);
    int byteAtHexCursor() const; // -1 when the cursor is on no byte
    void selectNodeAtByte(int byte);
    static QString commentsTitle();
    int frameRow() const { return m_hasComments ? 1 : 0; }

    QTreeView* m_tree = nullptr;
    QStandardItemModel* m_model = nullptr;
    QPlainTextEdit* m_hex = nullptr;
    QLabel* m_placeholder = nullptr;
    QStackedLayout* m_stack = nullptr;
    QSet<QString> m_expandedLayers; // kept expanded from packet to packet
    QByteArray m_frame;
    QPair<int, int> m_highlight{0, 0};
    bool m_movingHexCursor = false; // our own cursor moves are not user clicks
    bool m_hasComments = false;     // the comments node is above the Frame node
};

} // namespace pr
