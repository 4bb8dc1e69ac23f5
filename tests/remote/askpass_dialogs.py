#!/usr/bin/env python3
"""ssh's questions answered in packet-recorder-askpass, the real way round.

Real ssh runs with SSH_ASKPASS=packet-recorder-askpass and
SSH_ASKPASS_REQUIRE=force against an sshd of the test's own (ssh_lab.py,
password logins allowed; root's password is locked or unknown, so every
password is wrong). The dialog appears on an Xvfb display of its own, is
found by its title with xdotool and answered with key presses:
  - an unknown host key, Cancel (Return: the safe button is the default):
    ssh ends with 255, known_hosts stays empty, and sshFailureSentence()
    (ssh_failure_driver) says the key was not accepted;
  - the same key, "Connect and remember this key" (Tab, Return): the key is
    in known_hosts and the login by key goes on to run a command;
  - a wrong password typed into the dialog (NumberOfPasswordPrompts=1):
    ssh ends with 255 and the sentence says the password or key was refused;
    run alone with that prompt, the dialog prints exactly what was typed
    (Return) or nothing with status 1 (Escape).
Each run must show exactly one dialog. sshd runs with a /run of its own
(private_run), so that other labs making and removing /run/sshd meanwhile
cannot cut it off. Needs root (namespaces), sshd (openssh-server), ssh,
Xvfb and xdotool; exits 77 (skip) without them.
Usage: askpass_dialogs.py ASKPASS SSH_FAILURE_DRIVER
"""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ssh_lab import REMOTE_ADDRESS, SSHD, SshLab  # noqa: E402

SKIP = 77
TITLE = "Packet Recorder: ssh"
MACHINE = f"root@{REMOTE_ADDRESS}"


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


