#pragma once

#include "capture/protocol/helper_messages.h"

#include <QString>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace pr {

class FilterLineEdit;

// The panel's values (and the saved settings); defaults and bounds are the
// engine's (pr::limits), turned into a Start by applyToStartRequest().
struct CaptureOptionsValues
{
    QString filter;
    quint32 snaplen = limits::kDefaultSnaplen;
    bool promiscuous = false;
    quint64 ringBytes = limits::kDefaultRingBytes;
    QString format = QStringLiteral("pcap"); // "pcap", "pcap-us", "pcapng"
    QString outputDirectory;
    double stopAfterSeconds = 0; // 0: no limit (also when unchecked)
    quint64 stopAfterBytes = 0;
    quint64 stopAfterPackets = 0;
    // A set of files (ring buffer); 0 is off. keepFiles only with a split.
    quint64 splitBytes = 0; // decimal megabytes in the panel (as tcpdump -C)
    quint32 splitSeconds = 0;
    quint32 keepFiles = 0;
    // Which program sent each packet (StartRequest::attribution), and in a
    // pcapng file each packet's program as its comment.
    bool attribution = true;
    bool programComments = true;
    bool splits() const { return splitBytes != 0 || splitSeconds != 0; }
};

// The options' part of a Start: filter, snaplen, promiscuous, ring, format,
// auto-stop and the set of files (interface and output path are the caller's).
void applyToStartRequest(const CaptureOptionsValues& values, proto::StartRequest* request);

// Capture filter with live validation, snapshot length, promiscuous mode,
// ring size, file format, output folder and auto-stop conditions.
class CaptureOptionsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit CaptureOptionsWidget(QWidget* parent = nullptr);

    CaptureOptionsValues values() const;
    void setValues(const CaptureOptionsValues& values);
    // LINKTYPE_* the filter is compiled for (EN10MB by default and for "any").
    void setLinkType(quint32 linkType);
    // False while the filter does not compile or the output folder is unusable.
    bool isValid() const;
    // Why isValid() is false, for a status bar or a dialog; empty when valid.
    QString problem() const;

    FilterLineEdit* filterEdit() const { return m_filter; }

    // Documents folder (or home when there is none): always exists, so the
    // first recording works without the user choosing anything.
    static QString defaultOutputDirectory();

signals:
    void validityChanged(bool valid);
    void valuesChanged();

private:
    void browseOutputDirectory();
    void updateValidity();
    void updateStopControls();
    void updateSplitControls();
    void updateProgramControls();

    FilterLineEdit* m_filter = nullptr;
    QLabel* m_filterStatus = nullptr;
    QSpinBox* m_snaplen = nullptr;
    QCheckBox* m_promiscuous = nullptr;
    QSpinBox* m_ringMiB = nullptr;
    QComboBox* m_format = nullptr;
    QLineEdit* m_outputDirectory = nullptr;
    QLabel* m_outputStatus = nullptr;
    QCheckBox* m_stopAfterDuration = nullptr;
    QDoubleSpinBox* m_durationSeconds = nullptr;
    QCheckBox* m_stopAfterSize = nullptr;
    QSpinBox* m_sizeMiB = nullptr;
    QCheckBox* m_stopAfterPackets = nullptr;
    QSpinBox* m_packetCount = nullptr;
    QCheckBox* m_split = nullptr;
    QWidget* m_splitControls = nullptr;
    QCheckBox* m_splitBySize = nullptr;
    QSpinBox* m_splitMB = nullptr;
    QCheckBox* m_splitByTime = nullptr;
    QSpinBox* m_splitTime = nullptr;
    QComboBox* m_splitTimeUnit = nullptr; // data: seconds per unit
    QCheckBox* m_keepFiles = nullptr;
    QSpinBox* m_keepCount = nullptr;
    QLabel* m_splitNames = nullptr;
    QCheckBox* m_attribution = nullptr;
    QCheckBox* m_programComments = nullptr;
    QLabel* m_programCommentsNote = nullptr;
    QComboBox* m_language = nullptr;
    QLabel* m_languageNote = nullptr;
    bool m_lastValid = true;
};

} // namespace pr
