#!/usr/bin/env python3
# Ctrl-C latency of the real REPL on a pseudo-terminal: starts `parley GRAPH`, runs
# MATCH p=(a)-[*]-(b) RETURN count(p), sends Ctrl-C after S seconds and prints the time until
# "Query cancelled" appears, then checks the session still answers. See docs/reliability.md.
#   python3 scripts/measure-ctrlc.py .build/release/parley /tmp/bench/M/graph.json [S]
import os, pty, sys, time, select
binary, graph = sys.argv[1], sys.argv[2]
after = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
pid, fd = pty.fork()
if pid == 0:
    os.environ["HOME"] = "/tmp"  # no history file of the user is touched beyond /tmp
    os.execv(binary, [binary, "--no-rc", graph])
buf = b""
def read_until(token, timeout):
    global buf
    end = time.time() + timeout
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.01)
        if r:
            try:
                data = os.read(fd, 65536)
            except OSError:
                return None
            buf += data
            if token in buf:
                t = time.time()
                buf = buf[buf.index(token) + len(token):]
                return t
    return None
assert read_until(b"parley>", 60), "no prompt"
os.write(fd, b"MATCH p=(a)-[*]-(b) RETURN count(p);\r")
time.sleep(after)
t0 = time.time()
os.write(fd, b"\x03")
t1 = read_until(b"Query cancelled", 30)
print(f"after {after:.1f} s: Ctrl-C -> note {((t1 - t0) * 1000) if t1 else float('nan'):.1f} ms")
os.write(fd, b"RETURN 1 AS alive;\r")
print("session goes on:", read_until(b"1 row", 10) is not None)
read_until(b"parley>", 10)
os.write(fd, b"\x04")
os.waitpid(pid, 0)
