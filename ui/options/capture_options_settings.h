#pragma once

// The capture options as the GUI keeps them: the Options panel's values,
// their settings (QSettings group "capture", one key per option of the
// table in capture/options) and the Start they turn into. Keys, kinds and
// defaults come from the table; this file names the panel's fields once,
// in toModel() and setFromModel().

#include "capture/engine/capture_options.h"
#include "capture/protocol/helper_messages.h"

#include <QString>
#include <QStringList>

class QSettings;

namespace pr {

// The panel's values. Defaults are the table's GUI defaults
// (options::guiDefaults()); bounds are pr::limits.
struct CaptureOptionsValues
{
    CaptureOptionsValues();

    QString filter;
    quint32 snaplen = 0;
    bool promiscuous = false;
    quint64 ringBytes = 0;
    QString format; // "pcap", "pcap-us", "pcapng"
    QString outputDirectory;
    double stopAfterSeconds = 0; // 0: no limit (also when unchecked)
    quint64 stopAfterBytes = 0;
    quint64 stopAfterPackets = 0;
    // A set of files (ring buffer); 0 is off. keepFiles only with a split.
    quint64 splitBytes = 0; // decimal megabytes in the panel (as tcpdump -C)
    quint32 splitSeconds = 0;
    quint32 keepFiles = 0;
    // Which program sent each packet, and in a pcapng file each packet's
    // program as its comment.
    bool attribution = false;
    bool programComments = false;
    // Every other option of the table (those the panel shows with plain
    // controls built from it) lives here, in the model's own type, so a new
    // option needs no field above.
    CaptureOptions model;

    bool splits() const
    {
        return splitBytes != 0 || splitSeconds != 0 || model.fileSet.maxFilePackets != 0;
    }
};

// The values as the model (no interfaces, no output path) and back.
CaptureOptions toModel(const CaptureOptionsValues& values);
void setFromModel(const CaptureOptions& model, CaptureOptionsValues* values);

// Reads and writes the options of the table that have a settings key, and
// the output folder, in the settings' "capture" group. A missing or
// unreadable key keeps the GUI default.
CaptureOptionsValues loadCaptureOptions(QSettings& settings);
void saveCaptureOptions(QSettings& settings, const CaptureOptionsValues& values);

// The one way the GUI's values become a Start: interfaces from the caller,
// the output path and overwrite left for the caller to set.
proto::StartRequest startRequestFor(const CaptureOptionsValues& values,
                                    const QStringList& interfaceNames);

} // namespace pr
