#!/usr/bin/python3
"""WITS-SMART projection of a tariff scenario in plain pandas and numpy: the end-to-end peer of
`tradebalance project --format csv --draws 0 --output OUT` with the SMART model.

Run with Debian's system interpreter, /usr/bin/python3, which has Debian's numpy and pandas
(apt-get install -y python3-numpy python3-pandas). The pyenv python on PATH does not have them.

    /usr/bin/python3 project_pandas.py --flows flows.csv --tariffs tariffs.csv --scenario scenario.json --output out.csv
    /usr/bin/python3 project_pandas.py --baci BACI.csv [--country-codes country_codes.csv] --tariffs ... --scenario ... --output ...

It does the whole job the command does: read the flows (canonical flows.csv, or a CEPII BACI file),
the tariffs (canonical tariffs.csv) and the scenario JSON; find each supplier's applied tariff the day
before the scenario takes effect and on the day it does; project trade creation and diversion per
market (importer x HS code x reference year); and write the same CSV columns, rows in the same order
(markets by HS code, suppliers by alpha-3 code). Everything is vectorised: no Python loop per flow.

The rules followed, as TradeBalance states them:
- Markets: the scenario importer's imports in the reference year (the latest year in the data when
  the scenario names none) on codes that one of the scenario's lines starts. Two markets one inside
  the other (0902 and 090240) are an error.
- Tariffs: within each regime (MFN = exporter `*`, each partner's own preference, or a named group
  in the optional `regime` column) the longest HS line that starts the traded code and is in force
  on the date decides that regime's rate; the applied rate is the lowest across the regimes that
  cover the exporter. Before = the day before `effective`. After = for a beneficiary, the scenario's
  change applied to the rate before (newRatePercent, cutPoints or cutPercent, never below 0); for
  everyone else, the applied rate on `effective`.
- SMART, tariffs as fractions, eta < 0: rho = (t0 - t1)/(1 + t0); creation TC = |eta|*M*rho (times
  eps/(eps + |eta|) when eps < 99); diversion TD = T*w/W - M with w = M*max(0, 1 + sigma*rho),
  T = sum of M and W = sum of w over the market (no diversion when W = 0); projected = M + TC + TD,
  floored at 0 by lowering TC, plus a price effect (M + TC + TD)*|eta|*rho/(eps + |eta|) when eps < 99.
- BACI: v is in thousands of USD (times 1000); a 5-digit k gets its leading zero back; 9999AA rows
  and flows from a country to itself are dropped; i and j are ISO numeric codes plus the trade
  aliases (or go through the release's country-code file), "nes" areas become ROW and their rows
  are summed into one ROW flow per market.

Not checked here (TradeBalance checks them): overlapping tariff lines of one regime, and bad values
outside the scenario's markets.
"""
import argparse
import datetime
import gzip
import json
import os
import sys

try:
    import numpy as np
    import pandas as pd
except ImportError:
    sys.exit("project_pandas.py: numpy/pandas are missing. Install Debian's python3-numpy and python3-pandas and run with /usr/bin/python3.")

# Country tables of the core library, read from the source tree this script sits in.
RESOURCES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "TradeBalance", "Resources")
INFINITE_SUPPLY = 99.0  # eps at or above this means infinite export supply (WITS-SMART's convention)
DEFAULTS = {"importDemand": -1.5, "substitution": 1.5, "exportSupply": INFINITE_SUPPLY}  # TradeBalance's defaults
# Numeric "area, not elsewhere specified" codes of trade statistics: all become ROW (899 is ROW itself).
NES_AREAS = {129, 221, 290, 471, 472, 473, 527, 536, 568, 577, 636, 637, 697, 837, 838, 839, 879, 899}
COLUMNS = ["importer", "exporter", "hs", "baseline_usd", "tariff_before_percent", "tariff_after_percent",
           "trade_creation_usd", "trade_diversion_usd", "projected_usd", "baseline_share", "projected_share"]


def fail(message):
    sys.exit(f"project_pandas.py: {message}")


# ---------------------------------------------------------------- codes

