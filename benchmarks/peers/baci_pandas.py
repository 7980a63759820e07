#!/usr/bin/python3
"""pandas.read_csv on a BACI trade file: the peer of TradeBalance's BaciReader.

Run with Debian's system interpreter, /usr/bin/python3, which has Debian's numpy and pandas
(apt-get install python3-numpy python3-pandas). The pyenv python on PATH does not have them.

    /usr/bin/python3 baci_pandas.py BACI_FILE
    /usr/bin/python3 baci_pandas.py --once BACI_FILE

BACI_FILE is the synthetic file that
`dotnet run -c Release --project benchmarks/TradeBalance.Benchmarks -- --peer-timing baci N FILE` writes
(header t,i,j,k,v,q). The read is the one CEPII's users write: k as a string, so that leading
zeros survive, and q's "NA" (also blank-padded) as missing. It does no further checks, unit
conversion or country resolution. Output: best-of-5 wall time in milliseconds after one warm-up
(`pandas_ms`), and the number of rows; with --once, the time of a single read in this fresh process
(`pandas_once_ms`).
"""
import sys
import time

try:
    import numpy as np  # noqa: F401  (pandas needs it; fail with a clear message)
    import pandas as pd
except ImportError:
    sys.exit("baci_pandas.py: numpy/pandas are missing. Install Debian's python3-numpy and python3-pandas and run with /usr/bin/python3.")


def read(path):
    return pd.read_csv(
        path,
        dtype={"t": "int16", "i": "int16", "j": "int16", "k": str, "v": "float64"},
        na_values=["NA"],
        skipinitialspace=True,
    )


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--once":
        # One read in this fresh process, as a script reads a file once (the import is not timed).
        start = time.perf_counter()
        frame = read(sys.argv[2])
        print(f"pandas_once_ms {(time.perf_counter() - start) * 1000:.3f}")
        print(f"rows {len(frame)}")
        return
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    frame = read(sys.argv[1])  # warm-up
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        frame = read(sys.argv[1])
        best = min(best, time.perf_counter() - start)
    assert frame["q"].dtype == "float64", frame["q"].dtype
    print(f"pandas {pd.__version__}")
    print(f"rows {len(frame)}")
    print(f"pandas_ms {best * 1000:.3f}")


if __name__ == "__main__":
    main()
