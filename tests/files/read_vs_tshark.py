#!/usr/bin/env python3
"""packet-recorder --read --json against tshark -q -z io,phs.

For every file, each protocol path the reader prints (eth/ip/udp/dns) must
have the frames and bytes tshark's protocol hierarchy gives it, and every
path tshark prints that is made of protocols the reader knows must be in
the reader's output too. A set of files must total the sum of its files.

Files: the capture-file fixtures in tests/fuzz/corpus/fuzz_capture_file_reader
(Ethernet, SLL, SLL2, raw IP, pcap and pcapng), what capture_generator
writes (pcap and pcapng, several interfaces, truncated frames), and frames
written here: ARP, ICMP, DNS and mDNS, TCP with and without payload, IPv6
extension headers, 802.1Q, QinQ, 802.3/LLC, SLL and SLL2.

Usage: read_vs_tshark.py PACKET_RECORDER CAPTURE_GENERATOR CORPUS_DIR
"""
import json
import os
import struct
import subprocess
import sys
import tempfile

KNOWN = {"eth", "sll", "raw", "vlan", "ieee8021ad", "arp", "ip", "ipv6", "tcp", "udp", "icmp",
         "icmpv6", "dns", "mdns"}
# Inside these, Wireshark decodes the quoted packet of an error message.
QUOTING = {"icmp", "icmpv6"}


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def ipv4(proto, payload, src=b"\xc0\xa8\x01\x02", dst=b"\xc0\xa8\x01\x01"):
    header = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), 1, 0x4000, 64, proto, 0,
                         src, dst)
    header = header[:10] + struct.pack("!H", checksum(header)) + header[12:]
    return header + payload


def ipv6(next_header, payload, src=b"\xfd" + b"\0" * 14 + b"\x02",
         dst=b"\xfd" + b"\0" * 14 + b"\x01"):
    return struct.pack("!IHBB16s16s", 0x60000000, len(payload), next_header, 64, src, dst) + payload


def udp(sport, dport, payload):
    return struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload


def tcp(sport, dport, payload=b"", flags=0x18):
    return struct.pack("!HHIIBBHHH", sport, dport, 1000, 2000, 5 << 4, flags, 65535, 0, 0) + payload


def dns_query(name=b"example", response=False):
    flags = 0x8180 if response else 0x0100
    question = b"".join(bytes([len(p)]) + p for p in name.split(b".")) + b"\0" + b"\0\x01\0\x01"
    return struct.pack("!HHHHHH", 0x1234, flags, 1, 0, 0, 0) + question


def icmp_echo():
    body = struct.pack("!BBHHH", 8, 0, 0, 7, 1) + b"x" * 32
    return body[:2] + struct.pack("!H", checksum(body)) + body[4:]


def icmpv6_echo():
    return struct.pack("!BBHHH", 128, 0, 0, 7, 1) + b"y" * 16


def arp(op=1):
    return struct.pack("!HHBBH6s4s6s4s", 1, 0x0800, 6, 4, op, b"\x02\0\0\0\0\x02",
                       b"\xc0\xa8\x01\x02", b"\0" * 6, b"\xc0\xa8\x01\x01")


MAC_A = b"\x02\0\0\0\0\x01"
MAC_B = b"\x02\0\0\0\0\x02"


def ether(ethertype, payload, pad=True):
    frame = MAC_A + MAC_B + struct.pack("!H", ethertype) + payload
    if pad and len(frame) < 60:
        frame += b"\0" * (60 - len(frame))
    return frame


def ether_tagged(tags, ethertype, payload):
    # tags: outermost first, each (tpid, vid)
    types = [t for t, _ in tags] + [ethertype]
    inner = b""
    for i, (_, vid) in enumerate(tags):
        inner += struct.pack("!HH", vid, types[i + 1])
    return MAC_A + MAC_B + struct.pack("!H", types[0]) + inner + payload


