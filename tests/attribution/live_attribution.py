#!/usr/bin/env python3
"""Attribution against real programs, checked with `ss -tunape`.

In a network namespace it creates (lo with 127.0.0.1 and 198.18.0.1/15 only),
the test starts as the unprivileged user `nobody`: an HTTP server
(python3 -m http.server), a TCP client connected to it, a UDP receiver on the
wildcard address and a connected UDP sender; and as root: a TCP listener,
plus a connection to it from a `nobody` client. It then runs the probe as
`nobody` inside the namespace and checks that:
  - every socket `ss -tunape` (run as nobody at the same moment) lists is
    named by the probe: the process ss names (pid and name) when ss names
    one, else the account that owns it (root for the root listener);
  - the flows between those programs are attributed at both ends on
    loopback, the root end by account only, never by a process.
Needs root to create the namespace; exits 77 (skip) without it.
Usage: live_attribution.py PROBE
"""
import os
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
import time

from test_outcome import fail, skip

USER = "nobody"


def as_user(command):
    group = "nogroup"
    try:
        import grp
        grp.getgrnam(group)
    except KeyError:
        group = "nobody"
    return ["setpriv", f"--reuid={USER}", f"--regid={group}", "--clear-groups", *command]


def main():
    if len(sys.argv) != 2:
        fail("usage: live_attribution.py PROBE")
    if os.geteuid() != 0:
        skip("needs root (network namespace)")
    for tool in ("ip", "ss", "setpriv"):
        if not shutil.which(tool):
            skip(f"{tool} not found")
    try:
        pwd.getpwnam(USER)
    except KeyError:
        skip(f"no user {USER}")

    namespace = f"pr-attr-{os.getpid()}"
    work = tempfile.mkdtemp(prefix="pr-attr.")
    children = []
    try:
        # The probe and the served directory must be reachable for nobody,
        # wherever the build tree is.
        os.chmod(work, 0o755)
        probe = os.path.join(work, "attribution_probe")
        shutil.copy(sys.argv[1], probe)
        os.chmod(probe, 0o755)
        subprocess.run(["ip", "netns", "add", namespace], check=True)
        netns = ["ip", "netns", "exec", namespace]
        subprocess.run(["ip", "-n", namespace, "link", "set", "lo", "up"], check=True)
        subprocess.run(["ip", "-n", namespace, "addr", "add", "198.18.0.1/15", "dev", "lo"],
                       check=True)

        python = None
        for candidate in ("/usr/bin/python3", sys.executable):
            if os.path.exists(candidate) and subprocess.run(
                    as_user([candidate, "-c", "pass"]), capture_output=True).returncode == 0:
                python = candidate
                break
        if not python:
            skip(f"no python3 that {USER} may run")

        def start(command, user=True):
            full = netns + (as_user(command) if user else command)
            process = subprocess.Popen(full, cwd=work, stdout=subprocess.PIPE,
                                       stderr=subprocess.DEVNULL, text=True)
            children.append(process)
            return process

        server = start([python, "-m", "http.server", "8000", "--bind", "127.0.0.1"])
        root_listener = start([python, "-c",
                               "import socket,time\n"
                               "s=socket.socket(); s.bind(('198.18.0.1',2222)); s.listen()\n"
                               "c=[s.accept() for _ in range(1)]\n"
                               "time.sleep(60)"], user=False)
        udp_receiver = start([python, "-c",
                              "import socket,time\n"
                              "s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\n"
                              "s.bind(('0.0.0.0',9999)); print('ready',flush=True)\n"
                              "time.sleep(60)"])
        wait_listening(netns, ["-ltn", "sport = :8000"])
        wait_listening(netns, ["-ltn", "sport = :2222"])
        wait_listening(netns, ["-lun", "sport = :9999"])

        # Each client prints its local port and keeps the connection open.
        client_code = ("import socket,sys,time\n"
                       "kind=socket.SOCK_STREAM if sys.argv[1]=='tcp' else socket.SOCK_DGRAM\n"
                       "s=socket.socket(socket.AF_INET,kind)\n"
                       "s.connect((sys.argv[2],int(sys.argv[3])))\n"
                       "if kind==socket.SOCK_DGRAM: s.send(b'hello')\n"
                       "print(s.getsockname()[1],flush=True)\n"
                       "time.sleep(60)")
        http_client = start([python, "-c", client_code, "tcp", "127.0.0.1", "8000"])
        root_client = start([python, "-c", client_code, "tcp", "198.18.0.1", "2222"])
        udp_sender = start([python, "-c", client_code, "udp", "127.0.0.1", "9999"])
        ports = {}
        for name, process in (("http", http_client), ("root", root_client),
                              ("udp", udp_sender)):
            line = read_line(process)
            if not line.isdigit():
                fail(f"{name} client did not start: {line!r}")
            ports[name] = int(line)
        read_line(udp_receiver)
        # Let the server accept (its handler thread then holds the socket).
        time.sleep(0.3)

        pids = {
            "server": server.pid, "http_client": http_client.pid,
            "root_client": root_client.pid, "udp_receiver": udp_receiver.pid,
            "udp_sender": udp_sender.pid, "root_listener": root_listener.pid,
        }
        check_sockets(netns, probe, pids)
        check_flows(netns, probe, ports, pids)
        print("PASS: sockets and flows attributed as ss sees them")
    finally:
        for process in children:
            process.kill()
        for process in children:
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        subprocess.run(["ip", "netns", "del", namespace], stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)