def country_tables():
    """alpha-2 -> alpha-3, alpha-3 set, and numeric -> alpha-3 (ISO plus the trade aliases; ROW is 899)."""
    iso = pd.read_csv(os.path.join(RESOURCES, "iso3166-1.csv"), comment="#", dtype=str, keep_default_na=False)
    aliases = pd.read_csv(os.path.join(RESOURCES, "m49-trade-aliases.csv"), comment="#", dtype=str, keep_default_na=False)
    alpha2 = dict(zip(iso.alpha2, iso.alpha3), XR="ROW")
    alpha3 = set(iso.alpha3) | {"ROW"}
    numeric = dict(zip(iso.numeric.astype(int), iso.alpha3))
    numeric[899] = "ROW"
    numeric.update(zip(aliases.code.astype(int), aliases.alpha3))
    return alpha2, alpha3, numeric


ALPHA2, ALPHA3, NUMERIC = country_tables()


def country(text):
    """A country code as the canonical readers accept it (alpha-3, alpha-2, numeric or alias) -> alpha-3; None if unknown."""
    s = str(text).strip().upper()
    if s.isdigit() and len(s) <= 4:
        return NUMERIC.get(int(s))
    return s if s in ALPHA3 else ALPHA2.get(s) if len(s) == 2 else None


def hs_code(text):
    """An HS code -> its digits ('' for TOTAL); None if it is not 2, 4, 6, 8 or 10 digits (dots allowed)."""
    s = str(text).strip()
    if s.upper() == "TOTAL":
        return ""
    d = s.replace(".", "")
    return d if d.isdigit() and len(d) in (2, 4, 6, 8, 10) else None


def normalise(categorical, parse, what):
    """Parses each distinct value of a categorical once; returns the parsed value per category (an object array)."""
    cats = categorical.categories
    parsed = np.array([parse(c) for c in cats], dtype=object)
    used = np.bincount(categorical.codes[categorical.codes >= 0], minlength=len(cats)) > 0
    bad = [c for c, p, u in zip(cats, parsed, used) if p is None and u]
    if bad or (categorical.codes < 0).any():
        fail(f"{what}: '{bad[0] if bad else ''}' is not valid")
    return parsed


def map_unique(series, parse):
    """Series.map(parse), parsing each distinct value once."""
    return series.map({v: parse(v) for v in series.unique()})


def header_lines(path):
    """Number of leading blank or '#' comment lines (TradeBalance skips them before the header)."""
    opener = gzip.open if path.endswith(".gz") else open
    n = 0
    with opener(path, "rt", encoding="utf-8-sig") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                break
            n += 1
    return n


# ---------------------------------------------------------------- inputs

def read_scenario(path):
    with open(path, encoding="utf-8") as f:
        s = json.load(f)
    change = [k for k in ("newRatePercent", "cutPoints", "cutPercent") if k in s]
    if len(change) != 1:
        fail(f"{path}: give exactly one of newRatePercent, cutPoints or cutPercent")
    if s.get("stages", 1) != 1:
        fail(f"{path}: staged scenarios are not supported by this peer")
    if str(s.get("model", "smart")).lower() != "smart":
        print(f"project_pandas.py: the scenario names model {s['model']}; this script projects SMART (compare with the CLI's --model smart)", file=sys.stderr)
    elasticities = s.get("elasticities", {})
    overrides = {hs_code(k): v for k, v in elasticities.get("byHs", {}).items()}
    if None in overrides:
        fail(f"{path}: a byHs key is not an HS code")
    return {
        "importer": country(s["importer"]),
        "beneficiaries": {country(b) for b in s["beneficiaries"]},
        "lines": sorted({hs_code(h) for h in s["hs"]}),
        "change": (change[0], float(s[change[0]])),
        "effective": datetime.date.fromisoformat(s["effective"]),
        "year": s.get("referenceYear"),
        "default": {**DEFAULTS, **{k: v for k, v in elasticities.get("default", {}).items() if v is not None}},
        "overrides": overrides,
    }


def supply(value):
    """exportSupply: a number or "infinity"."""
    return float("inf") if isinstance(value, str) and value.lower() == "infinity" else float(value)


