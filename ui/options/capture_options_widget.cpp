#include "ui/options/capture_options_widget.h"

#include "capture/engine/capture_options.h"
#include "capture/options/capture_option_table.h"
#include "ui/options/filter_line_edit.h"
#include "ui/options/language_setting.h"
#include "ui/options/remote_recording_options_group.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <vector>

namespace pr {
namespace {

constexpr quint64 kMiB = 1ull << 20;
constexpr int kMaxStopSizeMiB = 1 << 20; // 1 TiB
constexpr double kMaxStopSeconds = 7 * 24 * 3600.0;
constexpr int kMaxStopPackets = 2'000'000'000; // QSpinBox is int-based
// Split sizes are decimal megabytes, the unit of tcpdump -C and dumpcap's
// ring buffer (and of kMinSplitBytes).
constexpr quint64 kMB = 1'000'000;
static_assert(limits::kMinSplitBytes % kMB == 0 && limits::kMaxSplitBytes / kMB <= INT_MAX);
constexpr int kSecondsPerMinute = 60;

// Where the panel puts an option of the table that has no widget of its
// own, and what its control says (translated in CaptureOptionsWidget's
// context). Options with a widget of their own are built by hand below.
enum class Section : quint8
{
    Packets,
    Output,
    Split, // with the other "new file" rules of a set of files
    Stop,
};
struct PlainText
{
    const char* name; // the table's name
    Section section;
    struct
    {
        const char* text;
        const char* comment; // disambiguation for translators
    } label;
    const char* toolTip;
};
const std::vector<PlainText> kPlainTexts = {
    {"stop_files", Section::Stop,
     QT_TRANSLATE_NOOP3("pr::CaptureOptionsWidget",
                        "After f&iles:", "Stop automatically after this many files of a set"),
     QT_TRANSLATE_NOOP("pr::CaptureOptionsWidget",
                       "With a split recording: stop once this many files are finished.")},
    {"split_packets", Section::Split,
     QT_TRANSLATE_NOOP3(
         "pr::CaptureOptionsWidget", "New file every N pac&kets:",
         "Start the next file of a set after this many packets (dumpcap -b packets)"),
     QT_TRANSLATE_NOOP("pr::CaptureOptionsWidget",
                       "Start the next file of the set after this many packets.")},
    {"immediate", Section::Packets,
     QT_TRANSLATE_NOOP3("pr::CaptureOptionsWidget", "&Immediate mode",
                        "tcpdump's name: hand each packet over at once, not in blocks"),
     QT_TRANSLATE_NOOP("pr::CaptureOptionsWidget",
                       "Packets reach the file and the list within a millisecond instead of in "
                       "blocks of up to 50 ms, for more wake-ups while traffic is light.")},
    {"packet_records", Section::Packets,
     QT_TRANSLATE_NOOP3("pr::CaptureOptionsWidget", "&Update list of packets in real time",
                        "Wireshark's name for showing packets in the list while recording"),
     QT_TRANSLATE_NOOP("pr::CaptureOptionsWidget",
                       "Off, a long recording costs the window nothing: the list shows the "
                       "packets when the recording stops.")},
};

QLabel* makeStatusLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setVisible(false);
    return label;
}

} // namespace

