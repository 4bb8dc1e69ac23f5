#!/usr/bin/env python3
"""--immediate-mode: a packet is in the file within milliseconds, not a block.

In a network namespace this test creates, the real helper records lo into
a pcap file while one UDP datagram is sent at a time, at random intervals;
the time from each send until the file grows is the packet's delay. Without
the option the kernel hands packets over in ring blocks that wait up to
50 ms to fill (a delay of 0 to 50 ms, about 25 at the median); with it each
packet is handed over within 1 ms. tcpdump -U --immediate-mode is measured
the same way, in the same run, and printed beside ours.
Checked: with the option the median delay is under 5 ms and the longest
under 25 ms (slack for a loaded machine); without it the median is at least
four times the immediate one, so the option is what makes the difference.
Needs root (a namespace); exits 77 (skip) without it.
Usage: immediate_mode.py HELPER
"""
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

SAMPLES = 25
SKIP = 77


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def delays(namespace, command, path):
    """Records with `command` (which writes `path`); returns the delays in ms."""
    recorder = subprocess.Popen(["ip", "netns", "exec", namespace] + command,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sender = None
    try:
        deadline = time.monotonic() + 10
        while not (os.path.exists(path) and os.stat(path).st_size > 0):
            if recorder.poll() is not None or time.monotonic() > deadline:
                fail(f"{command[0]} did not start: {recorder.stderr.read()}")
            time.sleep(0.01)
        sender = subprocess.Popen(
            ["ip", "netns", "exec", namespace, "python3", "-c",
             "import socket,sys\n"
             "s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\n"
             "for line in sys.stdin:\n"
             "  s.sendto(b'x'*64,('127.0.0.1',9))\n"],
            stdin=subprocess.PIPE, text=True, bufsize=1)
        time.sleep(0.3)
        measured = []
        for _ in range(SAMPLES):
            before = os.stat(path).st_size
            started = time.monotonic()
            sender.stdin.write("go\n")
            sender.stdin.flush()
            while os.stat(path).st_size == before:
                if time.monotonic() - started > 2:
                    fail(f"{command[0]}: a datagram was not in the file after 2 s")
                time.sleep(0.0002)
            measured.append((time.monotonic() - started) * 1000)
            # A random phase against the ring's block timer.
            time.sleep(random.uniform(0.03, 0.09))
        return measured
    finally:
        if sender is not None:
            sender.stdin.close()
            sender.wait()
        recorder.send_signal(2)
        try:
            recorder.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            recorder.kill()
            recorder.wait()


def describe(name, measured):
    print(f"{name:32} median {statistics.median(measured):5.1f} ms, "
          f"longest {max(measured):5.1f} ms")


def main():
    if len(sys.argv) != 2:
        fail("usage: immediate_mode.py HELPER")
    if os.geteuid() != 0:
        print("needs root (a network namespace)")
        sys.exit(SKIP)
    helper = os.path.abspath(sys.argv[1])
    namespace = f"pr-immediate-{os.getpid()}"
    work = tempfile.mkdtemp(prefix="pr-immediate-")
    subprocess.run(["ip", "netns", "add", namespace], check=True)
    try:
        subprocess.run(["ip", "-n", namespace, "link", "set", "lo", "up"], check=True)
        results = {}
        runs = [("ours, blocks", ["--format", "pcap"]),
                ("ours, --immediate-mode", ["--format", "pcap", "--immediate-mode"])]
        for name, arguments in runs:
            path = os.path.join(work, "ours.pcap")
            results[name] = delays(namespace, [helper, "record", "-i", "lo", "-w", path,
                                               "--duration", "60"] + arguments, path)
            os.unlink(path)
        if shutil.which("tcpdump"):
            path = os.path.join(work, "tcpdump.pcap")
            results["tcpdump -U --immediate-mode"] = delays(
                namespace, ["tcpdump", "-i", "lo", "-U", "--immediate-mode", "-w", path,
                            "-Z", "root"], path)
            os.unlink(path)
        for name, measured in results.items():
            describe(name, measured)
    finally:
        subprocess.run(["ip", "netns", "del", namespace], check=False)
        shutil.rmtree(work, ignore_errors=True)

    blocks = statistics.median(results["ours, blocks"])
    immediate = results["ours, --immediate-mode"]
    if statistics.median(immediate) >= 5:
        fail(f"with --immediate-mode the median delay is {statistics.median(immediate):.1f} ms")
    if max(immediate) >= 25:
        fail(f"with --immediate-mode a packet took {max(immediate):.1f} ms")
    if blocks < 4 * statistics.median(immediate):
        fail(f"without the option the median delay is {blocks:.1f} ms: the option made "
             "no difference")
    print("PASS")


if __name__ == "__main__":
    main()
