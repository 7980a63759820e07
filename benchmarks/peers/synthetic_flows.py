#!/usr/bin/python3
"""Seeded synthetic inputs for timing the whole path (read, tariffs, model, write) at scale.

    synthetic_flows.py N DIR [SEED]

Writes, in DIR:
- flows.csv: N flows of 2023 into three importers (CHN, USA, DEU, taking turns), one HS6 code per
  market, 4-13 suppliers per market, Kenya among them every time;
- tariffs.csv: an MFN line at HS6 or at the HS4 heading (until a heading has a line, each market
  adds one: at HS6 with chance 0.8, else at the heading, which then covers the rest of it), and on
  about 35 % of the markets a 0 % preference, in force since 2015, for one supplier besides Kenya;
- scenario.json: China cuts every chapter (01-97) to 0 % for Kenya from 2026-05-01, SMART, with
  import-demand elasticity -1.2, substitution 2 and infinite export supply.

Only the shape matters: values are random, not data. The same N and SEED (default 7) give the same
files on any machine (Python's own random module, no numpy).
"""
import json
import os
import random
import sys

IMPORTERS = ("CHN", "USA", "DEU")
SUPPLIERS = ("LKA IND VNM MWI BRA ETH COL PER CHL MEX UGA TZA RWA BDI IDN THA MYS USA AUS NZL ZAF EGY MAR TUR "
             "ARG URY PRY ECU GTM HND NIC CRI PAN DOM JAM PHL MMR LAO KHM NPL PAK BGD SAU ARE OMN QAT NGA GHA "
             "CIV CMR SEN MDG MOZ ZMB ZWE AGO JPN KOR CAN").split()
RATES = (0, 2.5, 5, 8, 10, 12, 15, 20, 25)
HEADINGS, SUBHEADINGS = 9700, 90  # headings 0100-9799, subheadings 10-99: distinct HS6 codes per importer


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    n, out = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) == 4 else 7)
    os.makedirs(out, exist_ok=True)
    others = {imp: [c for c in SUPPLIERS if c != imp] for imp in IMPORTERS}
    with open(os.path.join(out, "flows.csv"), "w", newline="\n") as flows, \
            open(os.path.join(out, "tariffs.csv"), "w", newline="\n") as tariffs:
        flows.write("year,exporter,importer,hs,value_usd\n")
        tariffs.write("importer,exporter,hs,rate_percent,valid_from,valid_to\n")
        headings_with_line = set()
        written = market = 0
        while written < n:
            importer = IMPORTERS[market % 3]
            j = market // 3  # the importer's j-th market
            if j >= HEADINGS * SUBHEADINGS:
                sys.exit(f"synthetic_flows.py: {n} flows need more than {HEADINGS * SUBHEADINGS} HS6 codes per importer")
            heading = f"{j // SUBHEADINGS + 100:04d}"
            hs = f"{heading}{j % SUBHEADINGS + 10:02d}"
            market += 1

            # MFN: the first time a heading comes up, a line at HS6 (80 %) or at the heading (20 %); once the
            # heading has a line, it covers the heading's later HS6 codes and they get none of their own.
            at_hs6 = rnd.random() < 0.8
            rate = rnd.choice(RATES)
            if (importer, heading) not in headings_with_line:
                if not at_hs6:
                    headings_with_line.add((importer, heading))
                tariffs.write(f"{importer},*,{hs if at_hs6 else heading},{rate},2000-01-01,\n")

            suppliers = ["KEN"] + rnd.sample(others[importer], rnd.randint(3, 12))
            rows = [f"2023,{e},{importer},{hs},{rnd.randint(1000, 50_000_000)}\n" for e in suppliers[:n - written]]
            flows.write("".join(rows))
            written += len(rows)
            if rnd.random() < 0.35:
                tariffs.write(f"{importer},{suppliers[1]},{hs},0,2015-01-01,\n")

    chapters = [f"{c:02d}" for c in range(1, 98)]
    scenario = {"name": "synthetic", "importer": "CHN", "beneficiaries": ["KEN"], "hs": chapters, "newRatePercent": 0,
                "effective": "2026-05-01", "referenceYear": 2023, "model": "smart",
                "elasticities": {"default": {"importDemand": -1.2, "substitution": 2.0, "exportSupply": "infinity"}}}
    with open(os.path.join(out, "scenario.json"), "w", newline="\n") as f:
        f.write(json.dumps(scenario, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