CaptureOptionsWidget::CaptureOptionsWidget(QWidget* parent) : QWidget(parent)
{
    // The form is taller than the space a main window usually gives it (a tab
    // beside the chart): scroll rather than squeeze or clip the controls.
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* content = new QWidget(scroll);
    auto* layout = new QVBoxLayout(content);

    // Filter
    auto* filterGroup = new QGroupBox(tr("Capture filter"), content);
    auto* filterLayout = new QVBoxLayout(filterGroup);
    m_filter = new FilterLineEdit(filterGroup);
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filterStatus = makeStatusLabel(filterGroup);
    m_filterStatus->setObjectName(QStringLiteral("filterStatus"));
    m_filterStatus->setAccessibleName(tr("Capture filter status"));
    filterLayout->addWidget(m_filter);
    filterLayout->addWidget(m_filterStatus);
    layout->addWidget(filterGroup);

    // Packets
    auto* packetsGroup = new QGroupBox(tr("Packets"), content);
    auto* packetsForm = new QFormLayout(packetsGroup);
    m_snaplen = new QSpinBox(packetsGroup);
    m_snaplen->setRange(int(limits::kMinSnaplen), int(limits::kMaxSnaplen));
    //: Unit suffix of the snapshot length spin box
    m_snaplen->setSuffix(tr(" bytes"));
    m_snaplen->setAccessibleName(tr("Snapshot length"));
    m_snaplen->setToolTip(tr("Bytes kept of each packet; longer packets are truncated."));
    packetsForm->addRow(tr("&Snapshot length:"), m_snaplen);
    m_promiscuous = new QCheckBox(tr("&Promiscuous mode"), packetsGroup);
    m_promiscuous->setAccessibleName(tr("Promiscuous mode"));
    m_promiscuous->setToolTip(
        tr("Also record frames addressed to other hosts on the same network segment."));
    packetsForm->addRow(QString(), m_promiscuous);
    m_ringMiB = new QSpinBox(packetsGroup);
    m_ringMiB->setRange(int(limits::kMinRingBytes / kMiB), int(limits::kMaxRingBytes / kMiB));
    //: Unit suffix: mebibytes
    m_ringMiB->setSuffix(tr(" MiB"));
    m_ringMiB->setAccessibleName(tr("Kernel buffer size"));
    m_ringMiB->setToolTip(
        tr("Memory the kernel fills while the recorder writes; larger survives longer bursts."));
    packetsForm->addRow(tr("Kernel &buffer:"), m_ringMiB);
    layout->addWidget(packetsGroup);
    addPlainField("snaplen", nullptr, m_snaplen);
    addPlainField("promiscuous", m_promiscuous, nullptr);
    addPlainField("ring_bytes", nullptr, m_ringMiB);

    // Output
    auto* outputGroup = new QGroupBox(tr("Output"), content);
    auto* outputForm = new QFormLayout(outputGroup);
    m_format = new QComboBox(outputGroup);
    m_format->addItem(tr("pcap (nanosecond)"), QStringLiteral("pcap"));
    m_format->addItem(tr("pcap (microsecond)"), QStringLiteral("pcap-us"));
    m_format->addItem(tr("pcapng"), QStringLiteral("pcapng"));
    m_format->setAccessibleName(tr("File format"));
    m_format->setToolTip(tr("Microsecond pcap suits older tools; pcapng keeps interface "
                            "names and direction."));
    outputForm->addRow(tr("File &format:"), m_format);
    auto* folderRow = new QHBoxLayout;
    m_outputDirectory = new QLineEdit(defaultOutputDirectory(), outputGroup);
    m_outputDirectory->setAccessibleName(tr("Output folder"));
    auto* browse = new QPushButton(tr("B&rowse…"), outputGroup);
    browse->setAccessibleName(tr("Choose output folder"));
    folderRow->addWidget(m_outputDirectory, 1);
    folderRow->addWidget(browse);
    // addRow(QString, QLayout*) gives the label no buddy, so the mnemonic
    // would show as a literal '&': make the label ourselves.
    auto* folderLabel = new QLabel(tr("F&older:"), outputGroup);
    folderLabel->setBuddy(m_outputDirectory);
    outputForm->addRow(folderLabel, folderRow);
    m_outputStatus = makeStatusLabel(outputGroup);
    m_outputStatus->setAccessibleName(tr("Output folder status"));
    outputForm->addRow(QString(), m_outputStatus);

    // A set of files: a new one at a size and/or after a time, optionally
    // only the newest kept (Wireshark's ring buffer).
    m_split = new QCheckBox(tr("Split into se&veral files"), outputGroup);
    m_split->setObjectName(QStringLiteral("splitCheck"));
    m_split->setAccessibleName(tr("Split the recording into several files"));
    m_split->setToolTip(tr("Start a new file when it reaches a size or after a time, "
                           "whichever comes first. Wireshark opens the files as a set."));
    outputForm->addRow(QString(), m_split);
    m_splitControls = new QWidget(outputGroup);
    m_splitControls->setObjectName(QStringLiteral("splitControls"));
    auto* splitGrid = new QGridLayout(m_splitControls);
    splitGrid->setContentsMargins(20, 0, 0, 0);
    m_splitBySize = new QCheckBox(tr("New file every:"), m_splitControls);
    m_splitBySize->setObjectName(QStringLiteral("splitBySize"));
    m_splitBySize->setAccessibleName(tr("Start a new file at a size"));
    m_splitMB = new QSpinBox(m_splitControls);
    m_splitMB->setObjectName(QStringLiteral("splitMB"));
    m_splitMB->setRange(int(limits::kMinSplitBytes / kMB), int(limits::kMaxSplitBytes / kMB));
    m_splitMB->setValue(100);
    m_splitMB->setGroupSeparatorShown(true);
    //: Unit suffix: megabytes (1,000,000 bytes)
    m_splitMB->setSuffix(tr(" MB"));
    m_splitMB->setAccessibleName(tr("File size in MB"));
    m_splitByTime = new QCheckBox(tr("New file after:"), m_splitControls);
    m_splitByTime->setObjectName(QStringLiteral("splitByTime"));
    m_splitByTime->setAccessibleName(tr("Start a new file after a time"));
    m_splitTime = new QSpinBox(m_splitControls);
    m_splitTime->setObjectName(QStringLiteral("splitTime"));
    m_splitTime->setRange(1, int(limits::kMaxSplitSeconds / kSecondsPerMinute));
    m_splitTime->setValue(10);
    m_splitTime->setAccessibleName(tr("Time per file"));
    m_splitTimeUnit = new QComboBox(m_splitControls);
    m_splitTimeUnit->setObjectName(QStringLiteral("splitTimeUnit"));
    m_splitTimeUnit->addItem(QString(), 1);
    m_splitTimeUnit->addItem(QString(), kSecondsPerMinute);
    m_splitTimeUnit->setCurrentIndex(1);
    m_splitTimeUnit->setAccessibleName(tr("Unit of the time per file"));
    auto* timeRow = new QHBoxLayout;
    timeRow->addWidget(m_splitTime, 1);
    timeRow->addWidget(m_splitTimeUnit);
    m_keepFiles = new QCheckBox(tr("&Keep only the newest:"), m_splitControls);
    m_keepFiles->setObjectName(QStringLiteral("keepFiles"));
    m_keepFiles->setAccessibleName(tr("Keep only the newest files (ring buffer)"));
    m_keepFiles->setToolTip(tr("A ring buffer: when a new file starts, the oldest beyond "
                               "this number is deleted."));
    m_keepCount = new QSpinBox(m_splitControls);
    m_keepCount->setObjectName(QStringLiteral("keepCount"));
    m_keepCount->setRange(1, int(limits::kMaxKeepFiles));
    m_keepCount->setValue(10);
    m_keepCount->setAccessibleName(tr("Number of files to keep"));
    m_splitNames = new QLabel(m_splitControls);
    m_splitNames->setObjectName(QStringLiteral("splitNames"));
    m_splitNames->setWordWrap(true);
    m_splitNames->setTextInteractionFlags(Qt::TextSelectableByMouse);
    splitGrid->addWidget(m_splitBySize, 0, 0);
    splitGrid->addWidget(m_splitMB, 0, 1);
    splitGrid->addWidget(m_splitByTime, 1, 0);
    splitGrid->addLayout(timeRow, 1, 1);
    // The keep row and the names example follow the table's own split
    // options (buildPlainFields()), so every "new file" rule stands together.
    splitGrid->setColumnStretch(1, 1);
    outputForm->addRow(m_splitControls);
    layout->addWidget(outputGroup);

    // Programs (attribution): which program's socket sent or received each
    // packet, shown live and, in pcapng, written into the file.
    //: Options group: which program sent each packet
    auto* programsGroup = new QGroupBox(tr("Programs"), content);
    auto* programsLayout = new QVBoxLayout(programsGroup);
    m_attribution = new QCheckBox(tr("Show which &program sent each packet"), programsGroup);
    m_attribution->setObjectName(QStringLiteral("attributionCheck"));
    m_attribution->setAccessibleName(tr("Show which program sent each packet"));
    m_attribution->setToolTip(tr("Names the program and user behind each TCP and UDP packet, "
                                 "in the Programs view and the packet list's Program column. "
                                 "Other users' programs are shown by their account only."));
    programsLayout->addWidget(m_attribution);
    addPlainField("attribution", m_attribution, nullptr);
    m_programComments = new QCheckBox(
        tr("&Write each packet's program into the file (pcapng comment)"), programsGroup);
    m_programComments->setObjectName(QStringLiteral("programCommentsCheck"));
    m_programComments->setAccessibleName(tr("Write each packet's program into the file"));
    m_programComments->setChecked(true);
    m_programComments->setToolTip(
        tr("Wireshark shows the comment with each packet and finds a program's packets with "
           "the filter frame.comment contains \"curl\"."));
    programsLayout->addWidget(m_programComments);
    m_programCommentsNote = new QLabel(programsGroup);
    m_programCommentsNote->setObjectName(QStringLiteral("programCommentsNote"));
    m_programCommentsNote->setWordWrap(true);
    m_programCommentsNote->setEnabled(false); // a quiet grey
    m_programCommentsNote->setContentsMargins(20, 0, 0, 0);
    //: Options note, shown when the file format is pcap
    m_programCommentsNote->setText(tr("A pcap file has nowhere to store it: choose pcapng to "
                                      "keep the programs in the file."));
    programsLayout->addWidget(m_programCommentsNote);
    layout->addWidget(programsGroup);

    // Auto-stop
    auto* stopGroup = new QGroupBox(tr("Stop automatically"), content);
    auto* stopGrid = new QGridLayout(stopGroup);
    m_stopAfterDuration = new QCheckBox(tr("After &duration:"), stopGroup);
    m_stopAfterDuration->setAccessibleName(tr("Stop after a duration"));
    m_durationSeconds = new QDoubleSpinBox(stopGroup);
    m_durationSeconds->setRange(1, kMaxStopSeconds);
    m_durationSeconds->setDecimals(0);
    m_durationSeconds->setValue(60);
    //: Unit suffix: seconds
    m_durationSeconds->setSuffix(tr(" s"));
    m_durationSeconds->setAccessibleName(tr("Duration in seconds"));
    m_stopAfterSize = new QCheckBox(tr("After file &size:"), stopGroup);
    m_stopAfterSize->setAccessibleName(tr("Stop after a file size"));
    m_sizeMiB = new QSpinBox(stopGroup);
    m_sizeMiB->setRange(1, kMaxStopSizeMiB);
    m_sizeMiB->setValue(100);
    m_sizeMiB->setSuffix(tr(" MiB"));
    m_sizeMiB->setAccessibleName(tr("File size in MiB"));
    m_stopAfterPackets = new QCheckBox(tr("After &packets:"), stopGroup);
    m_stopAfterPackets->setAccessibleName(tr("Stop after a packet count"));
    m_packetCount = new QSpinBox(stopGroup);
    m_packetCount->setRange(1, kMaxStopPackets);
    m_packetCount->setValue(10000);
    m_packetCount->setGroupSeparatorShown(true);
    m_packetCount->setAccessibleName(tr("Packet count"));
    stopGrid->addWidget(m_stopAfterDuration, 0, 0);
    stopGrid->addWidget(m_durationSeconds, 0, 1);
    stopGrid->addWidget(m_stopAfterSize, 1, 0);
    stopGrid->addWidget(m_sizeMiB, 1, 1);
    stopGrid->addWidget(m_stopAfterPackets, 2, 0);
    stopGrid->addWidget(m_packetCount, 2, 1);
    stopGrid->setColumnStretch(1, 1);
    layout->addWidget(stopGroup);
    buildPlainFields(packetsForm, outputForm, splitGrid, stopGrid);
    const int keepRow = splitGrid->rowCount();
    splitGrid->addWidget(m_keepFiles, keepRow, 0);
    splitGrid->addWidget(m_keepCount, keepRow, 1);
    splitGrid->addWidget(m_splitNames, keepRow + 1, 0, 1, 2);

    // Recordings of other machines: not capture options of the helper's
    // (RemoteRecordingOptions), so not in the option table either.
    m_remoteRecording = new RemoteRecordingOptionsGroup(content);
    layout->addWidget(m_remoteRecording);

    // Language: an application setting rather than a capture option, here
    // because this is the one place with settings; stored as soon as chosen.
    auto* languageGroup = new QGroupBox(tr("Language"), content);
    auto* languageForm = new QFormLayout(languageGroup);
    m_language = new QComboBox(languageGroup);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->setAccessibleName(tr("Language"));
    for (const LanguageChoice& choice : availableLanguages())
        m_language->addItem(choice.nativeName, choice.code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(storedLanguage())));
    languageForm->addRow(tr("&Language:"), m_language);
    m_languageNote =
        new QLabel(tr("Takes effect when Packet Recorder is restarted."), languageGroup);
    m_languageNote->setObjectName(QStringLiteral("languageNote"));
    m_languageNote->setWordWrap(true);
    languageForm->addRow(QString(), m_languageNote);
    connect(m_language, &QComboBox::currentIndexChanged, this,
            [this] { storeLanguage(m_language->currentData().toString()); });
    layout->addWidget(languageGroup);
    layout->addStretch(1);
    scroll->setWidget(content);
    outer->addWidget(scroll);

    connect(browse, &QPushButton::clicked, this, &CaptureOptionsWidget::browseOutputDirectory);
    connect(m_filter, &FilterLineEdit::stateChanged, this, &CaptureOptionsWidget::updateValidity);
    connect(m_outputDirectory, &QLineEdit::textChanged, this,
            &CaptureOptionsWidget::updateValidity);
    for (QCheckBox* box : {m_stopAfterDuration, m_stopAfterSize, m_stopAfterPackets})
        connect(box, &QCheckBox::toggled, this, &CaptureOptionsWidget::updateStopControls);
    for (QCheckBox* box : {m_split, m_splitBySize, m_splitByTime, m_keepFiles})
        connect(box, &QCheckBox::toggled, this, &CaptureOptionsWidget::updateSplitControls);
    connect(m_splitTime, &QSpinBox::valueChanged, this, &CaptureOptionsWidget::updateSplitControls);
    connect(m_keepCount, &QSpinBox::valueChanged, this, &CaptureOptionsWidget::updateSplitControls);
    connect(m_splitTimeUnit, &QComboBox::currentIndexChanged, this, [this] {
        // A year at most, in whichever unit.
        m_splitTime->setMaximum(
            int(limits::kMaxSplitSeconds / quint32(m_splitTimeUnit->currentData().toInt())));
        updateSplitControls();
    });
    connect(m_format, &QComboBox::currentIndexChanged, this,
            &CaptureOptionsWidget::updateSplitControls);
    connect(m_format, &QComboBox::currentIndexChanged, this,
            &CaptureOptionsWidget::updateProgramControls);
    connect(m_attribution, &QCheckBox::toggled, this, &CaptureOptionsWidget::updateProgramControls);
    connect(m_splitMB, &QSpinBox::valueChanged, this, [this] { emit valuesChanged(); });

    const auto changed = [this] { emit valuesChanged(); };
    connect(m_filter, &QLineEdit::textChanged, this, changed);
    connect(m_snaplen, &QSpinBox::valueChanged, this, changed);
    connect(m_promiscuous, &QCheckBox::toggled, this, changed);
    connect(m_ringMiB, &QSpinBox::valueChanged, this, changed);
    connect(m_format, &QComboBox::currentIndexChanged, this, changed);
    connect(m_outputDirectory, &QLineEdit::textChanged, this, changed);
    connect(m_durationSeconds, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_sizeMiB, &QSpinBox::valueChanged, this, changed);
    connect(m_packetCount, &QSpinBox::valueChanged, this, changed);
    connect(m_attribution, &QCheckBox::toggled, this, changed);
    connect(m_programComments, &QCheckBox::toggled, this, changed);

    // The plain controls start at the table's GUI defaults.
    writePlainFields(CaptureOptionsValues());
    updateStopControls();
    updateSplitControls();
    updateProgramControls();
    updateValidity();
}

