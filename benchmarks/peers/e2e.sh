#!/usr/bin/env bash
# End-to-end timing at real scale: whole processes (start-up, reading, tariffs, model, writing), for
# the tradebalance CLI and, for SMART to CSV, a plain pandas script that does the same job
# (project_pandas.py). Wall seconds and peak resident memory come from /usr/bin/time; each cell is
# the median of RUNS runs, the CLI and pandas taking turns. Prints a markdown table.
#
#   benchmarks/peers/e2e.sh                                  # 100k, 1M and 10M flows, 3 runs each
#   SIZES="10000 100000" RUNS=1 benchmarks/peers/e2e.sh      # a quick pass
#
# Settings (environment):
#   SIZES    flow counts to generate and time (default "100000 1000000 10000000")
#   RUNS     runs per command and size (default 3)
#   TIMEOUT  seconds before a process is stopped and its cell reads "timeout" (default 600); a command
#            that times out is not tried at the larger sizes
#   COMMANDS which of the commands below to time (default all: "csv table default compare sensitivity armington gsim")
#   CLI_DLL  a built TradeBalance.Cli.dll to time; when set, nothing is built
#   SYNTH    input generator, called as "GENERATOR N DIR" (default benchmarks/peers/synthetic_flows.py)
#   WORK     directory for inputs and outputs (default: a temporary one, removed at the end); inputs
#            already there (WORK/100k/, WORK/1M/, ...) are reused
#
# Python side: Debian's /usr/bin/python3 with python3-numpy and python3-pandas
# (apt-get install -y python3-numpy python3-pandas), not the pyenv python on PATH.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 LC_ALL=C

py=/usr/bin/python3
sizes=${SIZES:-100000 1000000 10000000}
runs=${RUNS:-3}
limit=${TIMEOUT:-600}
synth=${SYNTH:-benchmarks/peers/synthetic_flows.py}
peer=benchmarks/peers/project_pandas.py

if [[ ! -f $synth ]]; then
  echo "e2e.sh: no input generator at '$synth'. Set SYNTH to a script that takes 'N DIR' and writes DIR/flows.csv, DIR/tariffs.csv and DIR/scenario.json." >&2
  exit 1
fi
if ! "$py" -c 'import numpy, pandas' 2>/dev/null; then
  echo "e2e.sh: $py cannot import numpy and pandas; apt-get install -y python3-numpy python3-pandas" >&2
  exit 1
fi

if [[ -n ${WORK:-} ]]; then
  work=$WORK
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi

if [[ -n ${CLI_DLL:-} ]]; then
  dll=$CLI_DLL
else
  echo "== build (Release)"
  dotnet build src/TradeBalance.Cli -c Release --nologo -v quiet >/dev/null
  dll=src/TradeBalance.Cli/bin/Release/net10.0/TradeBalance.Cli.dll
fi
[[ -f $dll ]] || { echo "e2e.sh: no CLI at '$dll'" >&2; exit 1; }

# The commands timed, by name, and the CLI's arguments besides the input files (OUT: the size's directory).
# The CLI is started as 'dotnet the.dll' (not 'dotnet run', which would add an MSBuild evaluation).
# Only "csv" has a pandas peer. sensitivity writes CSV: its table would be rendering time, which the
# "table" row already shows for project.
read -r -a commands <<< "${COMMANDS:-csv table default compare sensitivity armington gsim}"
declare -A args=(
  [csv]="project --format csv --draws 0 --output OUT/cli.csv"
  [table]="project --draws 0"
  [default]="project"
  [compare]="compare"
  [sensitivity]="sensitivity --draws 1000 --format csv"
  [armington]="project --model armington --format csv --draws 0 --output OUT/armington.csv"
  [gsim]="project --model gsim --format csv --draws 0 --output OUT/gsim.csv"
)

results=$work/results.txt   # one line per process: command side flows seconds peak_kb status
notes=$work/notes.txt       # first error line of each failure, and the agreement checks
: > "$results"
: > "$notes"
for cmd in "${commands[@]}"; do
  [[ -n ${args[$cmd]:-} ]] || { echo "e2e.sh: unknown command '$cmd' in COMMANDS" >&2; exit 1; }
done
declare -A given_up=()      # command/side pairs that timed out: not tried at larger sizes

# measure COMMAND SIDE FLOWS PROGRAM ARGS...: runs one process under time and timeout, appends a result line.
measure() {
  local cmd=$1 side=$2 n=$3 rc=0 secs=- kb=- status=ok
  shift 3
  : > "$work/time.txt"
  /usr/bin/time -f '%e %M' -o "$work/time.txt" timeout --kill-after=10 "$limit" "$@" > /dev/null 2> "$work/stderr.txt" || rc=$?
  # An empty time file means /usr/bin/time itself was stopped from outside.
  read -r secs kb < <(tail -n 1 "$work/time.txt") || status="killed(exit $rc)"
  if [[ $status != ok ]]; then
    secs=- kb=-
    echo "$cmd $side $n: stopped from outside (exit $rc)" >> "$notes"
  elif (( rc == 124 || (rc == 137 && ${secs%.*} >= limit) )); then
    status=timeout
    given_up[$cmd/$side]=1
  elif (( rc != 0 )); then
    status="failed(exit $rc)"
    echo "$cmd $side $n: exit $rc: $(grep -m 1 . "$work/stderr.txt" || true)" >> "$notes"
  fi
  echo "$cmd $side $n $secs $kb $status" >> "$results"
  printf '   %-12s %-5s %10s flows  %8s s  %8s KB  %s\n' "$cmd" "$side" "$n" "$secs" "$kb" "$status"
}

echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); dotnet $(dotnet --version); $("$py" -c 'import pandas, numpy; print("pandas", pandas.__version__, "numpy", numpy.__version__)')"
for n in $sizes; do
  # Inputs in WORK/10k, WORK/1M, ... (a short name per size).
  if (( n % 1000000 == 0 )); then dir=$work/$((n / 1000000))M; elif (( n % 1000 == 0 )); then dir=$work/$((n / 1000))k; else dir=$work/$n; fi
  if [[ ! -f $dir/flows.csv ]]; then
    echo "== generate $n flows"
    "$py" "$synth" "$n" "$dir"
  fi
  inputs=(--flows "$dir/flows.csv" --tariffs "$dir/tariffs.csv" --scenario "$dir/scenario.json")
  for ((r = 1; r <= runs; r++)); do
    echo "== $n flows, run $r of $runs"
    for cmd in "${commands[@]}"; do
      if [[ -z ${given_up[$cmd/cli]:-} ]]; then
        # shellcheck disable=SC2086  # split on purpose: the arguments are single words
        measure "$cmd" cli "$n" dotnet "$dll" ${args[$cmd]//OUT/$dir} "${inputs[@]}"
      else
        echo "$cmd cli $n - - skipped" >> "$results"
      fi
      if [[ $cmd == csv ]]; then
        if [[ -z ${given_up[csv/peer]:-} ]]; then
          measure csv peer "$n" "$py" "$peer" "${inputs[@]}" --output "$dir/peer.csv"
        else
          echo "csv peer $n - - skipped" >> "$results"
        fi
        # Once per size: the two CSVs must agree (same rows in the same order, numbers within 1e-9).
        if (( r == 1 )) && [[ -f $dir/cli.csv && -f $dir/peer.csv ]]; then
          if "$py" benchmarks/peers/compare_csv.py "$dir/cli.csv" "$dir/peer.csv" > "$work/agree.txt" 2>&1; then
            echo "agreement at $n flows: $(tail -n 1 "$work/agree.txt")" >> "$notes"
          else
            echo "agreement at $n flows: DISAGREE: $(tail -n +2 "$work/agree.txt" | tr '\n' ' ')" >> "$notes"
          fi
        fi
      fi
      rm -f "$dir"/cli.csv "$dir"/peer.csv "$dir"/armington.csv "$dir"/gsim.csv
    done
  done
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
"$py" - "$results" "$sizes" "$limit" <<'PY'
import statistics, sys

rows = [line.rstrip("\n").split(maxsplit=5) for line in open(sys.argv[1])]
sizes = [int(s) for s in sys.argv[2].split()]
labels = {
    "csv": "project --format csv --draws 0 --output F", "table": "project --draws 0 (table)", "default": "project (table, 200 Monte Carlo draws)", "compare": "compare",
    "sensitivity": "sensitivity --draws 1000 --format csv", "armington": "project --model armington --format csv --draws 0 --output F",
    "gsim": "project --model gsim --format csv --draws 0 --output F",
}

def cell(cmd, side, n):
    """(median seconds or None, peak MB or None, text)."""
    got = [r for r in rows if r[0] == cmd and r[1] == side and int(r[2]) == n]
    if not got:
        return None, None, "" if side == "peer" else "-"
    ok = [r for r in got if r[5] == "ok"]
    bad = [r[5] for r in got if r[5] != "ok"]
    bad = [f"timeout (>{sys.argv[3]} s)" if b == "timeout" else b for b in bad]
    if bad and not ok:
        return None, None, bad[0]
    secs = statistics.median(float(r[3]) for r in ok)
    mb = max(int(r[4]) for r in ok) / 1024
    return secs, mb, f"{secs:.2f}" + (f" ({len(bad)} {bad[0]})" if bad else "")

def growth(cmd, side, i):
    if i == 0:
        return ""
    now, before = cell(cmd, side, sizes[i])[0], cell(cmd, side, sizes[i - 1])[0]
    return f"{now / before:.1f}x" if now and before else ""

def mb(x):
    return f"{x:.0f}" if x else ""

print("| command | flows | CLI median s | CLI peak MB | peer median s | peer peak MB | peer/CLI | CLI growth | peer growth |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for cmd, label in labels.items():
    if not any(r[0] == cmd for r in rows):
        continue
    for i, n in enumerate(sizes):
        c, cmb, ctext = cell(cmd, "cli", n)
        p, pmb, ptext = cell(cmd, "peer", n)
        ratio = f"{p / c:.2f}" if c and p else ""
        print(f"| {label} | {n:,} | {ctext} | {mb(cmb)} | {ptext} | {mb(pmb)} | {ratio} | {growth(cmd, 'cli', i)} | {growth(cmd, 'peer', i)} |")
steps = {sizes[i] / sizes[i - 1] for i in range(1, len(sizes))}
print()
print("Growth: median time at this size / median time at the previous size"
      + (f" ({steps.pop():g}x the flows)." if len(steps) == 1 else "."))
print("timeout: stopped at the time limit (then skipped at the larger sizes); failed: non-zero exit (first error line below);"
      " killed: stopped by a signal from outside this script.")
PY
echo
cat "$notes"
