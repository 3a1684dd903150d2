"""Writes tests/golden/repr.json: float32 tensors and the exact text `print()` gives them
with PyTorch's default print options, covering every rule of `torch/_tensor_str.py`.

    .venv-torch/bin/python tests/golden/generate_repr.py
"""

import json
import math
import os

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))


def num(v):
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return float(np.format_float_scientific(np.float32(v), unique=True))


def cases():
    g = torch.Generator().manual_seed(5)
    nan, inf = float("nan"), float("inf")
    items = {
        "integral": torch.tensor([[2.0, 6.0], [4.0, 3.0]]),
        "integral-negative": torch.tensor([-12.0, 3.0, 0.0, 7.0]),
        "fractions": torch.tensor([1.5, -10.25, 0.0, 3.14159]),
        "mixed-width": torch.tensor([[0.001, 123.456], [-99.5, 7.0]]),
        "sci-ratio": torch.tensor([1e-3, 2.0, 5000.0]),
        "sci-large": torch.tensor([1.5e8, 2.0e8]),
        "sci-small": torch.tensor([5e-5, 7e-5]),
        "sci-integral": torch.tensor([1.0, 1e9]),
        "nan-inf-only": torch.tensor([nan, inf, -inf]),
        "nan-with-values": torch.tensor([1.5, nan, -2.25]),
        "inf-integral": torch.tensor([1.0, inf, 3.0]),
        "inf-sci": torch.tensor([1e-6, -inf, 3.0]),
        "negative-zero": torch.tensor([-0.0, 1.0]),
        "negative-zero-fraction": torch.tensor([-0.0, 1.5]),
        "all-zero": torch.zeros(2, 3),
        "scalar": torch.tensor(2.5),
        "scalar-integral": torch.tensor(-3.0),
        "scalar-nan": torch.tensor(nan),
        "empty-1d": torch.zeros(0),
        "empty-3d": torch.zeros(1, 1, 0),
        "empty-4d": torch.zeros(1, 0, 2, 2),
        "rounding-ties": torch.tensor([0.00005, 1.00005, 2.00015, 0.125]),
        "3d": torch.randn(2, 3, 4, generator=g),
        "4d": torch.randn(1, 2, 3, 3, generator=g),
        "5d": torch.randn(1, 1, 2, 3, 4, generator=g),
        "batch-channels": torch.randint(0, 10, (2, 3, 2, 2), generator=g).float(),
        "wrap-row": torch.randn(1, 1, 1, 30, generator=g),
        "wrap-integral": torch.arange(40.0).view(1, 40),
        "wrap-sci": (torch.randn(25, generator=g) * 1e5),
        "summarize-2d": torch.randn(1, 1, 40, 40, generator=g),
        "summarize-channels": torch.randn(1, 3, 32, 32, generator=g),
        "summarize-1d": torch.arange(2000.0),
        "summarize-narrow": torch.randn(1, 1, 1001, generator=g),
        "summarize-short-dims": torch.randn(3, 400, generator=g),
        "summarize-formatter-sees-edges": torch.cat([torch.ones(500) * 1e-6, torch.ones(501)]).view(1, 1, 1001),
    }
    x = torch.randint(0, 10, (1, 1, 4, 4), generator=g).float()
    import torch.nn.functional as F
    for mode, ac in [("nearest", None), ("bilinear", False), ("bilinear", True), ("bicubic", False), ("area", None)]:
        y = F.interpolate(x, scale_factor=2, mode=mode, **({} if ac is None else {"align_corners": ac}))
        items[f"interp-{mode}-{ac}"] = y
    for k in range(40):
        shape = tuple(int(n) for n in torch.randint(1, 6, (int(torch.randint(1, 5, (1,), generator=g)),), generator=g))
        scale = 10.0 ** float(torch.randint(-6, 9, (1,), generator=g))
        items[f"random-{k:02d}"] = (torch.randn(shape, generator=g) * scale)
    return [
        {"id": k, "shape": list(t.shape), "data": [num(v) for v in t.flatten().tolist()], "repr": repr(t)}
        for k, t in items.items()
    ]


if __name__ == "__main__":
    path = os.path.join(HERE, "repr.json")
    data = {"meta": {"torch": torch.__version__, "generated_by": "tests/golden/generate_repr.py"}, "cases": cases()}
    with open(path, "w") as f:
        json.dump(data, f, separators=(",", ":"))
        f.write("\n")
    print(f"repr.json: {len(data['cases'])} cases, {os.path.getsize(path) / 1024:.0f} KB")
