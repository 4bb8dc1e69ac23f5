"""Several machines to record over OpenSSH, made and removed by a test.

A desktop network namespace joined to one namespace per machine by a veth
pair each (machine k: 198.18.8.(4k+1)/30 on the desktop, 198.18.8.(4k+2)/30
on the machine), and in each machine an `sshd` of its own with a host key
and user keys generated here. Each machine records in its own way:

  "group"    our helper in the package's group mode (a copy owned by
             root:GROUP, mode 0750, cap_net_raw+ep), a test user in GROUP
  "sudo"     our helper without privilege, and a sudoers rule that lets the
             test user run it without a password
  "tcpdump"  no helper (PACKET_RECORDER_HELPER names a missing file), root

An ssh config file names the machines ("web1", ...) for `ssh -F`, as a
user's ~/.ssh/config would. close() removes everything: sshd, namespaces,
the user, the group, the sudoers rule, the files.
"""
import grp
import os
import pwd
import shutil
import stat
import subprocess
import tempfile
import time

SSHD = "/usr/sbin/sshd"
USER = "prfleet"
GROUP = "prfleet"
SUDOERS = "/etc/sudoers.d/pr-fleet-test"


def run(*argv):
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)


def end_processes(processes):
    """Kills what a test started and did not see end (a failed check)."""
    for process in processes:
        if process.poll() is None:
            process.kill()
            process.wait()


class Machine:
    def __init__(self, fleet, index, name, mode):
        self.name = name
        self.mode = mode
        self.ns = f"{fleet.tag}-{index}"
        self.link = f"{fleet.tag[:8]}m{index}"
        self.desktop_link = f"{fleet.tag[:8]}d{index}"
        self.address = f"198.18.8.{4 * index + 2}"
        self.desktop_address = f"198.18.8.{4 * index + 1}"
        self.user = "root" if mode == "tcpdump" else fleet.user
        self.sshd = None

    def run(self, argv, **kwargs):
        return subprocess.run(["ip", "netns", "exec", self.ns] + list(argv), **kwargs)

    def popen(self, argv, **kwargs):
        return subprocess.Popen(["ip", "netns", "exec", self.ns] + list(argv), **kwargs)


