#pragma once

#include <algorithm>
#include <cstdint>

namespace pr {

// How much of the time a thread at real-time priority may work: it earns
// one nanosecond of credit for every `divisor` that pass, holds at most
// `burstNs` of it, and pays a debt by sleeping `divisor` times as long.
// Over any long stretch it then works at most a divisor-th of the time
// (plus one burst), however much work comes: a SYN flood cannot take a CPU
// from the machine through the attribution worker. The clock is the
// caller's, so the arithmetic is tested without sleeping.
class RealtimeRation
{
public:
    RealtimeRation(std::int64_t burstNs, std::int64_t divisor, std::int64_t nowNs)
        : m_burstNs(burstNs), m_divisor(divisor), m_creditNs(burstNs), m_creditAtNs(nowNs)
    {}

    // Charges `workNs` done by `nowNs`; returns how long to sleep before
    // working again (0: none). After the sleep, call rested().
    std::int64_t charge(std::int64_t workNs, std::int64_t nowNs)
    {
        m_creditNs = std::min(m_burstNs, m_creditNs + (nowNs - m_creditAtNs) / m_divisor) - workNs;
        m_creditAtNs = nowNs;
        return m_creditNs >= 0 ? 0 : -m_creditNs * m_divisor;
    }

    // The debt is paid (or given up on, if the sleep was cut short by a
    // stop): credit starts again from nothing at `nowNs`.
    void rested(std::int64_t nowNs)
    {
        m_creditNs = 0;
        m_creditAtNs = nowNs;
    }

private:
    std::int64_t m_burstNs;
    std::int64_t m_divisor;
    std::int64_t m_creditNs;
    std::int64_t m_creditAtNs;
};

} // namespace pr
