"""Writes the golden fixtures for the interpolation core from real PyTorch.

Run from the repository root, in a virtual environment with the CPU build of torch:

    python3 -m venv .venv-torch && .venv-torch/bin/pip install torch numpy
    .venv-torch/bin/python tests/golden/generate.py

It writes, in the parity format the README describes (`cargo run --bin parity -- FILE`):

* `interpolate.json` — the x86-64 FMA build as most users run it (AVX2/AVX512 kernels,
  torch's default thread count): every mode, rank, argument combination, module form and
  error case, the seed example, and a few hundred seeded random cases;
* `interpolate_nofma.json` — a smaller set computed with `ATEN_CPU_CAPABILITY=default`
  (the kernels without fused multiply-adds), for a future no-FMA flavour of the core.

Each case holds only the keyword arguments actually passed; float32 values are written as
the exact doubles they are (non-finite ones as "nan", "inf", "-inf"). Output is
deterministic for a given torch build.
"""

import json
import math
import os
import random
import subprocess
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


def num(v):
    """A float32 as JSON: its shortest float32 digits (which read back as the same float32),
    or "nan", "inf", "-inf"."""
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return float(np.format_float_positional(np.float32(v), unique=True, trim="0")) if abs(v) >= 1e-4 or v == 0 else float(np.format_float_scientific(np.float32(v), unique=True))


def tensor_json(t):
    return {"shape": list(t.shape), "data": [num(v) for v in t.flatten().tolist()]}


def call(op, x, args):
    """Runs one call exactly as a user would write it."""
    if op == "interpolate":
        return F.interpolate(x, **args)
    if op == "Upsample":
        return nn.Upsample(**args)(x)
    if op == "UpsamplingNearest2d":
        return nn.UpsamplingNearest2d(**args)(x)
    if op == "UpsamplingBilinear2d":
        return nn.UpsamplingBilinear2d(**args)(x)
    raise ValueError(op)


def to_json_args(args):
    """Keyword arguments as JSON: a tuple becomes a list, a non-finite float a string."""
    def arg(v):
        if isinstance(v, (tuple, list)):
            return [arg(x) for x in v]
        if isinstance(v, float) and not math.isfinite(v):
            return num(v)
        return v
    return {k: arg(v) for k, v in args.items()}


def case(cid, op, x, args):
    c = {"id": cid, "op": op, "input": tensor_json(x), "args": to_json_args(args)}
    try:
        y = call(op, x, args)
        c["expected"] = {**tensor_json(y), "repr": repr(y)}
    except Exception as e:  # noqa: BLE001 - every PyTorch rejection is a fixture
        c["error"] = {"type": type(e).__name__, "message": str(e)}
    return c


def seed_input():
    torch.manual_seed(66666)
    x = torch.randint(0, 10, (1, 1, 4, 4)).float()
    assert x.flatten().tolist() == [2, 6, 4, 3, 4, 0, 7, 6, 8, 8, 7, 5, 9, 0, 3, 1], x
    return x


def rand_input(g, shape, kind):
    if kind == "int":
        return torch.randint(0, 10, shape, generator=g).float()
    if kind == "wide":
        return (torch.randn(shape, generator=g) * 1000).float()
    if kind == "tiny":
        return (torch.randn(shape, generator=g) * 1e-3).float()
    return torch.randn(shape, generator=g).float()


