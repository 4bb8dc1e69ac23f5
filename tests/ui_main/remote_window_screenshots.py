#!/usr/bin/env python3
"""The screenshots of recording other machines, made against real OpenSSH.

Three machines of tests/remote/ssh_fleet.py (web1 records with our helper in
group mode, web2 with our helper under sudo, web3 with tcpdump), a settings
file that lists web1 and web2 in a temporary home, and the window
(remote_window_screenshots, offscreen, a 1600x1000 screen) run in the
desktop's network namespace with the fleet's ssh config. It saves
remote-picker.png (web1 and web2 in the picker) and, after adding web3 and
recording the three machines' links while pinging them, remote-recording.png
(the packet list with its Interface column). Then it ends web2's capture
program as a crash would and checks that the window names the machine and
the cause while the others go on, and counts the file's packets per
interface with tshark.

usage (root): remote_window_screenshots.py BUILD_DIR OUTPUT_DIR
  BUILD_DIR: a build with packet-recorder-helper, packet-recorder-capture,
  packet-recorder-askpass and remote_window_screenshots built.
The reviewed copies live in docs/screenshots/.
"""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "remote"))
from ssh_fleet import SshFleet  # noqa: E402


def write_settings(config_home, machines):
    folder = os.path.join(config_home, "PacketRecorder")
    os.makedirs(folder, exist_ok=True)
    lines = ["[remote]", f"machines\\size={len(machines)}"]
    for index, machine in enumerate(machines, start=1):
        lines.append(f"machines\\{index}\\destination={machine}")
        lines.append(f"machines\\{index}\\compression=false")
    with open(os.path.join(folder, "packet-recorder.conf"), "w") as out:
        out.write("\n".join(lines) + "\n")


def end_capture(machine):
    """Ends the machine's capture program as a crash would (the watcher's
    session stays): its stream ends, the recording goes on without it."""
    pids = subprocess.run(["ip", "netns", "pids", machine.ns], capture_output=True,
                          text=True).stdout.split()
    for pid in pids:
        try:
            with open(f"/proc/{pid}/comm") as comm:
                name = comm.read().strip()
            if name.startswith("packet-recorde") or name == "tcpdump":
                os.kill(int(pid), 9)
                print(f"killed {name} {pid} on {machine.name}", flush=True)
        except (OSError, ValueError):
            pass


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    build, output = (os.path.abspath(argument) for argument in sys.argv[1:])
    if os.geteuid() != 0:
        print("needs root (network namespaces, sshd)", file=sys.stderr)
        return 77
    driver = os.path.join(build, "tests", "ui_main", "remote_window_screenshots")
    fleet = SshFleet("prshot", os.path.join(build, "app", "packet-recorder-helper"),
                     account="prshotu")
    try:
        # The links named as on a server ("web1:eth0" in the file) and on a
        # desktop with a link into each lab network.
        for index, machine in enumerate(fleet.machines, start=1):
            for ns, link, name in ((machine.ns, machine.link, "eth0"),
                                   (fleet.desktop, machine.desktop_link, f"lab{index}")):
                for step in (["down"], ["name", name], ["up"]):
                    subprocess.run(["ip", "-n", ns, "link", "set", link] + step, check=True)
                    if step[0] == "name":
                        link = name
            machine.link = "eth0"
        home = tempfile.mkdtemp(prefix="pr-remote-shots-")
        os.chmod(home, 0o755)
        os.makedirs(os.path.join(home, "Documents"))  # where recordings go
        env = fleet.environment()
        env.update({
            "HOME": home,
            "XDG_CONFIG_HOME": os.path.join(home, ".config"),
            "QT_QPA_PLATFORM": "offscreen:configfile="
                               + os.path.join(HERE, "screen-1600x1000.json"),
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "LANGUAGE": "en",
            "PACKET_RECORDER_ASKPASS": os.path.join(build, "app", "packet-recorder-askpass"),
        })
        write_settings(env["XDG_CONFIG_HOME"], [m.name for m in fleet.machines[:2]])
        recorded = [f"ssh://{m.name}/{m.link}" for m in fleet.machines]
        command = fleet.in_desktop([driver, output, fleet.machines[2].name, "--record", *recorded,
                                    "--ping", *[m.address for m in fleet.machines]])
        driver_process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                                          stderr=subprocess.DEVNULL, text=True)
        lines = []
        for line in driver_process.stdout:
            print(line, end="", flush=True)
            lines.append(line)
            if line.startswith("fault please"):
                end_capture(fleet.machines[1])
        returncode = driver_process.wait(timeout=240)
        files = [line.split()[1] for line in lines if line.startswith("file ")]
        counts = []
        if files and os.path.exists(files[0]):
            counts = subprocess.run(["tshark", "-r", files[0], "-T", "fields",
                                     "-e", "frame.interface_name"],
                                    capture_output=True, text=True).stdout.split()
            for name in sorted(set(counts)):
                print(f"tshark {name} {counts.count(name)}")
        # The window named the machine that failed, and the others went on.
        told = [line for line in lines if line.startswith("after the fault (told)")]
        rows = [line for line in lines if line.startswith("after the fault: rows")]
        problems = []
        if not told or fleet.machines[1].name not in told[0]:
            problems.append("the window did not name the machine that failed")
        if rows:
            before, after = (int(n) for n in rows[0].split()[-3::2])
            if after <= before:
                problems.append(f"no packets after the fault ({before} -> {after} rows)")
        else:
            problems.append("no row counts after the fault")
        for machine in (fleet.machines[0], fleet.machines[2]):
            if not files or counts.count(f"{machine.name}:{machine.link}") == 0:
                problems.append(f"no packets of {machine.name} in the file")
        for problem in problems:
            print(f"FAIL: {problem}")
        return returncode if not problems else 1
    finally:
        fleet.close()


if __name__ == "__main__":
    sys.exit(main())
