"""A machine to record over OpenSSH, made and removed by a test.

Two network namespaces joined by a veth pair (198.18.7.1/30 is the desktop,
198.18.7.2/30 the remote machine); in the remote one an `sshd` of its own,
with a host key and a user key generated here, that lets root in by that key
only (password_auth=True: by password too, which for an account whose
password is locked or unknown means every password is refused;
private_run=True: sshd with a /run of its own, see _sshd()). Nothing
listens outside the namespace and nothing is kept: close() stops sshd and
deletes the namespaces and the keys.
"""
import os
import shutil
import subprocess
import tempfile
import time

DESKTOP_ADDRESS = "198.18.7.1"
REMOTE_ADDRESS = "198.18.7.2"
SSHD = "/usr/sbin/sshd"


def run(*argv):
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)


class SshLab:
    def __init__(self, tag, password_auth=False, private_run=True):
        self.password_auth = password_auth
        self.private_run = private_run
        self.desktop = f"{tag}-d"
        self.remote = f"{tag}-r"
        self.desktop_link = f"{tag[:10]}d"
        self.remote_link = f"{tag[:10]}r"
        self.work = tempfile.mkdtemp(prefix="pr-ssh-lab-")
        self.sshd = None
        self.made_privsep = False
        try:
            self._network()
            self._keys()
            self._sshd()
        except BaseException:
            self.close()
            raise

    def _network(self):
        run("ip", "netns", "add", self.desktop)
        run("ip", "netns", "add", self.remote)
        run("ip", "link", "add", self.desktop_link, "netns", self.desktop, "type", "veth",
            "peer", "name", self.remote_link, "netns", self.remote)
        for ns, link, address in ((self.desktop, self.desktop_link, DESKTOP_ADDRESS),
                                  (self.remote, self.remote_link, REMOTE_ADDRESS)):
            run("ip", "-n", ns, "addr", "add", f"{address}/30", "dev", link)
            run("ip", "-n", ns, "link", "set", "lo", "up")
            run("ip", "-n", ns, "link", "set", link, "up")

    def _keys(self):
        self.host_key = os.path.join(self.work, "host_ed25519")
        self.user_key = os.path.join(self.work, "user_ed25519")
        for key in (self.host_key, self.user_key):
            run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "pr-ssh-lab", "-f", key)
        shutil.copy(self.user_key + ".pub", os.path.join(self.work, "authorized_keys"))
        with open(self.host_key + ".pub") as public:
            host_public = public.read().split()
        self.known_hosts = os.path.join(self.work, "known_hosts")
        with open(self.known_hosts, "w") as out:
            out.write(f"{REMOTE_ADDRESS} {host_public[0]} {host_public[1]}\n")
        self.config = os.path.join(self.work, "sshd_config")
        if self.password_auth:
            login = "PermitRootLogin yes\nPasswordAuthentication yes\n"
        else:
            login = "PermitRootLogin prohibit-password\nPasswordAuthentication no\n"
        with open(self.config, "w") as out:
            out.write(f"ListenAddress {REMOTE_ADDRESS}:22\n"
                      f"HostKey {self.host_key}\n"
                      f"AuthorizedKeysFile {self.work}/authorized_keys\n"
                      f"PidFile {self.work}/sshd.pid\n"
                      + login +
                      "KbdInteractiveAuthentication no\n"
                      "UsePAM no\n"
                      "StrictModes no\n"
                      "AcceptEnv LANG LC_*\n")

    def _sshd(self):
        command = [SSHD, "-D", "-e", "-f", self.config]
        if self.private_run:
            # sshd needs its privilege separation folder, /run/sshd (compiled
            # in), at every connection; another lab that made and removes the
            # shared one would cut this one off. Here sshd gets a /run of its
            # own, a tmpfs in a mount namespace of its own, and the
            # machine's /run is not touched.
            command = ["unshare", "--mount", "--propagation", "private", "sh", "-c",
                       "mount -t tmpfs -o mode=0755 pr-ssh-lab /run && "
                       "mkdir -m 0755 /run/sshd && exec \"$@\"", "sshd"] + command
        elif not os.path.isdir("/run/sshd"):
            os.makedirs("/run/sshd", mode=0o755)
            self.made_privsep = True
        self.sshd = subprocess.Popen(["ip", "netns", "exec", self.remote] + command,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 10
        while True:
            listening = subprocess.run(["ip", "netns", "exec", self.remote, "ss", "-Hltn",
                                        f"sport = :22"], capture_output=True, text=True).stdout
            if listening.strip():
                return
            if self.sshd.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"sshd did not start: {self.sshd.stderr.read()}")
            time.sleep(0.05)

    def ssh(self, remote_command):
        """The argv that runs remote_command as root on the remote machine."""
        return ["ip", "netns", "exec", self.desktop, "ssh", "-F", "/dev/null",
                "-i", self.user_key, "-o", f"UserKnownHostsFile={self.known_hosts}",
                "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes",
                "-o", "ConnectTimeout=10", f"root@{REMOTE_ADDRESS}", remote_command]

    def in_remote(self, argv):
        return ["ip", "netns", "exec", self.remote] + list(argv)

    def in_desktop(self, argv):
        return ["ip", "netns", "exec", self.desktop] + list(argv)

    def close(self):
        if self.sshd is not None and self.sshd.poll() is None:
            self.sshd.terminate()
            try:
                self.sshd.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.sshd.kill()
                self.sshd.wait()
        for ns in (self.desktop, self.remote):
            subprocess.run(["ip", "netns", "del", ns], check=False, stderr=subprocess.DEVNULL)
        if self.made_privsep:
            shutil.rmtree("/run/sshd", ignore_errors=True)
        shutil.rmtree(self.work, ignore_errors=True)
