#!/usr/bin/env bash
# Mutation testing of the calculation core with Stryker.NET (docs/reliability.md, "10. Mutation testing").
#
#   .ci/mutation.sh                  the whole core, before a release (see the docs for the time it takes)
#   .ci/mutation.sh --changed [REV]  only the lines of core files changed since REV (default HEAD~1): what CI
#                                    runs; it does nothing, in a second, when no core line changed
#   .ci/mutation.sh FILE...          these files (paths under src/TradeBalance, e.g. Money.cs)
#
# The core is the "mutate" list of tests/TradeBalance.Tests/stryker-config.json; mutants inside an
# exception's constructor (message text) are ignored there. The run fails when any mutated file scores
# below 95 % (killed + timed out over killed + timed out + survived + not covered), and prints each file's
# score and every survivor. Reports go to $MUTATION_OUT/reports (default artifacts/mutation/reports).
#
# MUTATION_CONCURRENCY=N   runs N mutants at a time (Stryker's default is half the cores)
# MUTATION_BUDGET=MIN      stops Stryker after MIN minutes and exits 3 ("not finished"), for CI
# MUTATION_DRY_RUN=1       prints the Stryker command instead of running it
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

threshold=95
config=tests/TradeBalance.Tests/stryker-config.json
out=${MUTATION_OUT:-artifacts/mutation}
[[ $out == /* ]] || out=$PWD/$out   # Stryker runs in the test project's folder

# The core's globs, from the config, as paths under src/TradeBalance.
core_globs() {
  python3 - "$config" <<'PY'
import json, sys
for g in json.load(open(sys.argv[1]))["stryker-config"]["mutate"]:
    print("src/TradeBalance/" + g.removeprefix("**/"))
PY
}

# Stryker --mutate patterns for the lines of FILES changed since REV: "**/path.cs{start..end}…", with the
# spans as character offsets in the file as it is now (Stryker takes a mutant whose code lies inside a span).
changed_spans() {
  local rev=$1; shift
  python3 - "$rev" "$@" <<'PY'
import re, subprocess, sys
rev, files = sys.argv[1], sys.argv[2:]
for path in files:
    diff = subprocess.run(["git", "diff", "-U0", rev, "--", path], capture_output=True, text=True, check=True).stdout
    # Roslyn's positions: UTF-16 code units after the byte-order mark, line ends as they are in the file.
    text = open(path, encoding="utf-8-sig", newline="").read()
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line.encode("utf-16-le")) // 2 + 1)
    spans = []
    for m in re.finditer(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", diff, re.M):
        first, count = int(m.group(1)), int(m.group(2) or "1")
        if count > 0:
            spans.append(f"{{{starts[first - 1]}..{starts[first - 1 + count] - 1}}}")
    if spans:
        print("**/" + path.removeprefix("src/TradeBalance/") + "".join(spans))
PY
}

patterns=()
if [[ "${1:-}" == "--changed" ]]; then
  base=${2:-HEAD~1}
  if ! git rev-parse --verify --quiet "$base^{commit}" > /dev/null; then
    echo "mutation: $base is not a commit here (a shallow clone?); cannot tell which core lines changed" >&2
    exit 1
  fi
  mapfile -t globs < <(core_globs)
  pathspecs=()
  for g in "${globs[@]}"; do pathspecs+=(":(glob)$g"); done
  mapfile -t files < <(git diff --name-only --diff-filter=AMR "$base" -- "${pathspecs[@]}")
  if [[ ${#files[@]} -gt 0 ]]; then
    mapfile -t patterns < <(changed_spans "$base" "${files[@]}")
  fi
  if [[ ${#patterns[@]} -eq 0 ]]; then
    echo "mutation: no core line changed since $base; nothing to test"
    exit 0
  fi
  echo "mutation: core lines changed since $base: ${patterns[*]}"
elif [[ $# -gt 0 ]]; then
  for f in "$@"; do patterns+=("**/${f#src/TradeBalance/}"); done
fi

args=(--config-file stryker-config.json --output "$out" --break-at "$threshold")
[[ -n "${MUTATION_CONCURRENCY:-}" ]] && args+=(--concurrency "$MUTATION_CONCURRENCY")
for p in "${patterns[@]}"; do args+=(--mutate "$p"); done

if [[ -n "${MUTATION_DRY_RUN:-}" ]]; then
  printf 'dotnet dotnet-stryker'; printf ' %q' "${args[@]}"; echo
  exit 0
fi

dotnet tool restore > /dev/null
report="$out/reports/mutation-report.json"
rm -f "$report"   # never score an earlier run's report
start=$SECONDS
status=0
runner=()
[[ -n "${MUTATION_BUDGET:-}" ]] && runner=(timeout --signal=INT --kill-after=60 "$((MUTATION_BUDGET * 60))")
(cd tests/TradeBalance.Tests && "${runner[@]}" dotnet dotnet-stryker "${args[@]}") || status=$?
echo "mutation: Stryker took $(( (SECONDS - start) / 60 )) min $(( (SECONDS - start) % 60 )) s"
if [[ -n "${MUTATION_BUDGET:-}" && ( $status -eq 124 || $status -eq 130 || $status -eq 137 ) ]]; then
  echo "mutation: not finished within $MUTATION_BUDGET min; run .ci/mutation.sh on these files before a release: ${patterns[*]}" >&2
  exit 3
fi

if [[ ! -f "$report" ]]; then
  echo "mutation: no report at $report" >&2
  exit 1
fi

# Each file's score and its survivors; fail below the threshold for any file.
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
