#!/usr/bin/env bash
# Mutation testing of the calculation core with Stryker.NET (docs/reliability.md, "Mutation testing").
#
#   .ci/mutation.sh                  the whole core, before a release (about 2 hours on 2 cores)
#   .ci/mutation.sh --changed [REV]  only the core files changed since REV (default HEAD~1); CI runs this,
#                                    and it does nothing, in a second, when no core file changed
#   .ci/mutation.sh FILE...          these files (paths under src/TradeBalance, e.g. Money.cs)
#
# The core is the list in tests/TradeBalance.Tests/stryker-config.json ("mutate"); mutants inside an
# exception's constructor (message text) are ignored there. The run fails when any mutated file scores
# below 95 % (killed + timed out over killed + timed out + survived + not covered), and prints each
# file's score and every survivor. Reports: $MUTATION_OUT (default artifacts/mutation), mutation-report.html.
# MUTATION_CONCURRENCY=N runs N mutants at a time (Stryker's default is half the cores).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

threshold=95
config=tests/TradeBalance.Tests/stryker-config.json
out=${MUTATION_OUT:-artifacts/mutation}

# The core's globs, from the config, as git pathspecs under src/TradeBalance.
core_globs() {
  python3 - "$config" <<'PY'
import json, sys
for g in json.load(open(sys.argv[1]))["stryker-config"]["mutate"]:
    print("src/TradeBalance/" + g.removeprefix("**/"))
PY
}

files=()
if [[ "${1:-}" == "--changed" ]]; then
  base=${2:-HEAD~1}
  mapfile -t globs < <(core_globs)
  pathspecs=()
  for g in "${globs[@]}"; do pathspecs+=(":(glob)$g"); done
  mapfile -t files < <(git diff --name-only --diff-filter=AMR "$base" -- "${pathspecs[@]}")
  if [[ ${#files[@]} -eq 0 ]]; then
    echo "mutation: no core file changed since $base; nothing to test"
    exit 0
  fi
  echo "mutation: core files changed since $base: ${files[*]}"
elif [[ $# -gt 0 ]]; then
  for f in "$@"; do files+=("src/TradeBalance/${f#src/TradeBalance/}"); done
fi

args=(--config-file stryker-config.json --output "$PWD/$out" --break-at "$threshold")
[[ -n "${MUTATION_CONCURRENCY:-}" ]] && args+=(--concurrency "$MUTATION_CONCURRENCY")
for f in "${files[@]}"; do args+=(--mutate "**/${f#src/TradeBalance/}"); done

dotnet tool restore > /dev/null
start=$SECONDS
status=0
(cd tests/TradeBalance.Tests && dotnet dotnet-stryker "${args[@]}") || status=$?
echo "mutation: Stryker took $(( (SECONDS - start) / 60 )) min"

report="$out/reports/mutation-report.json"
if [[ ! -f "$report" ]]; then
  echo "mutation: no report at $report" >&2
  exit 1
fi

# Each file's score, and its survivors; fail below the threshold for any file.
python3 - "$report" "$threshold" <<'PY' || status=1
import json, sys
report, threshold = json.load(open(sys.argv[1])), float(sys.argv[2])
failed = False
for path, f in sorted(report["files"].items()):
    counts = {}
    for m in f["mutants"]:
        counts[m["status"]] = counts.get(m["status"], 0) + 1
    detected = counts.get("Killed", 0) + counts.get("Timeout", 0)
    undetected = counts.get("Survived", 0) + counts.get("NoCoverage", 0)
    if detected + undetected == 0:
        continue
    score = 100 * detected / (detected + undetected)
    name = path.split("src/TradeBalance/")[-1]
    print(f"mutation: {name}: {score:.1f} % ({detected} detected, {counts.get('Survived', 0)} survived, {counts.get('NoCoverage', 0)} not covered)")
    lines = f["source"].split("\n")
    for m in f["mutants"]:
        if m["status"] in ("Survived", "NoCoverage"):
            line = m["location"]["start"]["line"]
            print(f"  {m['status']}: line {line}, {m['mutatorName']}: {m.get('replacement', '')!r}  |  {lines[line - 1].strip()}")
    if score < threshold:
        failed = True
        print(f"mutation: {name} is below {threshold:.0f} %", file=sys.stderr)
sys.exit(1 if failed else 0)
PY
exit "$status"
