#!/usr/bin/env bash
# Installs (or with --uninstall removes) Parley under a prefix (what `make install` and
# `make uninstall` run):
#   scripts/install.sh BINARY PREFIX            BINARY: the built parley
#   scripts/install.sh --uninstall PREFIX
# PREFIX/bin/parley, PREFIX/share/man/man1/parley.1, the bash, zsh and fish completions, and
# the bundled graph in PREFIX/share/parley/graphs (which the installed parley opens by default).
set -euo pipefail
cd "$(dirname "$0")/.."
files=(bin/parley share/man/man1/parley.1 share/bash-completion/completions/parley
       share/zsh/site-functions/_parley share/fish/vendor_completions.d/parley.fish
       share/parley/graphs/astana-2015.json)
if [ "${1:-}" = --uninstall ]; then
    prefix=${2:?usage: scripts/install.sh --uninstall PREFIX}
    for f in "${files[@]}"; do
        if [ -e "$prefix/$f" ]; then rm -f "$prefix/$f" && echo "removed $prefix/$f"; fi
    done
    rmdir "$prefix/share/parley/graphs" "$prefix/share/parley" 2>/dev/null || true
    exit 0
fi
binary=${1:?usage: scripts/install.sh BINARY PREFIX}
prefix=${2:?usage: scripts/install.sh BINARY PREFIX}
[ -x "$binary" ] || { echo "install: $binary is not an executable (build it first)" >&2; exit 1; }
install -d "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
    "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d" "$prefix/share/parley/graphs"
install -m 755 "$binary" "$prefix/bin/parley"
install -m 644 docs/man/parley.1 "$prefix/share/man/man1/parley.1"
"$prefix/bin/parley" --generate-completion-script bash > "$prefix/share/bash-completion/completions/parley"
"$prefix/bin/parley" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_parley"
"$prefix/bin/parley" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/parley.fish"
install -m 644 graphs/astana-2015.json "$prefix/share/parley/graphs/astana-2015.json"
for f in "${files[@]}"; do echo "installed $prefix/$f"; done
