// Runs the attribution core once and prints what it found, for the live
// test (which compares it with `ss -tunape`) and for measuring a refresh.
//
//   attribution_probe sockets           every socket with its owner
//   attribution_probe flows P S SP D DP ...   each flow's two owners after one refresh
//   attribution_probe bench ROUNDS      cost of the socket dump and the /proc walk
#include "capture/attribution/flow_attributor.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace pr;

namespace {

const char* transportName(Transport t)
{
    return t == Transport::Tcp ? "tcp" : "udp";
}

std::string describe(const Owner& owner)
{
    switch (owner.kind) {
    case Owner::Kind::None:
        return "-";
    case Owner::Kind::Account:
        return "account:" + owner.user;
    case Owner::Kind::Process:
        return "process:" + std::to_string(owner.pid) + ":" + owner.process + ":" + owner.user;
    }
    return "?";
}

int usage()
{
    std::fprintf(stderr,
                 "usage: attribution_probe sockets | flows (tcp|udp SRC SPORT DST DPORT)... "
                 "| bench ROUNDS\n");
    return 2;
}

int listSockets(SocketTable& sockets, ProcessTable& processes, const UserNames& names)
{
    if (!sockets.dump() || !processes.refresh()) {
        std::fprintf(stderr, "dump failed: %s\n", std::strerror(sockets.lastError()));
        return 1;
    }
    for (const SocketEntry& s : sockets.sockets()) {
        std::string owner;
        if (const ProcessInfo* p = processes.snapshot().find(s.inode))
            owner = "process:" + std::to_string(p->pid) + ":" + p->name;
        else
            owner = "account:" + names.nameOf(s.uid);
        std::printf("%s %s %u %s %u %u %llu %s\n", transportName(s.transport),
                    s.local.address.toString().c_str(), s.local.port,
                    s.remote.address.toString().c_str(), s.remote.port, s.uid,
                    static_cast<unsigned long long>(s.inode), owner.c_str());
    }
    return 0;
}

int attributeFlows(int argc, char** argv, SocketTable& sockets, ProcessTable& processes,
                   UserNames names)
{
    if (argc % 5 != 0)
        return usage();
    std::vector<FlowKey> keys;
    for (int i = 0; i < argc; i += 5) {
        FlowKey key;
        key.transport = std::strcmp(argv[i], "udp") == 0 ? Transport::Udp : Transport::Tcp;
        if (!IpAddress::parse(argv[i + 1], &key.source.address) ||
            !IpAddress::parse(argv[i + 3], &key.destination.address))
            return usage();
        key.source.port = static_cast<std::uint16_t>(std::atoi(argv[i + 2]));
        key.destination.port = static_cast<std::uint16_t>(std::atoi(argv[i + 4]));
        keys.push_back(key);
    }
    FlowAttributor attributor(std::move(names));
    for (const FlowKey& key : keys)
        attributor.lookup(key);
    for (int i = 0; i < FlowAttributor::kPendingRefreshes && attributor.pendingCount() > 0; ++i)
        attributor.refresh(sockets, processes);
    for (const FlowKey& key : keys) {
        const FlowAttribution a = attributor.lookup(key);
        const char* state = a.state == FlowState::Resolved  ? "resolved"
                            : a.state == FlowState::Unknown ? "unknown"
                                                            : "pending";
        std::printf("%s %s %u %s %u %s %s %s\n", transportName(key.transport),
                    key.source.address.toString().c_str(), key.source.port,
                    key.destination.address.toString().c_str(), key.destination.port, state,
                    describe(attributor.owner(a.source)).c_str(),
                    describe(attributor.owner(a.destination)).c_str());
    }
    return 0;
}

int bench(int rounds, SocketTable& sockets, ProcessTable& processes)
{
    using Clock = std::chrono::steady_clock;
    std::vector<double> dumpUs, walkUs, oneUs;
    ProcessTableStats full;
    for (int i = 0; i < rounds; ++i) {
        const auto t0 = Clock::now();
        sockets.dump();
        const auto t1 = Clock::now();
        processes.refresh();
        const auto t2 = Clock::now();
        full = processes.stats();
        // What a refresh for one new flow of ours costs: the walk stops at
        // the process holding its socket (the newest socket of our uid).
        std::vector<std::uint64_t> wanted;
        for (const SocketEntry& s : sockets.sockets())
            if (s.uid == FlowAttributor::currentUid() && processes.snapshot().find(s.inode))
                wanted.assign(1, s.inode);
        const auto t3 = Clock::now();
        processes.refresh(wanted);
        const auto t4 = Clock::now();
        dumpUs.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
        walkUs.push_back(std::chrono::duration<double, std::micro>(t2 - t1).count());
        oneUs.push_back(std::chrono::duration<double, std::micro>(t4 - t3).count());
    }
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v.empty() ? 0.0 : v[v.size() / 2];
    };
    const ProcessTableStats& s = full;
    std::printf("sockets=%zu processes_seen=%zu processes_read=%zu denied=%zu socket_inodes=%zu "
                "dump_us=%.0f proc_full_us=%.0f proc_one_flow_us=%.0f (read %zu, skipped %zu)\n",
                sockets.sockets().size(), s.processesSeen, s.processesRead, s.processesDenied,
                s.socketInodes, median(dumpUs), median(walkUs), median(oneUs),
                processes.stats().processesRead, processes.stats().processesNotNeeded);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2)
        return usage();
    // Opened first, as the helper would before its seccomp filter.
    UserNames names = UserNames::load();
    SocketTable sockets(SocketTable::openSocket());
    ProcessTable processes(ProcessTable::openProcDirectory());
    if (sockets.fd() < 0 || processes.fd() < 0) {
        std::perror("attribution_probe: open");
        return 1;
    }
    const std::string mode = argv[1];
    if (mode == "sockets")
        return listSockets(sockets, processes, names);
    if (mode == "flows")
        return attributeFlows(argc - 2, argv + 2, sockets, processes, std::move(names));
    if (mode == "bench" && argc == 3)
        return bench(std::max(1, std::atoi(argv[2])), sockets, processes);
    return usage();
}
