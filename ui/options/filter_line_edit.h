#pragma once

#include <QLineEdit>
#include <QString>
#include <QTimer>

namespace pr {

struct FilterCheck
{
    bool valid = true;
    QString errorMessage; // libpcap's message when invalid
};

// Compiles a capture filter with libpcap (pcap_open_dead + pcap_compile) for a
// LINKTYPE_* (EN10MB, RAW, LINUX_SLL2, ...). An empty filter is valid.
FilterCheck checkCaptureFilter(const QString& filter, quint32 linkType);

// A line edit for a capture filter that validates while the user types
// (debounced): red with libpcap's message when invalid, green when valid,
// neutral when empty.
class FilterLineEdit : public QLineEdit
{
    Q_OBJECT
public:
    enum class State
    {
        Empty,
        Valid,
        Invalid
    };
    Q_ENUM(State)
    static constexpr int kDebounceMilliseconds = 150;

    explicit FilterLineEdit(QWidget* parent = nullptr);

    // Up to date even while the debounce timer is pending.
    State state() const;
    QString errorMessage() const;

    void setLinkType(quint32 linkType);
    quint32 linkType() const { return m_linkType; }

public slots:
    // Validates now (skips the debounce), e.g. before starting a capture.
    void validateNow();

signals:
    void stateChanged(pr::FilterLineEdit::State state);

private:
    void scheduleValidation();
    void applyStyle();

    QTimer m_debounce;
    quint32 m_linkType = 1;
    State m_state = State::Empty;
    QString m_error;
};

} // namespace pr
