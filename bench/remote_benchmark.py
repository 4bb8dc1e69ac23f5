#!/usr/bin/env python3
"""Recording another machine over ssh: our helper against `ssh host tcpdump`.

One machine of tests/remote/ssh_fleet.py (a network namespace with its own
sshd, joined to a desktop namespace by a veth pair), in the fleet's "group"
mode: our helper is a copy with cap_net_raw+ep that the test user may run, as
the package installs it. iperf3 or trafgen sends UDP from the desktop to the
machine's address at a fixed rate for a fixed time (see SCENARIOS); the same
link also carries the ssh session, and every recorder records the machine's
end of it with the capture filter `udp port 5201`, so the stream never
records itself. Recorders, in turns within each repetition (the order
reversed in even repetitions, one warm-up pass first, each file deleted once
counted):

  ours          remote_record_driver ssh://web1/IF: the app's transport, our
                helper there as the test user (cap_net_raw)
  ours-C        the same with --compress (ssh -C)
  tcpdump       ssh root@machine 'tcpdump -U -w - -i IF udp port 5201' > FILE
  tcpdump-C     the same with ssh -C
  ours-tcpdump  remote_record_driver through its tcpdump method (a second
                sshd on the machine, root, where no helper is found)

Per run: packets in the file against the packets sent (iperf3's datagrams
plus the two 4-byte datagrams of its UDP handshake, or trafgen's), the remote kernel drops each recorder
reports, CPU time of every process of the run on each side (the remote
recorder, the remote sshd session, the local ssh and driver), read from
/proc/PID/task/*/schedstat (nanoseconds) just before the load and one second
after it, the bytes that crossed the veth from the machine to the desktop in
that window (the ssh stream, from the desktop end's rx_bytes), and the size of
the file. The remote side (sshd and the recorder) is pinned to one CPU, the
traffic and the desktop side to the other, everything at the same nice value.

Usage (root): bench/remote_benchmark.py [--build DIR] [--repeats N] ...
Exit status: 0 done, 1 a run failed, 2 set-up failed, 77 not root or a tool
missing.
"""
import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "remote"))

FILTER = "udp port 5201"
# iperf3's UDP test opens with a 4-byte datagram each way.
HANDSHAKE_DATAGRAMS = 2
EXTRA_SSHD_PORT = 2222
# The fleet's account, group and sudoers rule are shared by every test that
# uses it, and each removes them when it closes (and ends the account's
# processes): the benchmark uses names of its own so that it can run while
# those tests do.
ACCOUNT = "prrbench"
SUDOERS = "/etc/sudoers.d/pr-remote-bench"


class PrivilegeSeparationFolder:
    """sshd needs /run/sshd for every connection. A fleet makes it when it is
    missing and removes it when it closes, which takes it away from any other
    sshd still running. This one is made before the fleet (which then leaves
    it alone), put back if someone else removes it during the runs, and
    removed at the end only when no sshd runs any more."""
    PATH = "/run/sshd"

    def __init__(self):
        self.made = False

    def ensure(self):
        if not os.path.isdir(self.PATH):
            os.makedirs(self.PATH, mode=0o755)
            self.made = True

    def release(self):
        if not self.made:
            return
        for entry in os.listdir("/proc"):
            try:
                if entry.isdigit() and os.path.basename(
                        os.readlink(f"/proc/{entry}/exe")) in ("sshd", "sshd-session"):
                    return
            except OSError:
                pass
        shutil.rmtree(self.PATH, ignore_errors=True)


PRIVSEP = PrivilegeSeparationFolder()