void CaptureOptionsWidget::addPlainField(const char* name, QCheckBox* check, QSpinBox* spin)
{
    const options::CaptureOption* option = options::findOption(name);
    Q_ASSERT(option && !option->specialWidget);
    m_plainFields.push_back({option, check, spin});
}

void CaptureOptionsWidget::buildPlainFields(QFormLayout* packets, QFormLayout* output,
                                            QGridLayout* split, QGridLayout* stop)
{
    for (const PlainText& text : kPlainTexts) {
        const options::CaptureOption* option = options::findOption(text.name);
        Q_ASSERT(option && !option->specialWidget);
        QWidget* parent = text.section == Section::Split     ? split->parentWidget()
                          : text.section == Section::Stop    ? stop->parentWidget()
                          : text.section == Section::Packets ? packets->parentWidget()
                                                             : output->parentWidget();
        const QString label = tr(text.label.text, text.label.comment);
        QCheckBox* check = nullptr;
        QSpinBox* spin = nullptr;
        if (option->kind == options::OptionKind::Flag || option->zeroIsOff) {
            check = new QCheckBox(label, parent);
            check->setObjectName(QString::fromLatin1(option->name));
            check->setAccessibleName(QString(label).remove(QLatin1Char('&')));
            check->setToolTip(tr(text.toolTip));
        }
        if (option->kind == options::OptionKind::Count) {
            spin = new QSpinBox(parent);
            spin->setObjectName(QString::fromLatin1(option->name) + QLatin1String("Value"));
            const quint64 unit = option->recordUnit;
            spin->setRange(int(std::max<quint64>(option->min / unit, 1)),
                           int(std::min<quint64>(option->max / unit, INT_MAX)));
            spin->setAccessibleName(QString(label).remove(QLatin1Char('&')));
            spin->setToolTip(tr(text.toolTip));
            connect(spin, &QSpinBox::valueChanged, this, [this] { emit valuesChanged(); });
            if (check)
                connect(check, &QCheckBox::toggled, spin, &QSpinBox::setEnabled);
        }
        if (check)
            connect(check, &QCheckBox::toggled, this, [this] { emit valuesChanged(); });
        if (text.section == Section::Stop || text.section == Section::Split) {
            QGridLayout* grid = text.section == Section::Stop ? stop : split;
            const int row = grid->rowCount();
            grid->addWidget(check, row, 0);
            if (spin)
                grid->addWidget(spin, row, 1);
        } else {
            QFormLayout* form = text.section == Section::Packets ? packets : output;
            if (check && spin)
                form->addRow(check, spin);
            else if (check)
                form->addRow(QString(), check);
            else
                form->addRow(label, spin);
        }
        m_plainFields.push_back({option, check, spin});
    }
}

