"""Faults in a recording of two machines (ssh_fleet.py: web1 with our
helper in group mode, web2 with tcpdump): the remote capture program on
web1 is killed, later the ssh that carries web2's stream. Each time the
recording says which machine failed and why, the other machine's packets
keep arriving, and in the end the file is whole: tshark reads every packet
of it, and it holds web1's packets up to the kill and web2's after it.

Usage: machine_faults.py HELPER DRIVER
"""
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ssh_fleet import SshFleet, end_processes  # noqa: E402


class Lines:
    """The driver's lines, read in the background."""

    def __init__(self, process):
        self.lines = []
        self.lock = threading.Lock()
        threading.Thread(target=self._read, args=(process,), daemon=True).start()

    def _read(self, process):
        for line in process.stdout:
            with self.lock:
                self.lines.append(line.rstrip())

    def wait(self, predicate, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                for line in self.lines:
                    if predicate(line):
                        return line
            time.sleep(0.05)
        with self.lock:
            raise AssertionError(f"nothing matched within {timeout} s; driver said: "
                                 f"{self.lines[-20:]}")

    def last_totals(self):
        with self.lock:
            totals = [int(line.split()[1]) for line in self.lines if line.startswith("totals")]
        return totals[-1] if totals else 0


def ssh_children(parent):
    """The ssh clients the driver started (one per stream)."""
    out = subprocess.run(["ps", "-o", "pid=,args=", "--ppid", str(parent)], capture_output=True,
                         text=True).stdout
    return [(int(line.split(None, 1)[0]), line.split(None, 1)[1]) for line in out.splitlines()]


def main():
    helper, driver = sys.argv[1], sys.argv[2]
    for tool in ("/usr/sbin/sshd", "tcpdump", "tshark", "setcap", "useradd"):
        if shutil.which(tool) is None:
            print(f"SKIP: {tool} is not installed")
            return 77
    work = tempfile.mkdtemp(prefix="pr-machine-faults-")
    fleet = SshFleet("prfault", helper, modes=("group", "tcpdump"), account="prfaultu")
    processes = []
    try:
        web1, web2 = fleet.machines
        output = os.path.join(work, "faults.pcapng")
        recording = subprocess.Popen(
            fleet.in_desktop([driver, output, f"ssh://web1/{web1.link}", f"ssh://web2/{web2.link}"]),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
            env=fleet.environment())
        processes.append(recording)
        lines = Lines(recording)
        lines.wait(lambda line: line.startswith("started"), 60)
        # Pings to both machines for the whole test (bounded: 12 s).
        for machine in fleet.machines:
            processes.append(subprocess.Popen(fleet.in_desktop(
                ["ping", "-c", "240", "-i", "0.05", machine.address]), stdout=subprocess.DEVNULL))
        time.sleep(2)

        # 1. The capture program on web1 dies.
        killed_helper_at = time.time()
        subprocess.run(["pkill", "-9", "-u", fleet.user, "-f", "packet-recorder-capture"], check=False)
        warning = lines.wait(lambda line: line.startswith("warning") and "web1" in line
                             and "left out" not in line, 20)
        print(warning)
        lines.wait(lambda line: line == f"ended web1:{web1.link}", 5)
        before = lines.last_totals()
        time.sleep(2)
        after = lines.last_totals()
        print(f"after web1 failed: {before} -> {after} packets")
        assert after > before + 10, "web2's packets stopped arriving after web1 failed"

        # 2. The ssh that carries web2's stream is killed.
        streams = [pid for pid, args in ssh_children(recording.pid) if "web2" in args]
        assert streams, f"no ssh for web2 among {ssh_children(recording.pid)}"
        killed_ssh_at = time.time()
        for pid in streams:
            os.kill(pid, 9)
        warning = lines.wait(lambda line: line.startswith("warning") and "web2" in line
                             and "left out" not in line, 20)
        print(warning)
        stopped = lines.wait(lambda line: line.startswith("stopped"), 20)
        print(stopped)
        recording.wait(timeout=10)

        # The file: whole, with each machine's packets up to its fault.
        check = subprocess.run(["tshark", "-r", output, "-T", "fields", "-e",
                                "frame.interface_name", "-e", "frame.time_epoch"],
                               capture_output=True, text=True)
        assert check.returncode == 0, f"tshark cannot read the file: {check.stderr}"
        rows = [line.split("\t") for line in check.stdout.splitlines()]
        web1_last = max(float(t) for name, t in rows if name.startswith("web1:"))
        web2_times = [float(t) for name, t in rows if name.startswith("web2:")]
        print(f"{len(rows)} packets; web1's last {killed_helper_at - web1_last:.2f} s before its "
              f"kill; web2 has {sum(1 for t in web2_times if t > killed_helper_at)} after it")
        assert killed_helper_at - web1_last < 1.0, "web1's packets end long before the kill"
        assert sum(1 for t in web2_times if t > killed_helper_at + 0.5) > 10
        assert max(web2_times) > killed_ssh_at - 1.0
        stopped_packets = int(stopped.split()[1])
        assert stopped_packets == len(rows), f"{stopped_packets} said, {len(rows)} in the file"
        print("PASS")
        return 0
    finally:
        end_processes(processes)
        fleet.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