def read_line(process, timeout=10):
    # Bounded: a client that never prints fails the test instead of hanging it.
    import select
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    return process.stdout.readline().strip() if ready else ""


def wait_listening(netns, filter_args, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        out = subprocess.run(netns + ["ss", "-H", *filter_args], capture_output=True,
                             text=True).stdout
        if out.strip():
            return
        time.sleep(0.05)
    fail(f"nothing listening for {' '.join(filter_args)}")


def run_probe(netns, probe, arguments):
    result = subprocess.run(netns + as_user([probe, *arguments]), capture_output=True, text=True,
                            timeout=20)
    if result.returncode != 0:
        fail(f"probe {arguments[0]} failed: {result.stderr.strip()}")
    return result.stdout.splitlines()


def parse_ss(netns):
    """inode -> (uid, {(pid, name)}) for every socket ss -tunape lists, as nobody."""
    out = subprocess.run(netns + as_user(["ss", "-tunapeH"]), capture_output=True, text=True,
                         check=True).stdout
    sockets = {}
    for line in out.splitlines():
        inode = re.search(r"\bino:(\d+)", line)
        if not inode or inode.group(1) == "0":
            continue  # TIME-WAIT and the like: no process can own them
        uid = re.search(r"\buid:(\d+)", line)
        users = set((int(pid), name) for name, pid in
                    re.findall(r'\("([^"]*)",pid=(\d+),fd=\d+\)', line))
        sockets[int(inode.group(1))] = (int(uid.group(1)) if uid else 0, users)
    return sockets


def check_sockets(netns, probe, pids):
    lines = run_probe(netns, probe, ["sockets"])
    expected = parse_ss(netns)
    ours = {}
    for line in lines:
        fields = line.split()
        ours[int(fields[6])] = (int(fields[5]), fields[7])
    if len(expected) < 7:
        fail(f"ss lists only {len(expected)} sockets: {expected}")
    named = set()
    for inode, (uid, users) in expected.items():
        if inode not in ours:
            fail(f"socket {inode} (ss: uid {uid} {users}) missing from the probe")
        probe_uid, owner = ours[inode]
        if probe_uid != uid:
            fail(f"socket {inode}: uid {probe_uid}, ss says {uid}")
        if users:
            kind, pid, name = owner.split(":")
            if kind != "process" or (int(pid), name) not in users:
                fail(f"socket {inode}: {owner}, ss says {users}")
            named.add(int(pid))
        elif owner != f"account:{pwd.getpwuid(uid).pw_name}":
            fail(f"socket {inode}: {owner}, ss names no process of uid {uid}")
    # Every process nobody started was named; the root one never.
    for key in ("server", "http_client", "root_client", "udp_receiver", "udp_sender"):
        if pids[key] not in named:
            fail(f"{key} (pid {pids[key]}) named by neither ss nor the probe")
    if any(f"process:{pids['root_listener']}:" in owner for _, owner in ours.values()):
        fail("the root listener was attributed to a process")
    print(f"sockets: {len(expected)} from ss, all matched")


def check_flows(netns, probe, ports, pids):
    flows = [
        # (flow, expected source owner, expected destination owner)
        (("tcp", "127.0.0.1", ports["http"], "127.0.0.1", 8000),
         f"process:{pids['http_client']}:python3:{USER}", f"process:{pids['server']}:python3:{USER}"),
        (("tcp", "127.0.0.1", 8000, "127.0.0.1", ports["http"]),
         f"process:{pids['server']}:python3:{USER}", f"process:{pids['http_client']}:python3:{USER}"),
        (("udp", "127.0.0.1", ports["udp"], "127.0.0.1", 9999),
         f"process:{pids['udp_sender']}:python3:{USER}",
         f"process:{pids['udp_receiver']}:python3:{USER}"),
        # The accepted socket is root's: the account, never a process.
        (("tcp", "198.18.0.1", ports["root"], "198.18.0.1", 2222),
         f"process:{pids['root_client']}:python3:{USER}", "account:root"),
        # A SYN to the root listener from a port nobody holds.
        (("tcp", "198.18.0.1", 40001, "198.18.0.1", 2222), "-", "account:root"),
        # A remote host's port 8000 is not our server.
        (("tcp", "198.18.0.1", 40002, "203.0.113.9", 8000), "-", "-"),
    ]
    arguments = []
    for flow, _, _ in flows:
        arguments += [str(field) for field in flow]
    lines = run_probe(netns, probe, ["flows", *arguments])
    if len(lines) != len(flows):
        fail(f"probe printed {len(lines)} lines for {len(flows)} flows")
    for line, (flow, source, destination) in zip(lines, flows):
        fields = line.split()
        if fields[6] != source or fields[7] != destination:
            fail(f"flow {flow}: {fields[5]} {fields[6]} {fields[7]}, "
                 f"expected {source} {destination}")
        print(f"flow {' '.join(map(str, flow))}: {fields[5]} {fields[6]} -> {fields[7]}")


if __name__ == "__main__":
    main()
