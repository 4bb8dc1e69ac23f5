#include "ui/programs/program_list_model.h"

#include "ui/charts/rate_format.h"
#include "ui/interfaces/interface_list_model.h"
#include "ui/programs/program_icon_provider.h"

#include <QApplication>
#include <QFont>
#include <QLocale>
#include <QStyle>

#include <unistd.h>

namespace pr {

using proto::ProgramInfo;

static_assert(ProgramListModel::kHistoryLength == InterfaceListModel::kHistoryLength,
              "the sparkline delegate spaces its samples for the interfaces' history");

ProgramListModel::ProgramListModel(QObject* parent)
    : QAbstractTableModel(parent), m_ownUid(quint32(::getuid()))
{}

ProgramListModel::~ProgramListModel() = default;

void ProgramListModel::setIconProvider(ProgramIconProvider* provider)
{
    if (m_icons)
        disconnect(m_icons, nullptr, this, nullptr);
    m_icons = provider;
    // Desktop entries are read in the background: icons appear when they are.
    if (m_icons)
        connect(m_icons, &ProgramIconProvider::iconsChanged, this, [this] {
            if (!m_rows.isEmpty())
                emit dataChanged(index(0, Name), index(int(m_rows.size()) - 1, Name),
                                 {Qt::DecorationRole});
        });
}

bool ProgramListModel::isSpecial(const ProgramInfo& info)
{
    return info.kind == ProgramInfo::Kind::NotAttributed ||
           info.kind == ProgramInfo::Kind::NotTcpUdp;
}

void ProgramListModel::update(const QList<ProgramInfo>& programs)
{
    QList<const ProgramInfo*> added;
    int firstChanged = int(m_rows.size());
    int lastChanged = -1;
    for (const ProgramInfo& info : programs) {
        const auto it = m_rowById.constFind(info.id);
        if (it == m_rowById.cend()) {
            // A program seen twice in one message is added once, with its
            // newest totals.
            bool merged = false;
            for (const ProgramInfo*& pending : added)
                if (pending->id == info.id) {
                    pending = &info;
                    merged = true;
                }
            if (!merged)
                added.append(&info);
            continue;
        }
        m_rows[*it].info = info;
        firstChanged = std::min(firstChanged, *it);
        lastChanged = std::max(lastChanged, *it);
    }
    if (lastChanged >= 0)
        emit dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
    if (added.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    for (const ProgramInfo* info : added) {
        Row row;
        row.info = *info;
        // Bytes before the first sample count towards the first rate.
        m_rowById.insert(info->id, int(m_rows.size()));
        m_rows.append(std::move(row));
    }
    endInsertRows();
}

void ProgramListModel::advance(double elapsedSeconds)
{
    if (m_sampleAt < 0 || elapsedSeconds < m_sampleAt) {
        m_sampleAt = elapsedSeconds;
        for (Row& row : m_rows)
            row.bytesAtSample = row.info.bytesIn + row.info.bytesOut;
        return;
    }
    const double dt = elapsedSeconds - m_sampleAt;
    if (dt < kSampleSeconds)
        return;
    m_sampleAt = elapsedSeconds;
    for (Row& row : m_rows) {
        const quint64 bytes = row.info.bytesIn + row.info.bytesOut;
        const double rate = bytes >= row.bytesAtSample ? double(bytes - row.bytesAtSample) / dt : 0;
        row.bytesAtSample = bytes;
        row.history.append(rate);
        if (row.history.size() > kHistoryLength)
            row.history.removeFirst();
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Rate), index(int(m_rows.size()) - 1, Rate));
}

void ProgramListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_rowById.clear();
    m_sampleAt = -1;
    endResetModel();
}

std::optional<ProgramInfo> ProgramListModel::program(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_rows[row].info;
}

int ProgramListModel::rowOfId(quint32 id) const
{
    return m_rowById.value(id, -1);
}

double ProgramListModel::rate(int row) const
{
    if (row < 0 || row >= m_rows.size() || m_rows[row].history.isEmpty())
        return 0;
    return m_rows[row].history.constLast();
}

QList<double> ProgramListModel::rateHistory(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].history : QList<double>();
}

QString ProgramListModel::displayName(const ProgramInfo& info) const
{
    switch (info.kind) {
    case ProgramInfo::Kind::Process:
        return info.name.isEmpty() ? tr("PID %1").arg(info.pid) : info.name;
    case ProgramInfo::Kind::Account:
        // The account is in the User column beside it.
        if (info.uid != m_ownUid)
            //: Programs view: traffic of another user's programs, which this
            //: user may not look into (the User column names the account)
            return tr("Other user");
        //: Programs view: the user's own programs whose process could not be
        //: named (it ended first, or its /proc entry was not readable)
        return tr("Unknown program");
    case ProgramInfo::Kind::NotAttributed:
        //: Programs view: TCP/UDP traffic no socket owner was found for
        return tr("Not attributed");
    case ProgramInfo::Kind::NotTcpUdp:
        //: Programs view: traffic that is neither TCP nor UDP (ARP, ICMP, ...),
        //: which belongs to no program's socket
        return tr("Not TCP/UDP");
    }
    return info.name;
}

