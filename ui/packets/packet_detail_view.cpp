#include "ui/packets/packet_detail_view.h"

#include "ui/packets/packet_list_model.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStackedLayout>
#include <QStandardItemModel>
#include <QTextBlock>
#include <QTreeView>
#include <QVBoxLayout>

#include <functional>

namespace pr {

namespace {

constexpr int kOffsetRole = Qt::UserRole + 1;
constexpr int kLengthRole = Qt::UserRole + 2;
constexpr int kBytesPerLine = 16;

// Where byte `column` (0..15) of a dump line starts, for a given offset width.
int hexColumn(int offsetWidth, int column)
{
    return offsetWidth + 2 + column * 3 + (column >= 8 ? 1 : 0);
}

int asciiColumn(int offsetWidth, int column)
{
    return hexColumn(offsetWidth, kBytesPerLine) + 2 + column + (column >= 8 ? 1 : 0);
}

QString bytesText(int count)
{
    return PacketDetailView::tr("%Ln byte(s)", nullptr, count);
}

int offsetWidthFor(int size)
{
    return size > 0xffff ? 6 : 4;
}

QString hexDump(const QByteArray& bytes)
{
    static const char digits[] = "0123456789abcdef";
    const int width = offsetWidthFor(int(bytes.size()));
    QString text;
    for (int line = 0; line * kBytesPerLine < bytes.size(); ++line) {
        const int start = line * kBytesPerLine;
        const int count = qMin<int>(kBytesPerLine, int(bytes.size()) - start);
        QString row(asciiColumn(width, kBytesPerLine - 1) + 1, QLatin1Char(' '));
        const QString offset = QStringLiteral("%1").arg(start, width, 16, QLatin1Char('0'));
        row.replace(0, width, offset);
        for (int i = 0; i < count; ++i) {
            const uchar b = uchar(bytes[start + i]);
            row[hexColumn(width, i)] = QLatin1Char(digits[b >> 4]);
            row[hexColumn(width, i) + 1] = QLatin1Char(digits[b & 0xf]);
            row[asciiColumn(width, i)] =
                b >= 0x20 && b < 0x7f ? QLatin1Char(char(b)) : QLatin1Char('.');
        }
        if (line > 0)
            text += QLatin1Char('\n');
        while (row.endsWith(QLatin1Char(' ')))
            row.chop(1);
        text += row;
    }
    return text;
}

// The part of a layer's text that names it, to keep it expanded from packet to packet.
QString layerKey(const QString& text)
{
    // "Frame 5: ...", "Internet Protocol Version 4, Src: ..." -> "Frame",
    // "Internet Protocol Version": the name without numbers and details.
    qsizetype end = 0;
    while (end < text.size() && text[end] != QLatin1Char(',') && text[end] != QLatin1Char(':') &&
           text[end] != QLatin1Char('('))
        ++end;
    QString key = text.left(end);
    while (!key.isEmpty() && (key.back().isDigit() || key.back().isSpace()))
        key.chop(1);
    return key;
}

void appendNodes(QStandardItem* parent, const QList<DetailNode>& nodes)
{
    for (const DetailNode& node : nodes) {
        auto* item = new QStandardItem(node.text);
        item->setEditable(false);
        item->setData(node.byteOffset, kOffsetRole);
        item->setData(node.byteLength, kLengthRole);
        if (node.byteLength > 0)
            item->setToolTip(PacketDetailView::tr("Bytes %1\u2013%2 (%3)")
                                 .arg(node.byteOffset)
                                 .arg(node.byteOffset + node.byteLength - 1)
                                 .arg(bytesText(node.byteLength)));
        appendNodes(item, node.children);
        parent->appendRow(item);
    }
}

} // namespace

PacketDetailView::PacketDetailView(QWidget* parent) : QWidget(parent)
{
    m_model = new QStandardItemModel(this);
    m_tree = new QTreeView(this);
    m_tree->setModel(m_model);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setAccessibleName(tr("Packet layers"));
    m_tree->header()->setStretchLastSection(true);

    m_hex = new QPlainTextEdit(this);
    m_hex->setReadOnly(true);
    m_hex->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_hex->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_hex->setAccessibleName(tr("Packet bytes"));
    m_hex->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_hex);
    // A packet has a handful of layers; the bytes need as much room.
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    m_placeholder = new QLabel(tr("Select a packet to see its layers and bytes."), this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false); // drawn in the disabled (grey) colour

    m_stack = new QStackedLayout;
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(splitter);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_stack);

    // Comments start open, as in Wireshark, and stay closed once closed.
    m_expandedLayers.insert(layerKey(commentsTitle()));

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { onCurrentChanged(current); });
    connect(m_hex, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        if (!m_movingHexCursor)
            selectNodeAtByte(byteAtHexCursor());
    });
    connect(m_tree, &QTreeView::expanded, this, [this](const QModelIndex& index) {
        if (!index.parent().isValid())
            m_expandedLayers.insert(layerKey(index.data().toString()));
    });
    connect(m_tree, &QTreeView::collapsed, this, [this](const QModelIndex& index) {
        if (!index.parent().isValid())
            m_expandedLayers.remove(layerKey(index.data().toString()));
    });
}

