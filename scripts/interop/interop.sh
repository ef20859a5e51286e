#!/usr/bin/env bash
# Proves Parley's interchange formats with real consumers (docs/interchange.md):
#   scripts/interop/interop.sh [CHECK...]     (what `make interop` runs; CI runs it too)
# NetworkX, igraph and Kùzu run in a virtual environment, .venv-interop, made here from PyPI with
# the pinned scripts/interop/requirements.txt (remade when that file changes). Each check is a
# scripts/interop/check_*.py given the parley binary and a scratch folder; all run when none is named.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.venv-interop
requirements=scripts/interop/requirements.txt
stamp=$venv/requirements.txt
if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    echo "interop: Python's venv module is missing; install it (Debian: apt-get install python3-venv) and run make interop again" >&2
    exit 1
fi
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$requirements" "$stamp"; then
    echo "interop: creating $venv (NetworkX, igraph, Kùzu)" >&2
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check -r "$requirements"
    cp "$requirements" "$stamp"
fi
swift build --product parley >&2
parley="$(swift build --show-bin-path)/parley"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

checks=("$@")
if [ ${#checks[@]} -eq 0 ]; then
    for f in scripts/interop/check_*.py; do [ -e "$f" ] && checks+=("$(basename "$f" .py | sed 's/^check_//')"); done
fi
failed=0
for check in "${checks[@]}"; do
    script=scripts/interop/check_$check.py
    if [ ! -f "$script" ]; then echo "interop: no check named $check ($script)" >&2; failed=1; continue; fi
    mkdir -p "$work/$check"
    echo "interop: $check" >&2
    if ! "$venv/bin/python" "$script" "$parley" "$work/$check"; then
        echo "interop: $check FAILED" >&2
        failed=1
    fi
done
[ "$failed" -eq 0 ] && echo "interop: all checks passed (${checks[*]})" >&2
exit "$failed"
