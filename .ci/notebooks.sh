#!/usr/bin/env bash
# Notebook smoke test: execute samples/notebooks/*.ipynb headless, as a new user's Jupyter would,
# and check what each shows. The C# notebook runs on the .NET Interactive kernel (deprecated, but
# it still works) against the packed packages and must display a projection as an HTML <table>
# and print the Kenya–China balance; the Python notebook runs the tradebalance tool, reads its CSV
# with pandas and must print Kenya's exports line, show a table and draw a figure.
#
# Usage: .ci/notebooks.sh [PACKAGES_DIR [TRADEBALANCE]]
#   PACKAGES_DIR  the folder `dotnet pack` wrote the .nupkg files to (default: pack into a temp folder)
#   TRADEBALANCE  the installed tool's command (default: install it from PACKAGES_DIR into a temp folder)
#
# Installs what it needs from a clean Debian machine with the .NET SDK: Debian's Jupyter, pandas
# and matplotlib (apt-get, as root, only when missing), and dotnet-interactive into a temp tool
# path with its kernel spec in a temp JUPYTER_PATH. A private NUGET_PACKAGES folder keeps a cached
# TradeBalance 0.1.0 from being used. Everything else it writes goes to a temp folder removed on exit.
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1 PYDEVD_DISABLE_FILE_VALIDATION=1

repo=$(cd "$(dirname "$0")/.." && pwd)
version=0.1.0
interactive_version=1.0.712001
# Debian's Python, not whichever python3 comes first on PATH: the packages below are installed for it.
python=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
t0=$SECONDS

say() { printf 'notebooks: %s\n' "$*"; }

# 1. Jupyter, the Python kernel, pandas and matplotlib from Debian.
if ! "$python" -c 'import nbconvert, nbclient, ipykernel, pandas, matplotlib, jinja2' 2>/dev/null; then
  say "installing Debian's Jupyter, pandas and matplotlib"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends \
    jupyter-nbconvert python3-nbclient python3-ipykernel python3-pandas python3-matplotlib python3-jinja2 > "$tmp/apt.log" 2>&1 \
    || { tail -20 "$tmp/apt.log" >&2; exit 1; }
fi

# 2. The .NET Interactive kernel, in a tool path and a kernel folder of our own.
export NUGET_PACKAGES="$tmp/nuget"
dotnet tool install Microsoft.dotnet-interactive --version "$interactive_version" --tool-path "$tmp/tools" > "$tmp/interactive.log" 2>&1 \
  || { cat "$tmp/interactive.log" >&2; exit 1; }
# The kernel spec runs `dotnet interactive`, which the dotnet host finds on PATH.
export PATH="$tmp/tools:$PATH" JUPYTER_PATH="$tmp/jupyter"
mkdir -p "$tmp/jupyter/kernels"
dotnet-interactive jupyter install --path "$tmp/jupyter/kernels" > "$tmp/kernel.log" 2>&1 || { cat "$tmp/kernel.log" >&2; exit 1; }
[[ -f "$tmp/jupyter/kernels/.net-csharp/kernel.json" ]] || { cat "$tmp/kernel.log" >&2; echo "notebooks: no .net-csharp kernel spec" >&2; exit 1; }

# 3. The packed packages and the tool.
packages=${1:-}
if [[ -z "$packages" || ! -f "$packages/TradeBalance.Data.$version.nupkg" ]]; then
  packages="$tmp/packages"
  say "packing into $packages"
  for project in TradeBalance TradeBalance.Data TradeBalance.Cli; do
    dotnet pack "$repo/src/$project/$project.csproj" -c Release -o "$packages" > "$tmp/pack.log" 2>&1 || { cat "$tmp/pack.log" >&2; exit 1; }
  done
fi
packages=$(cd "$packages" && pwd)
tool=${2:-}
if [[ -z "$tool" || ! -x "$tool" ]]; then
  dotnet tool install TradeBalance.Cli --version "$version" --tool-path "$tmp/tb" --add-source "$packages" > "$tmp/tool.log" 2>&1 \
    || { cat "$tmp/tool.log" >&2; exit 1; }
  tool="$tmp/tb/tradebalance"
fi
say "set up in $((SECONDS - t0)) s"

# 4. Execute each notebook as it is committed, one at a time (a kernel each), with a time limit.
run() {
  local notebook=$1 start=$SECONDS
  TRADEBALANCE_PACKAGES="$packages" TRADEBALANCE_CLI="$tool" \
    timeout 300 "$python" -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=240 \
      --output-dir "$tmp/out" "$repo/samples/notebooks/$notebook" > "$tmp/$notebook.log" 2>&1 \
    || { tail -40 "$tmp/$notebook.log" >&2; echo "notebooks: $notebook did not run to the end" >&2; return 1; }
  say "$notebook ran in $((SECONDS - start)) s"
}
run kenya-china-csharp.ipynb
run kenya-china-python.ipynb

# 5. What each executed notebook shows: its key line, an HTML table, and (Python) a figure.
"$python" - "$tmp/out" <<'PY'
import json, sys
from pathlib import Path

out = Path(sys.argv[1])

def outputs(name):
    notebook = json.loads((out / name).read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        yield from cell.get("outputs", [])

def text(o):
    t = o.get("text", o.get("data", {}).get("text/plain", ""))
    return "".join(t) if isinstance(t, list) else t

def html(o):
    h = o.get("data", {}).get("text/html", "")
    return "".join(h) if isinstance(h, list) else h

failed = False
def check(name, ok, what):
    global failed
    print(f"notebooks: {name}: {'ok' if ok else 'MISSING'}: {what}")
    failed |= not ok

cs = list(outputs("kenya-china-csharp.ipynb"))
lines = [l for o in cs for l in text(o).splitlines() if l.startswith("Kenya–China balance, KES: KES ")]
check("C#", bool(lines), lines[0] if lines else "a line 'Kenya–China balance, KES: KES …'")
tables = [h for o in cs if (h := html(o)).startswith('<div class="tradebalance">')]
check("C#", any("<table>" in h and "KEN Kenya" in h for h in tables), "a ProjectionResult shown as TradeBalance's HTML <table>")
check("C#", max(map(len, tables), default=0) < 50_000, "the table is compact (not a tree of objects)")
check("C#", not any(o.get("output_type") == "error" for o in cs), "no cell error")

py = list(outputs("kenya-china-python.ipynb"))
lines = [l for o in py for l in text(o).splitlines() if l.startswith("Kenya's exports of these products to China: USD 26.47m -> ")]
check("Python", bool(lines), lines[0] if lines else "a line 'Kenya's exports of these products to China: USD 26.47m -> …'")
check("Python", any("<table" in html(o) and "share_after" in html(o) for o in py), "the share change table")
check("Python", any("image/png" in o.get("data", {}) for o in py), "a figure of Kenya's exports")
check("Python", not any(o.get("output_type") == "error" for o in py), "no cell error")
sys.exit(1 if failed else 0)
PY
say "done in $((SECONDS - t0)) s"
