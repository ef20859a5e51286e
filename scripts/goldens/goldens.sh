#!/usr/bin/env bash
# Regenerates the NetworkX golden answers of the algo.* procedures (see scripts/goldens/README.md):
#   scripts/goldens/goldens.sh            (what `make goldens` runs)
# NetworkX runs in a virtual environment, .venv-goldens, made here from PyPI with the pinned
# scripts/goldens/requirements.txt (remade when that file changes).
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.venv-goldens
requirements=scripts/goldens/requirements.txt
stamp=$venv/requirements.txt
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$requirements" "$stamp"; then
    echo "goldens.sh: creating $venv (NetworkX, NumPy, SciPy)" >&2
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check -r "$requirements"
    cp "$requirements" "$stamp"
fi
"$venv/bin/python" scripts/goldens/goldens.py "$@"