def full_cases():
    cases = []
    x = seed_input()
    cases.append(case("seed-nearest", "interpolate", x, {"scale_factor": 2, "mode": "nearest"}))
    cases.append(case("seed-bilinear-false", "interpolate", x, {"scale_factor": 2, "mode": "bilinear", "align_corners": False}))
    cases.append(case("seed-bilinear-true", "interpolate", x, {"scale_factor": 2, "mode": "bilinear", "align_corners": True}))
    for mode in ["nearest-exact", "bicubic", "area"]:
        cases.append(case(f"seed-{mode}", "interpolate", x, {"scale_factor": 2, "mode": mode}))
    cases.append(case("seed-bicubic-true", "interpolate", x, {"scale_factor": 2, "mode": "bicubic", "align_corners": True}))
    cases.append(case("seed-Upsample", "Upsample", x, {"scale_factor": 2, "mode": "bilinear"}))
    cases.append(case("seed-UpsamplingNearest2d", "UpsamplingNearest2d", x, {"scale_factor": 2}))
    cases.append(case("seed-UpsamplingBilinear2d", "UpsamplingBilinear2d", x, {"scale_factor": 2}))

    g = torch.Generator().manual_seed(1234)
    # Every mode on its ranks, with size and scale_factor, both align_corners, all recompute settings.
    rank_modes = {
        3: ["nearest", "nearest-exact", "linear", "area"],
        4: ["nearest", "nearest-exact", "bilinear", "bicubic", "area"],
        5: ["nearest", "nearest-exact", "trilinear", "area"],
    }
    spatial = {3: [(5,), (7,), (1,)], 4: [(4, 4), (5, 3), (1, 6)], 5: [(3, 2, 4), (2, 2, 2)]}
    scales = [2, 1.5, 0.57, 2.1, 1 / 3]
    for rank, modes in rank_modes.items():
        for sp in spatial[rank]:
            for mode in modes:
                interp = mode in ("linear", "bilinear", "bicubic", "trilinear")
                for ac in ([None, False, True] if interp else [None]):
                    for s in scales:
                        for rec in ([None, False, True] if s in (1.5, 0.57) else [None]):
                            x = rand_input(g, (1, 1) + sp, "normal")
                            args = {"scale_factor": s, "mode": mode}
                            if ac is not None:
                                args["align_corners"] = ac
                            if rec is not None:
                                args["recompute_scale_factor"] = rec
                            cases.append(case(f"grid-{rank}d-{'x'.join(map(str, sp))}-{mode}-ac{ac}-s{s:.3g}-r{rec}", "interpolate", x, args))
                    for size in [1, 3, tuple(n * 2 for n in sp), tuple(sp)]:
                        x = rand_input(g, (1, 1) + sp, "normal")
                        args = {"size": size, "mode": mode}
                        if ac is not None:
                            args["align_corners"] = ac
                        cases.append(case(f"size-{rank}d-{'x'.join(map(str, sp))}-{mode}-ac{ac}-{size}", "interpolate", x, args))

    # Antialias (and lanczos), upsampling and downsampling.
    for mode in ["bilinear", "bicubic", "lanczos"]:
        for sp in [(8, 8), (9, 7), (16, 5), (3, 3)]:
            for s in [0.5, 0.3, 2, (0.5, 2.0), (1.0, 0.4)]:
                for ac in [None, False, True]:
                    if mode == "lanczos" and ac:
                        continue
                    x = rand_input(g, (1, 1) + sp, "normal")
                    args = {"scale_factor": s, "mode": mode, "antialias": True}
                    if ac is not None:
                        args["align_corners"] = ac
                    cases.append(case(f"aa-{mode}-{sp}-s{s}-ac{ac}", "interpolate", x, args))
            for size in [(3, 4), (1, 1), (sp[0], 1), (1, sp[1]), (12, 10)]:
                x = rand_input(g, (1, 1) + sp, "normal")
                cases.append(case(f"aa-{mode}-{sp}-size{size}", "interpolate", x, {"size": size, "mode": mode, "antialias": True}))
    x = torch.arange(6.0).view(1, 1, 6, 1)
    cases.append(case("aa-width1-bug", "interpolate", x, {"size": (3, 1), "mode": "bilinear", "antialias": True}))

    # Kernel paths: channels and output sizes around H_out + W_out = 128.
    for c in [1, 3, 4, 8, 12]:
        # Large outputs select the generic kernel (H_out + W_out > 128); channel counts
        # matter only on the channels-last kernel, which small outputs exercise.
        big = {1: [((7, 9), (50, 90)), ((7, 9), (60, 68)), ((7, 9), (60, 69))], 3: [((7, 9), (50, 90))]}.get(c, [])
        for sp, size in big + [((5, 5), (10, 10)), ((3, 4), (9, 11))]:
            for mode in ["bilinear", "nearest", "nearest-exact"]:
                x = rand_input(g, (1, c) + sp, "normal")
                cases.append(case(f"path-{mode}-c{c}-{sp}-{size}", "interpolate", x, {"size": size, "mode": mode}))
            x = rand_input(g, (1, c) + sp, "normal")
            cases.append(case(f"path-bilinear-scale-c{c}-{sp}", "interpolate", x, {"scale_factor": 2.1, "mode": "bilinear"}))
    # Batch > 1 and value ranges.
    for kind in ["int", "wide", "tiny", "normal"]:
        for mode, rank in [("bilinear", 4), ("bicubic", 4), ("nearest", 4), ("trilinear", 5), ("linear", 3), ("area", 4)]:
            sp = {3: (6,), 4: (5, 6), 5: (3, 3, 4)}[rank]
            x = rand_input(g, (2, 3) + sp, kind)
            cases.append(case(f"values-{kind}-{mode}", "interpolate", x, {"scale_factor": 1.7, "mode": mode}))
    # Non-finite inputs.
    x = torch.tensor([[[[1.0, float("nan"), 3.0], [float("inf"), 5.0, 6.0], [7.0, 8.0, float("-inf")]]]])
    for mode in ["nearest", "bilinear", "bicubic", "area"]:
        cases.append(case(f"nonfinite-{mode}", "interpolate", x, {"scale_factor": 2, "mode": mode}))
    # Same-size and 2·in shortcuts with a user scale (pytorch/pytorch#70559).
    for rank, sp in [(3, (5,)), (4, (5, 5)), (5, (5, 5, 5))]:
        for mode in rank_modes[rank]:
            for s in [1.1, 2.1, 1.0]:
                x = rand_input(g, (1, 1) + sp, "normal")
                cases.append(case(f"shortcut-{rank}d-{mode}-s{s}", "interpolate", x, {"scale_factor": s, "mode": mode}))

    # Module forms.
    x = rand_input(g, (1, 2, 4, 5), "normal")
    for op, args in [
        ("Upsample", {"scale_factor": 2}),
        ("Upsample", {"scale_factor": 1.5, "mode": "bicubic", "align_corners": True}),
        ("Upsample", {"size": (7, 3), "mode": "bilinear"}),
        ("Upsample", {"scale_factor": (2.0, 3.0), "mode": "nearest-exact"}),
        ("Upsample", {"scale_factor": 0}),
        ("Upsample", {"scale_factor": 2, "mode": "bilinear", "recompute_scale_factor": True}),
        ("Upsample", {"scale_factor": 2, "antialias": True}),
        ("UpsamplingNearest2d", {"scale_factor": 3}),
        ("UpsamplingNearest2d", {"size": (5, 9)}),
        ("UpsamplingBilinear2d", {"scale_factor": 2.5}),
        ("UpsamplingBilinear2d", {"size": 6}),
        ("UpsamplingBilinear2d", {"scale_factor": 2, "align_corners": False}),
    ]:
        cases.append(case(f"module-{op}-{args}", op, x, args))
    cases.append(case("module-UpsamplingBilinear2d-3d", "UpsamplingBilinear2d", rand_input(g, (1, 1, 5), "normal"), {"scale_factor": 2}))

    # Every error PyTorch raises (§8 of the semantics notes).
    x3, x4, x5, x2 = torch.zeros(1, 1, 5), torch.zeros(1, 1, 5, 5), torch.zeros(1, 1, 5, 5, 5), torch.zeros(5, 5)
    errors = [
        (x4, {"scale_factor": 2, "mode": "nearest", "align_corners": False}),
        (x4, {"scale_factor": 2, "mode": "area", "align_corners": True}),
        (x4, {"scale_factor": 2, "mode": "nearest-exact", "align_corners": False}),
        (x4, {"size": 3, "scale_factor": 2}),
        (x4, {}),
        (x4, {"size": (3, 3, 3)}),
        (x4, {"size": (3,)}),
        (x4, {"size": (3.0, 3)}),
        (x4, {"scale_factor": (2.0, 2.0, 2.0)}),
        (x4, {"size": 3, "recompute_scale_factor": True}),
        (x4, {"size": 3, "antialias": True}),
        (x3, {"size": 3, "mode": "linear", "antialias": True}),
        (x5, {"size": 3, "mode": "trilinear", "antialias": True}),
        (x3, {"size": 3, "mode": "bilinear"}),
        (x3, {"size": 3, "mode": "trilinear"}),
        (x4, {"size": 3, "mode": "linear"}),
        (x4, {"size": 3, "mode": "trilinear"}),
        (x5, {"size": 3, "mode": "linear"}),
        (x5, {"size": 3, "mode": "bilinear"}),
        (x3, {"size": 3, "mode": "bicubic"}),
        (x5, {"size": 3, "mode": "bicubic"}),
        (x4, {"size": 3, "mode": "foo"}),
        (x3, {"size": 3, "mode": "bogus"}),
        (x2, {"size": 3}),
        (x4, {"size": 3, "mode": "lanczos"}),
        (x4, {"size": 3, "mode": "lanczos", "antialias": True, "align_corners": True}),
        (x3, {"size": 3, "mode": "lanczos", "antialias": True}),
        (x3, {"size": 3, "mode": "lanczos"}),
        (x4, {"size": 0}),
        (x3, {"size": 0}),
        (x5, {"size": (0, 2, 2)}),
        (x4, {"size": (0, 2), "mode": "bilinear"}),
        (x4, {"size": -2}),
        (x4, {"scale_factor": 0.1}),
        (x4, {"scale_factor": -2.0}),
        (x4, {"scale_factor": 0.0}),
        (x4, {"scale_factor": 0.1, "recompute_scale_factor": True}),
        (x4, {"scale_factor": float("inf")}),
        (x4, {"size": -1, "mode": "area"}),
        (x3, {"size": -1, "mode": "area"}),
        (x5, {"size": -1, "mode": "area"}),
        (x4, {"size": 0, "mode": "area"}),
        (x3, {"scale_factor": 0.1, "mode": "area"}),
        (torch.zeros(1, 1, 0, 5), {"size": 3}),
        (torch.zeros(1, 1, 2, 2, 2, 2), {"size": 3}),
        (x4, {"size": 3, "mode": "foo", "align_corners": True}),
        (x4, {"mode": "foo"}),
    ]
    for i, (x, args) in enumerate(errors):
        cases.append(case(f"error-{i:02d}-{args}", "interpolate", x, args))

    # Seeded random cases across modes, shapes and arguments.
    rng = random.Random(20261125)
    for i in range(300):
        rank = rng.choice([3, 4, 4, 4, 5])
        mode = rng.choice(rank_modes[rank] + (["bilinear", "bicubic"] if rank == 4 else []))
        sp = tuple(rng.randint(1, 9 if rank < 5 else 5) for _ in range(rank - 2))
        c = rng.choice([1, 1, 2, 3, 4])
        x = rand_input(g, (rng.choice([1, 2]), c) + sp, rng.choice(["int", "normal", "wide"]))
        args = {"mode": mode}
        if rng.random() < 0.5:
            args["scale_factor"] = round(rng.uniform(0.3, 3.0), rng.choice([0, 1, 2, 3])) or 1.0
        else:
            args["size"] = tuple(rng.randint(1, 14) for _ in sp)
        if mode in ("linear", "bilinear", "bicubic", "trilinear"):
            args["align_corners"] = rng.choice([None, False, True])
            if args["align_corners"] is None:
                del args["align_corners"]
            if rank == 4 and mode != "linear" and rng.random() < 0.25:
                args["antialias"] = True
        if "scale_factor" in args and rng.random() < 0.4:
            args["recompute_scale_factor"] = rng.choice([False, True])
        cases.append(case(f"random-{i:03d}", "interpolate", x, args))

    # `area` to an output of size 1 along every axis, which ATen computes as `input.mean()`
    # (cascade summation, `SumKernel.cpp`): rows shorter than a vector, whole vectors with
    # and without leftovers, the cascade (512 elements and more), batch and channels > 1,
    # 1-D, 2-D and 3-D, and planes of at least 32768 elements, which two threads sum (one
    # plane: in two halves; two planes: one each). Appended with their own generator, so
    # the cases above stay as they were.
    gm = torch.Generator().manual_seed(20261129)
    for sp in [(5,), (8,), (37,), (1000,), (4, 4), (13, 17), (9, 40), (2, 2, 2), (3, 2, 4), (4, 5, 6)]:
        for n, c in [(1, 1), (2, 3)]:
            x = rand_input(gm, (n, c) + sp, "normal")
            cases.append(case(f"mean-{len(sp)}d-{'x'.join(map(str, sp))}-n{n}c{c}", "interpolate", x, {"size": 1, "mode": "area"}))
    x = rand_input(gm, (2, 2, 5, 7), "normal")
    cases.append(case("mean-2d-5x7-n2c2-scale0.2", "interpolate", x, {"scale_factor": 0.2, "mode": "area"}))
    for shape in [(1, 1, 32800), (1, 2, 16400)]:
        # Three decimals keep the file small; their sums still round.
        x = torch.round(rand_input(gm, shape, "normal") * 1000) / 1000
        cases.append(case(f"mean-1d-{shape[2]}-n{shape[0]}c{shape[1]}", "interpolate", x, {"size": 1, "mode": "area"}))
    # 281 · (1/281) is 1.0 in double; the scale must be read back exactly (not 1 ulp low).
    x = rand_input(gm, (2, 2, 281), "normal")
    cases.append(case("mean-1d-281-scale-1/281", "interpolate", x, {"scale_factor": 1 / 281, "mode": "area"}))
    # An empty input: `mean` gives NaN; any other output size is the pool's error.
    for shape, size in [((1, 1, 0, 5), 1), ((1, 1, 0), 1), ((1, 1, 0, 5), 3), ((1, 1, 5, 0), 0), ((1, 1, 0), 2), ((1, 1, 2, 0, 2), (1, 1, 2))]:
        cases.append(case(f"mean-empty-{shape}-{size}", "interpolate", torch.zeros(shape), {"size": size, "mode": "area"}))
    return cases


