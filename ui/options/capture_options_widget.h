#pragma once

#include "ui/options/capture_options_settings.h"

#include <QString>
#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QGridLayout;
class QFormLayout;

namespace pr::options {
struct CaptureOption;
}

namespace pr {

class FilterLineEdit;
class RemoteRecordingOptionsGroup;

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
    // Leave out the ssh session, order by corrected clocks: the window
    // stores them beside the capture options.
    RemoteRecordingOptionsGroup* remoteRecording() const { return m_remoteRecording; }

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
    // The table's options without a widget of their own: a check box for a
    // Flag, a spin box (with a check box when 0 is "off") for a Count.
    struct PlainField
    {
        const options::CaptureOption* option = nullptr;
        QCheckBox* check = nullptr;
        QSpinBox* spin = nullptr;
    };
    void addPlainField(const char* name, QCheckBox* check, QSpinBox* spin);
    void buildPlainFields(QFormLayout* packets, QFormLayout* output, QGridLayout* split,
                          QGridLayout* stop);
    void readPlainFields(CaptureOptionsValues* values) const;
    void writePlainFields(const CaptureOptionsValues& values);

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
    RemoteRecordingOptionsGroup* m_remoteRecording = nullptr;
    QComboBox* m_language = nullptr;
    QLabel* m_languageNote = nullptr;
    std::vector<PlainField> m_plainFields;
    bool m_lastValid = true;
};

} // namespace pr