def read_flows_csv(path):
    """Canonical flows.csv -> (year, importer, exporter, hs, value) with the three codes as categoricals."""
    f = pd.read_csv(path, skiprows=header_lines(path), usecols=["year", "exporter", "importer", "hs", "value_usd"],
                    dtype={"year": "int32", "exporter": "category", "importer": "category", "hs": "category", "value_usd": "float64"},
                    keep_default_na=False, skipinitialspace=True)
    if (f.value_usd < 0).any() or f.value_usd.isna().any():
        fail(f"{path}: a value_usd is negative or missing")
    return {"year": f.year.to_numpy(), "importer": f.importer.array, "exporter": f.exporter.array, "hs": f.hs.array,
            "value": f.value_usd.to_numpy(), "hs_parse": hs_code, "self_flows": "error", "what": path}


def baci_resolver(codes_path):
    """BACI numeric code -> alpha-3 (ROW for nes areas); None for a code that names no country."""
    def default(n):
        return "ROW" if n in NES_AREAS else NUMERIC.get(n)
    if codes_path is None:
        return default
    c = pd.read_csv(codes_path, dtype=str, keep_default_na=False)
    iso3 = "country_iso3" if "country_iso3" in c.columns else "iso_3digit_alpha"
    table = {}
    for code, alpha in zip(c.country_code.astype(int), c[iso3].str.strip().str.upper()):
        table[code] = alpha if alpha in ALPHA3 else default(code)  # e.g. S19 (Other Asia, nes) -> 490 -> TWN
    return table.get


def baci_product(k):
    """BACI's k: 6 digits kept, 5 digits get their leading zero back, 9999AA is dropped ('')."""
    s = str(k).strip()
    if s.upper() == "9999AA":
        return ""
    if s.isdigit() and len(s) == 5:
        s = "0" + s
    return s if s.isdigit() and len(s) == 6 else None


def read_baci(path, codes_path):
    """A BACI file (t,i,j,k,v,q; v in thousands of USD) -> the same shape as read_flows_csv."""
    b = pd.read_csv(path, skiprows=header_lines(path), usecols=["t", "i", "j", "k", "v"],
                    dtype={"t": "int32", "i": "int32", "j": "int32", "k": "category", "v": "float64"}, skipinitialspace=True)
    if (b.v < 0).any() or b.v.isna().any():
        fail(f"{path}: a value v is negative or missing")
    resolve = baci_resolver(codes_path)
    return {"year": b.t.to_numpy(), "importer": pd.Categorical(b.j), "exporter": pd.Categorical(b.i), "hs": b.k.array,
            "value": b.v.to_numpy() * 1000.0, "hs_parse": baci_product, "country_parse": resolve, "self_flows": "drop", "what": path}


def read_tariffs(path, importer):
    """The importer's tariff lines: regime, member ('' = MFN, every exporter), hs, length, rate, from, to (dates as yyyymmdd)."""
    t = pd.read_csv(path, skiprows=header_lines(path), dtype=str, keep_default_na=False)
    t.columns = [c.strip().lower() for c in t.columns]
    for c in ("valid_from", "valid_to", "regime"):
        if c not in t.columns:
            t[c] = ""
    t = t[map_unique(t.importer, country) == importer]
    if t.empty:
        fail(f"{path}: no tariff lines for {importer}")
    exporter = t.exporter.str.strip()
    mfn = exporter.isin(["", "*"])
    member = np.where(mfn, "", map_unique(exporter, lambda e: country(e) if e not in ("", "*") else ""))
    if (pd.isna(member)).any():
        fail(f"{path}: an exporter is not a country code")
    group = t.regime.str.strip()
    group = np.where((group.str.upper() == "MFN") | (group == member), "", group)
    regime = np.where(mfn, "*", np.where(group == "", member, "G:" + group))
    hs = map_unique(t.hs, hs_code)
    if hs.isna().any():
        fail(f"{path}: an hs is not an HS code")

    def day(text, open_end):  # ISO date -> yyyymmdd as an integer; empty = open
        return text.str.strip().replace("", open_end).str.replace("-", "", regex=False).astype(np.int64)

    return pd.DataFrame({"regime": regime, "member": member, "hs": hs.to_numpy(), "length": hs.str.len().to_numpy(),
                         "rate": t.rate_percent.astype(float).to_numpy(),
                         "start": day(t.valid_from, "00000101").to_numpy(), "end": day(t.valid_to, "99991231").to_numpy()})