def l3_payloads():
    """(ethertype, payload) pairs covering the protocols the reader names."""
    return [
        (0x0800, ipv4(6, tcp(50000, 50001, flags=0x02))),
        (0x0800, ipv4(6, tcp(50000, 50001, b"hello world"))),
        (0x0800, ipv4(17, udp(50002, 50003, b"data" * 10))),
        (0x0800, ipv4(17, udp(50004, 53, dns_query(b"example.org")))),
        (0x0800, ipv4(17, udp(53, 50004, dns_query(b"example.org", True)))),
        (0x0800, ipv4(17, udp(5353, 5353, dns_query(b"printer.local", True)))),
        (0x0800, ipv4(1, icmp_echo())),
        (0x0800, ipv4(47, b"\0" * 8)),  # GRE-like: the reader stops at ip
        (0x0806, arp(1)),
        (0x0806, arp(2)),
        (0x86DD, ipv6(17, udp(50010, 50011, b"v6 data"))),
        (0x86DD, ipv6(6, tcp(50012, 50013, b"v6 tcp payload"))),
        (0x86DD, ipv6(6, tcp(50012, 50013, flags=0x10))),
        (0x86DD, ipv6(17, udp(50014, 53, dns_query(b"example.net")))),
        (0x86DD, ipv6(58, icmpv6_echo())),
        # Hop-by-hop options (PadN), then ICMPv6.
        (0x86DD, ipv6(0, struct.pack("!BB", 58, 0) + b"\x01\x04\0\0\0\0" + icmpv6_echo())),
        # Destination options, then UDP.
        (0x86DD, ipv6(60, struct.pack("!BB", 17, 0) + b"\x01\x04\0\0\0\0" +
                      udp(50020, 50021, b"after dstopts"))),
    ]


def pcap(path, linktype, frames):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, linktype))
        for i, frame in enumerate(frames):
            f.write(struct.pack("<IIII", 1767225600 + i, 0, len(frame), len(frame)))
            f.write(frame)


def sll(ethertype, payload):
    return struct.pack("!HHH8sH", 0, 1, 6, MAC_A + b"\0\0", ethertype) + payload


def sll2(ethertype, payload):
    return struct.pack("!HHIHBB8s", ethertype, 0, 2, 1, 4, 6, MAC_B + b"\0\0") + payload


def write_generated(folder):
    files = []
    eth_frames = [ether(t, p) for t, p in l3_payloads()]
    eth_frames.append(MAC_A + MAC_B + struct.pack("!H", 46) + b"\x42\x42\x03" + b"\0" * 43)  # 802.3
    eth_frames.append(ether(0x88CC, b"\0" * 30))  # LLDP: the reader stops at eth
    for t, p in l3_payloads()[:8]:
        eth_frames.append(ether_tagged([(0x8100, 100)], t, p))
    for t, p in l3_payloads()[8:]:
        eth_frames.append(ether_tagged([(0x88A8, 200), (0x8100, 100)], t, p))
    path = os.path.join(folder, "generated_ethernet.pcap")
    pcap(path, 1, eth_frames)
    files.append(path)
    path = os.path.join(folder, "generated_sll.pcap")
    pcap(path, 113, [sll(t, p) for t, p in l3_payloads()])
    files.append(path)
    path = os.path.join(folder, "generated_sll2.pcap")
    pcap(path, 276, [sll2(t, p) for t, p in l3_payloads()])
    files.append(path)
    return files


def tshark_phs(path):
    out = subprocess.run(["tshark", "-n", "-q", "-z", "io,phs", "-r", path], check=True,
                         capture_output=True, text=True).stdout
    paths = {}
    stack = []
    started = False
    for line in out.splitlines():
        if line.startswith("Filter:"):
            started = True
            continue
        if not started or not line.strip() or line.startswith("==="):
            continue
        indent = (len(line) - len(line.lstrip(" "))) // 2
        name, frames, size = line.split()
        stack[indent:] = [name]
        counts = (int(frames.split(":")[1]), int(size.split(":")[1]))
        # tshark 4.0 files a frame with a comment under "pkt_comment", above
        # its link layer; a comment is not a protocol of the frame.
        key = stack[1:] if stack[0] == "pkt_comment" else stack
        if key:
            old = paths.get("/".join(key), (0, 0))
            paths["/".join(key)] = (old[0] + counts[0], old[1] + counts[1])
    return paths