SCENARIOS = {
    # iperf3 UDP at a fixed offered rate: every datagram carries the same
    # payload bytes (iperf3 fills its buffer once), which ssh -C compresses
    # to almost nothing.
    "udp50m": {"iperf3": ["-u", "-b", "50M", "-l", "1000"]},
    "udp300m": {"iperf3": ["-u", "-b", "300M", "-l", "1000"]},
    # trafgen: 1042-byte frames whose 1000 payload bytes are random in every
    # packet (as encrypted traffic is: nothing for ssh -C to find), and
    # 64-byte frames, where the cost per packet shows.
    "random50m": {"trafgen": 1000, "pps": 6250},
    "small50k": {"trafgen": 18, "pps": 50000},
}
RECORDERS = ("ours", "ours-C", "tcpdump", "tcpdump-C", "ours-tcpdump")
# Which tcpdump run each of ours is compared with.
REFERENCE = {"ours": "tcpdump", "ours-C": "tcpdump-C", "ours-tcpdump": "tcpdump"}


def fail_setup(message, status=2):
    print(f"remote_benchmark: {message}", file=sys.stderr)
    sys.exit(status)


# --- /proc ------------------------------------------------------------------

def netns_inode(name):
    return os.stat(f"/run/netns/{name}").st_ino


def process_cpu(pid):
    """(ns on CPU from schedstat over all threads, utime ticks, stime ticks)."""
    total = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
            total += int(f.read().split()[0])
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return total, int(fields[11]), int(fields[12])


def snapshot(namespaces):
    """pid -> dict(ns, comm, exe, cmdline, cpu) for every process in namespaces."""
    wanted = {netns_inode(name): name for name in namespaces}
    seen = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        pid = int(entry)
        try:
            inode = int(os.readlink(f"/proc/{pid}/ns/net").split("[")[1].rstrip("]"))
            if inode not in wanted:
                continue
            with open(f"/proc/{pid}/comm") as f:
                comm = f.read().strip()
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode(errors="replace").strip()
            try:
                exe = os.path.basename(os.readlink(f"/proc/{pid}/exe"))
            except OSError:
                exe = ""
            cpu = process_cpu(pid)
        except (OSError, IndexError, ValueError):
            continue  # gone meanwhile
        seen[pid] = {"ns": wanted[inode], "comm": comm, "exe": exe, "cmdline": cmdline,
                     "cpu": cpu}
    return seen


def classify(process, machine_ns, listeners):
    """Which column a process's CPU goes to, or None (traffic, listeners)."""
    exe, comm = process["exe"], process["comm"]
    if exe == "iperf3" or comm == "iperf3":
        return None
    if process["ns"] == machine_ns:
        if exe in ("packet-recorder-capture", "packet-recorder-helper", "tcpdump"):
            return "remote_recorder"
        if exe in ("sshd", "sshd-session"):
            return None if process["pid"] in listeners else "remote_sshd"
        return "remote_other"  # the sh that runs the script (tcpdump method)
    if exe == "ssh":
        return "local_ssh"
    if comm.startswith("remote_record_d"):
        return "local_driver"
    return "local_other"


def link_counters(ns, link):
    values = {}
    for name in ("rx_bytes", "rx_packets", "tx_bytes", "tx_packets"):
        out = subprocess.run(["ip", "netns", "exec", ns, "cat",
                              f"/sys/class/net/{link}/statistics/{name}"],
                             capture_output=True, text=True, check=True).stdout
        values[name] = int(out)
    return values


def loadavg():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def count_packets(path):
    out = subprocess.run(["capinfos", "-M", "-c", path], capture_output=True, text=True)
    match = re.search(r"Number of packets:\s+(\d+)", out.stdout)
    if not match:
        return None
    return int(match.group(1))


# --- the runs ---------------------------------------------------------------

class LineReader(threading.Thread):
    """Collects a pipe's lines so the writer never blocks on a full pipe."""

    def __init__(self, pipe):
        super().__init__(daemon=True)
        self.pipe = pipe
        self.lines = []
        self.changed = threading.Condition()
        self.start()

    def run(self):
        for line in self.pipe:
            with self.changed:
                self.lines.append(line.rstrip("\n"))
                self.changed.notify_all()
        with self.changed:
            self.lines.append(None)  # end
            self.changed.notify_all()

    def wait_for(self, predicate, timeout):
        deadline = time.monotonic() + timeout
        with self.changed:
            while True:
                for line in self.lines:
                    if line is not None and predicate(line):
                        return line
                if None in self.lines or time.monotonic() >= deadline:
                    return None
                self.changed.wait(deadline - time.monotonic())

    def last(self, prefix):
        with self.changed:
            for line in reversed(self.lines):
                if line is not None and line.startswith(prefix):
                    return line
        return None


