#!/usr/bin/env bash
# Scaling guard: 10x the flows must cost about 10x the time, on the whole path a user runs.
#
#   .ci/scaling-guard.sh path/to/TradeBalance.Cli.dll
#
# Runs each command below as a whole process on N and 10N seeded synthetic flows (and on 1,000 flows,
# whose time stands for start-up and JIT), and computes the growth (t(10N) - t(1k)) / (t(N) - t(1k)),
# the denominator at least t(N) / 4.
# Linear work gives about 10, n log n a little more, quadratic work about 100. A growth above LIMIT
# (default 30) fails the guard. Only ratios from this one run are compared, never absolute times, so a
# slow or busy machine does not fail it, and a fast kernel cannot hide a slow step around it.
# N defaults to 100,000: the last quadratic steps found were still small at 30,000 flows.
set -euo pipefail
cd "$(dirname "$0")/.."

dll=${1:?usage: .ci/scaling-guard.sh path/to/TradeBalance.Cli.dll}
n=${SCALING_N:-100000}
big=$((n * 10))
limit=${SCALING_LIMIT:-30}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for size in 1000 "$n" "$big"; do
  python3 benchmarks/peers/synthetic_flows.py "$size" "$work/$size" > /dev/null
done

# Wall milliseconds of one run; the command's own output goes to a file, and a failure stops the guard.
run_ms() {
  local size=$1 t0 t1
  shift
  local d="$work/$size"
  t0=$(date +%s%N)
  if ! dotnet "$dll" "$@" --flows "$d/flows.csv" --tariffs "$d/tariffs.csv" --scenario "$d/scenario.json" > "$work/out" 2> "$work/err"; then
    echo "scaling guard: 'tradebalance $*' failed on $size flows:" >&2
    cat "$work/err" >&2
    return 1
  fi
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000000))
}

# The fastest of five runs for the small sizes (cheap, and the noise there matters most).
best_ms() {
  local best=0 ms
  for _ in 1 2 3 4 5; do
    ms=$(run_ms "$@") || return 1
    if [[ $best -eq 0 || $ms -lt $best ]]; then best=$ms; fi
  done
  echo "$best"
}

failed=0
printf '%-50s %9s %9s %9s %7s\n' "command" "1k ms" "${n} ms" "${big} ms" "growth"
while IFS= read -r args; do
  # shellcheck disable=SC2086 # the arguments are split on purpose
  t0=$(best_ms 1000 $args) && t1=$(best_ms "$n" $args) && t2=$(run_ms "$big" $args) || { failed=1; continue; }
  # The denominator is at least a quarter of t(N): when start-up is most of t(N), a noisy t(1k)
  # would otherwise shrink it towards zero and inflate the growth of a linear command.
  growth=$(awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN { d = b - a; if (d < b / 4) d = b / 4; if (d < 1) d = 1; printf "%.1f", (c - a) / d }')
  printf '%-50s %9d %9d %9d %7s\n' "$args" "$t0" "$t1" "$t2" "$growth"
  if awk -v g="$growth" -v l="$limit" 'BEGIN { exit !(g > l) }'; then
    echo "scaling guard: 'tradebalance $args' grew ${growth}x for 10x the flows (limit ${limit}x): some step is super-linear" >&2
    failed=1
  fi
done <<'COMMANDS'
project --format csv --draws 0
project --draws 0
project --draws 20
project --model armington --format csv --draws 0
project --model gsim --format csv --draws 0
compare
sensitivity --format csv --draws 20
COMMANDS

exit $failed
