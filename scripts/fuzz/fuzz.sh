#!/usr/bin/env bash
# Builds and runs Parley's libFuzzer targets (see docs/reliability.md).
#
#   scripts/fuzz/fuzz.sh build TARGET             build .build-fuzz/release/fuzz-TARGET
#   scripts/fuzz/fuzz.sh run TARGET [SECONDS] [LIBFUZZER ARGS...]
#                                                 build, then fuzz for SECONDS (default 60)
#   scripts/fuzz/fuzz.sh repro TARGET FILE...     build, then run the given inputs once
#   scripts/fuzz/fuzz.sh smoke TARGET [SECONDS]   CI check: build, run every seed, then fuzz
#                                                 SECONDS (default 20) from the seeds only
#   scripts/fuzz/fuzz.sh campaign TARGET RUNS [CHUNK]
#                                                 build, then fuzz until RUNS executions in all,
#                                                 in runs of CHUNK (default 1,000,000) executions
#                                                 that restart the process and keep the corpus; the
#                                                 tally survives interruptions (fuzz-out/TARGET.tally)
#
# TARGET is json (the JSON graph loader), query (parser + analysis via EXPLAIN), exec
# (execution on a small graph), dot (DOT export and style files), regex (=~ against ICU), deep
# (generated long and deep queries, executed), or all. The package's modules are compiled by `swift build`
# with `-sanitize=fuzzer,address` into the separate scratch path .build-fuzz (the normal
# .build is untouched); the target's entry file is then linked against their objects.
# Working corpora, logs and crash inputs go to fuzz-out/ (ignored by git).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/scripts/fuzz"
SCRATCH="$ROOT/.build-fuzz"
OUT="$ROOT/fuzz-out"
SWIFT=${SWIFT:-swift}
CONFIG=${FUZZ_CONFIG:-release}      # -O keeps overflow, bounds and exclusivity checks; debug also keeps assert()
SANITIZE=fuzzer,address

# Per target: the package modules it links (dependencies first), its entry files, its dictionary.
modules_of() {
    case $1 in
        json)  echo "ParleyValues ParleyGraph ParleyIO" ;;
        query) echo "ParleyValues ParleyGraph ParleyAlgorithms ParleyQuery" ;;
        exec)  echo "ParleyValues ParleyGraph ParleyIO ParleyAlgorithms ParleyQuery" ;;
        dot)   echo "ParleyValues ParleyGraph ParleyIO" ;;
        regex) echo "ParleyValues ParleyGraph ParleyAlgorithms ParleyQuery" ;;
        deep)  echo "ParleyValues ParleyGraph ParleyIO ParleyAlgorithms ParleyQuery" ;;
        *) echo "unknown fuzz target '$1' (expected json, query, exec, dot, regex, deep or all)" >&2; exit 2 ;;
    esac
}
# (The error renderer lives in ParleyREPL, which links libedit; its two files need only
# ParleyValues, so the targets that render errors compile them in.)
rendering="../../Sources/ParleyREPL/Rendering/DiagnosticRendering.swift ../../Sources/ParleyREPL/Rendering/DisplayWidth.swift"
sources_of() {
    case $1 in
        json)  echo "FuzzJSON.swift $rendering" ;;
        query) echo "FuzzQuery.swift QueryFuzzSupport.swift $rendering" ;;
        exec)  echo "FuzzExec.swift FuzzGraph.swift QueryFuzzSupport.swift $rendering" ;;
        dot)   echo "FuzzDOT.swift" ;;
        regex) echo "FuzzRegex.swift QueryFuzzSupport.swift $rendering" ;;
        deep)  echo "FuzzDeep.swift FuzzGraph.swift QueryFuzzSupport.swift FuzzChoices.swift DeepQueryGenerator.swift DeepQueryGenerator+Folds.swift $rendering" ;;
    esac
}
# libFuzzer options per target: json inputs stay small enough to fuzz fast (the bundled graphs
# are still read as seeds, cut at that length); query inputs are long enough for a chain of
# thousands of operands (`1+1+…` past the 10,000-level height bound fits in 64 KiB); exec
# inputs run, so they stay shorter; deep inputs are the generator's choices, not text.
options_of() {
    case $1 in
        json|dot) echo "-max_len=8192" ;;
        query) echo "-max_len=65536" ;;
        exec) echo "-max_len=16384" ;;
        deep) echo "-max_len=4096" ;;
        # The reference, Foundation's NSRegularExpression, leaks a buffer when it refuses some
        # patterns (_CFRegularExpressionCreate): leak reports would be about the oracle, not
        # Parley, so this target does not look for leaks.
        regex) echo "-max_len=256 -detect_leaks=0" ;;
    esac
}
# AddressSanitizer options per target: the regex reference's leak (above) would otherwise be
# reported when the process exits, as a finding.
asan_options_of() {
    case $1 in
        regex) echo "detect_leaks=0" ;;
        *) echo "" ;;
    esac
}
# (deep has none: its input is the generator's choices, where no byte string means a token.)
dictionary_of() {
    case $1 in
        json|dot) echo "$HERE/json.dict" ;;
        query|exec) echo "$HERE/cypher.dict" ;;
        regex) echo "$HERE/regex.dict" ;;
    esac
}

