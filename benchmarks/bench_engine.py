"""Engine overhead against PyTorch eager autograd on the CPU, side by side.

    python benchmarks/bench_engine.py            # full run
    python benchmarks/bench_engine.py --quick    # fewer repeats and W4 iterations

A benchmark, not a test: it measures and prints a Markdown table (for the README); it
does not assert budgets. It does check every answer it times, because a fast wrong
answer is not a result.

Each library is measured in its own fresh interpreter (this script re-run with
``--worker``): importing torch allocates hundreds of thousands of Python objects, and
every full pass of the cycle collector then has to walk them, which would slow *our*
engine down in the same process. Workers run one after the other, never at once.

Workloads (a node is one recorded operation):

W1  scalar chain ``y = y * 1.0001 + 0.5`` repeated N times (2N nodes); forward and
    backward timed separately.
W2  a 21-node expression of a 2,000-point vector ``x`` and a scalar parameter ``a``
    (so backward has to sum broadcast gradients back to a scalar). W2b also records
    the backward pass (``create_graph``) and differentiates again, as the tutor does
    for f''.
W3  wide graph: one scalar ``x`` feeds W separate ``square`` nodes, joined by a chain
    of W - 1 ``add`` nodes (2W - 1 nodes in all). Every square waits in the backward
    queue until the whole add chain is done, so this is where a scheduler that is not
    O(n log n) shows.
W4  memory: 10,000 build + backward rounds of the W2 expression on scalars (21 nodes)
    with the cycle collector disabled: growth of the resident set size (VmRSS) and of
    the number of gc-tracked objects, after a warm-up. (--quick: 2,000 rounds.)

W1 and W3 are also timed with the cycle collector off (rows marked "diagnostic"): the
difference is the collector walking the live graph, whose size grows with the graph.

Times are the best (minimum) of R repeats (R = 7, or 3 with ``--quick``) of
``time.perf_counter``: on a shared 2-core machine the other processes only ever add
time, so the minimum is the steadiest estimate of what the work itself costs. One
``gc.collect()`` runs before each workload; the collector stays enabled while timing,
as it is in the app, so its pauses (which recur the same way in every repeat) count.
torch uses float64 tensors with ``requires_grad=True`` and one intra-op thread (numpy's
elementwise ops use one).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib.util
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

W1_SIZES = (1_000, 10_000)
W3_SIZES = (100, 1_000, 10_000, 100_000)
SWEEP_POINTS = 2_000
W4_ROUNDS = {"full": 10_000, "quick": 2_000}
REPEATS = {"full": 7, "quick": 3}
MIN_SAMPLE_NODES = 20_000  # small graphs are timed in batches of at least this many nodes


# =============================================================================
# the two libraries behind one small interface
# =============================================================================


class Ours:
    name = "engine"

    def __init__(self) -> None:
        sys.path.insert(0, str(ROOT))
        import numpy as np

        import engine.functions as F
        from engine import Variable

        self.np, self.F, self.Variable = np, F, Variable
        self.version = np.__version__

    def leaf(self, value):
        return self.Variable(self.np.array(value, dtype=self.np.float64))

    def backward(self, y) -> None:
        y.backward()

    def value(self, v):
        return self.np.asarray(v.data)

    def grad(self, v):
        return self.np.asarray(v.grad.data)

    def second_order(self, y, x, a):
        """f' by a recorded backward, then the derivative of f' (summed) again."""
        y.backward(create_graph=True)
        gx = x.grad
        x.cleargrad()
        a.cleargrad()
        gx.backward()
        return gx.data, x.grad.data

    def count_nodes(self, y) -> int:
        seen, stack = set(), [y.creator]
        while stack:
            f = stack.pop()
            if f is None or f in seen:
                continue
            seen.add(f)
            stack.extend(x.creator for x in f.inputs)
        return len(seen)


class Torch:
    name = "torch"

    def __init__(self) -> None:
        import numpy as np
        import torch

        torch.set_num_threads(1)
        self.np, self.torch, self.F = np, torch, torch
        self.version = torch.__version__

    def leaf(self, value):
        return self.torch.tensor(value, dtype=self.torch.float64, requires_grad=True)

    def backward(self, y) -> None:
        y.backward(self.torch.ones_like(y))

    def value(self, v):
        return v.detach().numpy()

    def grad(self, v):
        return v.grad.numpy()

    def second_order(self, y, x, a):
        ones = self.torch.ones_like(y)
        gx, _ = self.torch.autograd.grad(y, (x, a), ones, create_graph=True)
        g2x, _ = self.torch.autograd.grad(gx, (x, a), self.torch.ones_like(gx))
        return gx.detach().numpy(), g2x.numpy()


LIBRARIES = {"engine": Ours, "torch": Torch}


def expression(F, x, a):
    """The W2/W4 expression: 21 nodes (counted again on our graph at run time)."""
    return (
        F.sin(x) * x**2
        + F.exp(-x * x / 4) / (1 + x * x)
        + F.tanh(a * x)
        - F.sqrt(x * x + 1) * a
        + F.sigmoid(x)
    )


# =============================================================================
# workloads (run inside a worker)
# =============================================================================


def _best(samples: list[float]) -> float:
    return min(samples)


@contextlib.contextmanager
def _collector(enabled: bool):
    """The cycle collector as it is in the app, or (for a diagnostic row) switched off."""
    if enabled:
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def w1_scalar_chain(lib, n: int, repeats: int, collector: bool = True) -> dict:
    forward, backward, total = [], [], []
    gc.collect()
    for _ in range(repeats):
        x = lib.leaf(1.0)
        with _collector(collector):
            t0 = time.perf_counter()
            y = x
            for _ in range(n):
                y = y * 1.0001 + 0.5
            t1 = time.perf_counter()
            lib.backward(y)
            t2 = time.perf_counter()
        forward.append(t1 - t0)
        backward.append(t2 - t1)
        total.append(t2 - t0)
        grad = float(lib.grad(x))
        del y
    expected = 1.0001**n
    assert abs(grad - expected) <= 1e-9 * expected, (lib.name, grad, expected)
    nodes = 2 * n
    return {
        "forward_us_per_node": _best(forward) / nodes * 1e6,
        "backward_us_per_node": _best(backward) / nodes * 1e6,
        "total_us_per_node": _best(total) / nodes * 1e6,
    }


def _sweep_inputs(lib):
    xs = lib.np.linspace(-3.0, 3.0, SWEEP_POINTS)
    return lib.leaf(xs), lib.leaf(1.3)


def _time_sweep(lib, repeats: int, batch: int, differentiate):
    """Best seconds per evaluation of the W2 expression followed by ``differentiate(y, x, a)``.

    Returns that time, the last inputs, ``y`` and what ``differentiate`` returned, so the
    caller can check the answer it timed.
    """
    samples = []
    gc.collect()
    for _ in range(repeats):
        x, a = _sweep_inputs(lib)
        t0 = time.perf_counter()
        for _ in range(batch):
            x.grad = a.grad = None
            y = expression(lib.F, x, a)
            out = differentiate(y, x, a)
        samples.append((time.perf_counter() - t0) / batch)
    return _best(samples), x, a, y, out


def w2_vector_sweep(lib, repeats: int, batch: int) -> dict:
    best, x, a, y, _ = _time_sweep(lib, repeats, batch, lambda y, x, a: lib.backward(y))
    result = {
        "us_per_eval": best * 1e6,
        "value": lib.value(y).tolist(),
        "grad_x": lib.grad(x).tolist(),
        "grad_a": float(lib.grad(a)),
    }
    if isinstance(lib, Ours):
        result["nodes"] = lib.count_nodes(y)
    return result


def w2b_second_derivative(lib, repeats: int, batch: int) -> dict:
    best, _x, _a, _y, (_d1, d2) = _time_sweep(lib, repeats, batch, lib.second_order)
    return {"us_per_eval": best * 1e6, "d2": lib.np.asarray(d2).tolist()}


def w2_kernels(lib, repeats: int, batch: int = 2000) -> dict:
    """Diagnostic: the raw sin and cos kernels each library runs W2 on (no autograd).

    W2 takes one sin forward and one cos backward; on CPUs without AVX-512, NumPy's
    float64 sin and cos are scalar loops while torch's are vectorized, and that
    difference is not the engine's.
    """
    xs = lib.np.linspace(-3.0, 3.0, SWEEP_POINTS)
    arr = xs if isinstance(lib, Ours) else lib.torch.from_numpy(xs)
    mod = lib.np if isinstance(lib, Ours) else lib.torch
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(batch):
            mod.sin(arr)
            mod.cos(arr)
        samples.append((time.perf_counter() - t0) / batch)
    return {"us_per_pair": _best(samples) * 1e6}


def w3_wide(lib, nodes: int, repeats: int, collector: bool = True) -> dict:
    width = (nodes + 1) // 2  # W squares + (W - 1) adds
    actual = 2 * width - 1
    batch = max(1, MIN_SAMPLE_NODES // actual)
    total, backward = [], []
    gc.collect()
    for _ in range(repeats):
        t_build = t_back = 0.0
        for _ in range(batch):
            x = lib.leaf(1.5)
            with _collector(collector):
                t0 = time.perf_counter()
                y = lib.F.square(x)
                for _ in range(width - 1):
                    y = y + lib.F.square(x)
                t1 = time.perf_counter()
                lib.backward(y)
                t2 = time.perf_counter()
            t_build += t1 - t0
            t_back += t2 - t1
            grad = float(lib.grad(x))
            del y
        total.append((t_build + t_back) / (batch * actual))
        backward.append(t_back / (batch * actual))
    assert abs(grad - 3.0 * width) <= 1e-9 * 3.0 * width, (lib.name, grad, width)
    return {
        "nodes": actual,
        "total_us_per_node": _best(total) * 1e6,
        "backward_us_per_node": _best(backward) * 1e6,
    }


def _rss_mb() -> float | None:
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return None


def w4_memory(lib, rounds: int) -> dict:
    def one_round():
        x, a = lib.leaf(0.7), lib.leaf(1.3)
        y = expression(lib.F, x, a)
        lib.backward(y)
        return lib.grad(x)

    gc.collect()
    gc.disable()
    try:
        for _ in range(500):  # warm-up: allocator pools, caches, first-call costs
            one_round()
        objects_before = len(gc.get_objects())
        rss_before = _rss_mb()
        for _ in range(rounds):
            one_round()
        rss_after = _rss_mb()
        objects_after = len(gc.get_objects())
    finally:
        gc.enable()
    return {
        "rss_growth_mb": None if rss_before is None else rss_after - rss_before,
        "object_growth": objects_after - objects_before,
    }


def run_worker(library: str, mode: str) -> dict:
    try:
        lib = LIBRARIES[library]()
    except ImportError as exc:  # torch is optional: its columns then read n/a
        return {"library": library, "unavailable": str(exc) or type(exc).__name__}
    repeats = REPEATS[mode]
    out = {"library": library, "version": lib.version}
    if library == "torch":
        out["threads"] = lib.torch.get_num_threads()
    # The *_gc_off diagnostics (how much of the growth with graph size is the cycle
    # collector's) run right after their counterparts, with the heap in the same state.
    for n in W1_SIZES:
        out[f"w1_{n}"] = w1_scalar_chain(lib, n, repeats)
    out[f"w1_{W1_SIZES[-1]}_gc_off"] = w1_scalar_chain(lib, W1_SIZES[-1], repeats, False)
    out["w2"] = w2_vector_sweep(lib, repeats, batch=20)
    out["w2b"] = w2b_second_derivative(lib, repeats, batch=10)
    out["w2_kernels"] = w2_kernels(lib, repeats)
    for n in W3_SIZES:
        out[f"w3_{n}"] = w3_wide(lib, n, repeats)
        if n in (W3_SIZES[1], W3_SIZES[-1]):
            out[f"w3_{n}_gc_off"] = w3_wide(lib, n, repeats, collector=False)
    out["w4"] = w4_memory(lib, W4_ROUNDS[mode])
    return out


# =============================================================================
# the parent: spawn workers, check they agree, print the table
# =============================================================================


def spawn(library: str, mode: str) -> dict | None:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", library]
    if mode == "quick":
        cmd.append("--quick")
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        sys.stderr.write(f"{library} worker failed:\n{proc.stderr}\n")
        return None
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _fmt(value: float | None, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def _ratio(ours: float | None, theirs: float | None) -> str:
    if ours is None or theirs is None or theirs == 0:
        return "n/a"
    return f"{ours / theirs:.2f}"


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _check_agreement(ours: dict, theirs: dict) -> str:
    import numpy as np

    ok = (
        np.allclose(ours["w2"]["value"], theirs["w2"]["value"], rtol=1e-12, atol=1e-12)
        and np.allclose(ours["w2"]["grad_x"], theirs["w2"]["grad_x"], rtol=1e-10, atol=1e-12)
        and np.isclose(ours["w2"]["grad_a"], theirs["w2"]["grad_a"], rtol=1e-10)
        and np.allclose(ours["w2b"]["d2"], theirs["w2b"]["d2"], rtol=1e-9, atol=1e-10)
    )
    return "yes" if ok else "NO (results differ!)"


def _get(d: dict, *keys):
    for k in keys:
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d


def table(ours: dict, theirs: dict | None, mode: str) -> list[str]:
    """Rows of (our figure, workload, what is measured, torch's figure, ratio)."""
    t = theirs or {}
    rows = []  # (workload, figure, ours, torch, a ratio makes sense, decimals)

    def both(label, figure, *keys, ratio=True, digits=2):
        rows.append((label, figure, _get(ours, *keys), _get(t, *keys), ratio, digits))

    for n in W1_SIZES:
        label = f"W1 scalar chain, N = {n:,} ({2 * n:,} nodes)"
        both(label, "forward, µs/node", f"w1_{n}", "forward_us_per_node")
        both(label, "backward, µs/node", f"w1_{n}", "backward_us_per_node")
        both(label, "forward + backward, µs/node", f"w1_{n}", "total_us_per_node")

    nodes_w2 = ours["w2"]["nodes"]
    label = f"W2 sweep, {SWEEP_POINTS:,} points + scalar parameter ({nodes_w2} nodes)"
    both(label, "forward + backward, µs/eval", "w2", "us_per_eval")
    label = "W2b same, f' recorded (create_graph), then f''"
    both(label, "forward + 2 backward, µs/eval", "w2b", "us_per_eval")
    label = f"W2 kernels: sin + cos of {SWEEP_POINTS:,} float64, NumPy vs torch (diagnostic)"
    both(label, "µs per sin+cos pair, no autograd", "w2_kernels", "us_per_pair")

    for n in W3_SIZES:
        actual = ours[f"w3_{n}"]["nodes"]
        label = f"W3 wide, one x into {(actual + 1) // 2:,} squares ({actual:,} nodes)"
        both(label, "forward + backward, µs/node", f"w3_{n}", "total_us_per_node")
    big, small = W3_SIZES[-1], W3_SIZES[1]
    for label, suffix, parts in (
        ("W3 wide, per-node time growth (target ≤ 1.3)", "", ("fwd+bwd", "backward")),
        ("W3 wide, growth, cycle collector off (diagnostic)", "_gc_off", ("fwd+bwd",)),
    ):
        for part in parts:
            key = "total_us_per_node" if part == "fwd+bwd" else "backward_us_per_node"
            growth = []
            for d in (ours, t):
                b = _get(d, f"w3_{big}{suffix}", key)
                s = _get(d, f"w3_{small}{suffix}", key)
                growth.append(None if b is None or s is None else b / s)
            rows.append((label, f"µs/node at 10^5 ÷ at 10^3, {part}", *growth, False, 2))
    n = W1_SIZES[-1]
    label = f"W1 scalar chain, N = {n:,}, cycle collector off (diagnostic)"
    both(label, "forward, µs/node", f"w1_{n}_gc_off", "forward_us_per_node")
    both(label, "forward + backward, µs/node", f"w1_{n}_gc_off", "total_us_per_node")

    label = f"W4 memory, {W4_ROUNDS[mode]:,} rounds of a {nodes_w2}-node graph, gc off"
    both(label, "RSS growth, MB", "w4", "rss_growth_mb", ratio=False)
    both(label, "gc-tracked objects growth", "w4", "object_growth", ratio=False, digits=0)

    lines = ["| engine | workload | figure | torch | ratio |", "|---:|---|---|---:|---:|"]
    for label, figure, mine, other, ratio, digits in rows:
        r = _ratio(mine, other) if ratio else "—"
        lines.append(f"| {_fmt(mine, digits)} | {label} | {figure} | {_fmt(other, digits)} | {r} |")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, for a smoke run")
    parser.add_argument("--worker", choices=sorted(LIBRARIES), help=argparse.SUPPRESS)
    args = parser.parse_args()
    mode = "quick" if args.quick else "full"

    if args.worker:
        print(json.dumps(run_worker(args.worker, mode)))
        return 0

    started = time.perf_counter()
    ours = spawn("engine", mode)
    if ours is None:
        return 1
    theirs = spawn("torch", mode) if importlib.util.find_spec("torch") else None
    if theirs is not None and "unavailable" in theirs:
        sys.stderr.write(f"torch not importable, its columns read n/a: {theirs['unavailable']}\n")
        theirs = None

    print(f"## Engine benchmark ({mode} run)")
    print()
    print(
        f"- python {platform.python_version()} ({platform.python_implementation()}), "
        f"numpy {ours['version']}, "
        f"torch {theirs['version'] if theirs else 'not available'}"
        + (f" (CPU, {theirs['threads']} thread)" if theirs else "")
    )
    print(f"- {os.cpu_count()} CPUs: {_cpu_model()}; {platform.system()} {platform.machine()}")
    print(
        f"- statistic: best (minimum) of {REPEATS[mode]} repeats (time.perf_counter), each "
        f"library in its own fresh interpreter; small graphs timed in batches of "
        f">= {MIN_SAMPLE_NODES:,} nodes"
    )
    agreement = _check_agreement(ours, theirs) if theirs else "n/a (no torch)"
    print(f"- engine and torch agree on W2 values, gradients and f'': {agreement}")
    print(
        "- engine = this repository's engine; torch = PyTorch eager autograd, float64; "
        "ratio = engine ÷ torch (below 1: the engine is faster)"
    )
    print()
    for line in table(ours, theirs, mode):
        print(line)
    print()
    print(f"(whole run: {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
