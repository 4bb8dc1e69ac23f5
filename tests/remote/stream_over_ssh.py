#!/usr/bin/env python3
"""record -w -: the capture file streamed to another program, over OpenSSH too.

The way users record another machine today is `ssh host tcpdump -U -w - >
file`; `packet-recorder-helper record -w -` does the same with our helper.
In an SSH lab (ssh_lab.py: two namespaces, an sshd of the test's own with
keys made here), checked:
  - over ssh, `record -i IF -w - --format pcapng -f icmp -c 200` written to
    a file on the desktop side holds the same 200 ICMP packets, in the same
    order, as tcpdump -c 200 recording the same interface on the remote
    side at the same time (100 pings: requests and replies), and capinfos
    and tshark read it to its end;
  - the JSON summary comes on standard error then, not in the stream;
  - unfiltered, with --leave-out-connection "$SSH_CONNECTION" (expanded by
    the remote shell), the stream holds no packet of the SSH session that
    carries it, while tcpdump on the same interface sees that session's
    packets and both see the 200 ICMP packets;
  - a reader that goes away stops the recording with a sentence and a
    non-zero status, not a silent death by SIGPIPE;
  - a terminal on standard output is refused, as is a split (one stream is
    one file).
Needs root (namespaces), sshd (openssh-server), tcpdump and tshark; exits 77
(skip) without them.
Usage: stream_over_ssh.py HELPER
"""
import json
import os
import pty
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ssh_lab import DESKTOP_ADDRESS, REMOTE_ADDRESS, SSHD, SshLab  # noqa: E402

SKIP = 77
PINGS = 100


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def icmp_sequence(path):
    """(icmp.type, icmp.seq) of every packet, in file order, by tshark."""
    result = subprocess.run(["tshark", "-r", path, "-T", "fields", "-e", "icmp.type",
                             "-e", "icmp.seq"], capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"tshark cannot read {os.path.basename(path)}: {result.stderr.strip()}")
    return [tuple(line.split("\t")) for line in result.stdout.splitlines()]


