"""The Train tab's training loop on this engine against PyTorch (CPU), side by side.

    python benchmarks/bench_train.py                 # 5 runs each, 2,000 iterations a run
    python benchmarks/bench_train.py --runs 3 --iterations 1000

The problem is the book's step 43-45: a 1-10-1 MLP (sigmoid) fitted to the 100 noisy
points of sin(2πx) by SGD with lr 0.2, minimising the mean squared error. Both
libraries start from the same weights (drawn once with numpy, copied into each), and
the script checks that both end at the same loss: a fast wrong answer is not a result.

Engine side: ``tutor.training.Training.step()``, exactly what the Train tab runs
(``engine.models.MLP``, ``engine.optimizers.SGD``). Torch side: the same network as
``torch.nn.Linear`` layers, ``torch.optim.SGD`` and ``torch.nn.functional.mse_loss``,
float64 and one intra-op thread.

Each run is a fresh interpreter (this script with ``--worker``): importing torch fills
the heap with objects the cycle collector would then walk during *our* runs. Runs
alternate engine, torch, engine, torch... so that a change in the machine's load hits
both alike. It prints the time per iteration, median and range (min–max) over the runs,
the ratio of the medians, and the load average before and after (``os.getloadavg``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LR = 0.2
WARMUP = 100


def initial_weights():
    """The network's starting weights, the same for both libraries."""
    import numpy as np

    rng = np.random.RandomState(0)
    W0 = rng.randn(1, 10) * np.sqrt(1 / 1)
    W1 = rng.randn(10, 1) * np.sqrt(1 / 10)
    return W0, np.zeros(10), W1, np.zeros(1)


def run_engine(iterations: int) -> tuple[float, float]:
    sys.path.insert(0, str(ROOT))
    import numpy as np

    from tutor.training import Training, TrainSettings

    training = Training(TrainSettings(hidden=(10,), activation="sigmoid", optimizer="sgd", lr=LR))
    for (_, param), value in zip(training.parameters(), initial_weights(), strict=True):
        param.data = np.array(value, dtype=np.float64)
    for _ in range(WARMUP):
        training.step()
    start = time.perf_counter()
    for _ in range(iterations):
        loss = training.step()
    elapsed = time.perf_counter() - start
    return elapsed / iterations, loss


def run_torch(iterations: int) -> tuple[float, float]:
    import torch

    sys.path.insert(0, str(ROOT))
    from tutor.training import book_data

    torch.set_num_threads(1)
    x_np, y_np = book_data()
    x = torch.tensor(x_np, dtype=torch.float64)
    y = torch.tensor(y_np, dtype=torch.float64)
    l0 = torch.nn.Linear(1, 10, dtype=torch.float64)
    l1 = torch.nn.Linear(10, 1, dtype=torch.float64)
    W0, b0, W1, b1 = initial_weights()
    with torch.no_grad():  # torch keeps W as (out, in): the transpose of ours
        l0.weight.copy_(torch.tensor(W0.T))
        l0.bias.copy_(torch.tensor(b0))
        l1.weight.copy_(torch.tensor(W1.T))
        l1.bias.copy_(torch.tensor(b1))
    params = [*l0.parameters(), *l1.parameters()]
    optimizer = torch.optim.SGD(params, lr=LR)

    def step() -> float:
        loss = torch.nn.functional.mse_loss(l1(torch.sigmoid(l0(x))), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        return loss.item()

    for _ in range(WARMUP):
        step()
    start = time.perf_counter()
    for _ in range(iterations):
        loss = step()
    elapsed = time.perf_counter() - start
    return elapsed / iterations, loss


def _worker(name: str, iterations: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", name, "--iterations", str(iterations)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--iterations", type=int, default=2000)
    parser.add_argument("--worker", choices=["engine", "torch"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        run = run_engine if args.worker == "engine" else run_torch
        per_iteration, loss = run(args.iterations)
        print(json.dumps({"per_iteration": per_iteration, "loss": loss}))
        return

    load_before = os.getloadavg()
    results: dict[str, list[dict]] = {"engine": [], "torch": []}
    for _ in range(max(3, args.runs)):
        for name in results:
            results[name].append(_worker(name, args.iterations))
    load_after = os.getloadavg()

    losses = {name: runs[0]["loss"] for name, runs in results.items()}
    if abs(losses["engine"] - losses["torch"]) > 1e-9 * max(1.0, abs(losses["torch"])):
        sys.exit(f"the two libraries disagree: final loss {losses}")

    print(
        f"1-10-1 MLP (sigmoid), SGD lr {LR}, the book's 100 points; "
        f"{args.iterations} iterations a run after {WARMUP} of warm-up, "
        f"{len(results['engine'])} runs each"
    )
    print(f"final loss (both): {losses['engine']:.12g}")
    print()
    print("| library | time per iteration, median | range (min–max) | iterations/s |")
    print("|---|---|---|---|")
    medians = {}
    for name, runs in results.items():
        times = [r["per_iteration"] * 1e6 for r in runs]
        medians[name] = statistics.median(times)
        print(
            f"| {name} | {medians[name]:.1f} µs | {min(times):.1f}–{max(times):.1f} µs "
            f"| {1e6 / medians[name]:,.0f} |"
        )
    print()
    print(f"engine / torch: {medians['engine'] / medians['torch']:.2f}× (target ≤ 2×)")
    print(
        "load average (1, 5, 15 min): before "
        + ", ".join(f"{v:.2f}" for v in load_before)
        + "; after "
        + ", ".join(f"{v:.2f}" for v in load_after)
        + f"; {os.cpu_count()} CPUs"
    )


if __name__ == "__main__":
    main()
