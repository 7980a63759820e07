#!/usr/bin/python3
"""Checks that two projection CSVs agree: the second file's columns all in the first (the tool's CSV
adds the elasticities used and the scenario's name after the projection columns, which the peer does
not write), the same (importer, exporter, hs) keys in the same order, and every numeric column within 1e-9 relative or 1e-6 absolute. Prints the largest
absolute and relative difference per column; exits 1 when they do not agree.

    /usr/bin/python3 compare_csv.py A.csv B.csv

Numbers are compared as numbers, so 20000000 and 20000000.0 agree. Empty cells (GSIM's creation and
diversion) must be empty in both files.
"""
import sys

try:
    import numpy as np
    import pandas as pd
except ImportError:
    sys.exit("compare_csv.py: numpy/pandas are missing. Install Debian's python3-numpy and python3-pandas and run with /usr/bin/python3.")

KEYS = ["importer", "exporter", "hs"]
REL, ABS = 1e-9, 1e-6


def read(path):
    return pd.read_csv(path, dtype={k: str for k in KEYS}, keep_default_na=False, na_values=[""])


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    a, b = read(sys.argv[1]), read(sys.argv[2])
    problems = []
    if list(a.columns[:len(b.columns)]) != list(b.columns):
        sys.exit(f"columns differ:\n  {list(a.columns)}\n  {list(b.columns)}")
    a = a[list(b.columns)]
    if len(a) != len(b):
        problems.append(f"row counts differ: {len(a)} and {len(b)}")
    else:
        keys_differ = np.flatnonzero((a[KEYS].to_numpy() != b[KEYS].to_numpy()).any(axis=1))
        if len(keys_differ):
            i = keys_differ[0]
            problems.append(f"{len(keys_differ)} rows have other keys; first at data row {i + 1}: "
                            f"{'/'.join(a.loc[i, KEYS])} vs {'/'.join(b.loc[i, KEYS])}")
    print(f"{len(a)} and {len(b)} rows; largest differences (absolute, relative):")
    worst = [(0.0, ""), (0.0, "")]  # (largest absolute difference, column), (largest relative, column)
    if len(a) == len(b):
        for c in a.columns.drop(KEYS):
            x, y = a[c].to_numpy(dtype=float), b[c].to_numpy(dtype=float)
            empty = np.isnan(x) | np.isnan(y)
            if (np.isnan(x) != np.isnan(y)).any():
                problems.append(f"{c}: a cell is empty in one file only")
            x, y = x[~empty], y[~empty]
            diff = np.abs(x - y)
            scale = np.maximum(np.abs(x), np.abs(y))
            rel = np.divide(diff, scale, out=np.zeros_like(diff), where=scale > 0)
            bad = (diff > ABS) & (rel > REL)
            worst_abs = diff.max() if len(diff) else 0.0
            worst_rel = rel.max() if len(rel) else 0.0
            print(f"  {c:24} {worst_abs:10.3g} {worst_rel:10.3g}{'  DIFFER' if bad.any() else ''}")
            worst = [max(worst[0], (worst_abs, c)), max(worst[1], (worst_rel, c))]
            if bad.any():
                i = np.flatnonzero(bad)[0]
                problems.append(f"{c}: {int(bad.sum())} values differ beyond 1e-9 relative and 1e-6 absolute; first {x[i]!r} vs {y[i]!r}")
    if problems:
        sys.exit("DISAGREE\n  " + "\n  ".join(problems))
    print(f"agree: {len(a)} rows, largest absolute difference {worst[0][0]:.3g} ({worst[0][1]}), "
          f"largest relative difference {worst[1][0]:.3g} ({worst[1][1]})")


if __name__ == "__main__":
    main()
