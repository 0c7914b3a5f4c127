"""What the work budget admits costs: time and memory of evaluations at the budget.

    python benchmarks/bench_budget.py [--repeat 3] [--json]

No Qt. An evaluation's work is recorded Functions × points (``tutor.budget``). Each case
below runs one evaluation the budget admits, in a fresh child process, ``--repeat``
times: the plot's sweep (f, f′ and f″, forward and two backward passes) of formulas of
several kinds, the map's grid (forward and one backward pass) and the gradient check.
For each: the median time (and the range), the peak memory the evaluation added
(growth of the process's maximum RSS), and both per node-point. Then the budget beside
what the worst case per node-point implies for the targets: at most ~2 s and a few
hundred MB for anything admitted.

* ``at the budget`` — about 500 Functions (100 for the map) at the points that make
  exactly the budget;
* ``most points``    — a small formula at the sweep's 100,000 points (or a 1000×1000 grid);
* ``longest``        — the longest formula the parser takes (10,000 characters), at the
  points the budget leaves it: the cost per Function that does not shrink with points.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_SECONDS, TARGET_MB = 2.0, 300.0
MAX_TEXT = 10_000  # tutor.formula's length limit

# A formula of n repeated units: (unit, joiner); the unit's Functions are counted by
# tutor.budget, so the families differ in what each Function costs.
FAMILIES = {
    "product x*x*…": ("x", "*"),  # one variable reused: the gradients accumulate
    "sum x+x+…": ("x", "+"),
    "sin(x)*…": ("sin(x)", "*"),
    "x^y*…": ("x^y", "*"),  # the general power: log of the base in backward
    "mixed": ("sin(x)*x^2 + exp(-x)/(1 + x^2)", "+"),
}


def formula(family: str, units: int) -> str:
    unit, joiner = FAMILIES[family]
    return joiner.join([unit] * units)


def longest(family: str) -> str:
    unit, joiner = FAMILIES[family]
    return formula(family, (MAX_TEXT + len(joiner)) // (len(unit) + len(joiner)))


def units_for(family: str, functions: int) -> int:
    from tutor.budget import recorded_functions
    from tutor.formula import parse

    per_unit = recorded_functions(parse(formula(family, 2))) - recorded_functions(
        parse(formula(family, 1))
    )
    return max(1, functions // per_unit)


def cases() -> list[dict]:
    from tutor.budget import points_within_budget
    from tutor.formula import parse

    out = []
    for family in FAMILIES:
        text = formula(family, units_for(family, 500))
        points = points_within_budget(parse(text), 100_000)
        out.append({"kind": "sweep", "label": f"at the budget: {family}", "text": text,
                    "points": points})  # fmt: skip
    out.append({"kind": "sweep", "label": "most points: product, 50 factors",
                "text": formula("product x*x*…", 51), "points": 100_000})  # fmt: skip
    for family in FAMILIES:
        out.append({"kind": "sweep", "label": f"longest: {family}", "text": longest(family),
                    "points": 2000})  # fmt: skip
    grid_text = formula("mixed", units_for("mixed", 100))
    out.append({"kind": "grid", "label": "map at the budget: mixed", "text": grid_text,
                "points": 200})  # fmt: skip
    out.append({"kind": "grid", "label": "map, most points: x^2*y^2 + sin(x*y)",
                "text": "x^2*y^2 + sin(x*y)", "points": 1000})  # fmt: skip
    out.append({"kind": "grid", "label": "map, longest: mixed", "text": longest("mixed"),
                "points": 200})  # fmt: skip
    out.append({"kind": "check", "label": "gradient check, longest: x^y*…",
                "text": longest("x^y*…"), "points": 45})  # fmt: skip
    return out


# -- one case, in a child process -----------------------------------------------------------


def peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak / 1e3


def child(case: dict) -> dict:
    import numpy as np

    from tutor.budget import recorded_functions, work
    from tutor.formula import parse
    from tutor.gradient_check import central_differences
    from tutor.grid import evaluate_grid
    from tutor.session import Session

    expr = parse(case["text"])
    functions = recorded_functions(expr)
    if case["kind"] == "sweep":
        session = Session(case["text"])
        session.sweep.points = case["points"]
        for name in session.variables:
            session.set_range(name, 0.1, 2.0, 0.01)  # positive: x^y stays real

        def run():
            result = session.evaluate(fit_to_budget=True)
            return len(result.x)
    elif case["kind"] == "grid":
        point = {name: 1.0 for name in expr.variables}
        names = list(expr.variables) + ["y"]

        def run():
            grid = evaluate_grid(
                expr, point, names[0], names[1], (0.1, 2), (0.1, 2), case["points"],
                fit_to_budget=True,
            )  # fmt: skip
            return len(grid.xs) ** 2
    else:
        point = {name: 1.3 for name in expr.variables}
        hs = 10.0 ** np.linspace(-12, -1, case["points"])

        def run():
            for name in expr.variables:
                central_differences(expr, point, name, hs)
            return 2 * case["points"] * len(expr.variables)

    before = peak_mb()
    t0 = time.perf_counter()
    points = run()
    seconds = time.perf_counter() - t0
    return {
        "functions": functions,
        "points": points,
        "work": work(expr, points),
        "seconds": seconds,
        "mb": max(0.0, peak_mb() - before),
    }


# -- the parent --------------------------------------------------------------------------------


def run_child(case: dict) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", json.dumps(case)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"{case['label']}: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(json.loads(args.child))))
        return 0

    from tutor.budget import WORK_BUDGET

    rows = []
    for case in cases():
        runs = [run_child(case) for _ in range(args.repeat)]
        times = [r["seconds"] for r in runs]
        mbs = [r["mb"] for r in runs]
        first = runs[0]
        rows.append(
            {
                "label": case["label"],
                "functions": first["functions"],
                "points": first["points"],
                "work": first["work"],
                "seconds": statistics.median(times),
                "seconds_range": (min(times), max(times)),
                "mb": statistics.median(mbs),
                "mb_range": (min(mbs), max(mbs)),
                "ns_per_node_point": statistics.median(times) / first["work"] * 1e9,
                "bytes_per_node_point": statistics.median(mbs) * 1e6 / first["work"],
            }
        )
    at_budget = [r for r in rows if not r["label"].startswith(("longest", "map, longest"))]
    worst_ns = max(r["ns_per_node_point"] for r in at_budget)
    worst_bytes = max(r["bytes_per_node_point"] for r in at_budget)
    implied = int(min(TARGET_SECONDS / (worst_ns * 1e-9), TARGET_MB * 1e6 / worst_bytes))
    summary = {
        "budget": WORK_BUDGET,
        "slowest_s": max(r["seconds"] for r in rows),
        "largest_mb": max(r["mb"] for r in rows),
        "worst_ns_per_node_point": worst_ns,
        "worst_bytes_per_node_point": worst_bytes,
        "implied_budget": implied,
    }
    if args.json:
        print(json.dumps({"rows": rows, "summary": summary}, indent=2))
        return 0
    print(f"evaluations the budget admits (median of {args.repeat} fresh processes):")
    header = f"  {'case':40s} {'Functions':>9s} {'points':>9s} {'node-points':>12s}"
    print(header + f" {'time, s':>17s} {'peak, MB':>17s} {'ns/np':>6s} {'B/np':>5s}")
    for r in rows:
        lo, hi = r["seconds_range"]
        mlo, mhi = r["mb_range"]
        print(
            f"  {r['label']:40s} {r['functions']:9,d} {r['points']:9,d} {r['work']:12,d}"
            f" {r['seconds']:5.2f} ({lo:.2f}–{hi:.2f}) {r['mb']:5.0f} ({mlo:.0f}–{mhi:.0f})"
            f" {r['ns_per_node_point']:6.1f} {r['bytes_per_node_point']:5.1f}"
        )
    print(
        f"budget: {WORK_BUDGET:,} node-points. Admitted at most "
        f"{summary['slowest_s']:.2f} s and {summary['largest_mb']:.0f} MB (targets: "
        f"{TARGET_SECONDS:g} s, {TARGET_MB:g} MB)."
    )
    print(
        f"per node-point at most {worst_ns:.1f} ns and {worst_bytes:.1f} bytes: the targets "
        f"alone would allow {implied:,} node-points."
    )
    ok = summary["slowest_s"] <= TARGET_SECONDS and summary["largest_mb"] <= TARGET_MB
    print("targets:", "met" if ok else "MISSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
