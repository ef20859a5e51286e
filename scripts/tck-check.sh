#!/usr/bin/env bash
# Says loudly when the openCypher TCK is not where the tests look for it (so a clone without it
# does not look like a conformance pass), and with --explain how to point the tests at it.
set -euo pipefail
cd "$(dirname "$0")/.."
commit=677cbafabb8c3c5eed458fd3b1ec0daec8d67d23
features=${PARLEY_TCK_FEATURES:-../shared/tck/features}
if [ -d "$features" ]; then
    [ "${1:-}" = --explain ] && echo "tck: running the openCypher TCK in $features" >&2
    exit 0
fi
echo "WARNING: openCypher conformance NOT checked: no TCK at $features." >&2
if [ "${1:-}" = --explain ]; then
    cat >&2 <<TEXT
To check it: git clone https://github.com/opencypher/openCypher; git -C openCypher checkout $commit
then: PARLEY_TCK_FEATURES=\$PWD/openCypher/tck/features make tck
(the scenarios Parley passes are listed in Tests/ParleyTCKTests/passing.txt, taken at that commit).
TEXT
    exit 1
fi