class Display:
    """An Xvfb of the test's own, on a display number it picks itself.

    It runs in the desktop namespace, with ssh, the dialogs and xdotool:
    X clients try the abstract socket "@/tmp/.X11-unix/X<n>" first, and
    abstract sockets belong to a network namespace, so no other X server
    with the same number (one in another mount namespace, whose lock file
    this test cannot see) is ever reached by mistake. -noreset: by default
    the server starts over each time its last client leaves (a dialog, an
    xdotool call), and drops the connections that arrive meanwhile.
    """

    def __init__(self, lab):
        self.lab = lab
        read_end, write_end = os.pipe()
        self.xvfb = subprocess.Popen(lab.in_desktop(["Xvfb", "-displayfd", str(write_end),
                                                     "-noreset", "-nolisten", "tcp",
                                                     "-screen", "0", "1024x768x24"]),
                                     pass_fds=(write_end,), stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        os.close(write_end)
        with os.fdopen(read_end) as announced:
            number = announced.readline().strip()
        if not number:
            self.close()
            raise RuntimeError("Xvfb did not start")
        self.name = f":{number}"

    def xdotool(self, *arguments, timeout=20):
        return subprocess.run(self.lab.in_desktop(["xdotool"] + list(arguments)),
                              capture_output=True, text=True, timeout=timeout,
                              env=dict(os.environ, DISPLAY=self.name))

    def close(self):
        if self.xvfb.poll() is None:
            self.xvfb.terminate()
            try:
                self.xvfb.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.xvfb.kill()
                self.xvfb.wait()


def answer_dialogs(display, process, keys):
    """Answers every dialog that appears with keys(window) until process
    ends; returns how many there were."""
    answered = []
    deadline = time.monotonic() + 30
    while process.poll() is None:
        if time.monotonic() > deadline:
            fail(f"still running after 30 s, {len(answered)} dialog(s) answered")
        found = display.xdotool("search", "--onlyvisible", "--name", f"^{TITLE}$")
        windows = [w for w in found.stdout.split() if w not in answered]
        if not windows:
            time.sleep(0.1)
            continue
        window = windows[0]
        name = display.xdotool("getwindowname", window).stdout.strip()
        if name != TITLE:
            fail(f"a window called {name!r}, not {TITLE!r}")
        # Xvfb has no window manager: the test gives the dialog the keyboard.
        display.xdotool("windowfocus", "--sync", window)
        time.sleep(0.3)
        keys(window)
        answered.append(window)
        # Gone before the next one is looked for.
        while display.xdotool("getwindowname", window).returncode == 0:
            if process.poll() is not None or time.monotonic() > deadline:
                break
            time.sleep(0.05)
    return len(answered)


def askpass_environment(display, askpass, work):
    env = dict(os.environ, DISPLAY=display.name, SSH_ASKPASS=askpass,
               SSH_ASKPASS_REQUIRE="force", HOME=work,
               XDG_CONFIG_HOME=os.path.join(work, "config"))
    env.pop("SSH_AUTH_SOCK", None)
    env.pop("WAYLAND_DISPLAY", None)
    return env


class SshRun:
    """One ssh in the desktop namespace whose questions go to the askpass."""

    def __init__(self, lab, display, askpass, work, options, remote_command="true"):
        self.stderr_path = os.path.join(work, "ssh.stderr")
        env = askpass_environment(display, askpass, work)
        argv = lab.in_desktop(["ssh", "-F", "/dev/null", "-o", "BatchMode=no",
                               "-o", "GlobalKnownHostsFile=/dev/null", "-o", "UpdateHostKeys=no",
                               "-o", "IdentitiesOnly=yes", "-o", "ConnectTimeout=10"]
                              + list(options) + [MACHINE, remote_command])
        with open(self.stderr_path, "w") as stderr:
            # A session of its own: whatever is left of it (ssh, the dialog)
            # is ended by its process group if the test fails.
            self.process = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE,
                                            stderr=stderr, text=True, start_new_session=True)

    def finish(self):
        stdout = self.process.communicate(timeout=30)[0]
        with open(self.stderr_path) as stderr:
            return self.process.returncode, stdout, stderr.read()

    def kill(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def sentence(driver, stderr_path, exit_code):
    result = subprocess.run([driver, MACHINE, stderr_path, str(exit_code)],
                            capture_output=True, text=True, timeout=10)
    if result.returncode != 0:
        fail(f"ssh_failure_driver: {result.stderr.strip()}")
    return result.stdout.strip()


def run_ssh(lab, display, askpass, work, options, keys, remote_command="true"):
    ssh = SshRun(lab, display, askpass, work, options, remote_command)
    try:
        dialogs = answer_dialogs(display, ssh.process, keys)
        code, stdout, stderr = ssh.finish()
    finally:
        ssh.kill()
    print(f"  ssh ended with {code} after {dialogs} dialog(s); its standard error:")
    for line in stderr.splitlines():
        print(f"    {line}")
    if dialogs != 1:
        fail(f"{dialogs} askpass dialogs, expected exactly one")
    return code, stdout, stderr, ssh.stderr_path


def host_key(lab):
    with open(lab.host_key + ".pub") as public:
        return public.read().split()[:2]


def unknown_key(lab, display, askpass, driver, work):
    known_hosts = os.path.join(work, "known_hosts_empty")
    open(known_hosts, "w").close()
    options = ["-o", f"UserKnownHostsFile={known_hosts}", "-o", "StrictHostKeyChecking=ask",
               "-i", lab.user_key]

    print("unknown host key, Cancel")
    code, _, stderr, stderr_path = run_ssh(
        lab, display, askpass, work, options,
        lambda window: display.xdotool("key", "--clearmodifiers", "Return"))
    if code != 255 or "Host key verification failed." not in stderr:
        fail(f"ssh went on after Cancel (exit {code})")
    if os.path.getsize(known_hosts) != 0:
        fail("known_hosts changed although the key was not accepted")
    said = sentence(driver, stderr_path, code)
    print(f"  sentence: {said}")
    expected = (f"The host key of {MACHINE} is not known and was not accepted, so no "
                "connection was made.")
    if said != expected:
        fail(f"the sentence is {said!r}, expected {expected!r}")

    print("unknown host key, Connect and remember this key")
    code, stdout, stderr, _ = run_ssh(
        lab, display, askpass, work, options,
        lambda window: display.xdotool("key", "--clearmodifiers", "--delay", "200", "Tab",
                                       "Return"),
        remote_command="echo connected")
    if code != 0 or stdout.strip() != "connected":
        fail(f"the login did not go on after the key was accepted (exit {code})")
    with open(known_hosts) as remembered:
        entries = [line.split() for line in remembered if line.strip()]
    if [entry[1:3] for entry in entries] != [host_key(lab)] or entries[0][0] != REMOTE_ADDRESS:
        fail(f"known_hosts does not hold the machine's key: {entries}")
    print(f"  known_hosts: {' '.join(entries[0])}")


def typed_answer(display, askpass, work):
    """What is typed into the dialog is what ssh reads: the askpass alone,
    as ssh runs it, with the password prompt ssh gives it."""
    prompt = f"{MACHINE}'s password: "
    typed = "not-the-password"
    for final_key, expected_code, expected_output in (("Return", 0, typed + "\n"),
                                                      ("Escape", 1, "")):
        print(f"typed answer, then {final_key}: the askpass alone")
        process = subprocess.Popen(display.lab.in_desktop([askpass, prompt]),
                                   env=askpass_environment(display, askpass, work),
                                   stdout=subprocess.PIPE, text=True, start_new_session=True)

        def type_answer(window):
            display.xdotool("type", "--delay", "20", typed)
            display.xdotool("key", "--clearmodifiers", final_key)

        try:
            dialogs = answer_dialogs(display, process, type_answer)
            output = process.communicate(timeout=10)[0]
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        print(f"  exit {process.returncode}, printed {output!r}")
        if dialogs != 1 or process.returncode != expected_code or output != expected_output:
            fail(f"{dialogs} dialog(s), exit {process.returncode}, printed {output!r}; expected "
                 f"one dialog, exit {expected_code}, {expected_output!r}")


def wrong_password(lab, display, askpass, driver, work):
    print("wrong password")
    options = ["-o", f"UserKnownHostsFile={lab.known_hosts}", "-o", "StrictHostKeyChecking=yes",
               "-o", "PubkeyAuthentication=no", "-o", "PreferredAuthentications=password",
               "-o", "NumberOfPasswordPrompts=1"]

    def type_password(window):
        display.xdotool("type", "--delay", "20", "not-the-password")
        display.xdotool("key", "--clearmodifiers", "Return")

    code, _, stderr, stderr_path = run_ssh(lab, display, askpass, work, options, type_password)
    if code != 255 or "Permission denied" not in stderr:
        fail(f"ssh did not end with the password refused (exit {code})")
    said = sentence(driver, stderr_path, code)
    print(f"  sentence: {said}")
    expected = (f"{MACHINE} refused the login as root: the password or key was not accepted "
                "(the machine offers: publickey, password).")
    if said != expected:
        fail(f"the sentence is {said!r}, expected {expected!r}")


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    askpass, driver = sys.argv[1], sys.argv[2]
    if os.geteuid() != 0:
        print("SKIP: needs root for network namespaces")
        return SKIP
    for tool in ("Xvfb", "xdotool", "ssh", "ssh-keygen", "ip", "ss", "unshare"):
        if shutil.which(tool) is None:
            print(f"SKIP: {tool} is not installed")
            return SKIP
    if not os.access(SSHD, os.X_OK):
        print(f"SKIP: no {SSHD} (openssh-server)")
        return SKIP

    started = time.monotonic()
    work = tempfile.mkdtemp(prefix="pr-askpass-")
    display = lab = None
    try:
        lab = SshLab(f"prap{os.getpid() % 100000}", password_auth=True, private_run=True)
        display = Display(lab)
        unknown_key(lab, display, askpass, driver, work)
        typed_answer(display, askpass, work)
        wrong_password(lab, display, askpass, driver, work)
    except SystemExit:
        # What sshd said about the failed run (it logs to the pipe, -e):
        # read once it has ended.
        if lab is not None and lab.sshd is not None:
            lab.close()
            print("sshd's log:")
            for line in lab.sshd.stderr.read().splitlines():
                print(f"    {line}")
        raise
    finally:
        if display is not None:
            display.close()
        if lab is not None:
            lab.close()
        shutil.rmtree(work, ignore_errors=True)
    elapsed = time.monotonic() - started
    print(f"all passed in {elapsed:.1f} s")
    if elapsed > 60:
        fail(f"took {elapsed:.0f} s, more than 60")
    return 0


if __name__ == "__main__":
    sys.exit(main())
