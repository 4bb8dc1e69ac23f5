#pragma once

#include "capture/files/capture_file_scanner.h"
#include "capture/files/program_comments.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <map>
#include <memory>
#include <vector>

namespace pr {

// What the filter learned since its last report about one file.
struct ProgramFilterProgress
{
    int file = 0;                 // the id given to scanTo()
    std::vector<quint32> matches; // new matching packets: 0-based in the file, rising
    quint64 packets = 0;          // packets of this file read so far
    bool finished = false;        // read to its end for the last time (or cancelled)
    QString error;
};

// Reads capture files for the packets of one program (ProgramFilter), in a
// thread of its own, behind the index: each file only up to a position the
// index reached, which is the end of a whole record. Keeps nothing per
// packet but the numbers of those that match; files are read with their own
// scanner, so the index goes on while a filter runs.
class ProgramFilterScanner : public QObject
{
    Q_OBJECT
public:
    explicit ProgramFilterScanner(const ProgramFilter& filter, QObject* parent = nullptr);
    ~ProgramFilterScanner() override;

    // Thread-safe: the current and every queued scan stop soon.
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }

public slots:
    // Reads file `file` (opened at the first call) on to `limit` bytes;
    // `last`: limit is its end, report finished and close it.
    void scanTo(int file, const QString& path, quint64 limit, bool last);
    // The file is gone (a ring deleted it): close it.
    void forget(int file);

signals:
    void progress(const pr::ProgramFilterProgress& progress);

private:
    class Sink;
    struct File;

    ProgramFilter m_filter;
    std::map<int, std::unique_ptr<File>> m_files; // open: not read to their end yet
    std::vector<int> m_done;                      // read to their end, or failed
    std::atomic<bool> m_cancelled{false};
};

} // namespace pr

Q_DECLARE_METATYPE(pr::ProgramFilterProgress)
