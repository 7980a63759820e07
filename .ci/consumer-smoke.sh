#!/usr/bin/env bash
# Consumer smoke test: use the packed TradeBalance and TradeBalance.Data exactly as a NuGet user
# would, from a fresh console project outside the repository (so neither Directory.Build.props nor
# the central package versions apply), and check that the library's projection table of the embedded
# Kenya–China scenario (ResultTables.Projection as CSV) is byte-identical to `tradebalance project
# --format csv`, that its first eleven columns are ProjectionCsv's, and that the packages write
# Parquet (Parquet.Net restored as a dependency, no native library). Then run
# samples/kenya-china.cs the way the samples tell users to outside the repository: a copy whose
# #:project line is replaced by `#:package TradeBalance.Data@0.1.0`.
#
# Usage: .ci/consumer-smoke.sh PACKAGES_DIR [TRADEBALANCE]
#   PACKAGES_DIR  the folder `dotnet pack` wrote the .nupkg files to
#   TRADEBALANCE  the installed tool's command (default: tradebalance on PATH)
#
# The local folder is added to the machine's default package sources (not cleared): TradeBalance
# comes from the folder, NodaTime and Sylvan.Data.Csv from the default registry. A private
# NUGET_PACKAGES folder keeps a cached 0.1.0 from being used, and the restore record of each
# TradeBalance package is checked to name the local folder as its source.
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

packages=$(cd "${1:?usage: consumer-smoke.sh PACKAGES_DIR [TRADEBALANCE]}" && pwd)
tool=${2:-tradebalance}
version=0.1.0
repo=$(cd "$(dirname "$0")/.." && pwd)

for id in TradeBalance TradeBalance.Data; do
  if [[ ! -f "$packages/$id.$version.nupkg" ]]; then
    echo "consumer-smoke: $packages has no $id.$version.nupkg" >&2
    exit 1
  fi
done

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
case "$dir/" in
  "$repo"/*) echo "consumer-smoke: the temporary folder $dir is inside the repository" >&2; exit 1 ;;
esac
app="$dir/app"
mkdir -p "$app"
export NUGET_PACKAGES="$dir/nuget"

# In the parent folder, so it applies to the project and to the script.
cat > "$dir/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <!-- Added to the default sources: the packages under test come from this folder. -->
    <add key="tradebalance-local" value="$packages" />
  </packageSources>
</configuration>
EOF

# A user's project: warnings are errors here too, so a package that makes its users' builds warn
# (a dependency version the registry does not serve, NU1603) fails this test.
cat > "$app/Consumer.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="TradeBalance" Version="$version" />
    <PackageReference Include="TradeBalance.Data" Version="$version" />
  </ItemGroup>
</Project>
EOF

cat > "$app/Program.cs" <<'EOF'
using TradeBalance.Data;
using TradeBalance.Projections;

var result = ProjectionModel.Smart.Project(new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs));
ProjectionCsv.Write(result, args[0]);
OutputTableCsv.Write(ResultTables.Projection(result), args[1]);
OutputTableParquet.Write(ResultTables.Projection(result), args[2]);
Console.WriteLine($"consumer: {result.Rows.Length} rows of {result.Scenario.Name}");
EOF

dotnet restore "$app" --verbosity quiet
for id in tradebalance tradebalance.data; do
  metadata="$NUGET_PACKAGES/$id/$version/.nupkg.metadata"
  if ! grep -qF "\"source\": \"$packages" "$metadata"; then
    echo "consumer-smoke: $id $version was not restored from $packages:" >&2
    cat "$metadata" >&2
    exit 1
  fi
done

# The Roslyn-free rule, checked on what a user gets: the packages' whole dependency graph.
if grep -qi '"Microsoft\.CodeAnalysis' "$app/obj/project.assets.json"; then
  echo "consumer-smoke: the packages bring in Microsoft.CodeAnalysis:" >&2
  grep -io '"Microsoft\.CodeAnalysis[^"]*"' "$app/obj/project.assets.json" | sort -u >&2
  exit 1
fi

dotnet run --project "$app" -c Release --no-restore -- "$dir/library.csv" "$dir/table.csv" "$dir/table.parquet"
"$tool" project --format csv > "$dir/tool.csv"

if ! cmp -s "$dir/table.csv" "$dir/tool.csv"; then
  echo "consumer-smoke: the library's projection table differs from 'tradebalance project --format csv':" >&2
  diff "$dir/table.csv" "$dir/tool.csv" >&2 || true
  exit 1
fi
# The tool's CSV is ProjectionCsv's columns, then the elasticities used and 'scenario' (the first eleven never hold a comma).
if ! cut -d, -f1-11 "$dir/tool.csv" | cmp -s "$dir/library.csv" -; then
  echo "consumer-smoke: the first eleven columns of the tool's CSV differ from ProjectionCsv:" >&2
  cut -d, -f1-11 "$dir/tool.csv" | diff "$dir/library.csv" - >&2 || true
  exit 1
fi
if [ "$(head -c 4 "$dir/table.parquet")" != "PAR1" ]; then
  echo "consumer-smoke: OutputTableParquet did not write a Parquet file" >&2
  exit 1
fi
echo "consumer-smoke: the projection table from the packages equals 'tradebalance project --format csv' ($(wc -l < "$dir/tool.csv") lines, byte for byte), ProjectionCsv is its first eleven columns, and Parquet is written"

script="$dir/script"
mkdir -p "$script" "$dir/data"
sed 's|^#:project .*TradeBalance\.Data\.csproj$|#:package TradeBalance.Data@'"$version"'|' "$repo/samples/kenya-china.cs" > "$script/kenya-china.cs"
if ! grep -qx "#:package TradeBalance.Data@$version" "$script/kenya-china.cs"; then
  echo "consumer-smoke: samples/kenya-china.cs has no '#:project ../src/TradeBalance.Data/TradeBalance.Data.csproj' line to swap" >&2
  exit 1
fi
# File-based apps build under the local application data folder: point it into $dir so no build
# of this throw-away copy is left behind.
(cd "$script" && XDG_DATA_HOME="$dir/data" dotnet run kenya-china.cs) > "$dir/script.out"
if ! grep -q '^change: KES ' "$dir/script.out"; then
  echo "consumer-smoke: samples/kenya-china.cs with #:package did not print the KES balance change:" >&2
  cat "$dir/script.out" >&2
  exit 1
fi
echo "consumer-smoke: samples/kenya-china.cs runs outside the repository with #:package TradeBalance.Data@$version"
