#!/usr/bin/env python3
"""Write pcapng files whose packets carry their program in different encodings.

Used by comment_cost.sh to measure what each encoding costs in file size and
whether Wireshark/tshark shows and filters it (see docs/ATTRIBUTION_IN_FILES.md).

Every file has one section (little-endian), Ethernet frames of IPv4/TCP, and
EPBs laid out like capture/engine/pcapng_writer.cpp writes them: nanosecond
timestamps and an epb_flags option on every packet. Packets come from --flows
TCP flows, interleaved round-robin; flow i belongs to program i % len(programs).
Only the curl flows use server port 8080, so a port filter gives the expected
answer for a "curl" filter.

Encodings:
  none           no attribution (the baseline)
  comment        opt_comment (code 1) "proc=NAME pid=PID user=USER" on every EPB
  comment-first  the same comment on the first EPB of each flow only
  darwin         one Darwin Process Information Block (type 0x80000001) per
                 program, and the DPIB index as EPB option 0x8001 on every EPB
  custom         a custom string option (code 2988, PEN 32473 from RFC 5612)
                 holding the comment text on every EPB
  interface      one IDB per program, if_name "eth0" and if_description
                 "eth0 proc=NAME pid=PID user=USER"; the EPB's interface id
                 names the program, nothing is added to the EPB
"""

import argparse
import struct
import sys

SHB = 0x0A0D0D0A
IDB = 0x00000001
EPB = 0x00000006
DPIB = 0x80000001

OPT_END = 0
OPT_COMMENT = 1
OPT_SHB_USERAPPL = 4
OPT_IF_NAME = 2
OPT_IF_DESCRIPTION = 3
OPT_IF_TSRESOL = 9
OPT_EPB_FLAGS = 2
OPT_EPB_DARWIN_DPIB_ID = 0x8001
OPT_CUSTOM_STRING_COPY = 2988
OPT_DPIB_NAME = 2
PEN_EXAMPLE = 32473  # RFC 5612 documentation PEN

PROGRAM_SETS = {
    "curl": [("curl", 4242, "alice")],
    "firefox": [("firefox-esr", 123456, "alexandra")],
    "mixed": [("curl", 4242, "alice"), ("firefox-esr", 123456, "alexandra"),
              ("python3", 31337, "alice"), ("systemd-resolve", 612, "systemd-resolve")],
}


def pad4(data):
    return data + b"\0" * (-len(data) % 4)


def option(code, value):
    return struct.pack("<HH", code, len(value)) + pad4(value)


def block(block_type, body):
    total = 12 + len(body)
    return struct.pack("<II", block_type, total) + body + struct.pack("<I", total)


def comment_text(program):
    name, pid, user = program
    return f"proc={name} pid={pid} user={user}".encode()


def shb():
    opts = option(OPT_SHB_USERAPPL, b"attribution_pcapng.py") + option(OPT_END, b"")
    return block(SHB, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1) + opts)


def idb(description=None):
    opts = option(OPT_IF_NAME, b"eth0")
    if description is not None:
        opts += option(OPT_IF_DESCRIPTION, description)
    opts += option(OPT_IF_TSRESOL, b"\x09") + option(OPT_END, b"")
    return block(IDB, struct.pack("<HHI", 1, 0, 262144) + opts)


def dpib(pid, name):
    return block(DPIB, struct.pack("<I", pid) + option(OPT_DPIB_NAME, name) + option(OPT_END, b""))


def checksum(data):
    total = sum(struct.unpack(f">{len(data) // 2}H", data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def frame(flow, seq, size, server_port):
    """An Ethernet/IPv4/TCP frame of exactly `size` bytes (at least 54)."""
    payload = bytes(size - 54)
    client = bytes([10, 0, (flow >> 8) & 0xFF, flow & 0xFF])
    server = bytes([192, 0, 2, 1])
    outgoing = seq % 2 == 0
    src, dst = (client, server) if outgoing else (server, client)
    sport, dport = (40000 + flow % 20000, server_port) if outgoing else (server_port, 40000 + flow % 20000)
    tcp = struct.pack(">HHIIBBHHH", sport, dport, seq, 0, 5 << 4, 0x18, 65535, 0, 0)
    ip = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp) + len(payload), seq & 0xFFFF,
                     0x4000, 64, 6, 0, src, dst)
    ip = ip[:10] + struct.pack(">H", checksum(ip)) + ip[12:]
    eth = bytes.fromhex("020000000002020000000001") + b"\x08\x00"
    return eth + ip + tcp + payload, outgoing


def epb(interface, timestamp_ns, data, outgoing, extra_options):
    flags = 0b10 if outgoing else 0b01  # direction; reception type "host" inbound
    body = struct.pack("<IIIII", interface, timestamp_ns >> 32, timestamp_ns & 0xFFFFFFFF,
                       len(data), len(data))
    body += pad4(data) + extra_options + option(OPT_EPB_FLAGS, struct.pack("<I", flags))
    body += option(OPT_END, b"")
    return block(EPB, body)


def write(out, encoding, size, packets, flows, programs):
    out.write(shb())
    if encoding == "interface":
        for program in programs:
            out.write(idb(b"eth0 " + comment_text(program)))
    else:
        out.write(idb())
    if encoding == "darwin":
        for name, pid, _ in programs:
            out.write(dpib(pid, name.encode()[:15]))

    timestamp = 1_700_000_000 * 10**9
    for n in range(packets):
        flow = n % flows
        seq = n // flows
        program_index = flow % len(programs)
        program = programs[program_index]
        port = 8080 if program[0] == "curl" else 443
        data, outgoing = frame(flow, seq, size, port)
        interface = 0
        extra = b""
        if encoding == "comment" or (encoding == "comment-first" and seq == 0):
            extra = option(OPT_COMMENT, comment_text(program))
        elif encoding == "darwin":
            extra = option(OPT_EPB_DARWIN_DPIB_ID, struct.pack("<I", program_index))
        elif encoding == "custom":
            extra = option(OPT_CUSTOM_STRING_COPY, struct.pack("<I", PEN_EXAMPLE) + comment_text(program))
        elif encoding == "interface":
            interface = program_index
        out.write(epb(interface, timestamp + n * 1000, data, outgoing, extra))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--encoding", required=True,
                        choices=["none", "comment", "comment-first", "darwin", "custom", "interface"])
    parser.add_argument("--size", type=int, required=True, help="frame length in bytes (>= 54)")
    parser.add_argument("--packets", type=int, default=100000)
    parser.add_argument("--flows", type=int, default=1000)
    parser.add_argument("--programs", choices=sorted(PROGRAM_SETS), default="mixed")
    parser.add_argument("out")
    args = parser.parse_args()
    if args.size < 54:
        sys.exit("--size must be at least 54 (Ethernet + IPv4 + TCP headers)")
    with open(args.out, "wb") as out:
        write(out, args.encoding, args.size, args.packets, args.flows, PROGRAM_SETS[args.programs])


if __name__ == "__main__":
    main()
