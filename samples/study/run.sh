#!/usr/bin/env bash
# A whole study from nothing (docs/study.md): fetch the data, put it into one HS revision, project,
# compare the models, and check them against past tariff cuts. Needs the network for the fetch steps
# (UN Comtrade's public preview needs no key; set COMTRADE_API_KEY for the keyed API). Every request is
# cached, so running this again makes no request, and an interrupted run resumes.
# Usage: samples/study/run.sh [OUTPUT_FOLDER]   (TRADEBALANCE= the command to run, default: tradebalance)
set -euo pipefail
tb=${TRADEBALANCE:-tradebalance}
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-study}
mkdir -p "$out/hs-tables"
cd "$out"

$tb fetch hs-tables --output hs-tables
$tb fetch comtrade --reporter IND --years 2023 --hs 0902 --output flows_H6.csv
$tb fetch wits --reporter IND --year 2023 --output tariffs_H6.csv

$tb project --flows flows_H6.csv --tariffs tariffs_H6.csv --scenario "$here/india-tea.json" --hs-tables hs-tables --output india-tea.csv
$tb compare --flows flows_H6.csv --tariffs tariffs_H6.csv --scenario "$here/india-tea.json" --hs-tables hs-tables
$tb backtest