void CaptureOptionsWidget::readPlainFields(CaptureOptionsValues* values) const
{
    CaptureOptions model = toModel(*values);
    for (const PlainField& field : m_plainFields) {
        const options::CaptureOption& option = *field.option;
        if (option.kind == options::OptionKind::Flag) {
            option.set(model, field.check->isChecked());
            continue;
        }
        const bool on = !field.check || field.check->isChecked();
        option.set(model,
                   on ? std::uint64_t(field.spin->value()) * option.recordUnit : std::uint64_t(0));
    }
    setFromModel(model, values);
}

void CaptureOptionsWidget::writePlainFields(const CaptureOptionsValues& values)
{
    const CaptureOptions model = toModel(values);
    for (const PlainField& field : m_plainFields) {
        const options::CaptureOption& option = *field.option;
        const options::OptionValue value = option.get(model);
        if (option.kind == options::OptionKind::Flag) {
            field.check->setChecked(std::get<bool>(value));
            continue;
        }
        // In the spin box's unit, rounded up; QSpinBox clamps to its range,
        // which carries the shared limits.
        const quint64 unit = option.recordUnit;
        const quint64 number = (std::get<std::uint64_t>(value) + unit - 1) / unit;
        if (field.check) {
            field.check->setChecked(number > 0);
            field.spin->setEnabled(number > 0);
        }
        if (number > 0 || !field.check)
            field.spin->setValue(int(std::min<quint64>(number, INT_MAX)));
    }
}

