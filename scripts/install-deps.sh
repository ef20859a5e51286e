#!/usr/bin/env bash
# Installs what Parley needs beyond Swift: libedit (line editing), pkg-config (to find it) and
# Graphviz (to render DOT), libxml2 (Foundation's XMLParser, which reads GraphML and GEXF, loads it
# at run time on Linux). Installs only what is missing; says what it does before doing it.
set -euo pipefail

missing=()
pkg-config --exists libedit 2>/dev/null || missing+=(libedit-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkgconf)
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
if [ "$(uname -s)" = "Linux" ] && ! { ldconfig -p 2>/dev/null | grep 'libxml2\.so\.2' >/dev/null; }; then missing+=(libxml2); fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(uname -s)" = "Darwin" ]; then
    echo "Parley needs: ${missing[*]}. On macOS run: brew install libedit graphviz pkg-config" >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "Parley needs the packages ${missing[*]} (libedit with its headers, pkg-config, Graphviz);" >&2
    echo "install them with your system's package manager, then run make again." >&2
    exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
        echo "Parley needs: apt-get install -y ${missing[*]} (run it as root, then make again)." >&2
        exit 1
    fi
fi
echo "Installing missing packages with apt-get: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
echo "Installed: ${missing[*]}" >&2
