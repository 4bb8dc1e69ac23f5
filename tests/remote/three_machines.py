"""Three machines recorded into one file, each its own way (ssh_fleet.py):
web1 with our helper in group mode, web2 with our helper through sudo -n,
web3 with tcpdump only. While pings and iperf3 run between the desktop and
the machines, tcpdump records each machine's interface there; afterwards,
per interface, the file written here holds exactly the packets tcpdump saw
(and for the desktop's own end of web1's link, recorded here beside them,
what tcpdump saw here)
(ICMP and iperf3's TCP), none of the ssh sessions that carried the
recording (which tcpdump did see), interface blocks named web1:IF... with
the clock offset and method in their description, and packets in timestamp
order.

Usage: three_machines.py HELPER DRIVER
"""
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ssh_fleet import SshFleet, end_processes  # noqa: E402

MATCH = "icmp or tcp port 5201"


def need(tool):
    if shutil.which(tool) is None:
        print(f"SKIP: {tool} is not installed")
        sys.exit(77)


def wait_for_line(process, prefix, timeout):
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line.rstrip())
        if line.startswith(prefix):
            return line.rstrip(), seen
    raise AssertionError(f"no '{prefix}' line within {timeout} s; driver said: {seen}")


def count_reference(path):
    out = subprocess.run(["tcpdump", "-nn", "-r", path, MATCH], capture_output=True,
                         text=True).stdout
    return len(out.splitlines())


def count_port22(path):
    out = subprocess.run(["tcpdump", "-nn", "-r", path, "tcp port 22"], capture_output=True,
                         text=True).stdout
    return len(out.splitlines())


