"""Drive a command through a real pseudo-terminal, the way a person at a terminal would.

usage: python3 pty_driver.py '<json>'   with json = {"argv": [...], "steps": [[regex, text], ...], "timeout": seconds}

The command's stdin and stderr are the pty's slave side (so Node sees TTYs and prompts), its stdout is a
pipe (data only, kept apart). For each step, once `regex` appears in the terminal output (ANSI codes removed)
after the previous match, `text` is typed. Prints one JSON line: {code, stdout, tty, steps_done, timed_out}.
Uses only the standard library (pty, select), so it runs on any Debian/Ubuntu CI with python3.
"""
import fcntl
import json
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]|\r")


def main():
    spec = json.loads(sys.argv[1])
    steps = spec.get("steps", [])
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 160, 0, 0))

    def controlling_tty():
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    proc = subprocess.Popen(spec["argv"], stdin=slave, stderr=slave, stdout=subprocess.PIPE, preexec_fn=controlling_tty, close_fds=True)
    os.close(slave)
    tty, out = b"", b""
    step, pos = 0, 0
    open_fds = {master, proc.stdout.fileno()}
    deadline = time.time() + float(spec.get("timeout", 40))
    timed_out = False
    while open_fds:
        ready, _, _ = select.select(list(open_fds), [], [], 0.05)
        for fd in ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # EIO: the slave side is closed (the child exited)
                chunk = b""
            if not chunk:
                open_fds.discard(fd)
            elif fd == master:
                tty += chunk
            else:
                out += chunk
        text = ANSI.sub("", tty.decode("utf-8", "replace"))
        if step < len(steps):
            m = re.search(steps[step][0], text[pos:])
            if m:
                pos += m.end()
                time.sleep(0.05)  # let the prompt finish switching the terminal to raw mode
                os.write(master, steps[step][1].encode())
                step += 1
        if time.time() > deadline:
            timed_out = True
            proc.kill()
            break
    code = proc.wait()
    print(json.dumps({
        "code": code,
        "stdout": out.decode("utf-8", "replace"),
        "tty": ANSI.sub("", tty.decode("utf-8", "replace")),
        "steps_done": step,
        "timed_out": timed_out,
    }))


main()