def reader(binary, files):
    out = subprocess.run([binary, "--read", *files, "--json"], check=True, capture_output=True,
                         text=True, env=dict(os.environ, QT_QPA_PLATFORM="none")).stdout
    summary = json.loads(out)
    return summary, {p["path"]: (p["frames"], p["bytes"]) for p in summary["protocols"]}


def comparable(path):
    parts = path.split("/")
    if any(p not in KNOWN for p in parts):
        return False
    return not any(p in QUOTING for p in parts[:-1])


def compare(name, ours, theirs):
    problems = []
    for path, counts in sorted(ours.items()):
        if theirs.get(path) != counts:
            problems.append("%s: %s reader %s, tshark %s" % (name, path, counts, theirs.get(path)))
    for path, counts in sorted(theirs.items()):
        if comparable(path) and path not in ours:
            problems.append("%s: %s only in tshark %s" % (name, path, counts))
    return problems


def main():
    binary, generator, corpus = sys.argv[1:4]
    problems = []
    with tempfile.TemporaryDirectory() as folder:
        files = [os.path.join(corpus, n) for n in sorted(os.listdir(corpus))
                 if n.endswith((".pcap", ".pcapng")) and not n.startswith("regression_")
                 and "truncated" not in n]
        files += write_generated(folder)
        for fmt in ("pcap", "pcapng"):
            path = os.path.join(folder, "generator_mixed." + fmt)
            subprocess.run([generator, "--format", fmt, "--packets", "3000", "--mixed",
                            "--interfaces", "2" if fmt == "pcapng" else "1", "--seed", "7", path],
                           check=True, capture_output=True)
            files.append(path)
        for path in files:
            summary, ours = reader(binary, [path])
            theirs = tshark_phs(path)
            found = compare(os.path.basename(path), ours, theirs)
            problems += found
            print("%-40s %6d frames %3d paths %s" % (os.path.basename(path), summary["frames"],
                                                     len(ours), "ok" if not found else "DIFFERS"))

        # A set: three files under dumpcap's names; one of them names them all.
        set_dir = os.path.join(folder, "set")
        os.mkdir(set_dir)
        members = []
        for number, source in enumerate(files[-5:-2], start=1):
            member = os.path.join(set_dir, "rec_%05d_2026010100000%d.pcap" % (number, number))
            with open(source, "rb") as src, open(member, "wb") as dst:
                dst.write(src.read())
            members.append(member)
        summary, ours = reader(binary, [members[1]])
        expected = {}
        for source in files[-5:-2]:
            for path, (frames, size) in reader(binary, [source])[1].items():
                old = expected.get(path, (0, 0))
                expected[path] = (old[0] + frames, old[1] + size)
        given = reader(binary, members)[1]
        if given != expected:
            problems.append("set given file by file: %s, sum of its files %s" % (given, expected))
        if [f["path"] for f in summary["files"]] != members:
            problems.append("set: read %s" % [f["path"] for f in summary["files"]])
        if ours != expected:
            problems.append("set: totals %s, sum of its files %s" % (ours, expected))
        tshark_sum = {}
        for member in members:
            for path, (frames, size) in tshark_phs(member).items():
                old = tshark_sum.get(path, (0, 0))
                tshark_sum[path] = (old[0] + frames, old[1] + size)
        problems += compare("set", ours, tshark_sum)
        print("%-40s %6d frames %3d paths %s" % ("set of 3", summary["frames"], len(ours),
                                                 "ok" if ours == expected else "DIFFERS"))
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
