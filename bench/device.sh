#!/bin/sh
# Issue 22's benchmark on a many-core machine as one prepared command: check and compare at
# 1/2/4/8/16 workers on 1,000,000 rows, check on 5,000,000 rows at each count (time and peak
# memory), and the peers (plain Python, polars, OpenFisca-Core 46), under one time limit.
#
#   bench/device.sh --prepare DIR      on a machine with network and the same Python: the wheels of
#                                      bsa-check, its dependencies and the peers, into DIR
#   WHEELHOUSE=DIR bench/device.sh     on the measuring machine, from the repository root; needs no
#                                      network: everything is installed from DIR with
#                                      pip --no-index --target and put on PYTHONPATH
#
# Settings (environment): WHEELHOUSE (required to run), OUT (where the results go; default bench/),
# LIMIT_S (the whole run's limit in seconds, default 540), ROWS (1000000), BIG_ROWS (5000000),
# RUNS (3), BIG_RUNS (1), WORKERS (1,2,4,8,16), PYTHON (python3), PEERS (1; 0 leaves them out).
# Results: $OUT/results-scaling-<cores>.json and .md (the table for the README), written after every
# step, so a run cut off by the limit still leaves what it measured; then a byte-for-byte check that
# --workers <max> writes what one process writes, on the 1,000,000-row cohort.
set -eu

PYTHON=${PYTHON:-python3}
if [ "${1:-}" = "--prepare" ]; then
    dir=${2:?usage: bench/device.sh --prepare DIR}
    mkdir -p "$dir"
    "$PYTHON" -m pip wheel -q --wheel-dir "$dir" . 'polars' 'openfisca-core>=46,<47'
    echo "wheels in $dir; on the measuring machine: WHEELHOUSE=$dir bench/device.sh"
    exit 0
fi

: "${WHEELHOUSE:?set WHEELHOUSE to a folder made with bench/device.sh --prepare (no network is needed then)}"
OUT=${OUT:-bench}
LIMIT_S=${LIMIT_S:-540}
ROWS=${ROWS:-1000000}
BIG_ROWS=${BIG_ROWS:-5000000}
RUNS=${RUNS:-3}
BIG_RUNS=${BIG_RUNS:-1}
WORKERS=${WORKERS:-1,2,4,8,16}
PEERS=${PEERS:-1}
started=$(date +%s)
mkdir -p "$OUT"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bsa-device.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

"$PYTHON" -m pip install -q --no-index --find-links "$WHEELHOUSE" --target "$tmp/site" bsa-check
export PYTHONPATH="$tmp/site"
export WHEELHOUSE
cores=$("$PYTHON" -c 'import os; print(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count())')
echo "machine: $cores cores available; $(uname -srm); $("$PYTHON" --version)"
grep -m1 'model name' /proc/cpuinfo 2>/dev/null || true
uptime || true

left=$((LIMIT_S - ($(date +%s) - started) - 45))  # 45 s kept for the byte-for-byte check
peers=""
[ "$PEERS" = 1 ] && peers="--peers"
status=0
timeout --signal=INT "$left" "$PYTHON" bench/run.py --rows "$ROWS" --runs "$RUNS" --big-rows "$BIG_ROWS" \
    --big-runs "$BIG_RUNS" --workers "$WORKERS" --compare-workers $peers --skip-extras --keep "$tmp/work" \
    --json "$OUT/results-scaling-$cores.json" --markdown "$OUT/results-scaling-$cores.md" || status=$?
[ "$status" = 0 ] || echo "bench/run.py ended with $status (124 or 130: the time limit; the results so far are kept)"

# --workers at the most cores writes what one process writes (the tests do this on small files)
top=$(echo "$WORKERS" | tr ',' '\n' | sort -n | awk -v c="$cores" '$1 <= c' | tail -1)
cohort="$tmp/work/cohort-$ROWS-1.csv"
if [ -f "$cohort" ] && [ "${top:-1}" -gt 1 ]; then
    for fmt in jsonl csv; do
        timeout 20 "$PYTHON" -m bsa_check check "$cohort" --as-of 2026-08-20 --format "$fmt" --output "$tmp/one.$fmt" 2>/dev/null || true
        timeout 20 "$PYTHON" -m bsa_check check "$cohort" --as-of 2026-08-20 --format "$fmt" --workers "$top" \
            --output "$tmp/many.$fmt" 2>/dev/null || true
        if [ -s "$tmp/one.$fmt" ] && cmp -s "$tmp/one.$fmt" "$tmp/many.$fmt"; then
            echo "byte-identical: check --format $fmt --workers $top == 1 process ($ROWS rows)"
        else
            echo "NOT checked or NOT identical: check --format $fmt --workers $top (see $OUT)"
        fi
    done | tee "$OUT/identical-$cores.txt"
fi
echo "results: $OUT/results-scaling-$cores.json, $OUT/results-scaling-$cores.md ($(($(date +%s) - started)) s)"