# The hand-made seeds of target $1 (the query targets share theirs).
seeds_of() {
    case $1 in
        json|dot) echo "$HERE/seeds/json" ;;
        query|exec) echo "$HERE/seeds/query" ;;
        regex) echo "$HERE/seeds/regex" ;;
        deep) echo "$HERE/seeds/deep" ;;
    esac
}

# The binary for target $1.
binary_of() { echo "$SCRATCH/$CONFIG/fuzz-$1"; }

build() {
    local target=$1 modules objects=() module
    modules=$(modules_of "$target")
    for module in $modules; do
        "$SWIFT" build --package-path "$ROOT" --scratch-path "$SCRATCH" -c "$CONFIG" --target "$module" \
            -Xswiftc -sanitize=$SANITIZE >&2 || return 1
    done
    local bin_dir="$SCRATCH/$CONFIG"
    for module in $modules; do
        objects+=("$bin_dir/$module.build/"*.o)
    done
    local sources=() file
    for file in $(sources_of "$target"); do sources+=("$HERE/$file"); done
    local optimize=-Onone
    [ "$CONFIG" = release ] && optimize=-O
    echo "linking $(binary_of "$target")" >&2
    # (gold warns about every ASan helper symbol it cannot export; those lines are dropped.)
    "$SWIFT"c -sanitize=$SANITIZE -parse-as-library $optimize -g -module-name "Fuzz_$target" \
        -I "$bin_dir/Modules" "${sources[@]}" "${objects[@]}" -lm -o "$(binary_of "$target")" \
        2> >(grep -v "Cannot export local symbol" >&2) || return 1
}

