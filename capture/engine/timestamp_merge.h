// The ordering rule of the several-interface merge (recorder_merge.cpp),
// apart from the rings so that it can be tested on its own.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>

namespace pr {

// One pass over the rings: which ring holds the oldest packet, and up to
// which timestamp that ring's packets may be written before another ring
// could still deliver an older one. Each ring's packets are in timestamp
// order, so writing packets up to limitNs() and asking again keeps the file
// in order. A ring without a ready packet bounds the limit by what it may
// still hand over: packets stamped up to `lagNs` before the moment it was
// seen empty; so a held packet waits at most that lag after its timestamp.
class MergeBound
{
public:
    // A ring with a ready packet: its oldest one not written yet.
    void addHead(std::size_t ring, std::int64_t headNs)
    {
        if (!m_hasOldest || headNs < m_oldestNs) {
            if (m_hasOldest)
                m_limitNs = std::min(m_limitNs, m_oldestNs);
            m_hasOldest = true;
            m_oldest = ring;
            m_oldestNs = headNs;
        } else {
            m_limitNs = std::min(m_limitNs, headNs);
        }
    }
    // A ring without a ready packet, seen at observedAtNs (realtime, as the
    // packets' timestamps); it may still deliver packets from observedAtNs -
    // lagNs on. Not called when the recording ends: then what is ready goes.
    void addWithoutHead(std::int64_t observedAtNs, std::int64_t lagNs)
    {
        m_limitNs = std::min(m_limitNs, observedAtNs - lagNs);
    }

    bool hasOldest() const { return m_hasOldest; }
    std::size_t oldest() const { return m_oldest; }
    // Packets of oldest() stamped up to here may be written now.
    std::int64_t limitNs() const { return m_limitNs; }
    // 0 when the oldest packet may be written now; otherwise how long it
    // must wait at most before asking again.
    std::int64_t waitNs() const { return m_oldestNs > m_limitNs ? m_oldestNs - m_limitNs : 0; }

private:
    bool m_hasOldest = false;
    std::size_t m_oldest = 0;
    std::int64_t m_oldestNs = 0;
    std::int64_t m_limitNs = std::numeric_limits<std::int64_t>::max();
};

} // namespace pr
