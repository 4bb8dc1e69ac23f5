#include "ui/options/filter_line_edit.h"

#include "capture/engine/capture_options.h"
#include "capture/engine/link_types.h"
#include "ui/options/filter_compiler.h"

#include <QCoreApplication>
#include <QPalette>
#include <QThread>

#include <pcap/pcap.h>

namespace pr {
namespace {

// LINKTYPE_* (file header values) to DLT_* (what pcap_open_dead takes): they
// only differ for a few historical types, of which RAW is the one we produce.
int dltForLinkType(quint32 linkType)
{
    if (linkType == kLinkTypeRaw)
        return DLT_RAW;
    return int(linkType);
}

} // namespace

FilterCheck checkCaptureFilter(const QString& filter, quint32 linkType)
{
    const QByteArray expression = filter.trimmed().toUtf8();
    if (expression.isEmpty())
        return {};
    if (std::size_t(expression.size()) > limits::kMaxFilterLength)
        return {false, FilterLineEdit::tr("The filter is longer than %1 characters.")
                           .arg(limits::kMaxFilterLength)};

    pcap_t* dead = pcap_open_dead(dltForLinkType(linkType), int(limits::kMaxSnaplen));
    if (dead == nullptr)
        return {false, FilterLineEdit::tr("libpcap could not open a compiler for this link type.")};
    bpf_program program{};
    FilterCheck result;
    // Optimised like the helper compiles it, so both accept the same filters.
    if (pcap_compile(dead, &program, expression.constData(), 1, PCAP_NETMASK_UNKNOWN) != 0) {
        result.valid = false;
        result.errorMessage = QString::fromLocal8Bit(pcap_geterr(dead));
    } else {
        pcap_freecode(&program);
    }
    pcap_close(dead);
    return result;
}

FilterLineEdit::FilterLineEdit(QWidget* parent) : QLineEdit(parent)
{
    setClearButtonEnabled(true);
    setPlaceholderText(tr("Capture filter, e.g. tcp port 443 or host 192.0.2.1"));
    setAccessibleName(tr("Capture filter"));
    setAccessibleDescription(tr("A libpcap filter expression; empty records every packet"));

    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("FilterCompiler"));
    m_compiler = new FilterCompiler;
    m_compiler->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_compiler, &QObject::deleteLater);
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    connect(this, &FilterLineEdit::compileRequested, m_compiler, &FilterCompiler::compile);
    connect(m_compiler, &FilterCompiler::compiled, this, &FilterLineEdit::onCompiled);
    m_thread->start();

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMilliseconds);
    connect(&m_debounce, &QTimer::timeout, this, &FilterLineEdit::startBackgroundValidation);
    connect(this, &QLineEdit::textChanged, this, &FilterLineEdit::scheduleValidation);
    applyStyle();
}

FilterLineEdit::~FilterLineEdit()
{
    // Do not wait for a host name lookup: the thread finishes its current
    // compile, its result goes nowhere (the connection dies with us), and it
    // deletes itself. At exit a brief wait avoids destroying a running thread.
    m_thread->quit();
    if (QCoreApplication::closingDown())
        m_thread->wait(2000);
}

bool FilterLineEdit::isValidating() const
{
    return m_debounce.isActive() || m_answeredGeneration != m_generation;
}

FilterLineEdit::State FilterLineEdit::state() const
{
    if (!isValidating())
        return m_state;
    // Still being validated: answer for the current text anyway.
    if (text().trimmed().isEmpty())
        return State::Empty;
    return checkCaptureFilter(text(), m_linkType).valid ? State::Valid : State::Invalid;
}

QString FilterLineEdit::errorMessage() const
{
    if (!isValidating())
        return m_error;
    return checkCaptureFilter(text(), m_linkType).errorMessage;
}

void FilterLineEdit::setLinkType(quint32 linkType)
{
    if (linkType == m_linkType)
        return;
    m_linkType = linkType;
    validateNow();
}

void FilterLineEdit::scheduleValidation()
{
    m_debounce.start();
}

void FilterLineEdit::startBackgroundValidation()
{
    m_debounce.stop();
    ++m_generation;
    if (text().trimmed().isEmpty()) {
        m_answeredGeneration = m_generation;
        applyResult(State::Empty, {});
        return;
    }
    emit compileRequested(m_generation, text(), m_linkType);
}

void FilterLineEdit::onCompiled(quint64 generation, bool valid, const QString& errorMessage)
{
    if (generation != m_generation)
        return; // the text changed since; a newer answer is on its way
    m_answeredGeneration = generation;
    applyResult(valid ? State::Valid : State::Invalid, errorMessage);
}

void FilterLineEdit::validateNow()
{
    m_debounce.stop();
    ++m_generation;
    m_answeredGeneration = m_generation; // outstanding worker answers are stale
    State state = State::Empty;
    QString error;
    if (!text().trimmed().isEmpty()) {
        const FilterCheck check = checkCaptureFilter(text(), m_linkType);
        state = check.valid ? State::Valid : State::Invalid;
        error = check.errorMessage;
    }
    applyResult(state, error);
}

void FilterLineEdit::applyResult(State state, const QString& error)
{
    const bool changed = state != m_state || error != m_error;
    m_state = state;
    m_error = error;
    applyStyle();
    if (changed)
        emit stateChanged(m_state);
}

void FilterLineEdit::applyStyle()
{
    // Wireshark's convention: green compiles, red does not, plain when empty.
    // Pale backgrounds keep the text readable in light and dark themes alike.
    QPalette p = palette();
    const QPalette standard = QPalette();
    switch (m_state) {
    case State::Empty:
        p.setColor(QPalette::Base, standard.color(QPalette::Base));
        p.setColor(QPalette::Text, standard.color(QPalette::Text));
        setToolTip(tr("No filter: every packet is recorded."));
        break;
    case State::Valid:
        p.setColor(QPalette::Base, QColor(0xaf, 0xff, 0xaf));
        p.setColor(QPalette::Text, Qt::black);
        setToolTip(tr("The filter is valid."));
        break;
    case State::Invalid:
        p.setColor(QPalette::Base, QColor(0xff, 0xaf, 0xaf));
        p.setColor(QPalette::Text, Qt::black);
        setToolTip(m_error);
        break;
    }
    setPalette(p);
}

} // namespace pr