# ---------------------------------------------------------------- markets

def select_markets(data, s):
    """Rows of the scenario's markets, sorted by HS code then exporter; returns exporter, hs, value and market id per flow."""
    parse_country = data.get("country_parse", country)
    imp = normalise(data["importer"], parse_country, "importer")
    exp = normalise(data["exporter"], parse_country, "exporter")
    hs = normalise(data["hs"], data["hs_parse"], "hs")
    # Countries as small integers, so that the per-row tests below compare numbers, not strings.
    names = pd.Index(pd.unique(np.concatenate([imp, exp]).astype(str)))
    imp_row = names.get_indexer(imp.astype(str))[data["importer"].codes]
    exp_row = names.get_indexer(exp.astype(str))[data["exporter"].codes]
    hs_codes = data["hs"].codes
    keep = np.ones(len(data["value"]), dtype=bool)
    if data["self_flows"] == "drop":  # BACI: intra-national flows and the non-HS product 9999AA are skipped
        keep = (imp_row != exp_row) & (hs != "")[hs_codes]
    elif (imp_row == exp_row).any():
        fail(f"{data['what']}: a flow has the same exporter and importer")
    year = s["year"] if s["year"] is not None else int(data["year"][keep].max())
    # Which distinct codes a scenario line covers (a line covers every code it starts; TOTAL is never covered).
    codes = pd.Series(hs, dtype=object).fillna("")
    covered = np.zeros(len(codes), dtype=bool)
    for length in sorted({len(line) for line in s["lines"]}):
        lines = [line for line in s["lines"] if len(line) == length]
        covered |= (codes.str.len() >= length).to_numpy() & codes.str[:length].isin(lines).to_numpy()
    importer = names.get_indexer([s["importer"]])[0]
    rows = np.flatnonzero(keep & (imp_row == importer) & (data["year"] == year) & covered[hs_codes])
    if len(rows) == 0:
        fail(f"the data has no {s['importer']} imports in {year} on the scenario's lines")
    exporter, code, value = np.asarray(names, dtype=object)[exp_row[rows]], hs[hs_codes[rows]], data["value"][rows]

    # Markets and suppliers in ordinal order (factorize with sort=True gives ranks in string order).
    hs_rank, markets = pd.factorize(code, sort=True)
    exp_rank, exporters = pd.factorize(exporter, sort=True)
    order = np.lexsort((exp_rank, hs_rank))
    hs_rank, exp_rank, value = hs_rank[order], exp_rank[order], value[order]
    same = (hs_rank[1:] == hs_rank[:-1]) & (exp_rank[1:] == exp_rank[:-1])
    if same.any():
        if data["self_flows"] != "drop":
            i = np.flatnonzero(same)[0]
            fail(f"duplicate flow {exporters[exp_rank[i]]} -> {s['importer']} HS {markets[hs_rank[i]]} {year}")
        # BACI: several nes areas became ROW in one market; sum them into one flow.
        if (np.asarray(exporters, dtype=object)[exp_rank[1:][same]] != "ROW").any():
            fail("a repeated BACI flow that is not from a nes area")
        first = np.r_[True, ~same]
        starts = np.flatnonzero(first)
        hs_rank, exp_rank, value = hs_rank[first], exp_rank[first], np.add.reduceat(value, starts)
    # One level per market: a market inside another would count its trade twice.
    codes = pd.Series(markets, dtype=object)
    for length in (2, 4, 6, 8):
        nested = ((codes.str.len() > length) & codes.str[:length].isin(markets)).to_numpy()
        if nested.any():
            inner = markets[np.flatnonzero(nested)[0]]
            fail(f"the data holds both {inner[:length]} and {inner}, one inside the other")
    return np.asarray(exporters, dtype=object)[exp_rank], np.asarray(markets, dtype=object), hs_rank, value, year


