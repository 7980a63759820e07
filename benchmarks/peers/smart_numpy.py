#!/usr/bin/python3
"""SMART (WITS-SMART partial equilibrium) vectorised with numpy: the peer of TradeBalance's SmartKernel.

Run with Debian's system interpreter, /usr/bin/python3, which has Debian's numpy
(apt-get install python3-numpy). The pyenv python on PATH does not have it.

    /usr/bin/python3 smart_numpy.py ARRAYS_FILE

ARRAYS_FILE holds the C# generator's arrays, as written by
`dotnet run -c Release --project benchmarks/TradeBalance.Benchmarks -- --peer-timing smart N --write FILE`
(little-endian: b"TBSMART1", int64 flows, int64 markets, int32 offsets[markets + 1],
float64 baseline, tariff before and tariff after [flows], float64 eta, sigma and eps [markets]).
Both sides therefore run on the same numbers.

The formulas are SmartKernel's (WITS-SMART; README, WITS-SMART), including the floor that keeps a projection
from going below zero. Output is best-of-5 wall time in milliseconds after one warm-up
(`smart_ms`), plus the checksums `sum_projected` and `sum_diversion_abs`, which run.sh compares
with the C# side. Market ids per flow are computed once, outside the timing, just as the C# side
gets CSR offsets as input.
"""
import sys
import time

try:
    import numpy as np
except ImportError:
    sys.exit("smart_numpy.py: numpy is missing. Install Debian's python3-numpy and run with /usr/bin/python3.")

INFINITE = 99.0


def load(path):
    with open(path, "rb") as f:
        if f.read(8) != b"TBSMART1":
            sys.exit(f"{path}: not a TBSMART1 arrays file")
        n, k = np.frombuffer(f.read(16), dtype="<i8")
        offsets = np.frombuffer(f.read(4 * (k + 1)), dtype="<i4").astype(np.int64)
        rest = np.frombuffer(f.read(8 * (3 * n + 3 * k)), dtype="<f8")
    m, t0, t1 = rest[:n], rest[n:2 * n], rest[2 * n:3 * n]
    eta, sigma, eps = rest[3 * n:3 * n + k], rest[3 * n + k:3 * n + 2 * k], rest[3 * n + 2 * k:]
    return offsets, m, t0, t1, eta, sigma, eps


def smart(offsets, market, m, t0, t1, eta, sigma, eps):
    starts = offsets[:-1]
    a = -eta  # |eta|
    infinite = eps >= INFINITE
    creation_factor = np.where(infinite, a, a * eps / (eps + a))
    price_factor = np.where(infinite, 0.0, a / (eps + a))

    rho = (t0 - t1) / (1.0 + t0)
    w = m * np.maximum(0.0, 1.0 + sigma[market] * rho)
    total = np.add.reduceat(m, starts)
    weights = np.add.reduceat(w, starts)
    positive = weights > 0.0
    scale = np.where(positive, total / np.where(positive, weights, 1.0), 0.0)
    divert = positive.astype(np.float64)

    diversion = divert[market] * (scale[market] * w - m)
    creation = creation_factor[market] * m * rho
    q = m + creation + diversion
    creation -= np.minimum(q, 0.0)
    q = np.maximum(q, 0.0)
    price = q * price_factor[market] * rho
    projected = q + price

    total_after = np.add.reduceat(projected, starts)
    revenue_before = np.add.reduceat(t0 * m, starts)
    revenue_after = np.add.reduceat(t1 * projected, starts)
    welfare = np.add.reduceat(0.5 * (t0 - t1) * creation, starts)
    return creation, diversion, price, projected, total, total_after, revenue_before, revenue_after, welfare


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    offsets, m, t0, t1, eta, sigma, eps = load(sys.argv[1])
    market = np.repeat(np.arange(len(offsets) - 1), np.diff(offsets))
    out = smart(offsets, market, m, t0, t1, eta, sigma, eps)  # warm-up
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        out = smart(offsets, market, m, t0, t1, eta, sigma, eps)
        best = min(best, time.perf_counter() - start)
    print(f"flows {len(m)}")
    print(f"markets {len(offsets) - 1}")
    print(f"numpy {np.__version__}")
    print(f"smart_ms {best * 1000:.3f}")
    print(f"sum_projected {out[3].sum()!r}")
    print(f"sum_diversion_abs {np.abs(out[1]).sum()!r}")


if __name__ == "__main__":
    main()