class Bench:
    def __init__(self, args, fleet):
        self.args = args
        self.fleet = fleet
        self.machine = fleet.machines[0]
        self.work = tempfile.mkdtemp(prefix="pr-remote-bench-", dir=args.work_dir)
        self.extra_sshd = None
        self.iperf_server = None
        self.run_number = 0
        self.listeners = set()

    # Set-up: an ssh config with two more names for the same machine, the
    # remote side pinned, an iperf3 server.
    def setup(self):
        m = self.machine
        self.config = os.path.join(self.work, "ssh_config")
        self.known_hosts = os.path.join(self.work, "known_hosts")
        with open(self.fleet.known_hosts) as f:
            known = f.read()
        with open(m.host_key + ".pub") as f:
            words = f.read().split()
        with open(self.known_hosts, "w") as f:
            f.write(known + f"[{m.address}]:{EXTRA_SSHD_PORT} {words[0]} {words[1]}\n")
        with open(self.fleet.config) as f:
            fleet_config = f.read()
        common = (f"    HostName {m.address}\n"
                  f"    IdentityFile {self.fleet.user_key}\n"
                  "    IdentitiesOnly yes\n"
                  f"    UserKnownHostsFile {self.known_hosts}\n"
                  "    StrictHostKeyChecking yes\n"
                  "    BatchMode yes\n")
        with open(self.config, "w") as f:
            f.write(fleet_config.replace(f"UserKnownHostsFile {self.fleet.known_hosts}",
                                         f"UserKnownHostsFile {self.known_hosts}"))
            f.write(f"Host {m.name}-root\n    User root\n" + common)
            f.write(f"Host {m.name}-tcpdump\n    User root\n    Port {EXTRA_SSHD_PORT}\n"
                    + common)
        if "ours-tcpdump" in self.args.recorders:
            self._extra_sshd()
        for pid in self._listener_pids():
            self._pin(pid, self.args.remote_cpu)
        self.iperf_server = m.popen(self._pinned(self.args.traffic_cpu) +
                                    ["iperf3", "-s", "-B", m.address],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.5)

    def _extra_sshd(self):
        """A second sshd there, where PACKET_RECORDER_HELPER names no file:
        the driver's script then records with tcpdump (as root)."""
        m = self.machine
        config = os.path.join(self.work, "sshd_tcpdump")
        with open(config, "w") as f:
            f.write(f"ListenAddress {m.address}:{EXTRA_SSHD_PORT}\n"
                    f"HostKey {m.host_key}\n"
                    f"AuthorizedKeysFile {self.fleet.work}/authorized_keys\n"
                    f"PidFile {self.work}/sshd_tcpdump.pid\n"
                    "PermitRootLogin prohibit-password\n"
                    "PasswordAuthentication no\nKbdInteractiveAuthentication no\n"
                    "UsePAM no\nStrictModes no\n"
                    "SetEnv PACKET_RECORDER_HELPER=/nonexistent/packet-recorder-helper\n")
        self.extra_sshd = m.popen(["/usr/sbin/sshd", "-D", "-e", "-f", config],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while not m.run(["ss", "-Hltn", f"sport = :{EXTRA_SSHD_PORT}"], capture_output=True,
                        text=True).stdout.strip():
            if self.extra_sshd.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the second sshd did not start")
            time.sleep(0.05)

    def _listener_pids(self):
        pids = []
        for pid, p in snapshot([self.machine.ns]).items():
            if p["exe"] == "sshd" and ("[listener]" in p["cmdline"] or
                                      p["cmdline"].startswith("/usr/sbin/sshd")):
                pids.append(pid)
        self.listeners = set(pids)
        return pids

    def _pin(self, pid, cpu):
        os.sched_setaffinity(pid, {cpu})
        os.setpriority(os.PRIO_PROCESS, pid, self.args.nice)

    def _pinned(self, cpu):
        return ["taskset", "-c", str(cpu), "nice", "-n", str(self.args.nice)]

    def close(self):
        for process in (self.iperf_server, self.extra_sshd):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        shutil.rmtree(self.work, ignore_errors=True)

    def _load(self, scenario):
        """Offers the scenario's traffic; returns sent, expected, offered."""
        m = self.machine
        spec = SCENARIOS[scenario]
        seconds = self.args.seconds
        pinned = self.fleet.in_desktop(self._pinned(self.args.traffic_cpu))
        if "iperf3" in spec:
            iperf = subprocess.run(pinned + ["iperf3", "-c", m.address, "-t", str(seconds), "-J"]
                                   + spec["iperf3"], capture_output=True, text=True,
                                   timeout=seconds + 30)
            try:
                summary = json.loads(iperf.stdout)["end"]["sum"]
                return {"sent": summary["packets"],
                        "expected": summary["packets"] + HANDSHAKE_DATAGRAMS,
                        "payload_mbit": summary["bits_per_second"] / 1e6}
            except (ValueError, KeyError) as error:
                return {"error": f"iperf3: {error}: {iperf.stdout[-300:]} {iperf.stderr[-300:]}"}
        packets = spec["pps"] * seconds
        config = os.path.join(self.work, f"{scenario}.trafgen")
        if not os.path.exists(config):
            mac_machine = m.run(["cat", f"/sys/class/net/{m.link}/address"], capture_output=True,
                                text=True, check=True).stdout.strip()
            mac_desktop = subprocess.run(self.fleet.in_desktop(
                ["cat", f"/sys/class/net/{m.desktop_link}/address"]), capture_output=True,
                text=True, check=True).stdout.strip()
            with open(config, "w") as f:
                f.write("{\n"
                        f"  eth(da={mac_machine}, sa={mac_desktop}, type=0x0800),\n"
                        f"  ipv4(saddr={m.desktop_address}, daddr={m.address}, ttl=64, "
                        "proto=17),\n"
                        "  udp(sport=dinc(1024, 65000), dport=5201),\n"
                        f"  drnd({spec['trafgen']})\n"
                        "}\n")
        trafgen = subprocess.run(pinned + ["trafgen", "--dev", m.desktop_link, "--conf", config,
                                           "--cpus", "1", "-n", str(packets), "--rate",
                                           f"{spec['pps']}pps"],
                                 capture_output=True, text=True, timeout=seconds + 30)
        if trafgen.returncode != 0:
            return {"error": f"trafgen: {trafgen.stderr[-300:]}"}
        return {"sent": packets, "expected": packets,
                "payload_mbit": packets * spec["trafgen"] * 8 / seconds / 1e6}

    # One run.
    def run(self, recorder, scenario, repetition):
        """One run; one more try when the recording did not start."""
        result = self._run(recorder, scenario, repetition)
        if result["error"] and result["error"].startswith("no start"):
            print(f"run {result['run']} {scenario} {recorder}: {result['error']}; again",
                  flush=True)
            result = self._run(recorder, scenario, repetition)
        return result

    def _run(self, recorder, scenario, repetition):
        self.run_number += 1
        PRIVSEP.ensure()
        m = self.machine
        namespaces = [m.ns, self.fleet.desktop]
        before = set(snapshot(namespaces))
        output = os.path.join(self.work, f"run{self.run_number}.pcap")
        runtime = os.path.join(self.work, f"rt{self.run_number}")
        os.makedirs(runtime, mode=0o700)
        env = dict(os.environ)
        env["PACKET_RECORDER_SSH"] = f"ssh -F {self.config}"
        env["XDG_RUNTIME_DIR"] = runtime  # a control master of its own
        local = self._pinned(self.args.local_cpu)
        result = {"run": self.run_number, "repetition": repetition, "scenario": scenario,
                  "recorder": recorder, "error": None}
        driver = recorder.startswith("ours")
        if driver:
            target = m.name if recorder != "ours-tcpdump" else f"{m.name}-tcpdump"
            argv = [self.args.driver, output, "--filter", FILTER]
            if recorder == "ours-C":
                argv.append("--compress")
            argv.append(f"ssh://{target}/{m.link}")
            process = subprocess.Popen(self.fleet.in_desktop(local + argv), env=env,
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, text=True)
            lines = LineReader(process.stdout)
            errors = LineReader(process.stderr)
            ready = lines.wait_for(lambda l: l.startswith(("started", "failed")), 60)
            if not ready or not ready.startswith("started"):
                result["error"] = f"no start: {lines.lines[-5:]} {errors.lines[-5:]}"
                process.kill()
                process.wait()
                return result
        else:
            ssh = ["ssh", "-F", self.config] + (["-C"] if recorder == "tcpdump-C" else [])
            command = f"tcpdump -U -w - -i {m.link} {FILTER}"
            with open(output, "wb") as out:
                process = subprocess.Popen(
                    self.fleet.in_desktop(local + ssh + [f"{m.name}-root", command]), env=env,
                    stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.PIPE, text=True)
            lines = None
            errors = LineReader(process.stderr)
            if not errors.wait_for(lambda l: "listening on" in l, 30):
                result["error"] = f"no start: {errors.lines[-5:]}"
                process.kill()
                process.wait()
                return result
        time.sleep(self.args.settle)

        # The load, between two readings.
        first = snapshot(namespaces)
        link_first = link_counters(self.fleet.desktop, m.desktop_link)
        result["load_before"] = loadavg()
        result.update(self._load(scenario))
        time.sleep(self.args.drain)
        second = snapshot(namespaces)
        link_second = link_counters(self.fleet.desktop, m.desktop_link)
        result["load_after"] = loadavg()
        if driver:
            totals = lines.last("totals")
            result["count_at_reading"] = int(totals.split()[1]) if totals else None

        # CPU of this run's processes in the window, by side.
        cpu = {}
        threads = {}
        for pid, p in second.items():
            if pid in before:
                continue
            p["pid"] = pid
            column = classify(p, m.ns, self.listeners)
            if column is None:
                continue
            start = first.get(pid, {"cpu": (0, 0, 0)})["cpu"]
            if pid not in first:
                result.setdefault("late_processes", []).append(p["comm"])
            delta = [b - a for a, b in zip(start, p["cpu"])]
            entry = cpu.setdefault(column, [0, 0, 0])
            for i in range(3):
                entry[i] += delta[i]
            threads.setdefault(column, []).append(f"{p['comm']}:{delta[0] / 1e6:.1f}ms")
        result["cpu_ns"] = {k: v[0] for k, v in cpu.items()}
        result["cpu_user_sys_ticks"] = {k: v[1:] for k, v in cpu.items()}
        result["processes"] = threads
        result["wire_bytes"] = link_second["rx_bytes"] - link_first["rx_bytes"]
        result["wire_packets"] = link_second["rx_packets"] - link_first["rx_packets"]

        # Stop.
        if driver:
            try:
                process.stdin.write("stop\n")
                process.stdin.flush()
            except BrokenPipeError:
                pass
            end = lines.wait_for(lambda l: l.startswith(("stopped", "failed")), 30)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if end and end.startswith("stopped"):
                result["reported_packets"] = int(end.split()[1])
                result["drops"] = int(end.split()[2])
            else:
                result["error"] = f"stop: {end} {errors.lines[-5:]}"
            # The control master would stay for a minute.
            subprocess.run(self.fleet.in_desktop(
                ["ssh", "-F", self.config, "-o", f"ControlPath={runtime}/pr-ssh/%C", "-O",
                 "exit", target]), env=env, capture_output=True, timeout=15)
        else:
            # As one would stop it there: SIGINT, so its statistics come back.
            for pid, p in second.items():
                if p["ns"] == m.ns and p["exe"] == "tcpdump" and pid not in before:
                    os.kill(pid, signal.SIGINT)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            stats = errors.wait_for(lambda l: "dropped by kernel" in l, 5)
            result["drops"] = int(stats.split()[0]) if stats else None
            got = errors.wait_for(lambda l: "packets captured" in l, 1)
            result["reported_packets"] = int(got.split()[0]) if got else None
        errors.join(timeout=5)
        result["in_file"] = count_packets(output)
        result["file_bytes"] = os.path.getsize(output) if os.path.exists(output) else 0
        if os.path.exists(output):
            os.unlink(output)
        shutil.rmtree(runtime, ignore_errors=True)
        if result["in_file"] is None and not result["error"]:
            result["error"] = "the file could not be read"
        # Leftovers of this run would be counted in the next.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            left = [p for pid, p in snapshot(namespaces).items()
                    if pid not in before and p["exe"] in ("ssh", "sshd", "tcpdump",
                                                          "packet-recorder-capture")]
            if not left:
                break
            time.sleep(0.2)
        return result