class SshFleet:
    def __init__(self, tag, helper, modes=("group", "sudo", "tcpdump"), account=None):
        """account: the test user and group (default USER); tests that may run
        beside another fleet give their own, and so their own sudoers rule."""
        self.tag = tag
        self.user = account or USER
        self.group = account or GROUP
        self.sudoers = f"/etc/sudoers.d/{account}" if account else SUDOERS
        self.desktop = f"{tag}-d"
        self.work = tempfile.mkdtemp(prefix="pr-ssh-fleet-")
        os.chmod(self.work, 0o755)
        self.machines = [Machine(self, i + 1, f"web{i + 1}", mode) for i, mode in enumerate(modes)]
        self.made_user = self.made_group = self.made_sudoers = False
        try:
            self._accounts()
            self._helpers(helper)
            self._network()
            self._keys()
            for machine in self.machines:
                self._sshd(machine)
        except BaseException:
            self.close()
            raise

    def _accounts(self):
        try:
            grp.getgrnam(self.group)
        except KeyError:
            run("groupadd", "--system", self.group)
            self.made_group = True
        try:
            pwd.getpwnam(self.user)
        except KeyError:
            run("useradd", "--system", "--no-create-home", "--home-dir", self.work,
                "--shell", "/bin/sh", "--no-user-group", "--gid", self.group, self.user)
            self.made_user = True
        # sshd refuses a locked account ("!" in shadow) even for keys.
        run("usermod", "-p", "*", self.user)

    def _helpers(self, helper):
        """Copies of the helper and its capture program, as a package would install them."""
        source = os.path.dirname(os.path.abspath(helper))
        self.plain_helper = os.path.join(self.work, "plain", "packet-recorder-helper")
        self.group_helper = os.path.join(self.work, "group", "packet-recorder-helper")
        for target in (self.plain_helper, self.group_helper):
            os.makedirs(os.path.dirname(target), mode=0o755)
            for program in ("packet-recorder-helper", "packet-recorder-capture"):
                shutil.copy(os.path.join(source, program),
                            os.path.join(os.path.dirname(target), program))
        gid = grp.getgrnam(self.group).gr_gid
        os.chown(self.group_helper, 0, gid)
        os.chmod(self.group_helper, 0o750)
        run("setcap", "cap_net_raw+ep", self.group_helper)
        with open(self.sudoers, "w") as rule:
            rule.write(f"{self.user} ALL=(root) NOPASSWD: {self.plain_helper}\n")
        os.chmod(self.sudoers, 0o440)
        self.made_sudoers = True

    def _network(self):
        run("ip", "netns", "add", self.desktop)
        run("ip", "-n", self.desktop, "link", "set", "lo", "up")
        for machine in self.machines:
            run("ip", "netns", "add", machine.ns)
            run("ip", "link", "add", machine.desktop_link, "netns", self.desktop, "type", "veth",
                "peer", "name", machine.link, "netns", machine.ns)
            for ns, link, address in ((self.desktop, machine.desktop_link,
                                       machine.desktop_address),
                                      (machine.ns, machine.link, machine.address)):
                run("ip", "-n", ns, "addr", "add", f"{address}/30", "dev", link)
                run("ip", "-n", ns, "link", "set", "lo", "up")
                run("ip", "-n", ns, "link", "set", link, "up")

    def _keys(self):
        self.user_key = os.path.join(self.work, "user_ed25519")
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "pr-fleet", "-f", self.user_key)
        shutil.copy(self.user_key + ".pub", os.path.join(self.work, "authorized_keys"))
        os.chmod(os.path.join(self.work, "authorized_keys"), 0o644)
        self.known_hosts = os.path.join(self.work, "known_hosts")
        self.config = os.path.join(self.work, "ssh_config")
        with open(self.known_hosts, "w") as known, open(self.config, "w") as config:
            for machine in self.machines:
                key = os.path.join(self.work, f"host_{machine.name}")
                run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", machine.name, "-f", key)
                machine.host_key = key
                with open(key + ".pub") as public:
                    words = public.read().split()
                known.write(f"{machine.address} {words[0]} {words[1]}\n")
                config.write(f"Host {machine.name}\n"
                             f"    HostName {machine.address}\n"
                             f"    User {machine.user}\n"
                             f"    IdentityFile {self.user_key}\n"
                             f"    IdentitiesOnly yes\n"
                             f"    UserKnownHostsFile {self.known_hosts}\n"
                             "    StrictHostKeyChecking yes\n"
                             "    BatchMode yes\n")
        os.chmod(self.user_key, 0o600)

    def _sshd(self, machine):
        helper = {"group": self.group_helper, "sudo": self.plain_helper,
                  "tcpdump": "/nonexistent/packet-recorder-helper"}[machine.mode]
        config = os.path.join(self.work, f"sshd_{machine.name}")
        with open(config, "w") as out:
            out.write(f"ListenAddress {machine.address}:22\n"
                      f"HostKey {machine.host_key}\n"
                      f"AuthorizedKeysFile {self.work}/authorized_keys\n"
                      f"PidFile {self.work}/sshd_{machine.name}.pid\n"
                      "PermitRootLogin prohibit-password\n"
                      "PasswordAuthentication no\n"
                      "KbdInteractiveAuthentication no\n"
                      "UsePAM no\n"
                      "StrictModes no\n"
                      f"SetEnv PACKET_RECORDER_HELPER={helper}\n")
        # sshd needs /run/sshd at every connection; another test that made
        # and removes the shared one would cut this one off. So sshd gets a
        # /run of its own (a tmpfs in a mount namespace of its own) and the
        # machine's /run is not touched.
        private_run = ["unshare", "--mount", "--propagation", "private", "sh", "-c",
                       "mount -t tmpfs -o mode=0755 pr-ssh-fleet /run && "
                       "mkdir -m 0755 /run/sshd && exec \"$@\"", "sshd"]
        machine.sshd = machine.popen(private_run + [SSHD, "-D", "-e", "-f", config],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 10
        while not machine.run(["ss", "-Hltn", "sport = :22"], capture_output=True,
                              text=True).stdout.strip():
            if machine.sshd.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"sshd of {machine.name} did not start: "
                                   f"{machine.sshd.stderr.read()}")
            time.sleep(0.05)

    def environment(self):
        """The environment for the app's side: its ssh reads the fleet's config."""
        env = dict(os.environ)
        env["PACKET_RECORDER_SSH"] = f"ssh -F {self.config}"
        runtime = os.path.join(self.work, "rt")
        os.makedirs(runtime, mode=0o700, exist_ok=True)
        env["XDG_RUNTIME_DIR"] = runtime
        return env

    def in_desktop(self, argv):
        return ["ip", "netns", "exec", self.desktop] + list(argv)

    def _kill_namespace(self, ns):
        """Every process left in ns: sessions outlive their sshd's listener."""
        pids = subprocess.run(["ip", "netns", "pids", ns], capture_output=True,
                              text=True).stdout.split()
        for pid in pids:
            try:
                os.kill(int(pid), 9)
            except (ProcessLookupError, ValueError):
                pass

    def close(self):
        for machine in self.machines:
            if machine.sshd is not None and machine.sshd.poll() is None:
                machine.sshd.terminate()
                try:
                    machine.sshd.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    machine.sshd.kill()
                    machine.sshd.wait()
            self._kill_namespace(machine.ns)
            subprocess.run(["ip", "netns", "del", machine.ns], check=False,
                           stderr=subprocess.DEVNULL)
        # The desktop's ssh control masters.
        self._kill_namespace(self.desktop)
        subprocess.run(["ip", "netns", "del", self.desktop], check=False,
                       stderr=subprocess.DEVNULL)
        if self.made_sudoers:
            os.unlink(self.sudoers)
        if self.made_user:
            subprocess.run(["pkill", "-9", "-u", self.user], check=False)
            time.sleep(0.2)
            subprocess.run(["userdel", self.user], check=False)
        if self.made_group:
            subprocess.run(["groupdel", self.group], check=False, stderr=subprocess.DEVNULL)
        shutil.rmtree(self.work, ignore_errors=True)
