#!/usr/bin/env bash
# Peer comparison: times TradeBalance (C#) and numpy/pandas on the same generated data, one after
# the other in one run, and prints the ratios. Absolute times depend on the machine and its load;
# compare the ratios, and only within one run.
#
#   benchmarks/peers/run.sh            # SMART over 10,000,000 flows, BACI file of 1,000,000 rows
#   FLOWS=1000000 ROWS=200000 benchmarks/peers/run.sh
#
# Python side: Debian's /usr/bin/python3 with python3-numpy and python3-pandas
# (apt-get install -y python3-numpy python3-pandas), not the pyenv python on PATH.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

py=/usr/bin/python3
flows=${FLOWS:-10000000}
rows=${ROWS:-1000000}
project=benchmarks/TradeBalance.Benchmarks

if ! "$py" -c 'import numpy, pandas' 2>/dev/null; then
  echo "run.sh: $py cannot import numpy and pandas; apt-get install -y python3-numpy python3-pandas" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== build (Release)"
dotnet build "$project" -c Release --nologo -v quiet >/dev/null
cs() { dotnet run -c Release --no-build --project "$project" -- --peer-timing "$@"; }

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "== SMART, $flows flows: C# SmartKernel, then numpy on the same arrays"
cs smart "$flows" --write "$work/smart.bin" | tee "$work/cs_smart.txt"
"$py" benchmarks/peers/smart_numpy.py "$work/smart.bin" | tee "$work/np_smart.txt"

echo "== BACI, $rows rows: C# raw read, BaciReader.ReadColumns and BaciReader.Read, then pandas.read_csv on the same file"
cs baci "$rows" "$work/BACI_HS17_Y2022_V202401b.csv" | tee "$work/cs_baci.txt"
"$py" benchmarks/peers/baci_pandas.py "$work/BACI_HS17_Y2022_V202401b.csv" | tee "$work/pd_baci.txt"

echo "== BACI, one read in a fresh process, 3 times each: the read alone, and the whole process (start-up, imports, JIT)"
# The built program is started directly: 'dotnet run' would add an MSBuild evaluation to the wall time.
dll="$project/bin/Release/net10.0/TradeBalance.Benchmarks.dll"
wall() { local t0=$EPOCHREALTIME; "$@" > "$work/once.out"; local t1=$EPOCHREALTIME; cat "$work/once.out"; echo "process_ms $(( (${t1//[.,]/} - ${t0//[.,]/}) / 1000 ))"; }
for _ in 1 2 3; do
  wall dotnet "$dll" --peer-timing baci-once "$work/BACI_HS17_Y2022_V202401b.csv" | grep _ms >> "$work/cs_once.txt"
  wall "$py" benchmarks/peers/baci_pandas.py --once "$work/BACI_HS17_Y2022_V202401b.csv" | grep _ms >> "$work/pd_once.txt"
done
paste "$work/cs_once.txt" "$work/pd_once.txt"

echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (noise: compare ratios only)"
"$py" - "$work" <<'PY'
import sys
work = sys.argv[1]

def read(name):
    values = {}
    for line in open(f"{work}/{name}"):
        key, _, value = line.strip().partition(" ")
        values[key] = value
    return values

cs, np_, csb, pd_ = read("cs_smart.txt"), read("np_smart.txt"), read("cs_baci.txt"), read("pd_baci.txt")

def best(name, key):
    return min(float(line.split()[1]) for line in open(f"{work}/{name}") if line.startswith(key + " "))

columns_once, pandas_once = best("cs_once.txt", "columns_once_ms"), best("pd_once.txt", "pandas_once_ms")
cs_process, pd_process = best("cs_once.txt", "process_ms"), best("pd_once.txt", "process_ms")
for key in ("sum_projected", "sum_diversion_abs"):
    a, b = float(cs[key]), float(np_[key])
    if abs(a - b) > 1e-9 * max(abs(a), abs(b)):
        sys.exit(f"checksum {key} differs: C# {a!r}, numpy {b!r}: the two sides do not compute the same SMART")
if int(csb["rows"]) != int(pd_["rows"]):
    sys.exit(f"row counts differ: C# {csb['rows']}, pandas {pd_['rows']}")

kernel, floor, numpy = float(cs["smart_ms"]), float(cs["memory_floor_ms"]), float(np_["smart_ms"])
baci, raw, pandas = float(csb["baci_ms"]), float(csb["raw_ms"]), float(pd_["pandas_ms"])
columns, reused, warm = float(csb["columns_ms"]), float(csb["raw_reused_ms"]), float(csb["columns_warm_ms"])

def verdict(ok):
    return "met" if ok else "MISSED"

print()
print(f"| comparison ({cs['flows']} flows, {csb['rows']} BACI rows) | ratio | target | |")
print("|---|---:|---:|---|")
print(f"| SmartKernel / memory floor | {kernel / floor:.2f}x | <= 1.5x | {verdict(kernel / floor <= 1.5)} |")
print(f"| numpy SMART / SmartKernel (speed-up) | {numpy / kernel:.1f}x | >= 5x | {verdict(numpy / kernel >= 5)} |")
print(f"| pandas.read_csv / BaciReader (speed-up) | {pandas / baci:.3f}x | >= 5x | {verdict(pandas / baci >= 5)} |")
print(f"| BaciReader rate / raw-read rate | {raw / baci:.4f} | >= 0.333 | {verdict(raw / baci >= 1 / 3)} |")
print(f"| pandas.read_csv / BaciReader.ReadColumns (speed-up; both in a warm loop) | {pandas / warm:.1f}x | >= 5x | {verdict(pandas / warm >= 5)} |")
print(f"| pandas.read_csv / BaciReader.ReadColumns (speed-up; C# after a forced full GC, fresh pages every read) | {pandas / columns:.1f}x | >= 5x | {verdict(pandas / columns >= 5)} |")
print(f"| pandas.read_csv / BaciReader.ReadColumns (speed-up; one read in a fresh process, the read alone, best of 3) | {pandas_once / columns_once:.1f}x | >= 5x | {verdict(pandas_once / columns_once >= 5)} |")
print(f"| python3 + pandas / dotnet + ReadColumns (speed-up; the whole process that reads once, best of 3) | {pd_process / cs_process:.1f}x | | |")
print(f"| BaciReader.ReadColumns / raw read (time) | {columns / raw:.2f}x | <= 3x | {verdict(columns / raw <= 3)} |")
print(f"| BaciReader.ReadColumns / read into a reused buffer (time; the page-cache floor, no target) | {columns / reused:.1f}x | | |")
print()
print(f"checksums agree (SMART sum of projected imports {float(cs['sum_projected']):.6e}); times in ms: "
      f"kernel {kernel:.1f}, floor {floor:.1f}, numpy {numpy:.1f}, BaciReader {baci:.0f}, ReadColumns {columns:.1f} (warm loop {warm:.1f}, fresh process {columns_once:.0f}, whole process {cs_process:.0f}), raw {raw:.1f}, raw into a reused buffer {reused:.1f}, pandas {pandas:.0f} (fresh process {pandas_once:.0f}, whole process {pd_process:.0f})")
PY