void CaptureOptionsWidget::updateProgramControls()
{
    const bool pcapng = m_format->currentData().toString() == QLatin1StringView("pcapng");
    m_programComments->setEnabled(pcapng && m_attribution->isChecked());
    m_programCommentsNote->setVisible(!pcapng && m_attribution->isChecked());
}

QString CaptureOptionsWidget::defaultOutputDirectory()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!documents.isEmpty() && QFileInfo(documents).isDir())
        return documents;
    return QDir::homePath();
}

CaptureOptionsValues CaptureOptionsWidget::values() const
{
    CaptureOptionsValues v;
    v.filter = m_filter->text().trimmed();
    v.format = m_format->currentData().toString();
    v.outputDirectory = QDir::cleanPath(m_outputDirectory->text().trimmed());
    v.stopAfterSeconds = m_stopAfterDuration->isChecked() ? m_durationSeconds->value() : 0;
    v.stopAfterBytes = m_stopAfterSize->isChecked() ? quint64(m_sizeMiB->value()) * kMiB : 0;
    v.stopAfterPackets = m_stopAfterPackets->isChecked() ? quint64(m_packetCount->value()) : 0;
    // The choice is kept as made, also while pcap leaves it without effect.
    v.programComments = m_programComments->isChecked();
    if (m_split->isChecked()) {
        v.splitBytes = m_splitBySize->isChecked() ? quint64(m_splitMB->value()) * kMB : 0;
        v.splitSeconds =
            m_splitByTime->isChecked()
                ? quint32(m_splitTime->value()) * quint32(m_splitTimeUnit->currentData().toInt())
                : 0;
        v.keepFiles = v.splits() && m_keepFiles->isChecked() ? quint32(m_keepCount->value()) : 0;
    }
    readPlainFields(&v);
    return v;
}