# Seeds that are derived from the repository at run time, in $OUT/seeds/$1.
generate_seeds() {
    local target=$1 dir="$OUT/seeds/$1"
    rm -rf "$dir"
    mkdir -p "$dir"
    case $target in
        json|dot)
            cp "$ROOT"/graphs/*.json "$dir/" ;;
        query|exec)
            # One file per statement of graphs/questions.cypher (comment lines dropped).
            awk -v dir="$dir" '
                /^[[:space:]]*\/\// { next }
                { text = text $0 "\n" }
                /;[[:space:]]*$/ { n++; file = sprintf("%s/question-%02d.cypher", dir, n); printf "%s", text > file; close(file); text = "" }
            ' "$ROOT/graphs/questions.cypher"
            # One file per query of the openCypher TCK (read from ../shared/tck, never copied into
            # the repository): the text between the triple quotes after "When executing query:".
            local features=${PARLEY_TCK_FEATURES:-$ROOT/../shared/tck/features}
            if [ -d "$features" ]; then
                find "$features" -name '*.feature' -print0 | sort -z | xargs -0 cat | awk -v dir="$dir" '
                    /executing (control )?query:/ { want = 1; next }
                    want && /^[[:space:]]*"""/ { if (inside) { n++; file = sprintf("%s/tck-%04d.cypher", dir, n); printf "%s", text > file; close(file); text = ""; inside = 0; want = 0 } else { inside = 1 }; next }
                    inside { sub(/^[[:space:]]+/, ""); text = text $0 "\n" }
                '
            fi ;;
    esac
}

# Runs target $1's fuzzer for $2 seconds, findings to $3, with the extra arguments that follow
# (libFuzzer flags, then the working corpus); the seeds come last.
fuzz() {
    local target=$1 seconds=$2 crashes=$3 dict
    shift 3
    dict=$(dictionary_of "$target")
    # Swift's own crash backtracer would walk the other threads' stacks after a fatalError,
    # which AddressSanitizer reports as a stack-buffer-underflow (and which takes minutes).
    SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no} LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$HERE/lsan.supp} ASAN_OPTIONS=${ASAN_OPTIONS:-$(asan_options_of "$target")} "$(binary_of "$target")" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$crashes" ${dict:+-dict="$dict"} $(options_of "$target") \
        "$@" "$(seeds_of "$target")" "$OUT/seeds/$target"
}

run() {
    local target=$1 seconds=$2
    shift 2
    build "$target" || return 1
    generate_seeds "$target"
    local corpus="$OUT/corpus/$target" crashes="$OUT/crashes/$target/" log="$OUT/$target.log"
    mkdir -p "$corpus" "$crashes"
    echo "fuzzing $target for $seconds s (corpus $corpus, crashes in $crashes, log $log)" >&2
    local status
    # The full log goes to $log; the terminal shows it without the NEW/REDUCE lines.
    set +e
    fuzz "$target" "$seconds" "$crashes" ${FUZZ_ARGS:-} "$@" "$corpus" 2>&1 \
        | tee "$log" | grep --line-buffered -v -E '^(#[0-9]+[[:space:]]+(NEW|REDUCE)|[[:space:]]+NEW_FUNC)'
    status=${PIPESTATUS[0]}
    set -e
    local found
    found=$(find "$crashes" -type f | wc -l)
    echo "$target: libFuzzer exit status $status, $found finding(s) in $crashes" >&2
    [ "$status" -eq 0 ] && [ "$found" -eq 0 ]
}

# Runs every seed of target $1 (libFuzzer executes its whole starting corpus first), then
# fuzzes for $2 seconds in a throw-away corpus, so the check does not depend on a local corpus.
# Non-zero on any finding.
smoke() {
    local target=$1 seconds=$2
    build "$target" || return 1
    generate_seeds "$target"
    # Findings of this check only (fuzz-out/crashes/ may hold those of long campaigns).
    local work crashes="$OUT/smoke-crashes/$target/" status
    work=$(mktemp -d)
    rm -rf "$crashes"
    mkdir -p "$crashes"
    echo "smoke $target: running the seeds, then fuzzing for $seconds s" >&2
    set +e
    fuzz "$target" "$seconds" "$crashes" "$work" > "$OUT/$target-smoke.log" 2>&1
    status=$?
    set -e
    rm -rf "$work"
    grep -E '^#[0-9]+[[:space:]]+INITED|^stat::number_of_executed_units|^Done|SUMMARY|ERROR' "$OUT/$target-smoke.log" >&2 || true
    local found
    found=$(find "$crashes" -type f | wc -l)
    echo "smoke $target: libFuzzer exit status $status, $found finding(s) in $crashes (log $OUT/$target-smoke.log)" >&2
    [ "$status" -eq 0 ] && [ "$found" -eq 0 ]
}

# Fuzzes target $1 until $2 executions have run in all, $3 (default 1,000,000) per process: a
# process's memory (and the regex reference's leak) is returned between runs, and an
# interrupted campaign resumes where its tally stopped. Each run's summary line is appended to
# $OUT/$1.tally (executions, seconds, exit status, findings, commit, date); its log is
# $OUT/$1.log. A finding is kept in $OUT/crashes/$1/ and the campaign goes on. A campaign
# usually runs at low priority beside other work, where a unit can wait seconds for a core:
# libFuzzer's timeout counts wall-clock time, so it is FUZZ_TIMEOUT (default 60 s) here, and
# units slower than 10 s are reported in the log ("Slowest unit") to be re-run alone.
campaign() {
    local target=$1 total=$2 chunk=${3:-1000000}
    build "$target" || return 1
    generate_seeds "$target"
    local corpus="$OUT/corpus/$target" crashes="$OUT/crashes/$target/" log="$OUT/$target.log" tally="$OUT/$target.tally"
    local commit
    commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
    mkdir -p "$corpus" "$crashes"
    while true; do
        local done_runs
        done_runs=$(awk '{ s += $1 } END { print s + 0 }' "$tally" 2>/dev/null || echo 0)
        [ "$done_runs" -ge "$total" ] && break
        echo "campaign $target: $done_runs of $total executions; next run of $chunk" >&2
        local status runs seconds found
        set +e
        fuzz "$target" 100000000 "$crashes" -runs="$chunk" -timeout="${FUZZ_TIMEOUT:-60}" -report_slow_units=10 \
            ${FUZZ_ARGS:-} "$corpus" > "$log" 2>&1
        status=$?
        set -e
        runs=$(grep -a -m1 '^stat::number_of_executed_units' "$log" | awk '{ print $2 }')
        seconds=$(grep -a -m1 '^Done [0-9]* runs in' "$log" | awk '{ print $5 }')
        found=$(find "$crashes" -type f | wc -l)
        # A run that stopped at a finding has no final stats: its last status line counts.
        [ -n "$runs" ] || runs=$(grep -a -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
        echo "${runs:-0} ${seconds:-?} $status $found $commit $(date -u +%Y-%m-%dT%H:%M:%SZ)" >> "$tally"
        cp "$log" "$OUT/$target.last.log"
        [ "${runs:-0}" -gt 0 ] || { echo "campaign $target: a run executed nothing (status $status); stopping" >&2; return 1; }
    done
    echo "campaign $target: $(awk '{ s += $1 } END { print s + 0 }' "$tally") executions in all; $(find "$crashes" -type f | wc -l) finding(s) in $crashes" >&2
}

repro() {
    local target=$1
    shift
    build "$target" || return 1
    LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$HERE/lsan.supp} "$(binary_of "$target")" -runs=1 "$@"
}

command=${1:-}
target=${2:-}
[ -n "$command" ] && [ -n "$target" ] || { sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
shift 2
targets=$target
[ "$target" = all ] && targets="json query exec dot regex deep"
case $command in
    build) for t in $targets; do modules_of "$t" >/dev/null; build "$t"; done ;;
    run)
        seconds=${1:-60}
        [ $# -gt 0 ] && shift
        failed=0
        for t in $targets; do modules_of "$t" >/dev/null; run "$t" "$seconds" "$@" || failed=1; done
        exit $failed ;;
    repro) repro "$target" "$@" ;;
    campaign)
        [ -n "${1:-}" ] || { echo "campaign needs a number of executions" >&2; exit 2; }
        failed=0
        for t in $targets; do modules_of "$t" >/dev/null; campaign "$t" "$@" || failed=1; done
        exit $failed ;;
    smoke)
        seconds=${1:-20}
        failed=0
        for t in $targets; do modules_of "$t" >/dev/null; smoke "$t" "$seconds" || failed=1; done
        exit $failed ;;
    *) echo "unknown command '$command' (expected build, run, smoke, campaign or repro)" >&2; exit 2 ;;
esac