# ---------------------------------------------------------------- tariffs

def applied_rates(lines, exporter, markets, market_of, dates):
    """Applied rate (percent) per flow on each date; NaN where no line covers the flow."""
    n = len(exporter)
    # Integer keys: each HS line code gets an id, each country an id.
    line_codes = pd.Index(pd.unique(lines.hs))
    countries = pd.Index(pd.unique(np.concatenate([exporter, lines.member.to_numpy()])))
    exp_id = countries.get_indexer(exporter)
    flow = np.arange(n)
    parts = []
    for length in sorted(lines.length.unique()):
        # The prefix of each market's code at this length, as a line-code id (-1: no line has it).
        prefix = pd.Series(markets, dtype=object)
        pid = np.where(prefix.str.len() >= length, line_codes.get_indexer(prefix.str[:length]), -1)[market_of]
        here = lines[lines.length == length]
        at = pid >= 0
        flows = pd.DataFrame({"flow": flow[at], "code": pid[at], "country": exp_id[at]})
        for member_is_mfn in (True, False):
            part = here[(here.member == "") == member_is_mfn]
            if part.empty:
                continue
            part = part.assign(code=line_codes.get_indexer(part.hs), country=countries.get_indexer(part.member))
            keys = ["code"] if member_is_mfn else ["code", "country"]
            parts.append(flows.merge(part[keys + ["regime", "length", "rate", "start", "end"]], on=keys)[
                ["flow", "regime", "length", "rate", "start", "end"]])
    hits = pd.concat(parts, ignore_index=True)
    regime_id = pd.factorize(hits.regime)[0]
    result = []
    for date in dates:
        d = date.year * 10000 + date.month * 100 + date.day
        h = hits[(hits.start.to_numpy() <= d) & (hits.end.to_numpy() >= d)]
        f, r, ln, rate = h.flow.to_numpy(), regime_id[h.index.to_numpy()], h.length.to_numpy(), h.rate.to_numpy()
        # Within each (flow, regime) the longest line decides; then the lowest rate across regimes.
        o = np.lexsort((-ln, r, f))
        f, r, rate = f[o], r[o], rate[o]
        first = np.ones(len(f), dtype=bool)
        first[1:] = (f[1:] != f[:-1]) | (r[1:] != r[:-1])
        f, rate = f[first], rate[first]
        out = np.full(n, np.nan)
        if len(f):
            starts = np.flatnonzero(np.r_[True, f[1:] != f[:-1]])
            out[f[starts]] = np.minimum.reduceat(rate, starts)
        result.append(out)
    return result


def tariffs(lines, exporter, markets, market_of, s):
    """Rates before and after, in percent."""
    effective = s["effective"]
    before, on_effective = applied_rates(lines, exporter, markets, market_of, [effective - datetime.timedelta(days=1), effective])
    kind, v = s["change"]
    changed = np.isin(exporter, list(s["beneficiaries"]))  # every flow here is on a covered line
    new = {"newRatePercent": np.full(len(before), v), "cutPoints": np.maximum(0.0, before - v),
           "cutPercent": before * (100.0 - v) / 100.0}[kind]
    after = np.where(changed, new, on_effective)
    for rate, when in ((before, effective - datetime.timedelta(days=1)), (after, effective)):
        if np.isnan(rate).any():
            i = np.flatnonzero(np.isnan(rate))[0]
            fail(f"the tariff schedule has no line covering HS {markets[market_of[i]]} from {exporter[i]} on {when.isoformat()}")
    return before, after


# ---------------------------------------------------------------- model

