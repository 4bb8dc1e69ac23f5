#pragma once

#include "capture/protocol/helper_messages.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSortFilterProxyModel>

#include <optional>

namespace pr {

class ProgramIconProvider;

// The Programs view's rows: one per program id of a recording with
// attribution, merged from the helper's Programs messages (which carry only
// the programs whose totals changed), the special rows ("Not attributed",
// "Not TCP/UDP") included. Rates come from successive totals: advance()
// samples every program's bytes once a second for the rate column and its
// sparkline. Rows only grow during a recording; clear() starts again.
class ProgramListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name, // icon and name ("Other user: root" for another account)
        User,
        BytesIn,
        BytesOut,
        PacketsIn,
        PacketsOut,
        Rate, // bytes/s in and out, with a sparkline
        Connections,
        ColumnCount
    };
    enum Role
    {
        // Numbers for sorting (text for Name and User).
        SortRole = Qt::UserRole + 100,
        ProgramIdRole, // quint32
        SpecialRole,   // bool: a row of traffic no program is named for
    };
    // Same history as the interface sparklines (InterfaceListModel), so the
    // same delegate draws both.
    static constexpr int kHistoryLength = 60;
    static constexpr double kSampleSeconds = 1.0;

    explicit ProgramListModel(QObject* parent = nullptr);
    ~ProgramListModel() override;

    // Icons from desktop entries (none: a generic icon); not owned.
    void setIconProvider(ProgramIconProvider* provider);
    // The account whose programs are not "other users" (getuid() by default).
    void setOwnUid(quint32 uid) { m_ownUid = uid; }

    // One Programs message: new ids become rows, known ones take the newest
    // totals.
    void update(const QList<pr::proto::ProgramInfo>& programs);
    // The recording's clock (TotalsInfo::elapsedSeconds): every
    // kSampleSeconds each row's rate becomes the bytes since the last sample
    // over the time since.
    void advance(double elapsedSeconds);
    void clear();

    std::optional<pr::proto::ProgramInfo> program(int row) const;
    int rowOfId(quint32 id) const;
    // Bytes per second (in + out) over the last sample, and the history.
    double rate(int row) const;
    QList<double> rateHistory(int row) const;
    // What the Name column shows for a row.
    QString displayName(const pr::proto::ProgramInfo& info) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        pr::proto::ProgramInfo info;
        quint64 bytesAtSample = 0;
        QList<double> history; // bytes/s, oldest first
    };
    static bool isSpecial(const pr::proto::ProgramInfo& info);
    QVariant decoration(const pr::proto::ProgramInfo& info) const;
    QString toolTip(const pr::proto::ProgramInfo& info) const;

    QList<Row> m_rows;
    QHash<quint32, int> m_rowById;
    ProgramIconProvider* m_icons = nullptr;
    quint32 m_ownUid = 0;
    double m_sampleAt = -1; // elapsedSeconds of the last sample; none yet
};

// Sorts by SortRole and keeps the special rows at the bottom in either order.
class ProgramSortProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
};

} // namespace pr