void CaptureOptionsWidget::setValues(const CaptureOptionsValues& v)
{
    m_filter->setText(v.filter);
    m_filter->validateNow();
    writePlainFields(v);
    const int formatIndex = m_format->findData(v.format);
    m_format->setCurrentIndex(formatIndex >= 0 ? formatIndex : 0);
    m_outputDirectory->setText(v.outputDirectory.isEmpty() ? defaultOutputDirectory()
                                                           : v.outputDirectory);
    m_stopAfterDuration->setChecked(v.stopAfterSeconds > 0);
    if (v.stopAfterSeconds > 0)
        m_durationSeconds->setValue(v.stopAfterSeconds);
    m_stopAfterSize->setChecked(v.stopAfterBytes > 0);
    if (v.stopAfterBytes > 0)
        m_sizeMiB->setValue(
            int(std::min<quint64>((v.stopAfterBytes + kMiB - 1) / kMiB, kMaxStopSizeMiB)));
    m_stopAfterPackets->setChecked(v.stopAfterPackets > 0);
    if (v.stopAfterPackets > 0)
        m_packetCount->setValue(int(std::min<quint64>(v.stopAfterPackets, kMaxStopPackets)));

    // Out-of-range values from an edited settings file are clamped into the
    // shared limits, as the spin boxes do.
    m_split->setChecked(v.splits());
    m_splitBySize->setChecked(v.splitBytes > 0);
    if (v.splitBytes > 0)
        m_splitMB->setValue(
            int(std::clamp<quint64>((v.splitBytes + kMB - 1) / kMB, limits::kMinSplitBytes / kMB,
                                    limits::kMaxSplitBytes / kMB)));
    m_splitByTime->setChecked(v.splitSeconds > 0);
    if (v.splitSeconds > 0) {
        const quint32 seconds = std::min(v.splitSeconds, limits::kMaxSplitSeconds);
        const bool minutes = seconds % kSecondsPerMinute == 0;
        m_splitTimeUnit->setCurrentIndex(minutes ? 1 : 0);
        m_splitTime->setValue(int(minutes ? seconds / kSecondsPerMinute : seconds));
    }
    m_keepFiles->setChecked(v.splits() && v.keepFiles > 0);
    if (v.keepFiles > 0)
        m_keepCount->setValue(int(std::min(v.keepFiles, limits::kMaxKeepFiles)));
    m_programComments->setChecked(v.programComments);
    updateProgramControls();
    updateSplitControls();
    updateValidity();
}

