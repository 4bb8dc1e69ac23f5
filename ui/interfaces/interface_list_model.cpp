#include "ui/interfaces/interface_list_model.h"

#include "capture/engine/link_types.h"
#include "ui/charts/rate_format.h"

#include <QColor>
#include <QHash>
#include <QIcon>
#include <QPainter>
#include <QPixmap>

#include <algorithm>

namespace pr {

QIcon stateDotIcon(const QColor& color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(140));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1.5, 1.5, 9, 9));
    return QIcon(pixmap);
}

namespace {

// Bytes that a capture on the interface would see. On loopback every packet is
// counted as sent and as received; a capture keeps one copy, so count one.
quint64 trafficBytes(const InterfaceSample& s)
{
    return s.loopback ? s.rxBytes : s.rxBytes + s.txBytes;
}

} // namespace

struct InterfaceListModel::Row
{
    InterfaceSample sample;
    QList<double> history; // bytes/s, oldest first
    quint64 previousBytes = 0;
    bool havePrevious = false;
};

InterfaceListModel::InterfaceListModel(QObject* parent)
    : InterfaceListModel(makeSystemInterfaceSampler(), parent)
{}

InterfaceListModel::InterfaceListModel(std::unique_ptr<InterfaceSampler> sampler, QObject* parent)
    : QAbstractTableModel(parent), m_sampler(std::move(sampler))
{
    m_clock.start();
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &InterfaceListModel::refresh);
    refresh();
    m_timer.start();
}

InterfaceListModel::~InterfaceListModel() = default;

int InterfaceListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int InterfaceListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InterfaceListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[index.row()];
    const InterfaceSample& s = row.sample;
    const bool isAny = s.name == kAnyName;
    const double rate = row.history.isEmpty() ? 0.0 : row.history.last();

    switch (role) {
    case NameRole:
        return s.name;
    case SparklineRole:
        return QVariant::fromValue(row.history);
    case BytesPerSecondRole:
        return rate;
    case IsUpRole:
        return s.up;
    case LinkTypeRole:
        return isAny ? kLinkTypeEthernet : s.linkType;
    default:
        break;
    }

    switch (index.column()) {
    case Name:
        if (role == Qt::DisplayRole)
            return isAny ? tr("All interfaces (any)") : s.name;
        if (role == Qt::ToolTipRole)
            return isAny ? tr("Record from every interface at once")
                         : tr("%1 (index %2)").arg(s.name).arg(s.ifindex);
        break;
    case State:
        if (role == Qt::DisplayRole) {
            if (isAny)
                return QString();
            if (!s.up)
                return tr("Down");
            return s.running ? tr("Up") : tr("No carrier");
        }
        if (role == Qt::DecorationRole && !isAny) {
            static const QIcon up = stateDotIcon(QColor(0x2e, 0xa0, 0x43));
            static const QIcon noCarrier = stateDotIcon(QColor(0xe0, 0xa0, 0x20));
            static const QIcon down = stateDotIcon(QColor(0xa0, 0xa0, 0xa0));
            return !s.up ? down : (s.running ? up : noCarrier);
        }
        break;
    case Addresses:
        if (role == Qt::DisplayRole)
            return s.addresses.join(QStringLiteral(", "));
        if (role == Qt::ToolTipRole && !s.addresses.isEmpty())
            return s.addresses.join(QLatin1Char('\n'));
        break;
    case Traffic:
        if (role == Qt::DisplayRole)
            return formatBitRate(rate * 8);
        if (role == Qt::ToolTipRole) {
            const double peak = row.history.isEmpty()
                                    ? 0.0
                                    : *std::max_element(row.history.begin(), row.history.end());
            return tr("Now: %1\nPeak in the last minute: %2")
                .arg(formatBitRate(rate * 8), formatBitRate(peak * 8));
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant InterfaceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Interface");
    case State:
        return tr("State");
    case Addresses:
        return tr("Addresses");
    case Traffic:
        //: Column with a small graph of the last minute of traffic
        return tr("Traffic (last minute)");
    default:
        return {};
    }
}

QHash<int, QByteArray> InterfaceListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(SparklineRole, "sparkline");
    names.insert(BytesPerSecondRole, "bytesPerSecond");
    names.insert(IsUpRole, "isUp");
    names.insert(LinkTypeRole, "linkType");
    return names;
}