def over_ssh(helper, work):
    lab = SshLab(f"prss{os.getpid() % 100000}")
    try:
        reference = os.path.join(work, "tcpdump.pcap")
        streamed = os.path.join(work, "streamed.pcapng")
        tcpdump = subprocess.Popen(lab.in_remote(["tcpdump", "-i", lab.remote_link, "-U", "-n",
                                                  "-c", str(2 * PINGS), "-w", reference,
                                                  "-Z", "root", "icmp"]),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        with open(streamed, "wb") as out:
            ours = subprocess.Popen(lab.ssh(f"{helper} record -i {lab.remote_link} -w - "
                                            f"--format pcapng -f icmp -c {2 * PINGS}"),
                                    stdout=out, stderr=subprocess.PIPE, text=True)
            # Both are recording once each has said so (tcpdump on stderr).
            banner = ours.stderr.readline()
            if "recording on" not in banner:
                fail(f"the helper did not start over ssh: {banner}{ours.stderr.read()}")
            if "listening on" not in tcpdump.stderr.readline():
                fail("tcpdump did not start")
            subprocess.run(lab.in_desktop(["ping", "-c", str(PINGS), "-i", "0.01", "-q",
                                           REMOTE_ADDRESS]), check=True,
                           stdout=subprocess.DEVNULL)
            try:
                errors = ours.communicate(timeout=30)[1]
                tcpdump.wait(timeout=30)
            except subprocess.TimeoutExpired:
                fail("a recording did not stop after its count")
        if ours.returncode != 0:
            fail(f"the helper over ssh exited with {ours.returncode}: {errors}")
        summary = json.loads(errors.strip().splitlines()[-1])
        if summary.get("packets") != 2 * PINGS or summary.get("file") != "-":
            fail(f"the summary on standard error says {summary.get('packets')} packets into "
                 f"{summary.get('file')!r}")
        count = subprocess.run(["capinfos", "-c", "-M", streamed], capture_output=True,
                               text=True)
        if count.returncode != 0:
            fail(f"capinfos cannot read the streamed file: {count.stderr.strip()}")
        ours_seen, theirs = icmp_sequence(streamed), icmp_sequence(reference)
        print(f"over ssh: {len(ours_seen)} packets streamed to {DESKTOP_ADDRESS}, tcpdump on "
              f"{REMOTE_ADDRESS} recorded {len(theirs)}")
        if ours_seen != theirs:
            fail(f"the streamed file differs from tcpdump's: {ours_seen[:4]} ... against "
                 f"{theirs[:4]} ...")
        if len(ours_seen) != 2 * PINGS:
            fail(f"{len(ours_seen)} packets instead of {2 * PINGS}")
        leave_out_session(helper, lab, work)
    finally:
        lab.close()


def leave_out_session(helper, lab, work):
    reference = os.path.join(work, "tcpdump-all.pcap")
    streamed = os.path.join(work, "streamed-all.pcapng")
    tcpdump = subprocess.Popen(lab.in_remote(["tcpdump", "-i", lab.remote_link, "-U", "-n",
                                              "-w", reference, "-Z", "root"]),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if "listening on" not in tcpdump.stderr.readline():
        fail("tcpdump did not start")
    with open(streamed, "wb") as out:
        ours = subprocess.Popen(lab.ssh(f"{helper} record -i {lab.remote_link} -w - "
                                        "--format pcapng --duration 4 "
                                        "--leave-out-connection \"$SSH_CONNECTION\""),
                                stdout=out, stderr=subprocess.PIPE, text=True)
        banner = ours.stderr.readline()
        if "recording on" not in banner:
            fail(f"the helper did not start over ssh: {banner}{ours.stderr.read()}")
        subprocess.run(lab.in_desktop(["ping", "-c", str(PINGS), "-i", "0.01", "-q",
                                       REMOTE_ADDRESS]), check=True, stdout=subprocess.DEVNULL)
        errors = ours.communicate(timeout=30)[1]
    tcpdump.send_signal(2)
    tcpdump.wait(timeout=10)
    if ours.returncode != 0:
        fail(f"the helper over ssh with --leave-out-connection exited with {ours.returncode}: "
             f"{errors}")

    def count(path, display_filter):
        return len(subprocess.run(["tshark", "-r", path, "-Y", display_filter, "-T", "fields",
                                   "-e", "frame.number"], capture_output=True, text=True,
                                  check=True).stdout.split())
    ssh_ours, ssh_theirs = count(streamed, "tcp.port == 22"), count(reference, "tcp.port == 22")
    icmp_ours, icmp_theirs = count(streamed, "icmp"), count(reference, "icmp")
    print(f"session left out: SSH packets {ssh_ours} streamed, {ssh_theirs} seen by tcpdump; "
          f"ICMP {icmp_ours} and {icmp_theirs}")
    if ssh_theirs == 0:
        fail("tcpdump saw no SSH packet: the check proves nothing")
    if ssh_ours != 0:
        fail(f"{ssh_ours} packets of the SSH session are in the stream")
    if icmp_ours != 2 * PINGS or icmp_theirs != 2 * PINGS:
        fail(f"ICMP: {icmp_ours} streamed, {icmp_theirs} by tcpdump, {2 * PINGS} sent")


def reader_goes_away(helper):
    namespace = f"prsr{os.getpid() % 100000}"
    subprocess.run(["ip", "netns", "add", namespace], check=True)
    try:
        subprocess.run(["ip", "-n", namespace, "link", "set", "lo", "up"], check=True)
        # The reader takes the header and 1000 bytes, then closes the pipe.
        recorder = subprocess.Popen(["ip", "netns", "exec", namespace, helper, "record", "-i",
                                     "lo", "-w", "-", "--duration", "30"],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        ping = subprocess.Popen(["ip", "netns", "exec", namespace, "ping", "-q", "-i", "0.01",
                                 "-w", "20", "127.0.0.1"], stdout=subprocess.DEVNULL)
        try:
            recorder.stdout.read(1000)
            recorder.stdout.close()
            errors = recorder.communicate(timeout=25)[1].decode()
        finally:
            ping.kill()
            ping.wait()
        if recorder.returncode < 0:
            fail(f"the helper died of signal {-recorder.returncode} when its reader went away")
        if recorder.returncode == 0 or "closed it" not in errors:
            fail(f"a reader that went away: status {recorder.returncode}, said {errors!r}")
        print("reader gone:", errors.strip().splitlines()[-1])
    finally:
        subprocess.run(["ip", "netns", "del", namespace], check=False)


def refusals(helper):
    controller, terminal = pty.openpty()
    try:
        result = subprocess.run([helper, "record", "-i", "lo", "-w", "-"], stdout=terminal,
                                stderr=subprocess.PIPE, text=True, timeout=10)
    finally:
        os.close(terminal)
        os.close(controller)
    if result.returncode != 2 or "standard output is a terminal" not in result.stderr:
        fail(f"a terminal on standard output: status {result.returncode}, {result.stderr!r}")
    result = subprocess.run([helper, "record", "-i", "lo", "-w", "/dev/null",
                             "--leave-out-connection", "198.18.7.1 22"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            timeout=10)
    if result.returncode == 0 or "SSH_CONNECTION" not in result.stderr:
        fail(f"a malformed connection: status {result.returncode}, {result.stderr!r}")
    result = subprocess.run([helper, "record", "-i", "lo", "-w", "-", "--split-size", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            timeout=10)
    if result.returncode != 2 or "cannot be split" not in result.stderr:
        fail(f"-w - with a split: status {result.returncode}, {result.stderr!r}")


def main():
    if len(sys.argv) != 2:
        fail("usage: stream_over_ssh.py HELPER")
    if os.geteuid() != 0:
        print("needs root (network namespaces)")
        sys.exit(SKIP)
    for tool in (SSHD, "ssh", "ssh-keygen", "tcpdump", "tshark", "capinfos"):
        if not shutil.which(tool):
            print(f"{tool} not found")
            sys.exit(SKIP)
    helper = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="pr-stream-")
    try:
        refusals(helper)
        reader_goes_away(helper)
        over_ssh(helper, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("PASS")


if __name__ == "__main__":
    main()