def main():
    helper, driver = sys.argv[1], sys.argv[2]
    for tool in ("sshd", "tcpdump", "tshark", "iperf3", "sudo", "setcap", "useradd"):
        need(tool if tool != "sshd" else "/usr/sbin/sshd")
    work = tempfile.mkdtemp(prefix="pr-three-machines-")
    fleet = SshFleet("prthree", helper, account="prthreeu")
    references = []
    processes = []
    try:
        env = fleet.environment()
        for machine in fleet.machines:
            path = os.path.join(work, f"{machine.name}.pcap")
            tcpdump = machine.popen(["tcpdump", "-p", "-U", "-nn", "-i", machine.link, "-w", path],
                                    stderr=subprocess.PIPE, text=True)
            tcpdump.stderr.readline()  # "listening on ..."
            references.append((f"{machine.name}:{machine.link}", machine.mode, path, tcpdump))
            processes.append(tcpdump)
        # This desktop's end of web1's link, recorded by the local helper.
        desktop_link = fleet.machines[0].desktop_link
        path = os.path.join(work, "desktop.pcap")
        tcpdump = subprocess.Popen(fleet.in_desktop(["tcpdump", "-p", "-U", "-nn", "-i",
                                                     desktop_link, "-w", path]),
                                   stderr=subprocess.PIPE, text=True)
        tcpdump.stderr.readline()
        references.append((f"{socket.gethostname()}:{desktop_link}", "local", path, tcpdump))
        processes.append(tcpdump)
        output = os.path.join(work, "three.pcapng")
        interfaces = [f"ssh://{m.name}/{m.link}" for m in fleet.machines] + [desktop_link]
        recording = subprocess.Popen(fleet.in_desktop([driver, output, "--programs", "--local-helper", helper] + interfaces),
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True, env=env)
        processes.append(recording)
        started, _ = wait_for_line(recording, "started", 60)
        print(started)
        note, _ = wait_for_line(recording, "warning", 10)
        print(note)
        assert "left out" in note, note

        # The traffic: pings to every machine, iperf3 to web1 and web3.
        servers = []
        for machine in (fleet.machines[0], fleet.machines[2]):
            servers.append(machine.popen(["iperf3", "-s", "-1", "-B", machine.address],
                                         stdout=subprocess.DEVNULL))
        time.sleep(0.5)
        pings = [subprocess.Popen(fleet.in_desktop(["ping", "-c", "40", "-i", "0.02",
                                                    m.address]), stdout=subprocess.DEVNULL)
                 for m in fleet.machines]
        for machine in (fleet.machines[0], fleet.machines[2]):
            subprocess.run(fleet.in_desktop(["iperf3", "-c", machine.address, "-t", "1",
                                             "-b", "40M", "-l", "1400"]),
                           stdout=subprocess.DEVNULL, check=True, timeout=30)
        for each in pings + servers:
            each.wait(timeout=30)
        time.sleep(1.0)

        recording.stdin.write("stop\n")
        recording.stdin.flush()
        stopped, lines = wait_for_line(recording, "stopped", 30)
        print(stopped)
        recording.wait(timeout=10)
        for _, _, _, tcpdump in references:
            tcpdump.send_signal(signal.SIGINT)
            tcpdump.wait(timeout=10)

        # Per interface: ours against tcpdump's on that machine.
        fields = subprocess.run(["tshark", "-r", output, "-Y", "icmp || tcp.port == 5201",
                                 "-T", "fields", "-e", "frame.interface_name"],
                                capture_output=True, text=True, check=True).stdout.split()
        failures = []
        for label, mode, path, _ in references:
            ours = fields.count(label)
            theirs = count_reference(path)
            session = count_port22(path)
            print(f"{label:24} ({mode:7}) ours {ours:6}  tcpdump {theirs:6}  "
                  f"(tcpdump also saw {session} ssh packets)")
            if ours != theirs or theirs < 40:
                failures.append(f"{label}: {ours} packets, tcpdump {theirs}")
            if session == 0 and mode != "local":
                failures.append(f"{label}: tcpdump saw no ssh session (the test is broken)")
        # Every interface leaves the sessions out, this desktop's own too
        # (where they leave here: it learns them from the machines).
        ssh_ours = subprocess.run(["tshark", "-r", output, "-Y", "tcp.port == 22"],
                                  capture_output=True, text=True).stdout.splitlines()
        if ssh_ours:
            failures.append(f"{len(ssh_ours)} ssh packets in the file: {ssh_ours[:3]}")

        # Programs: web1 and web2 record with our helper, which names the
        # programs behind TCP and UDP packets (iperf3's server runs there as
        # root; the helper confined as the test user names its account).
        programs = [line for line in lines if line.startswith("program ")]
        print("\n".join(programs[:6]))
        commented = subprocess.run(["tshark", "-r", output, "-Y",
                                    f"frame.comment && frame.interface_name == \"web1:{fleet.machines[0].link}\"",
                                    "-T", "fields", "-e", "frame.comment"],
                                   capture_output=True, text=True).stdout.splitlines()
        if not programs or not commented:
            failures.append(f"programs: {len(programs)} rows, {len(commented)} commented packets")

        # The interface blocks: names, methods and clock offsets.
        blocks = subprocess.run(["tshark", "-r", output, "-T", "fields", "-e",
                                 "frame.interface_description"], capture_output=True,
                                text=True).stdout.splitlines()
        for machine, method in zip(fleet.machines, ("Packet Recorder;", "Packet Recorder (sudo)",
                                                     "tcpdump;")):
            described = [b for b in set(blocks) if b.startswith(f"{machine.link} on {machine.name}")]
            if not described or method not in described[0] or "clock" not in described[0]:
                failures.append(f"{machine.name}: description {described}")
        print("\n".join(sorted(set(blocks))))

        # Merged in timestamp order. A machine's own capture is not always in
        # order (two CPUs stamp packets; tcpdump's files show it too), and
        # the merge keeps each machine's order; so a packet may be earlier
        # than the one before it only where it is also earlier than the
        # packet before it from its own interface.
        rows = subprocess.run(["tshark", "-r", output, "-T", "fields", "-e",
                               "frame.interface_name", "-e", "frame.time_epoch"],
                              capture_output=True, text=True, check=True).stdout.splitlines()
        merged = [(row.split("\t")[0], int(row.split("\t")[1].replace(".", ""))) for row in rows]
        last_of = {}
        misplaced = 0
        backwards = 0
        for index, (name, stamp) in enumerate(merged):
            if index and stamp < merged[index - 1][1]:
                backwards += 1
                if stamp >= last_of.get(name, 0):
                    misplaced += 1
            last_of[name] = max(last_of.get(name, 0), stamp)
        if misplaced:
            failures.append(f"{misplaced} packets merged before an earlier one of another machine")
        print(f"{len(merged)} packets in the file, {backwards} earlier than the one before "
              f"(each also out of order on its own interface: {misplaced} misplaced by the merge)")

        if failures:
            print("FAIL:\n  " + "\n  ".join(failures))
            return 1
        print("PASS")
        return 0
    finally:
        end_processes(processes)
        fleet.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