void PacketDetailView::showPacket(const QByteArray& frame, quint32 linkType, quint32 wireLength,
                                  quint32 capturedLength, quint64 frameNumber)
{
    m_frame = frame;
    if (capturedLength == 0)
        capturedLength = quint32(frame.size());
    m_model->clear();
    m_hasComments = false;
    QString top = frameNumber > 0 ? tr("Frame %1: ").arg(frameNumber) : tr("Frame: ");
    top += tr("%1 on wire, %2 captured")
               .arg(bytesText(int(wireLength)), bytesText(int(capturedLength)));
    if (quint32(frame.size()) < capturedLength)
        top += QLatin1Char(' ') + tr("(first %1 shown)").arg(bytesText(int(frame.size())));
    auto* frameItem = new QStandardItem(top);
    frameItem->setEditable(false);
    frameItem->setData(0, kOffsetRole);
    frameItem->setData(int(frame.size()), kLengthRole);
    m_model->appendRow(frameItem);
    appendNodes(m_model->invisibleRootItem(),
                decodeDetails(reinterpret_cast<const uchar*>(frame.constData()), int(frame.size()),
                              linkType, int(qMin<quint32>(capturedLength, INT_MAX))));
    for (int row = 1; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        if (m_expandedLayers.contains(layerKey(index.data().toString())))
            m_tree->setExpanded(index, true);
    }
    m_hex->setPlainText(hexDump(frame));
    highlightBytes(0, 0);
    m_stack->setCurrentIndex(1);
}

void PacketDetailView::showRecord(const proto::PacketRecord& record, quint64 frameNumber,
                                  const QByteArray& fullFrame)
{
    const QByteArray& frame = fullFrame.isEmpty() ? record.head : fullFrame;
    showPacket(frame, record.linkType, record.wireLength, record.capturedLength, frameNumber);
    QStandardItem* frameItem = m_model->item(0);
    const auto add = [&](const QString& text) {
        auto* item = new QStandardItem(text);
        item->setEditable(false);
        item->setData(0, kOffsetRole);
        item->setData(0, kLengthRole);
        frameItem->appendRow(item);
    };
    qint64 seconds = record.timestampNs / 1'000'000'000;
    qint64 nanoseconds = record.timestampNs % 1'000'000'000;
    if (nanoseconds < 0) {
        nanoseconds += 1'000'000'000;
        --seconds;
    }
    const QString fraction = QStringLiteral("%1").arg(nanoseconds, 9, 10, QLatin1Char('0'));
    add(tr("Arrival Time: %1.%2")
            .arg(QDateTime::fromSecsSinceEpoch(seconds).toString(
                     QStringLiteral("yyyy-MM-dd hh:mm:ss")),
                 fraction));
    add(tr("Epoch Time: %1.%2 seconds").arg(seconds).arg(fraction));
    switch (record.direction) {
    case Direction::Incoming:
        add(tr("Direction: In (received by this host)"));
        break;
    case Direction::Outgoing:
        add(tr("Direction: Out (sent by this host)"));
        break;
    case Direction::OtherHost:
        add(tr("Direction: Other (between other hosts)"));
        break;
    case Direction::Unknown: // the protocol never carries it
        break;
    }
    if (record.ifindex > 0)
        add(tr("Interface index: %1").arg(record.ifindex));
    add(tr("Frame Length: %1").arg(bytesText(int(record.wireLength))));
    add(tr("Capture Length: %1").arg(bytesText(int(record.capturedLength))));
    const QString linkName = record.linkType == kLinkTypeEthernet    ? tr("Ethernet")
                             : record.linkType == kLinkTypeRaw       ? tr("Raw IP")
                             : record.linkType == kLinkTypeLinuxSll2 ? tr("Linux cooked capture v2")
                                                                     : tr("Unknown");
    add(tr("Link type: %1 (%2)").arg(linkName).arg(record.linkType));
    if (m_expandedLayers.contains(layerKey(frameItem->text())))
        m_tree->setExpanded(frameItem->index(), true);
}

void PacketDetailView::addFrameLine(const QString& text)
{
    QStandardItem* frameItem = m_model->item(frameRow());
    if (!frameItem)
        return;
    auto* item = new QStandardItem(text);
    item->setEditable(false);
    item->setData(0, kOffsetRole);
    item->setData(0, kLengthRole);
    frameItem->appendRow(item);
}

QString PacketDetailView::commentsTitle()
{
    //: Detail tree: the node holding a packet's pcapng comments, as in Wireshark
    return tr("Packet comments");
}

void PacketDetailView::addComments(const QStringList& comments)
{
    if (comments.isEmpty() || m_hasComments || m_model->rowCount() == 0)
        return;
    auto* node = new QStandardItem(commentsTitle());
    node->setEditable(false);
    // No bytes of the frame: selecting a comment highlights nothing.
    node->setData(0, kOffsetRole);
    node->setData(0, kLengthRole);
    for (const QString& comment : comments) {
        auto* item = new QStandardItem(comment);
        item->setEditable(false);
        item->setData(0, kOffsetRole);
        item->setData(0, kLengthRole);
        node->appendRow(item);
    }
    m_model->insertRow(0, node);
    m_hasComments = true;
    if (m_expandedLayers.contains(layerKey(node->text())))
        m_tree->setExpanded(node->index(), true);
}