void CaptureOptionsWidget::setLinkType(quint32 linkType)
{
    m_filter->setLinkType(linkType);
    updateValidity();
}

QString CaptureOptionsWidget::problem() const
{
    if (m_filter->state() == FilterLineEdit::State::Invalid)
        return tr("The capture filter is invalid: %1").arg(m_filter->errorMessage());
    const QString folder = m_outputDirectory->text().trimmed();
    if (folder.isEmpty())
        return tr("Choose a folder for the recording.");
    const QFileInfo info(folder);
    if (!info.isDir())
        return tr("The folder %1 does not exist.").arg(folder);
    if (!info.isWritable())
        return tr("The folder %1 is not writable.").arg(folder);
    if (m_split->isChecked() && !m_splitBySize->isChecked() && !m_splitByTime->isChecked())
        return tr("Choose when a new file starts: at a size, after a time, or both.");
    return {};
}

bool CaptureOptionsWidget::isValid() const
{
    return problem().isEmpty();
}

void CaptureOptionsWidget::browseOutputDirectory()
{
    const QString chosen = QFileDialog::getExistingDirectory(this, tr("Folder for recordings"),
                                                             m_outputDirectory->text());
    if (!chosen.isEmpty())
        m_outputDirectory->setText(QDir::toNativeSeparators(chosen));
}