def nofma_cases():
    g = torch.Generator().manual_seed(99)
    cases = [case("seed-bilinear-false", "interpolate", seed_input(), {"scale_factor": 2, "mode": "bilinear"})]
    for mode, rank in [("bilinear", 4), ("bicubic", 4), ("linear", 3), ("trilinear", 5), ("nearest-exact", 3), ("nearest-exact", 4)]:
        for s in [1.7, 0.6, 2.3]:
            sp = {3: (41,), 4: (6, 7), 5: (3, 4, 5)}[rank]
            x = rand_input(g, (1, 3) + sp, "normal")
            cases.append(case(f"nofma-{mode}-{rank}d-s{s}", "interpolate", x, {"scale_factor": s, "mode": mode}))
    x = rand_input(g, (1, 1, 2), "normal")
    cases.append(case("nofma-nearest-exact-tie", "interpolate", x, {"size": 41, "mode": "nearest-exact"}))
    for mode in ["bilinear", "bicubic"]:
        x = rand_input(g, (1, 1, 9, 11), "normal")
        cases.append(case(f"nofma-aa-{mode}", "interpolate", x, {"scale_factor": 0.4, "mode": mode, "antialias": True}))
    return cases


def meta(capability):
    return {
        "torch": torch.__version__,
        "cpu_capability": capability,
        "threads": torch.get_num_threads(),
        "generated_by": "tests/golden/generate.py",
        "note": "float32 bits depend on the kernel path (output size, channels, threads) and on FMA contraction",
    }


def write(name, capability, cases):
    path = os.path.join(HERE, name)
    with open(path, "w") as f:
        json.dump({"meta": meta(capability), "cases": cases}, f, separators=(",", ":"))
        f.write("\n")
    print(f"{name}: {len(cases)} cases, {os.path.getsize(path) / 1024:.0f} KB")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--nofma":
        write("interpolate_nofma.json", torch.backends.cpu.get_cpu_capability(), nofma_cases())
        sys.exit(0)
    assert torch.get_num_threads() > 1, "generate with torch's default (multi-threaded) setting"
    write("interpolate.json", torch.backends.cpu.get_cpu_capability(), full_cases())
    env = {**os.environ, "ATEN_CPU_CAPABILITY": "default"}
    subprocess.run([sys.executable, __file__, "--nofma"], env=env, check=True)