# --- tables -----------------------------------------------------------------

def derived(r):
    c = r.get("cpu_ns", {})
    remote = c.get("remote_recorder", 0) + c.get("remote_sshd", 0) + c.get("remote_other", 0)
    local = c.get("local_ssh", 0) + c.get("local_driver", 0) + c.get("local_other", 0)
    packets = r.get("in_file") or 0
    expected = r.get("expected") or 0
    per = (lambda ns: ns / 1e3 / packets if packets else float("nan"))
    return {
        "expected": expected,
        "missing": expected - packets,
        "remote_ns": remote,
        "local_ns": local,
        "rec_us": per(c.get("remote_recorder", 0)),
        "sshd_us": per(c.get("remote_sshd", 0) + c.get("remote_other", 0)),
        "remote_us": per(remote),
        "local_us": per(local),
        "wire_file": r["wire_bytes"] / r["file_bytes"] if r.get("file_bytes") else float("nan"),
    }


def fmt(value, digits=2):
    if value is None or value != value:
        return "-"
    return f"{value:.{digits}f}"


def print_tables(results, recorders, scenarios, seconds):
    good = [r for r in results if not r["error"] and r["repetition"] > 0]
    print("\n## Every run\n")
    print("| run | scenario | recorder | offered | in file | missing | remote drops | "
          "remote recorder ms | remote sshd ms | remote µs/pkt | local ms | local µs/pkt | "
          "wire MB | file MB | wire / file | load |")
    print("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        if r["error"]:
            print(f"| {r['run']} | {r['scenario']} | {r['recorder']} | failed: "
                  f"{r['error'][:200]} |")
            continue
        d = derived(r)
        c = r["cpu_ns"]
        run = f"{r['run']}" + (" (warm-up)" if r["repetition"] == 0 else "")
        print(f"| {run} | {r['scenario']} | {r['recorder']} | {d['expected']} | {r['in_file']} | "
              f"{d['missing']} | {r.get('drops')} | "
              f"{c.get('remote_recorder', 0) / 1e6:.1f} | "
              f"{(c.get('remote_sshd', 0) + c.get('remote_other', 0)) / 1e6:.1f} | "
              f"{fmt(d['remote_us'])} | {d['local_ns'] / 1e6:.1f} | {fmt(d['local_us'])} | "
              f"{r['wire_bytes'] / 1e6:.2f} | {r['file_bytes'] / 1e6:.2f} | "
              f"{fmt(d['wire_file'])} | {r['load_before']:.1f} |")

    print(f"\n## Medians over the repetitions ({seconds} s of traffic a run)\n")
    print("| scenario | recorder | runs | offered packets/s | payload Mbit/s | packets | "
          "in file: all? | "
          "remote drops | recorder µs/pkt | sshd µs/pkt | remote µs/pkt | "
          "remote vs tcpdump | recorder vs tcpdump's | local µs/pkt | wire MB | file MB | "
          "wire / file |")
    print("|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    by = {}
    for r in good:
        by.setdefault((r["scenario"], r["recorder"]), []).append(r)
    for scenario in scenarios:
        for recorder in recorders:
            runs = by.get((scenario, recorder), [])
            if not runs:
                continue
            ds = [derived(r) for r in runs]
            med = lambda xs: statistics.median(xs) if xs else float("nan")  # noqa: E731
            complete = sum(1 for d in ds if d["missing"] == 0)
            ratio = ratio_rec = "-"
            reference = REFERENCE.get(recorder)
            if reference:
                mine = {r["repetition"]: derived(r) for r in runs}
                theirs = {r["repetition"]: derived(r)
                          for r in by.get((scenario, reference), [])}
                pairs = [(mine[k], theirs[k]) for k in mine if k in theirs]
                if pairs:
                    values = [a["remote_ns"] / b["remote_ns"] for a, b in pairs if b["remote_ns"]]
                    ratio = (f"{med(values):.2f}x ({', '.join(f'{v:.2f}' for v in values)})"
                             + ("" if reference == "tcpdump" else f" vs {reference}"))
                    recs = [a["rec_us"] / b["rec_us"] for a, b in pairs if b["rec_us"]]
                    ratio_rec = f"{med(recs):.2f}x"
            print(f"| {scenario} | {recorder} | {len(runs)} | "
                  f"{med([d['expected'] for d in ds]) / seconds:.0f} | "
                  f"{med([r['payload_mbit'] for r in runs]):.1f} | "
                  f"{int(med([d['expected'] for d in ds]))} | "
                  f"{complete} of {len(runs)}"
                  + ("" if complete == len(runs) else
                     f" (missing {', '.join(str(d['missing']) for d in ds)})") + " | "
                  f"{max((r.get('drops') or 0) for r in runs)} | "
                  f"{fmt(med([d['rec_us'] for d in ds]))} | "
                  f"{fmt(med([d['sshd_us'] for d in ds]))} | "
                  f"{fmt(med([d['remote_us'] for d in ds]))} | {ratio} | {ratio_rec} | "
                  f"{fmt(med([d['local_us'] for d in ds]))} | "
                  f"{med([r['wire_bytes'] for r in runs]) / 1e6:.2f} | "
                  f"{med([r['file_bytes'] for r in runs]) / 1e6:.2f} | "
                  f"{fmt(med([d['wire_file'] for d in ds]))} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default=os.path.join(HERE, "..", "build-bench"),
                        help="build folder with app/packet-recorder-helper and "
                             "tests/remote/remote_record_driver (default build-bench)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=3, help="traffic per run")
    parser.add_argument("--scenarios", default=" ".join(SCENARIOS))
    parser.add_argument("--recorders", default=" ".join(RECORDERS))
    parser.add_argument("--nice", type=int, default=-10)
    parser.add_argument("--remote-cpu", type=int, default=1)
    parser.add_argument("--local-cpu", type=int, default=0)
    parser.add_argument("--traffic-cpu", type=int, default=0)
    parser.add_argument("--settle", type=float, default=1.0,
                        help="seconds between the start and the first reading")
    parser.add_argument("--drain", type=float, default=1.0,
                        help="seconds between the end of the load and the second reading")
    parser.add_argument("--work-dir", default="/dev/shm", help="where the files go (a tmpfs)")
    parser.add_argument("--json", help="also write every run's figures to this file")
    args = parser.parse_args()
    args.scenarios = args.scenarios.split()
    args.recorders = args.recorders.split()
    for s in args.scenarios:
        if s not in SCENARIOS:
            fail_setup(f"unknown scenario {s} (known: {' '.join(SCENARIOS)})")
    for r in args.recorders:
        if r not in RECORDERS:
            fail_setup(f"unknown recorder {r} (known: {' '.join(RECORDERS)})")

    if os.geteuid() != 0:
        fail_setup("must run as root (namespaces, users, capabilities)", 77)
    for tool in ("/usr/sbin/sshd", "ssh", "tcpdump", "iperf3", "trafgen", "capinfos", "taskset",
                 "setcap", "useradd"):
        if shutil.which(tool) is None:
            fail_setup(f"{tool} is not installed", 77)
    helper = os.path.abspath(os.path.join(args.build, "app", "packet-recorder-helper"))
    args.driver = os.path.abspath(os.path.join(args.build, "tests", "remote",
                                               "remote_record_driver"))
    for path in (helper, args.driver):
        if not os.access(path, os.X_OK):
            fail_setup(f"{path} not found (build packet-recorder-helper, "
                       "packet-recorder-capture and remote_record_driver)")

    import ssh_fleet
    ssh_fleet.USER = ssh_fleet.GROUP = ACCOUNT
    ssh_fleet.SUDOERS = SUDOERS
    fleet = bench = None
    results = []
    interrupted = setup_failed = False
    try:
        PRIVSEP.ensure()
        fleet = ssh_fleet.SshFleet(f"prrb{os.getpid() % 10000}", helper, modes=("group",))
        # Its sshd logs every connection to a pipe: read it, so it never fills.
        LineReader(fleet.machines[0].sshd.stderr)
        bench = Bench(args, fleet)
        bench.setup()
        m = fleet.machines[0]
        print(f"# Remote benchmark: {m.name} = namespace {m.ns}, {m.address}, recorded "
              f"interface {m.link}; filter '{FILTER}'; {args.seconds} s a run; "
              f"remote side on CPU {args.remote_cpu}, traffic on CPU {args.traffic_cpu}, "
              f"desktop side on CPU {args.local_cpu}, nice {args.nice}; our helper runs as "
              f"{ACCOUNT} (cap_net_raw file capability), tcpdump as root; "
              f"load average {loadavg():.2f}", flush=True)
        plan = [(0, args.scenarios[0], r) for r in args.recorders]  # the warm-up
        for repetition in range(1, args.repeats + 1):
            order = args.recorders if repetition % 2 else list(reversed(args.recorders))
            for scenario in args.scenarios:
                plan += [(repetition, scenario, r) for r in order]
        for repetition, scenario, recorder in plan:
            r = bench.run(recorder, scenario, repetition)
            results.append(r)
            if r["error"]:
                print(f"run {r['run']} {scenario} {recorder}: FAILED {r['error']}", flush=True)
                continue
            d = derived(r)
            print(f"run {r['run']:3} rep {repetition} {scenario:8} {recorder:13} "
                  f"offered {d['expected']:7} file {r['in_file']:7} drops {r.get('drops')} "
                  f"remote {d['remote_ns'] / 1e6:7.1f} ms ({fmt(d['remote_us'])} µs/pkt: "
                  f"recorder {fmt(d['rec_us'])}, sshd {fmt(d['sshd_us'])}) "
                  f"local {d['local_ns'] / 1e6:7.1f} ms  wire {r['wire_bytes'] / 1e6:.2f} MB "
                  f"file {r['file_bytes'] / 1e6:.2f} MB  load {r['load_before']:.1f}",
                  flush=True)
    except KeyboardInterrupt:
        interrupted = True
    except (RuntimeError, OSError, subprocess.SubprocessError) as error:
        print(f"remote_benchmark: set-up failed: {error}", file=sys.stderr)
        setup_failed = True
    finally:
        if bench is not None:
            bench.close()
        if fleet is not None:
            fleet.close()
        PRIVSEP.release()
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)
    print_tables(results, args.recorders, args.scenarios, args.seconds)
    if interrupted:
        return 130
    if setup_failed:
        return 2
    return 1 if any(r["error"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
