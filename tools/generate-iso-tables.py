#!/usr/bin/env python3
"""Generate TradeBalance's embedded ISO tables.

Run from the repository root:

    python3 tools/generate-iso-tables.py

Inputs
  * Debian package ``iso-codes`` (``/usr/share/iso-codes/json/iso_3166-1.json`` and
    ``iso_4217.json``); its version is read with ``dpkg-query``.
  * The ISO 4217 minor units below (iso-codes does not carry them).
  * The trade-statistics country-code aliases below.

Outputs (UTF-8, LF, RFC 4180 quoting, rows sorted by code)
  * src/TradeBalance/Resources/iso3166-1.csv        alpha2,alpha3,numeric,name
  * src/TradeBalance/Resources/iso4217.csv          code,numeric,minor_units,name
  * src/TradeBalance/Resources/m49-trade-aliases.csv code,alpha3,name,source

Standard library only. The script fails (exit status 1) with a list of the offending codes
if any input is inconsistent, e.g. an iso-codes currency without a known minor-unit value.
"""

import argparse
import csv
import io
import json
import os
import re
import subprocess
import sys

DEFAULT_JSON_DIR = "/usr/share/iso-codes/json"
DEFAULT_OUT_DIR = os.path.join("src", "TradeBalance", "Resources")
GENERATOR = "tools/generate-iso-tables.py"

# ---------------------------------------------------------------------------------------------
# ISO 4217 minor units ("List One", column "Minor unit").
#
# Source: GitHub repository datasets/currency-codes, file data/codes-all.csv,
#   commit 1434fbe05b8c2d12303b0bdeaa549d9beeb11891 (the data/codes-all.csv snapshot that
#   already records ANG as withdrawn 2025-03 and ZWL as withdrawn 2024-09, i.e. it follows
#   SIX's List One after those amendments). That repository builds the file from the
#   list-one.xml / list-three.xml published by SIX Interbank Clearing, the ISO 4217
#   maintenance agency.
# Transcribed here as  code: (numeric, minor_units); numeric is kept to cross-check the
# transcription against iso-codes. None = "N.A." in List One (that file writes "-"):
# precious metals, bond-market units, SDR, ADB unit of account, SUCRE, the testing code
# and "no currency". Those are excluded from the generated table.
# Cross-checked against SIX list-one.xml Pblshd="2024-06-25" (copy in GitHub repository
# tlesicka/actual-budget-multicurrency-todo, file list-one.xml, commit
# 769be0eececa466ec56d21602a48211abb49aa37): same values for every code both list.
# ---------------------------------------------------------------------------------------------
MINOR_UNITS_SOURCE = (
    "github.com/datasets/currency-codes data/codes-all.csv "
    "commit 1434fbe05b8c2d12303b0bdeaa549d9beeb11891 (SIX ISO 4217 List One)"
)
MINOR_UNITS = {
    "AED": (784, 2), "AFN": (971, 2), "ALL": (8, 2), "AMD": (51, 2), "AOA": (973, 2),
    "ARS": (32, 2), "AUD": (36, 2), "AWG": (533, 2), "AZN": (944, 2), "BAM": (977, 2),
    "BBD": (52, 2), "BDT": (50, 2), "BGN": (975, 2), "BHD": (48, 3), "BIF": (108, 0),
    "BMD": (60, 2), "BND": (96, 2), "BOB": (68, 2), "BOV": (984, 2), "BRL": (986, 2),
    "BSD": (44, 2), "BTN": (64, 2), "BWP": (72, 2), "BYN": (933, 2), "BZD": (84, 2),
    "CAD": (124, 2), "CDF": (976, 2), "CHE": (947, 2), "CHF": (756, 2), "CHW": (948, 2),
    "CLF": (990, 4), "CLP": (152, 0), "CNY": (156, 2), "COP": (170, 2), "COU": (970, 2),
    "CRC": (188, 2), "CUP": (192, 2), "CVE": (132, 2), "CZK": (203, 2), "DJF": (262, 0),
    "DKK": (208, 2), "DOP": (214, 2), "DZD": (12, 2), "EGP": (818, 2), "ERN": (232, 2),
    "ETB": (230, 2), "EUR": (978, 2), "FJD": (242, 2), "FKP": (238, 2), "GBP": (826, 2),
    "GEL": (981, 2), "GHS": (936, 2), "GIP": (292, 2), "GMD": (270, 2), "GNF": (324, 0),
    "GTQ": (320, 2), "GYD": (328, 2), "HKD": (344, 2), "HNL": (340, 2), "HTG": (332, 2),
    "HUF": (348, 2), "IDR": (360, 2), "ILS": (376, 2), "INR": (356, 2), "IQD": (368, 3),
    "IRR": (364, 2), "ISK": (352, 0), "JMD": (388, 2), "JOD": (400, 3), "JPY": (392, 0),
    "KES": (404, 2), "KGS": (417, 2), "KHR": (116, 2), "KMF": (174, 0), "KPW": (408, 2),
    "KRW": (410, 0), "KWD": (414, 3), "KYD": (136, 2), "KZT": (398, 2), "LAK": (418, 2),
    "LBP": (422, 2), "LKR": (144, 2), "LRD": (430, 2), "LSL": (426, 2), "LYD": (434, 3),
    "MAD": (504, 2), "MDL": (498, 2), "MGA": (969, 2), "MKD": (807, 2), "MMK": (104, 2),
    "MNT": (496, 2), "MOP": (446, 2), "MRU": (929, 2), "MUR": (480, 2), "MVR": (462, 2),
    "MWK": (454, 2), "MXN": (484, 2), "MXV": (979, 2), "MYR": (458, 2), "MZN": (943, 2),
    "NAD": (516, 2), "NGN": (566, 2), "NIO": (558, 2), "NOK": (578, 2), "NPR": (524, 2),
    "NZD": (554, 2), "OMR": (512, 3), "PAB": (590, 2), "PEN": (604, 2), "PGK": (598, 2),
    "PHP": (608, 2), "PKR": (586, 2), "PLN": (985, 2), "PYG": (600, 0), "QAR": (634, 2),
    "RON": (946, 2), "RSD": (941, 2), "RUB": (643, 2), "RWF": (646, 0), "SAR": (682, 2),
    "SBD": (90, 2), "SCR": (690, 2), "SDG": (938, 2), "SEK": (752, 2), "SGD": (702, 2),
    "SHP": (654, 2), "SLE": (925, 2), "SOS": (706, 2), "SRD": (968, 2), "SSP": (728, 2),
    "STN": (930, 2), "SVC": (222, 2), "SYP": (760, 2), "SZL": (748, 2), "THB": (764, 2),
    "TJS": (972, 2), "TMT": (934, 2), "TND": (788, 3), "TOP": (776, 2), "TRY": (949, 2),
    "TTD": (780, 2), "TWD": (901, 2), "TZS": (834, 2), "UAH": (980, 2), "UGX": (800, 0),
    "USD": (840, 2), "USN": (997, 2), "UYI": (940, 0), "UYU": (858, 2), "UYW": (927, 4),
    "UZS": (860, 2), "VED": (926, 2), "VES": (928, 2), "VND": (704, 0), "VUV": (548, 0),
    "WST": (882, 2), "XAF": (950, 0), "XCD": (951, 2), "XCG": (532, 2), "XOF": (952, 0),
    "XPF": (953, 0), "YER": (886, 2), "ZAR": (710, 2), "ZMW": (967, 2), "ZWG": (924, 2),
    # N.A. in List One: excluded from the table.
    "XAG": (961, None), "XAU": (959, None), "XBA": (955, None), "XBB": (956, None),
    "XBC": (957, None), "XBD": (958, None), "XDR": (960, None), "XPD": (964, None),
    "XPT": (962, None), "XSU": (994, None), "XTS": (963, None), "XUA": (965, None),
    "XXX": (999, None),
}

