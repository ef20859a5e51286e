"""Shared helpers of the interop checks (scripts/interop/check_*.py).

Each check is run as `python check_X.py PARLEY WORKDIR` by scripts/interop/interop.sh and exits
non-zero with a message naming what differs.
"""
import json
import os
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUNDLED = os.path.join(ROOT, "graphs", "astana-2015.json")


def parley(binary, *args, stdin=""):
    """Runs parley with args; returns stdout; fails the check on a non-zero exit."""
    p = subprocess.run([binary, "--no-rc", *args] if args and args[0] not in ("convert", "check", "diff") else [binary, *args],
                       input=stdin, capture_output=True, text=True)
    if p.returncode != 0:
        fail(f"parley {' '.join(args)} exited {p.returncode}:\n{p.stderr}")
    return p.stdout


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def expect(condition, message):
    if not condition:
        fail(message)


def load_parley_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)