int InterfaceListModel::rowForName(const QString& name) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].sample.name == name)
            return i;
    }
    return -1;
}

QString InterfaceListModel::nameAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].sample.name : QString();
}

void InterfaceListModel::setRefreshInterval(int milliseconds)
{
    m_timer.setInterval(std::max(50, milliseconds));
}

int InterfaceListModel::refreshInterval() const
{
    return m_timer.interval();
}

void InterfaceListModel::setAutoRefresh(bool enabled)
{
    if (enabled)
        m_timer.start();
    else
        m_timer.stop();
}

void InterfaceListModel::refresh()
{
    QList<InterfaceSample> samples = m_sampler ? m_sampler->sample() : QList<InterfaceSample>{};
    samples.prepend(aggregate(samples));
    const double sampledAt = m_sampler ? m_sampler->sampleTimeSeconds() : -1;
    applySamples(samples, sampledAt >= 0 ? sampledAt : double(m_clock.nsecsElapsed()) / 1e9);
}

void InterfaceListModel::appendHistory(Row& row, double bytesPerSecond)
{
    row.history.append(bytesPerSecond);
    if (row.history.size() > kHistoryLength)
        row.history.remove(0, row.history.size() - kHistoryLength);
}

InterfaceSample InterfaceListModel::aggregate(const QList<InterfaceSample>& samples)
{
    InterfaceSample any;
    any.name = kAnyName;
    any.up = true;
    any.running = true;
    any.linkType = kLinkTypeEthernet;
    for (const InterfaceSample& s : samples) {
        // Summed as captured traffic, so loopback's double count stays out.
        any.rxBytes += trafficBytes(s);
        any.rxPackets += s.loopback ? s.rxPackets : s.rxPackets + s.txPackets;
    }
    return any;
}

void InterfaceListModel::applySamples(const QList<InterfaceSample>& samples, double nowSeconds)
{
    QHash<QString, qsizetype> wanted;
    for (qsizetype i = 0; i < samples.size(); ++i)
        wanted.insert(samples[i].name, i);

    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (wanted.contains(m_rows[row].sample.name))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }

    const double elapsed = m_lastRefreshSeconds < 0 ? 0 : nowSeconds - m_lastRefreshSeconds;
    m_lastRefreshSeconds = nowSeconds;

    // "any" shows the sum of the interfaces' rates rather than the rate of
    // summed counters, which would jump when an interface comes or goes.
    double anyRate = 0;
    bool anyHasRate = false;
    for (qsizetype k = 0; k < samples.size(); ++k) {
        const InterfaceSample& s = samples[k];
        int row =
            (k < m_rows.size() && m_rows[k].sample.name == s.name) ? int(k) : rowForName(s.name);
        if (row < 0) {
            // Existing rows keep their relative order, so inserting at k
            // reproduces the sampler's order (ifindex) without moving rows.
            row = int(std::min<qsizetype>(k, m_rows.size()));
            beginInsertRows({}, row, row);
            Row fresh;
            fresh.sample = s;
            m_rows.insert(row, fresh);
            endInsertRows();
        }
        Row& r = m_rows[row];
        const bool stateChanged = r.sample.up != s.up || r.sample.running != s.running;
        const bool addressesChanged = r.sample.addresses != s.addresses;
        r.sample = s;

        const quint64 bytes = trafficBytes(s);
        if (r.havePrevious && elapsed > 0 && s.name != kAnyName) {
            // Counters restart when a driver reloads; a drop is not negative traffic.
            const quint64 delta = bytes >= r.previousBytes ? bytes - r.previousBytes : 0;
            const double rate = double(delta) / elapsed;
            appendHistory(r, rate);
            anyRate += rate;
            anyHasRate = true;
        }
        r.previousBytes = bytes;
        r.havePrevious = true;

        if (stateChanged)
            emit dataChanged(index(row, Name), index(row, State));
        if (addressesChanged)
            emit dataChanged(index(row, Addresses), index(row, Addresses));
    }

    const int anyRow = rowForName(kAnyName);
    if (anyRow >= 0 && anyHasRate)
        appendHistory(m_rows[anyRow], anyRate);

    if (!m_rows.isEmpty()) {
        emit dataChanged(index(0, Traffic), index(int(m_rows.size()) - 1, Traffic),
                         {Qt::DisplayRole, Qt::ToolTipRole, SparklineRole, BytesPerSecondRole});
    }
}

} // namespace pr