void CaptureOptionsWidget::updateStopControls()
{
    m_durationSeconds->setEnabled(m_stopAfterDuration->isChecked());
    m_sizeMiB->setEnabled(m_stopAfterSize->isChecked());
    m_packetCount->setEnabled(m_stopAfterPackets->isChecked());
    emit valuesChanged();
}

void CaptureOptionsWidget::updateSplitControls()
{
    const bool split = m_split->isChecked();
    m_splitControls->setVisible(split);
    m_splitMB->setEnabled(split && m_splitBySize->isChecked());
    m_splitTime->setEnabled(split && m_splitByTime->isChecked());
    m_splitTimeUnit->setEnabled(split && m_splitByTime->isChecked());
    const bool splits = split && (m_splitBySize->isChecked() || m_splitByTime->isChecked());
    m_keepFiles->setEnabled(splits);
    m_keepCount->setEnabled(splits && m_keepFiles->isChecked());
    // The units agree with the number in front of them.
    const int time = m_splitTime->value();
    //: Unit of the time per file, after a number
    m_splitTimeUnit->setItemText(0, tr("second(s)", nullptr, time));
    //: Unit of the time per file, after a number
    m_splitTimeUnit->setItemText(1, tr("minute(s)", nullptr, time));
    //: Unit suffix of the number of files to keep, after the number
    m_keepCount->setSuffix(tr(" file(s)", nullptr, m_keepCount->value()));
    // Names as dumpcap gives a set, which Wireshark's File > File Set lists.
    const QString suffix = m_format->currentData().toString() == QLatin1String("pcapng")
                               ? QStringLiteral("pcapng")
                               : QStringLiteral("pcap");
    //: %1 and %2 are the ends of example file names of a split recording
    m_splitNames->setText(tr("Each file gets a number and its start time: %1, %2, …")
                              .arg(QStringLiteral("…_00001_20260102150405.") + suffix,
                                   QStringLiteral("…_00002_20260102151405.") + suffix));
    updateValidity();
    emit valuesChanged();
}

void CaptureOptionsWidget::updateValidity()
{
    switch (m_filter->state()) {
    case FilterLineEdit::State::Invalid:
        m_filterStatus->setText(m_filter->errorMessage());
        m_filterStatus->setStyleSheet(QStringLiteral("color: #b00000;"));
        m_filterStatus->setVisible(true);
        break;
    case FilterLineEdit::State::Valid:
    case FilterLineEdit::State::Empty:
        m_filterStatus->clear();
        m_filterStatus->setVisible(false);
        break;
    }

    const QString folderProblem = [this] {
        const QString folder = m_outputDirectory->text().trimmed();
        const QFileInfo info(folder);
        if (folder.isEmpty())
            return tr("Choose a folder for the recording.");
        if (!info.isDir())
            return tr("This folder does not exist.");
        if (!info.isWritable())
            return tr("This folder is not writable.");
        return QString();
    }();
    m_outputStatus->setText(folderProblem);
    m_outputStatus->setStyleSheet(QStringLiteral("color: #b00000;"));
    m_outputStatus->setVisible(!folderProblem.isEmpty());

    const bool valid = isValid();
    if (valid != m_lastValid) {
        m_lastValid = valid;
        emit validityChanged(valid);
    }
}

} // namespace pr
