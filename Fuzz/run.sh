#!/usr/bin/env bash
# Runs the libFuzzer harnesses (Docs/Robustness.md); `make fuzz` and `make fuzz-short` call it.
#
#   Fuzz/run.sh runs [N]      each harness for N executions (FUZZ_RUNS, default 100000)
#   Fuzz/run.sh short [S]     each harness replays its corpus (replay-NAME), then fuzzes for S seconds (FUZZ_SECONDS,
#                             default 30): what CI runs
#   Fuzz/run.sh replay        each harness once over its corpus, no fuzzing (seconds)
#
# FUZZERS: the harnesses (default: all); FUZZ_FLAGS: more libFuzzer flags (-jobs=2, -seed=1, ...); FUZZ_NO_BUILD=1
# skips Fuzz/build.sh. The corpus a run grows is .build/fuzz/corpus/NAME (git-ignored); the seeds Fuzz/corpus/NAME
# are only read. A crash, a hang (-timeout) or running out of memory writes its input to Fuzz/artifacts/NAME-crash-…
# (-…timeout-…, -…oom-…), the run goes on with the other harnesses, and the script exits 1 naming each artifact.
set -uo pipefail
cd "$(dirname "$0")/.."
mode=${1:-runs}
FUZZERS=${FUZZERS:-value csv json xlsx policy words commands draft}
BIN=${FUZZ_SCRATCH:-.build/fuzz}/bin
LOGS=${FUZZ_SCRATCH:-.build/fuzz}/logs
mkdir -p Fuzz/artifacts "$LOGS"
case $mode in
    runs) limit=(-runs="${2:-${FUZZ_RUNS:-100000}}") ;;
    short) limit=(-max_total_time="${2:-${FUZZ_SECONDS:-30}}") ;;
    replay) limit=() ;;
    *) echo "usage: Fuzz/run.sh runs [N] | short [SECONDS] | replay" >&2; exit 2 ;;
esac
if [ -z "${FUZZ_NO_BUILD:-}" ]; then
    # shellcheck disable=SC2086
    Fuzz/build.sh $FUZZERS || exit 2
fi

# Swift's own crash backtracer would take over the signals libFuzzer reports crashes by; leaks are not looked for
# (the Swift runtime keeps its caches to the end).
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
failed=()
started=$(date +%s)
for h in $FUZZERS; do
    if [ "$mode" != runs ]; then
        # The regression run: every seed and every input that once crashed, once.
        if ! "$BIN/replay-$h" "Fuzz/corpus/$h" > "$LOGS/replay-$h.log" 2>&1; then
            echo "replay-$h: FAILED on its corpus (Fuzz/corpus/$h); the last lines of $LOGS/replay-$h.log:"
            tail -40 "$LOGS/replay-$h.log"
            failed+=("replay-$h")
            continue
        fi
        echo "replay-$h: $(tail -1 "$LOGS/replay-$h.log")"
    fi
    [ "$mode" = replay ] && continue
    mkdir -p "${FUZZ_SCRATCH:-.build/fuzz}/corpus/$h"
    before=$(ls Fuzz/artifacts | wc -l)
    t0=$(date +%s)
    echo "fuzz-$h: started $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    # Inputs of the size the harness is about: a cell, a command line (long ones only slow each run down).
    case $h in
        value) size=(-max_len=128) ;;
        words | commands) size=(-max_len=512) ;;
        csv) size=(-max_len=768) ;;
        json) size=(-max_len=2048) ;;
        policy) size=(-max_len=16384) ;;
        xlsx) size=(-max_len=4096) ;;
        draft) size=(-max_len=8192) ;;
        *) size=() ;;
    esac
    # shellcheck disable=SC2086
    "$BIN/fuzz-$h" "${limit[@]}" "${size[@]}" -dict="Fuzz/dict/$h.dict" -artifact_prefix="Fuzz/artifacts/$h-" -detect_leaks=0 \
        -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 ${FUZZ_FLAGS:-} \
        "${FUZZ_SCRATCH:-.build/fuzz}/corpus/$h" "Fuzz/corpus/$h" > "$LOGS/fuzz-$h.log" 2>&1
    status=$?
    t1=$(date +%s)
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$LOGS/fuzz-$h.log" | grep -o '[0-9]*$' | tail -1)
    corpus=$(ls "${FUZZ_SCRATCH:-.build/fuzz}/corpus/$h" | wc -l)
    if [ $status -ne 0 ] || [ "$(ls Fuzz/artifacts | wc -l)" -ne "$before" ]; then
        echo "fuzz-$h: FAILED after $((t1 - t0)) s (exit $status); the report, from $LOGS/fuzz-$h.log:"
        grep -v '^#[0-9]' "$LOGS/fuzz-$h.log" | tail -60
        failed+=("fuzz-$h")
    else
        echo "fuzz-$h: ${runs:-?} executions in $((t1 - t0)) s, corpus $corpus inputs (+ $(ls "Fuzz/corpus/$h" | wc -l) seeds), no crash"
    fi
done
echo "fuzz ($mode): $(( $(date +%s) - started )) s for ${FUZZERS// /, }"
if [ ${#failed[@]} -gt 0 ]; then
    echo "failed: ${failed[*]}; inputs in Fuzz/artifacts/:"
    ls -1 Fuzz/artifacts
    exit 1
fi