void PacketDetailView::clear()
{
    m_frame.clear();
    m_model->clear();
    m_hasComments = false;
    m_hex->clear();
    highlightBytes(0, 0);
    m_stack->setCurrentIndex(0);
}

int PacketDetailView::byteAtHexCursor() const
{
    const QTextCursor cursor = m_hex->textCursor();
    const int line = cursor.blockNumber();
    const int column = cursor.positionInBlock();
    const int width = offsetWidthFor(int(m_frame.size()));
    for (int i = 0; i < kBytesPerLine; ++i) {
        const bool inHex = column >= hexColumn(width, i) && column <= hexColumn(width, i) + 1;
        if (inHex || column == asciiColumn(width, i)) {
            const int byte = line * kBytesPerLine + i;
            return byte < m_frame.size() ? byte : -1;
        }
    }
    return -1;
}

void PacketDetailView::selectNodeAtByte(int byte)
{
    if (byte < 0)
        return;
    // The deepest node whose bytes include `byte`, skipping the Frame node.
    QModelIndex best;
    std::function<void(const QModelIndex&)> visit = [&](const QModelIndex& parent) {
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex index = m_model->index(row, 0, parent);
            const int offset = index.data(kOffsetRole).toInt();
            const int length = index.data(kLengthRole).toInt();
            if (byte >= offset && byte < offset + length) {
                if (parent.isValid() || row != frameRow())
                    best = index;
                visit(index);
            }
        }
    };
    visit({});
    if (!best.isValid())
        return;
    m_movingHexCursor = true;
    m_tree->setCurrentIndex(best);
    m_tree->scrollTo(best);
    m_movingHexCursor = false;
}

QString PacketDetailView::hexDumpText() const
{
    return m_hex->toPlainText();
}

void PacketDetailView::onCurrentChanged(const QModelIndex& current)
{
    if (!current.isValid()) {
        highlightBytes(0, 0);
        return;
    }
    highlightBytes(current.data(kOffsetRole).toInt(), current.data(kLengthRole).toInt());
}

void PacketDetailView::highlightBytes(int offset, int length)
{
    offset = qBound(0, offset, int(m_frame.size()));
    length = qBound(0, length, int(m_frame.size()) - offset);
    m_highlight = {offset, length};
    QList<QTextEdit::ExtraSelection> selections;
    if (length > 0) {
        QTextCharFormat format;
        format.setBackground(palette().highlight());
        format.setForeground(palette().highlightedText());
        const int width = offsetWidthFor(int(m_frame.size()));
        QTextDocument* document = m_hex->document();
        const int firstLine = offset / kBytesPerLine;
        const int lastLine = (offset + length - 1) / kBytesPerLine;
        for (int line = firstLine; line <= lastLine; ++line) {
            const QTextBlock block = document->findBlockByNumber(line);
            if (!block.isValid())
                break;
            const int from = qMax(offset, line * kBytesPerLine) - line * kBytesPerLine;
            const int to =
                qMin(offset + length, (line + 1) * kBytesPerLine) - line * kBytesPerLine - 1;
            const auto select = [&](int start, int end) {
                QTextEdit::ExtraSelection selection;
                selection.format = format;
                selection.cursor = QTextCursor(block);
                selection.cursor.setPosition(block.position() + start);
                selection.cursor.setPosition(block.position() + qMin(end, block.length() - 1),
                                             QTextCursor::KeepAnchor);
                selections.append(selection);
            };
            select(hexColumn(width, from), hexColumn(width, to) + 2);
            select(asciiColumn(width, from), asciiColumn(width, to) + 1);
        }
        const QTextBlock first = document->findBlockByNumber(firstLine);
        if (first.isValid()) {
            QTextCursor cursor(first);
            m_movingHexCursor = true;
            m_hex->setTextCursor(cursor);
            m_hex->ensureCursorVisible();
            m_movingHexCursor = false;
        }
    }
    m_hex->setExtraSelections(selections);
}

void PacketDetailView::showListRow(const PacketListModel& model, int row, bool inFileSet)
{
    const PacketListModel::Packet packet = model.packet(row);
    if (!packet.valid) {
        clear();
        return;
    }
    showPacket(model.frame(row), packet.linkType, packet.wireLength, packet.capturedLength,
               model.packetNumber(row));
    // The main window's texts, under its translation context.
    if (!packet.interfaceName.isEmpty() && model.interfaceCount() > 1)
        addFrameLine(QCoreApplication::translate("pr::MainWindow", "Interface: %1")
                         .arg(packet.interfaceName));
    if (inFileSet || model.firstPacketNumber() > 1)
        addFrameLine(QCoreApplication::translate("pr::MainWindow", "File: %1, packet %2")
                         .arg(QFileInfo(packet.path).fileName())
                         .arg(packet.numberInFile));
    addComments(packet.comments);
}

} // namespace pr
