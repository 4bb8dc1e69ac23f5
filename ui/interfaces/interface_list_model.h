#pragma once

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QIcon>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <memory>

namespace pr {

// One interface as seen at one instant: identity, state and the kernel's
// cumulative counters. Produced by an InterfaceSampler.
struct InterfaceSample
{
    QString name;
    int ifindex = 0;
    quint32 linkType = 1; // LINKTYPE_* of what a capture on it records
    bool up = false;      // IFF_UP
    bool running = false; // IFF_RUNNING (carrier)
    bool loopback = false;
    QStringList addresses; // printable IPv4/IPv6 addresses
    quint64 rxBytes = 0;
    quint64 txBytes = 0;
    quint64 rxPackets = 0;
    quint64 txPackets = 0;
};

// Where the model gets its samples from; the system one reads getifaddrs()
// and /sys/class/net/*/statistics (readable by an ordinary user). Tests inject
// their own to add and remove interfaces without privileges.
class InterfaceSampler
{
public:
    virtual ~InterfaceSampler() = default;
    virtual QList<InterfaceSample> sample() = 0;
    // Monotonic time of the last sample in seconds; negative means "now" by
    // the model's own clock. Simulated sources (tests, demos) set their own.
    virtual double sampleTimeSeconds() const { return -1; }
};

std::unique_ptr<InterfaceSampler> makeSystemInterfaceSampler();

// The State column's small filled circle (green up, amber no carrier, grey
// down), shared with the remote machines' list.
QIcon stateDotIcon(const QColor& color);

// Every interface plus the pseudo-interface "any" (first row), with a rolling
// history of bytes/s per interface for the sparkline column. Refreshing
// inserts/removes rows for interfaces that come and go and otherwise only
// emits dataChanged (the traffic column every time, other columns on change).
class InterfaceListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        State,
        Traffic, // before the addresses, which are long and get elided
        Addresses,
        ColumnCount
    };
    enum Role
    {
        NameRole = Qt::UserRole + 1, // QString: the kernel name ("any" for all)
        SparklineRole,               // QList<double>: bytes/s, oldest first, one per refresh
        BytesPerSecondRole,          // double: latest bytes/s
        IsUpRole,                    // bool
        LinkTypeRole,                // quint32 LINKTYPE_* for filter validation
    };
    static constexpr int kHistoryLength = 60; // samples (about one minute)
    static inline const QString kAnyName = QStringLiteral("any");

    explicit InterfaceListModel(QObject* parent = nullptr);
    InterfaceListModel(std::unique_ptr<InterfaceSampler> sampler, QObject* parent = nullptr);
    ~InterfaceListModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int rowForName(const QString& name) const; // -1 when absent
    QString nameAt(int row) const;

    // Automatic refresh (default on, 1000 ms). Tests may refresh by hand.
    void setRefreshInterval(int milliseconds);
    int refreshInterval() const;
    void setAutoRefresh(bool enabled);

public slots:
    void refresh();

private:
    struct Row;
    void applySamples(const QList<InterfaceSample>& samples, double nowSeconds);
    static InterfaceSample aggregate(const QList<InterfaceSample>& samples);
    static void appendHistory(Row& row, double bytesPerSecond);

    std::unique_ptr<InterfaceSampler> m_sampler;
    QList<Row> m_rows;
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_lastRefreshSeconds = -1;
};

} // namespace pr