def elasticities(markets, s):
    """eta, sigma, eps per market: the default, then byHs overrides from the least to the most specific code."""
    values = {k: np.full(len(markets), float(v) if k != "exportSupply" else supply(v)) for k, v in s["default"].items()}
    codes = pd.Series(markets, dtype=object)
    for code, o in sorted(s["overrides"].items(), key=lambda kv: len(kv[0])):
        hit = codes.str.startswith(code).to_numpy()
        for k in values:
            if o.get(k) is not None:
                values[k][hit] = supply(o[k]) if k == "exportSupply" else float(o[k])
    eta, sigma, eps = values["importDemand"], values["substitution"], values["exportSupply"]
    if not ((eta < 0) & np.isfinite(eta) & (sigma > 0) & np.isfinite(sigma) & (eps > 0)).all():
        fail("invalid elasticities (need importDemand < 0, substitution > 0, exportSupply > 0)")
    return -eta, sigma, eps


def smart(m, t0, t1, market_of, k, eta, sigma, eps):
    """WITS-SMART per flow; eta is |eta|, tariffs are fractions, market parameters are indexed by market_of."""
    infinite = eps >= INFINITE_SUPPLY
    finite = np.where(infinite, 1.0, eps)  # keeps inf/inf out of the branch np.where discards
    creation_factor = np.where(infinite, eta, eta * finite / (finite + eta))[market_of]
    price_factor = np.where(infinite, 0.0, eta / (finite + eta))[market_of]
    rho = (t0 - t1) / (1.0 + t0)
    shift = np.maximum(0.0, 1.0 + sigma[market_of] * rho)
    total = np.bincount(market_of, weights=m, minlength=k)
    weights = np.bincount(market_of, weights=m * shift, minlength=k)
    scale = np.divide(total, weights, out=np.zeros(k), where=weights > 0)
    divert = (weights > 0).astype(float)
    diversion = divert[market_of] * (scale[market_of] * m * shift - m)
    creation = creation_factor * m * rho
    quantity = m + creation + diversion
    creation -= np.minimum(quantity, 0.0)  # imports cannot fall below zero
    quantity = np.maximum(quantity, 0.0)
    projected = quantity + quantity * price_factor * rho
    total_after = np.bincount(market_of, weights=projected, minlength=k)
    share0 = np.divide(m, total[market_of], out=np.zeros(len(m)), where=total[market_of] > 0)
    share1 = np.divide(projected, total_after[market_of], out=np.zeros(len(m)), where=total_after[market_of] > 0)
    return creation, diversion, projected, share0, share1


def main():
    p = argparse.ArgumentParser(description="SMART projection in pandas: the peer of 'tradebalance project --format csv --draws 0'.")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--flows", help="canonical flows.csv")
    src.add_argument("--baci", help="CEPII BACI file (t,i,j,k,v,q; v in thousands of USD)")
    p.add_argument("--country-codes", help="BACI release's country-code file (default: ISO numeric codes plus trade aliases)")
    p.add_argument("--tariffs", required=True, help="canonical tariffs.csv")
    p.add_argument("--scenario", required=True, help="scenario JSON")
    p.add_argument("--output", required=True, help="projection CSV to write ('-' for standard output)")
    a = p.parse_args()
    if a.country_codes and not a.baci:
        p.error("--country-codes goes with --baci")

    s = read_scenario(a.scenario)
    data = read_flows_csv(a.flows) if a.flows else read_baci(a.baci, a.country_codes)
    exporter, markets, market_of, baseline, _ = select_markets(data, s)
    del data
    before, after = tariffs(read_tariffs(a.tariffs, s["importer"]), exporter, markets, market_of, s)
    eta, sigma, eps = elasticities(markets, s)
    creation, diversion, projected, share0, share1 = smart(
        baseline, before / 100.0, after / 100.0, market_of, len(markets), eta, sigma, eps)
    out = pd.DataFrame({
        "importer": s["importer"], "exporter": exporter, "hs": markets[market_of], "baseline_usd": baseline,
        "tariff_before_percent": before, "tariff_after_percent": after, "trade_creation_usd": creation,
        "trade_diversion_usd": diversion, "projected_usd": projected, "baseline_share": share0, "projected_share": share1,
    }, columns=COLUMNS)
    out.to_csv(sys.stdout if a.output == "-" else a.output, index=False)  # floats in round-trip form, '.' decimal point


if __name__ == "__main__":
    main()