# ---------------------------------------------------------------------------------------------
# Manual entries: currencies that iso-codes still lists but that have left List One, so the
# source above has no minor unit for them (it lists them among withdrawn codes, with an empty
# minor-unit field). The value is the one List One gave while the code was current:
#   ANG, CUC -- SIX list-one.xml Pblshd="2024-06-25" (tlesicka/actual-budget-multicurrency-todo,
#               list-one.xml, commit 769be0eececa466ec56d21602a48211abb49aa37): minor unit 2.
#   ANG, CUC, HRK, SLL, ZWL -- an older snapshot of the same datasets/currency-codes file
#               (data/codes-all.csv, commit 051762c4b9c0dd35bbaa4f0ea5ad6ed34b3ec076), where
#               all five are still current: minor unit 2.
# Withdrawal dates (from datasets/currency-codes commit 1434fbe...): CUC 2021-06, HRK 2023-01,
# SLL 2023-12, ZWL 2024-09, ANG 2025-03.
# ---------------------------------------------------------------------------------------------
WITHDRAWN_MINOR_UNITS_SOURCE = (
    "withdrawn ANG CUC HRK SLL ZWL: last List One value from datasets/currency-codes "
    "commit 051762c4b9c0dd35bbaa4f0ea5ad6ed34b3ec076 and SIX list-one.xml of 2024-06-25"
)
WITHDRAWN_MINOR_UNITS = {
    "ANG": (532, 2, "2025-03"),
    "CUC": (931, 2, "2021-06"),
    "HRK": (191, 2, "2023-01"),
    "SLL": (694, 2, "2023-12"),
    "ZWL": (932, 2, "2024-09"),
}

