#pragma once

#include <QLineEdit>
#include <QString>
#include <QTimer>

class QThread;

namespace pr {

class FilterCompiler;

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
    ~FilterLineEdit() override;

    // Up to date even while the debounce timer is pending.
    State state() const;
    QString errorMessage() const;

    void setLinkType(quint32 linkType);
    quint32 linkType() const { return m_linkType; }

    // True while a change has not been validated yet (debounce or compile).
    bool isValidating() const;

public slots:
    // Validates now on the calling thread (skips the debounce and the worker),
    // e.g. before starting a capture.
    void validateNow();

signals:
    void stateChanged(pr::FilterLineEdit::State state);
    void compileRequested(quint64 generation, const QString& filter, quint32 linkType);

private:
    void scheduleValidation();
    void startBackgroundValidation();
    void applyResult(State state, const QString& error);
    void onCompiled(quint64 generation, bool valid, const QString& errorMessage);
    void applyStyle();

    QTimer m_debounce;
    QThread* m_thread = nullptr; // not a child: it may outlive us by one compile
    FilterCompiler* m_compiler = nullptr;
    quint64 m_generation = 0;         // of the latest request
    quint64 m_answeredGeneration = 0; // of the latest applied result
    quint32 m_linkType = 1;
    State m_state = State::Empty;
    QString m_error;
};

} // namespace pr
