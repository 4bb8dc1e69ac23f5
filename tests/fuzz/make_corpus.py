#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora: a few well-formed frames of each protocol
the decoders know, framed for each target.

    python3 tests/fuzz/make_corpus.py tests/fuzz/corpus

fuzz_frame_accounting: 8 bytes of ring metadata (see the fuzzer) + frame
fuzz_frame_decoder:    1 byte link type choice + frame
fuzz_capture_file_reader: whole pcap / pcapng files
fuzz_serve_loop:       2 configuration bytes + operations (see the fuzzer)
"""

import os
import struct
import sys

MAC_A = bytes.fromhex("020000000001")
MAC_B = bytes.fromhex("020000000002")
IP4_A = bytes([198, 18, 0, 1])
IP4_B = bytes([198, 18, 0, 2])
IP6_A = bytes.fromhex("fd000000000000000000000000000001")
IP6_B = bytes.fromhex("fd000000000000000000000000000002")


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def ipv4(proto, payload, ident=1, flags_frag=0x4000):
    header = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident, flags_frag, 64,
                         proto, 0, IP4_A, IP4_B)
    header = header[:10] + struct.pack("!H", checksum(header)) + header[12:]
    return header + payload


def ipv6(next_header, payload, extensions=b""):
    body = extensions + payload
    return struct.pack("!IHBB16s16s", 0x60000000, len(body), next_header, 64, IP6_A,
                       IP6_B) + body


def tcp(sport, dport, flags, payload=b"", options=b""):
    offset = (20 + len(options)) // 4
    return struct.pack("!HHIIBBHHH", sport, dport, 1000, 2000, offset << 4, flags, 65535, 0,
                       0) + options + payload


def udp(sport, dport, payload):
    return struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload


def dns_query(name, qtype=1):
    labels = b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\0"
    return struct.pack("!HHHHHH", 0x1234, 0x0100, 1, 0, 0, 0) + labels + struct.pack("!HH", qtype, 1)


def dns_response(name):
    labels = b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\0"
    question = labels + struct.pack("!HH", 1, 1)
    # The answer's name is a compression pointer to the question (offset 12).
    answer = struct.pack("!HHHIH", 0xC00C, 1, 1, 300, 4) + IP4_B
    aaaa = struct.pack("!HHHIH", 0xC00C, 28, 1, 300, 16) + IP6_B
    return struct.pack("!HHHHHH", 0x1234, 0x8180, 1, 2, 0, 0) + question + answer + aaaa


def icmp_echo():
    body = struct.pack("!BBHHH", 8, 0, 0, 0x42, 1) + b"ping-payload"
    return body[:2] + struct.pack("!H", checksum(body)) + body[4:]


def icmpv6_neighbor_solicitation():
    return struct.pack("!BBHI16s", 135, 0, 0, 0, IP6_B) + bytes([1, 1]) + MAC_A


def ethernet(ether_type, payload, tags=()):
    header = MAC_B + MAC_A
    for tpid, tci in tags:
        header += struct.pack("!HH", tpid, tci)
    return header + struct.pack("!H", ether_type) + payload


def arp_request():
    return struct.pack("!HHBBH6s4s6s4s", 1, 0x0800, 6, 4, 1, MAC_A, IP4_A, bytes(6), IP4_B)


def sll2(protocol, payload, packet_type=0, ifindex=1):
    return struct.pack("!HHIHBB8s", protocol, 0, ifindex, 1, packet_type, 6,
                       MAC_A + b"\0\0") + payload


def sll(protocol, payload, packet_type=0):
    return struct.pack("!HHH8sH", packet_type, 1, 6, MAC_A + b"\0\0", protocol) + payload


TCP_SYN_OPTIONS = bytes.fromhex("020405b40402080a000000010000000001030307")

# name -> (link type, frame)
FRAMES = {
    "eth_ipv4_tcp_syn": (1, ethernet(0x0800, ipv4(6, tcp(51234, 443, 0x02, options=TCP_SYN_OPTIONS)))),
    "eth_ipv4_tcp_data": (1, ethernet(0x0800, ipv4(6, tcp(443, 51234, 0x18, b"x" * 100)))),
    "eth_ipv6_udp_dns_query": (1, ethernet(0x86DD, ipv6(17, udp(53000, 53, dns_query("example.org", 28))))),
    "eth_ipv6_udp_dns_response": (1, ethernet(0x86DD, ipv6(17, udp(53, 53000, dns_response("example.org"))))),
    "eth_ipv4_udp_mdns": (1, ethernet(0x0800, ipv4(17, udp(5353, 5353, dns_query("printer.local", 12))))),
    "eth_vlan_ipv4_udp": (1, ethernet(0x0800, ipv4(17, udp(40000, 5201, b"\0" * 64)), [(0x8100, 42)])),
    "eth_qinq_ipv6_tcp": (1, ethernet(0x86DD, ipv6(6, tcp(5201, 40000, 0x10, b"y" * 32)),
                                      [(0x88A8, 100), (0x8100, 42)])),
    "eth_arp_request": (1, ethernet(0x0806, arp_request())),
    "eth_ipv4_icmp_echo": (1, ethernet(0x0800, ipv4(1, icmp_echo()))),
    "eth_ipv4_udp_first_fragment": (1, ethernet(0x0800, ipv4(17, udp(1, 2, b"z" * 40), flags_frag=0x2000))),
    "eth_ipv6_ext_udp": (1, ethernet(0x86DD, ipv6(0, udp(4000, 4001, b"e" * 16),
                                                  extensions=bytes([60, 0]) + bytes(6) + bytes([17, 0]) + bytes(6)))),
    "eth_ipv6_icmpv6_ns": (1, ethernet(0x86DD, ipv6(58, icmpv6_neighbor_solicitation()))),
    "raw_ipv4_tcp": (101, ipv4(6, tcp(22, 60000, 0x18, b"ssh"))),
    "raw_ipv6_icmpv6_ns": (101, ipv6(58, icmpv6_neighbor_solicitation())),
    "sll2_ipv4_tcp_outgoing": (276, sll2(0x0800, ipv4(6, tcp(51234, 80, 0x18, b"GET / HTTP/1.1\r\n\r\n")), packet_type=4)),
    "sll2_ipv6_udp_dns": (276, sll2(0x86DD, ipv6(17, udp(53000, 53, dns_query("example.net"))))),
    "sll2_arp": (276, sll2(0x0806, arp_request())),
    "sll_ipv4_udp_outgoing": (113, sll(0x0800, ipv4(17, udp(40000, 5201, b"u" * 20)), packet_type=4)),
    "sll_ipv6_tcp": (113, sll(0x86DD, ipv6(6, tcp(5201, 40000, 0x10, b"v" * 12)))),
}

DECODER_LINK_CHOICE = {1: 0, 101: 1, 276: 2, 113: 3}


def accounting_seed(name, link_type, frame):
    """Ring metadata as the fuzzer reads it (see fuzz_frame_accounting.cpp)."""
    if link_type in (113, 276):
        return None  # the ring never hands out cooked frames
    has_vlan_tag = 0
    if link_type == 101:
        hatype_choice, network_offset = 2, 0  # ARPHRD_NONE (tun)
        protocol = 0x0800 if frame[0] >> 4 == 4 else 0x86DD
    else:
        hatype_choice, network_offset = 0, 14
        protocol = struct.unpack("!H", frame[12:14])[0]
        if name.startswith("eth_vlan"):
            # The kernel strips the outer tag into tp_vlan_tci.
            frame = frame[:12] + frame[16:]
            protocol = struct.unpack("!H", frame[12:14])[0]
            has_vlan_tag = 1
    # Protocol choice 255: take bytes [2..3] as the protocol.
    metadata = struct.pack("!BBHHH", hatype_choice << 4 | has_vlan_tag, 255, protocol,
                           network_offset, 0)
    seeds = {name: metadata + frame}
    # The same frame cut by a small snaplen: the payload still counts.
    seeds[name + "_snaplen64"] = struct.pack("!BBHHH", hatype_choice << 4 | has_vlan_tag, 255,
                                             protocol, network_offset,
                                             max(0, len(frame) - 64)) + frame[:64]
    return seeds


def pcap_file(frames, link_type, nanosecond=True, big_endian=False):
    order = ">" if big_endian else "<"
    magic = 0xA1B23C4D if nanosecond else 0xA1B2C3D4
    out = struct.pack(order + "IHHiIII", magic, 2, 4, 0, 0, 262144, link_type)
    for i, frame in enumerate(frames):
        fraction = i * 1000 if nanosecond else i
        out += struct.pack(order + "IIII", 1700000000 + i, fraction, len(frame), len(frame)) + frame
    return out


def pcapng_block(block_type, body):
    length = 12 + len(body)
    return struct.pack("<II", block_type, length) + body + struct.pack("<I", length)


def pad4(data):
    return data + b"\0" * (-len(data) % 4)


def pcapng_file(frames, link_type):
    shb = pcapng_block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1))
    # if_tsresol 9: nanoseconds.
    idb_options = struct.pack("<HHB", 9, 1, 9) + b"\0\0\0" + struct.pack("<HH", 0, 0)
    idb = pcapng_block(1, struct.pack("<HHI", link_type, 0, 262144) + idb_options)
    out = shb + idb
    for i, frame in enumerate(frames):
        ts = (1700000000 + i) * 1_000_000_000
        direction = 2 if i % 2 else 1  # epb_flags: outbound / inbound
        options = struct.pack("<HHI", 2, 4, direction) + struct.pack("<HH", 0, 0)
        body = struct.pack("<IIIII", 0, ts >> 32, ts & 0xFFFFFFFF, len(frame), len(frame))
        out += pcapng_block(6, body + pad4(frame) + options)
    # A simple packet block too.
    out += pcapng_block(3, struct.pack("<I", len(frames[0])) + pad4(frames[0]))
    return out


# fuzz_serve_loop's operations (tests/fuzz/fuzz_serve_loop.cpp).
(RAW, HELLO, START, STOP, WARNING, TICK, RUN_ENDS, EOF, TIMEOUT, GONE, NOT_SHOWN, OVERSIZE,
 FILE_STARTED, INTERFACE_ENDED, START_SEVERAL, WRITTEN) = range(16)
VALID_HELLO = [HELLO, 0, 0]
VALID_START = [START, 0, 0]  # lo, pcap, /tmp/x.pcap


def serve_loop_seeds():
    """The orders the issue names and the ordinary session, as op lists."""
    ok, recording = [0, 1], [0, 1] + VALID_HELLO + VALID_START
    seeds = {
        "session": recording + [TICK, 0, 10, 2, TICK, 0, 20, 2, STOP, 0, RUN_ENDS, 0],
        "session-any-pcapng-chunked": ok + [HELLO, 0, 5, START, 9, 40, TICK, 0, 1, 1, STOP, 1],
        "session-eof": recording + [TICK, 0, 1, 1, EOF],
        "stop-first": ok + [STOP, 0],
        "stop-before-start": ok + VALID_HELLO + [STOP, 0],
        "second-start": recording + VALID_START,
        "second-hello": recording + VALID_HELLO,
        "start-first": ok + VALID_START,
        "helper-kind": ok + VALID_HELLO + [WARNING, 0],
        "version-mismatch": ok + [HELLO, 1, 0],  # the version before records had numbers
        "truncated-hello": ok + [HELLO, 0, 0x83],
        "truncated-start": ok + VALID_HELLO + [START, 0, 0x90],
        "truncated-stop": recording + [STOP, 0, 0x82],
        "truncated-start-then-stop": ok + VALID_HELLO + [START, 0, 0x90, STOP, 0],
        "oversize-in-handshake": ok + VALID_HELLO + [OVERSIZE, 0],
        "oversize-recording": recording + [OVERSIZE, 255, TICK, 0, 0, 1],
        "garbage": ok + [RAW, 0, 6] + list(b"\x00\x00\x00\x01\xff\x00"),
        "garbage-recording": recording + [RAW, 0, 5] + list(b"\x00\x00\x00\x01\x01"),
        "bad-start-field": ok + VALID_HELLO + [START, 0x30, 0],
        "timeout-hello": ok + [TIMEOUT],
        "timeout-start": ok + VALID_HELLO + [TIMEOUT],
        "run-error": recording + [NOT_SHOWN, 9, TICK, 1, 1, 1, RUN_ENDS, 8],
        "peer-gone": recording + [GONE, TICK, 0, 1, 1],
        "drops-warning": recording + [TICK, 5, 1, 1, TICK, 9, 1, 1, TICK, 20, 1, 250],
        # START 0x41: any, pcap, a 1 MB split, keep 3 files; 0x40 keeps
        # files without a split (refused).
        "file-set": ok + VALID_HELLO + [START, 0x41, 0, FILE_STARTED, 1, 1, 1, TICK, 0, 9, 2,
                                        FILE_STARTED, 2, 2, 1, FILE_STARTED, 4, 9, 1,
                                        FILE_STARTED, 5, 3, 0, STOP, 0, RUN_ENDS, 0],
        "keep-without-split": ok + VALID_HELLO + [START, 0x40, 0],
        "file-started-in-handshake": ok + VALID_HELLO + [FILE_STARTED, 1, 1, 1] + VALID_START,
        # START_SEVERAL 1: eth0 and eth1 into pcapng; eth1 goes away.
        "several-interfaces": [0, 2] + VALID_HELLO + [START_SEVERAL, 1, 0, TICK, 0, 5, 1,
                                                      INTERFACE_ENDED, 1, TICK, 0, 5, 2,
                                                      STOP, 0, RUN_ENDS, 0],
        "several-any-among-them": ok + VALID_HELLO + [START_SEVERAL, 0x41, 0],
        "several-twice": ok + VALID_HELLO + [START_SEVERAL, 0x82, 0],
        "several-too-many": ok + VALID_HELLO + [START_SEVERAL, 16, 0],
        "several-chunked": ok + VALID_HELLO + [START_SEVERAL, 15, 0x9, STOP, 0],
        "interface-ended-in-handshake": ok + VALID_HELLO + [INTERFACE_ENDED, 1] + VALID_START,
        # Batches above the records' rate, numbers starting again in a new file.
        "packets-written": ok + VALID_HELLO + [START, 0x41, 0, FILE_STARTED, 1, 1, 1,
                                               WRITTEN, 40, 0, WRITTEN, 255, 10, WRITTEN, 3, 100,
                                               FILE_STARTED, 2, 2, 1, WRITTEN, 255, 255,
                                               TICK, 0, 9, 2, STOP, 0, RUN_ENDS, 0],
    }
    for code in range(1, 12):
        seeds["start-fails-%d" % code] = [code, 0] + VALID_HELLO + VALID_START + [STOP, 0]
    return {name: bytes(ops) for name, ops in seeds.items()}


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "corpus"
    targets = ["fuzz_frame_accounting", "fuzz_frame_decoder", "fuzz_capture_file_reader",
               "fuzz_serve_loop"]
    for target in targets:
        os.makedirs(os.path.join(root, target), exist_ok=True)

    def write(target, name, data):
        with open(os.path.join(root, target, name), "wb") as f:
            f.write(data)

    by_link = {}
    for name, (link_type, frame) in FRAMES.items():
        by_link.setdefault(link_type, []).append(frame)
        write("fuzz_frame_decoder", name, bytes([DECODER_LINK_CHOICE[link_type]]) + frame)
        for seed_name, seed in (accounting_seed(name, link_type, frame) or {}).items():
            write("fuzz_frame_accounting", seed_name, seed)

    # Regressions found by fuzzing.
    # An IPv6 payload length far beyond the wire: TCP payload counted from it
    # exceeded the bytes on the wire (IPv4 was already clamped).
    lying = bytearray(ipv6(6, tcp(5201, 40000, 0x10, b"q" * 8)))
    lying[4:6] = struct.pack("!H", 60000)
    write("fuzz_frame_accounting", "regression_ipv6_payload_length_beyond_wire",
          struct.pack("!BBHHH", 2 << 4, 255, 0x86DD, 0, 0) + bytes(lying))
    # A pcap link type with reserved bits set (libpcap reads it as is): the
    # pcapng writer kept only its low 16 bits, so the copy claimed raw IP.
    odd = bytearray(pcap_file([FRAMES["raw_ipv4_tcp"][1]], 101))
    odd[20:24] = struct.pack("<I", 0x03000065)
    write("fuzz_capture_file_reader", "regression_link_type_reserved_bits.pcap", bytes(odd))

    # A pcapng timestamp near 2^64 ns: seconds * 1e9 overflowed int64.
    late = bytearray(pcapng_file([FRAMES["raw_ipv4_tcp"][1]], 101))
    first_epb = late.find(struct.pack("<I", 6))
    late[first_epb + 12:first_epb + 16] = struct.pack("<I", 0xFFFFFFF0)
    write("fuzz_capture_file_reader", "regression_timestamp_overflow.pcapng", bytes(late))

    names = {1: "ethernet", 101: "raw", 113: "sll", 276: "sll2"}
    for link_type, frames in by_link.items():
        label = names[link_type]
        write("fuzz_capture_file_reader", label + ".pcap", pcap_file(frames, link_type))
        write("fuzz_capture_file_reader", label + "_us.pcap",
              pcap_file(frames, link_type, nanosecond=False))
        write("fuzz_capture_file_reader", label + ".pcapng", pcapng_file(frames, link_type))
    write("fuzz_capture_file_reader", "ethernet_big_endian.pcap",
          pcap_file(by_link[1][:3], 1, big_endian=True))
    # Cut short inside the last record.
    write("fuzz_capture_file_reader", "ethernet_truncated.pcap", pcap_file(by_link[1][:2], 1)[:-10])

    for name, seed in serve_loop_seeds().items():
        write("fuzz_serve_loop", name, seed)


if __name__ == "__main__":
    main()
