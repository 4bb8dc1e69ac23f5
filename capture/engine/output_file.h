#pragma once

#include "capture/engine/recorder.h"

#include <string>

namespace pr {

// The one file of a recording that is not split, opened as the user before
// the helper confines itself. The recording only ever writes into a file it
// created: new, private (0600 whatever the umask), never through a symbolic
// link.
//
// A file that exists is replaced only when the user asked (`overwrite`), and
// even then never written into: the recording goes to a new file beside it
// (".NAME.XXXXXX", O_EXCL, 0600) that takes the old name with rename() once
// the recording has started (commit()). Whoever held the old file open keeps
// the old contents, and a file owned by someone else is refused with a
// sentence, not replaced (in a sticky folder such as /tmp the kernel would
// refuse the rename anyway).
//
// The path "-" is standard output, as for tcpdump -w -: a stream to another
// program (`ssh host packet-recorder-helper record -w - | wireshark -k -i -`).
// Nothing is created, replaced or removed, and descriptor 1 stays open.
class OutputFile
{
public:
    OutputFile() = default;
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    CaptureError open(const std::string& path, bool overwrite);
    // The recording has started (the file header is written): a replacement
    // takes the old name now. Nothing to do for a new file.
    CaptureError commit();
    // After a failed start: closes and removes what open() created (the new
    // file, or the replacement); a file that existed before stays as it was.
    void discard();
    void close();

    int fd() const { return m_fd; }
    bool isStandardOutput() const { return m_standardOutput; }
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
    std::string m_replacement; // non-empty while a replacement waits for commit()
    int m_fd = -1;
    bool m_created = false;
    bool m_standardOutput = false; // "-": descriptor 1, not ours to close
};

} // namespace pr