QString ProgramListModel::toolTip(const ProgramInfo& info) const
{
    switch (info.kind) {
    case ProgramInfo::Kind::Process:
        //: Programs view tool tip. %1 program name, %2 process id, %3 account,
        //: %4 the command line it was started with
        return tr("%1 (PID %2, user %3)\n%4")
            .arg(info.name)
            .arg(info.pid)
            .arg(info.user, info.commandLine.isEmpty() ? info.name : info.commandLine);
    case ProgramInfo::Kind::Account:
        if (info.uid != m_ownUid)
            return tr("Programs of user %1 (UID %2). Only that user can see which ones.")
                .arg(info.user)
                .arg(info.uid);
        return tr("Your programs whose process could not be named: it ended before it was "
                  "looked up, or its /proc entry could not be read.");
    case ProgramInfo::Kind::NotAttributed:
        return tr("TCP and UDP packets whose socket was not found: a connection that "
                  "closed before it could be looked up, or traffic passing through.");
    case ProgramInfo::Kind::NotTcpUdp:
        return tr("Packets that are neither TCP nor UDP (ARP, ICMP, ...): no program's socket "
                  "sends them.");
    }
    return {};
}

QVariant ProgramListModel::decoration(const ProgramInfo& info) const
{
    if (info.kind == ProgramInfo::Kind::Process && m_icons)
        return m_icons->icon(info.name);
    if (info.kind == ProgramInfo::Kind::Account)
        return QIcon::fromTheme(QStringLiteral("system-users"),
                                QApplication::style()->standardIcon(QStyle::SP_DirHomeIcon));
    if (m_icons && info.kind == ProgramInfo::Kind::Process)
        return m_icons->fallbackIcon();
    return {};
}

int ProgramListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProgramListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProgramListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& row = m_rows[index.row()];
    const ProgramInfo& info = row.info;
    const double currentRate = row.history.isEmpty() ? 0 : row.history.constLast();
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Name:
            return displayName(info);
        case User:
            return isSpecial(info) ? QString() : info.user;
        case BytesIn:
            return formatBytes(info.bytesIn);
        case BytesOut:
            return formatBytes(info.bytesOut);
        case PacketsIn:
            return locale.toString(info.packetsIn);
        case PacketsOut:
            return locale.toString(info.packetsOut);
        case Rate:
            return formatBitRate(8 * currentRate);
        case Connections:
            return isSpecial(info) ? QString() : locale.toString(info.connections);
        case ColumnCount:
            break;
        }
        return {};
    case SortRole:
        switch (Column(index.column())) {
        case Name:
            // Rows of other users by account.
            return info.kind == ProgramInfo::Kind::Account
                       ? displayName(info).toLower() + QLatin1Char(' ') + info.user.toLower()
                       : displayName(info).toLower();
        case User:
            return info.user.toLower();
        case BytesIn:
            return double(info.bytesIn);
        case BytesOut:
            return double(info.bytesOut);
        case PacketsIn:
            return double(info.packetsIn);
        case PacketsOut:
            return double(info.packetsOut);
        case Rate:
            return currentRate;
        case Connections:
            return info.connections;
        case ColumnCount:
            break;
        }
        return {};
    case Qt::DecorationRole:
        return index.column() == Name ? decoration(info) : QVariant();
    case Qt::ToolTipRole:
        return toolTip(info);
    case Qt::TextAlignmentRole:
        return index.column() >= BytesIn && index.column() != Rate
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case Qt::FontRole:
        if (info.kind != ProgramInfo::Kind::Process) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case InterfaceListModel::SparklineRole:
        return QVariant::fromValue(row.history);
    case ProgramIdRole:
        return info.id;
    case SpecialRole:
        return isSpecial(info);
    default:
        return {};
    }
}

QVariant ProgramListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        //: Programs view column: the program's name
        return tr("Program");
    case User:
        //: Programs view column: the account the program runs as
        return tr("User");
    case BytesIn:
        //: Programs view column: bytes received by the program
        return tr("Bytes In");
    case BytesOut:
        //: Programs view column: bytes sent by the program
        return tr("Bytes Out");
    case PacketsIn:
        return tr("Packets In");
    case PacketsOut:
        return tr("Packets Out");
    case Rate:
        //: Programs view column: current rate, in and out together, with a graph
        return tr("Rate");
    case Connections:
        //: Programs view column: TCP connections and UDP flows so far
        return tr("Connections");
    case ColumnCount:
        break;
    }
    return {};
}

bool ProgramSortProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const bool leftSpecial = left.data(ProgramListModel::SpecialRole).toBool();
    const bool rightSpecial = right.data(ProgramListModel::SpecialRole).toBool();
    // At the bottom whichever way the column is sorted.
    if (leftSpecial != rightSpecial)
        return sortOrder() == Qt::AscendingOrder ? rightSpecial : leftSpecial;
    // Among themselves always "Not attributed", then "Not TCP/UDP".
    if (leftSpecial && rightSpecial) {
        const bool idLess = left.data(ProgramListModel::ProgramIdRole).toUInt() <
                            right.data(ProgramListModel::ProgramIdRole).toUInt();
        return sortOrder() == Qt::AscendingOrder ? idLess : !idLess;
    }
    const QVariant l = left.data(ProgramListModel::SortRole);
    const QVariant r = right.data(ProgramListModel::SortRole);
    if (l.typeId() == QMetaType::QString)
        return QString::localeAwareCompare(l.toString(), r.toString()) < 0;
    if (l.toDouble() != r.toDouble())
        return l.toDouble() < r.toDouble();
    // Ties in a stable order: by id.
    return left.data(ProgramListModel::ProgramIdRole).toUInt() <
           right.data(ProgramListModel::ProgramIdRole).toUInt();
}

} // namespace pr