# ---------------------------------------------------------------------------------------------
# Numeric country codes used by trade statistics (UN Comtrade, CEPII BACI, WITS) where they
# differ from ISO 3166-1 numeric. Only rows with a stated source are listed.
#   WITS     = "490 'Other Asia, nes' -> Taiwan 158", hard-coded by a public WITS data pipeline,
#              github.com/lukas-al/tariff_trade_analysis (file and commit in _WITS below).
#   BACI     = CEPII BACI country-code file (country_code_baci02.csv) as compiled in GitHub
#              repository mmcky/pyeconlab, files
#              pyeconlab/trade/dataset/CEPIIBACI/meta/hs02_iso3n_to_iso3c.py and
#              hs02_iso3n_to_countryname.py, commit 6968382fad49b08fec6b87fdb12fb95d4cdf2432.
# Left out although that BACI file lists them: aggregates or dissolved entities without one
# current ISO code (58 Belgium-Luxembourg, 530 Netherlands Antilles, 536 Neutral Zone,
# 891 Yugoslavia, 'nes' areas), and 711 'South Africa' and 849 'United States Minor Outlying
# Islands', whose coverage may differ from ZAF/UMI (not checked against a source).
# ---------------------------------------------------------------------------------------------
_BACI = ("CEPII BACI country codes (HS02) via github.com/mmcky/pyeconlab "
         "pyeconlab/trade/dataset/CEPIIBACI/meta/hs02_iso3n_to_iso3c.py "
         "commit 6968382fad49b08fec6b87fdb12fb95d4cdf2432")
_WITS = ("a WITS data pipeline maps 490 to Taiwan 158 (github.com/lukas-al/tariff_trade_analysis "
         "src/mpil_tariff_trade_analysis/dev2/WITS_PIPELINE.py commit 232c4f41)")
TRADE_ALIASES = [
    # (code, alpha3, name as used by the trade source, source)
    (251, "FRA", "France", _BACI),
    (381, "ITA", "Italy", _BACI),
    (490, "TWN", "Other Asia, nes",
     "CONVENTION: not an official mapping; 490 is reported as Other Asia nes and is Taiwan in "
     "practice. " + _WITS + "; " + _BACI + " (490 -> TWN)"),
    (579, "NOR", "Norway", _BACI),
    (699, "IND", "India", _BACI),
    (757, "CHE", "Switzerland", _BACI),
    (842, "USA", "United States of America", _BACI),
]


class GenerationError(Exception):
    pass


def iso_codes_version():
    try:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
            check=True, capture_output=True, text=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as e:
        raise GenerationError(f"cannot read the iso-codes package version with dpkg-query: {e}")
    if not out:
        raise GenerationError("dpkg-query returned an empty version for iso-codes")
    return out


def load_json(path, key):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)[key]
    except (OSError, KeyError, ValueError) as e:
        raise GenerationError(f"cannot read {path}: {e}")


def parse_numeric(text, what):
    if not re.fullmatch(r"[0-9]{3}", text or ""):
        raise GenerationError(f"{what}: numeric code {text!r} is not three digits")
    return int(text, 10)


def render_csv(comments, header, rows):
    buf = io.StringIO()
    for c in comments:
        if "\n" in c or "\r" in c:
            raise GenerationError(f"comment spans lines: {c!r}")
        buf.write(f"# {c}\n")
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    return buf.getvalue()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    print(f"wrote {path}")


def build_countries(json_dir, version):
    path = os.path.join(json_dir, "iso_3166-1.json")
    entries = load_json(path, "3166-1")
    rows, problems = [], []
    seen2, seen3, seenn = set(), set(), set()
    for e in entries:
        a2, a3, name = e.get("alpha_2", ""), e.get("alpha_3", ""), e.get("name", "")
        try:
            num = parse_numeric(e.get("numeric"), a3 or a2)
        except GenerationError as ex:
            problems.append(str(ex))
            continue
        if not re.fullmatch(r"[A-Z]{2}", a2):
            problems.append(f"bad alpha_2 {a2!r}")
        if not re.fullmatch(r"[A-Z]{3}", a3):
            problems.append(f"bad alpha_3 {a3!r}")
        if not name.strip():
            problems.append(f"{a3}: empty name")
        for val, seen, label in ((a2, seen2, "alpha_2"), (a3, seen3, "alpha_3"), (num, seenn, "numeric")):
            if val in seen:
                problems.append(f"duplicate {label} {val}")
            seen.add(val)
        rows.append((a2, a3, num, name))
    if problems:
        raise GenerationError("iso_3166-1.json:\n  " + "\n  ".join(problems))
    rows.sort(key=lambda r: r[0])
    comments = [
        f"Generated by {GENERATOR}; do not edit by hand.",
        f"Source: Debian package iso-codes {version}, file {path} "
        "(ISO 3166-1; name = the package's English short name field 'name').",
    ]
    return rows, render_csv(comments, ["alpha2", "alpha3", "numeric", "name"], rows)


