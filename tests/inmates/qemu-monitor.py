#!/usr/bin/env python3
"""qemu-monitor.py SOCKET COMMAND: one command to QEMU's human monitor over
its unix socket; prints the answer. Every read has a deadline, so that a
QEMU that died or hangs fails the caller instead of blocking it."""
import socket
import sys
import time

PROMPT = b"(qemu) "


def read_to_prompt(s, deadline):
    data = b""
    while not data.endswith(PROMPT):
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("no monitor prompt")
        s.settimeout(left)
        chunk = s.recv(4096)
        if not chunk:
            raise ConnectionError("monitor closed")
        data += chunk
    return data


def main():
    deadline = time.monotonic() + 5
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(5)
    s.connect(sys.argv[1])
    read_to_prompt(s, deadline)
    s.sendall(sys.argv[2].encode() + b"\n")
    answer = read_to_prompt(s, deadline)[: -len(PROMPT)]
    # The monitor echoes the command line first.
    lines = answer.decode(errors="replace").replace("\r", "").split("\n")
    print("\n".join(l for l in lines[1:] if l.strip()))


try:
    main()
except (OSError, TimeoutError, ConnectionError) as e:
    print("qemu-monitor: %s: %s" % (sys.argv[1], e), file=sys.stderr)
    sys.exit(1)