def build_currencies(json_dir, version):
    path = os.path.join(json_dir, "iso_4217.json")
    entries = load_json(path, "4217")
    rows, problems, missing, excluded, withdrawn = [], [], [], [], []
    seen_code, seen_num = set(), set()
    for e in entries:
        code, name = e.get("alpha_3", ""), e.get("name", "")
        if not re.fullmatch(r"[A-Z]{3}", code):
            problems.append(f"bad alpha_3 {code!r}")
            continue
        try:
            num = parse_numeric(e.get("numeric"), code)
        except GenerationError as ex:
            problems.append(str(ex))
            continue
        if code in MINOR_UNITS:
            src_num, minor = MINOR_UNITS[code]
        elif code in WITHDRAWN_MINOR_UNITS:
            src_num, minor, _ = WITHDRAWN_MINOR_UNITS[code]
            withdrawn.append(code)
        else:
            missing.append(f"{code} ({num:03d} {name})")
            continue
        if src_num != num:
            problems.append(f"{code}: iso-codes numeric {num} but minor-unit source says {src_num}")
            continue
        if minor is None:
            excluded.append(code)
            continue
        if code in seen_code or num in seen_num:
            problems.append(f"{code}: duplicate code or numeric {num}")
        seen_code.add(code)
        seen_num.add(num)
        if not name.strip():
            problems.append(f"{code}: empty name")
        rows.append((code, num, minor, name))
    if missing:
        problems.append("no minor-unit value for: " + ", ".join(sorted(missing))
                        + " -- add them to MINOR_UNITS (or a documented manual entry)")
    if problems:
        raise GenerationError("iso_4217.json:\n  " + "\n  ".join(problems))
    rows.sort(key=lambda r: r[0])
    comments = [
        f"Generated by {GENERATOR}; do not edit by hand.",
        f"Source: Debian package iso-codes {version}, file {path} (codes, numeric codes, names).",
        f"Minor units (not in iso-codes): {MINOR_UNITS_SOURCE}.",
        f"Manual entries: {WITHDRAWN_MINOR_UNITS_SOURCE}.",
        "Excluded (minor unit N.A. in List One): " + " ".join(sorted(excluded)) + ".",
    ]
    return rows, render_csv(comments, ["code", "numeric", "minor_units", "name"], rows)


def build_aliases(country_rows):
    by_a3 = {r[1]: r for r in country_rows}
    iso_numeric = {r[2] for r in country_rows}
    problems, rows = [], []
    for code, a3, name, source in sorted(TRADE_ALIASES):
        if a3 not in by_a3:
            problems.append(f"{code}: alpha3 {a3} is not an ISO 3166-1 country")
        if code in iso_numeric:
            problems.append(f"{code}: is already an ISO 3166-1 numeric code")
        rows.append((code, a3, name, source))
    if len({r[0] for r in rows}) != len(rows):
        problems.append("duplicate alias code")
    if problems:
        raise GenerationError("trade aliases:\n  " + "\n  ".join(problems))
    comments = [
        f"Generated by {GENERATOR}; do not edit by hand.",
        "Numeric country codes used by trade statistics (UN Comtrade, CEPII BACI, WITS) that differ "
        "from ISO 3166-1 numeric; alpha3 = the ISO 3166-1 country they stand for; source per row.",
    ]
    return rows, render_csv(comments, ["code", "alpha3", "name", "source"], rows)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json-dir", default=DEFAULT_JSON_DIR, help="iso-codes JSON directory")
    ap.add_argument("--out-dir", default=DEFAULT_OUT_DIR, help="output directory")
    args = ap.parse_args(argv)
    try:
        version = iso_codes_version()
        countries, countries_csv = build_countries(args.json_dir, version)
        currencies, currencies_csv = build_currencies(args.json_dir, version)
        aliases, aliases_csv = build_aliases(countries)
    except GenerationError as e:
        print(f"generate-iso-tables: ERROR: {e}", file=sys.stderr)
        return 1
    write(os.path.join(args.out_dir, "iso3166-1.csv"), countries_csv)
    write(os.path.join(args.out_dir, "iso4217.csv"), currencies_csv)
    write(os.path.join(args.out_dir, "m49-trade-aliases.csv"), aliases_csv)
    print(f"countries: {len(countries)}, currencies: {len(currencies)}, trade aliases: {len(aliases)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
