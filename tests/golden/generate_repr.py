"""Writes tests/golden/repr.json: float32 tensors and the exact text `print()` writes for
them with PyTorch's default print options (precision 4, threshold 1000, edgeitems 3,
linewidth 80, sci_mode None), covering every rule of `torch/_tensor_str.py`. The native
test `tests/repr.rs` checks `upsample_explainer::core::torch_repr` against every case.

    /work/venv-torch/bin/python tests/golden/generate_repr.py

Format: {"meta": {"torch", "generated_by"}, "cases": [{"id", "shape", "data", "repr"}]},
data row-major, float32 values as JSON numbers (`float(np.float32(v))`, which reads back
as the same float32), non-finite values as the strings "nan", "inf", "-inf".
"""

import io
import json
import math
import os
from contextlib import redirect_stdout

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
nan, inf = float("nan"), float("inf")


def t(values):
    return torch.tensor(values, dtype=torch.float32)


def num(v):
    v = float(np.float32(v))
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def printed(x):
    """Exactly what `print(x)` writes, minus the final newline."""
    buf = io.StringIO()
    with redirect_stdout(buf):
        print(x)
    text = buf.getvalue()
    assert text.endswith("\n")
    return text[:-1]


def seed_input():
    torch.manual_seed(66666)
    return torch.randint(0, 10, (1, 1, 4, 4)).float()


def cases():
    torch.set_printoptions(profile="default")
    g = torch.Generator().manual_seed(2015)

    def randn(*shape):
        return torch.randn(*shape, generator=g)

    def randint(lo, hi, shape):
        return torch.randint(lo, hi, shape, generator=g).float()

    def coarse(*shape):
        # Multiples of 1/64: short in JSON, still fixed-mode fractions when printed.
        return torch.randint(-1024, 1024, shape, generator=g).float() / 64.0

    items = {}

    # -- Value formats: int mode, fixed 4 decimals, widths.
    items["int-2x2"] = t([[2.0, 6.0], [4.0, 3.0]])
    items["int-negative"] = t([-12.0, 3.0, 0.0, 7.0])
    items["int-wide"] = t([1.0, 12345.0, -678.0])
    items["int-large-fixed"] = t([99999999.0, 1.0e5])  # max < 1e8, ratio < 1000: no sci
    items["int-single"] = t([5.0])
    items["fractions"] = t([1.5, -10.25, 0.0, 3.14159])
    items["fractions-small"] = t([0.1, 0.2, 0.3])
    items["fractions-negative"] = t([-0.5, -0.25, -0.125])
    items["mixed-width"] = t([[0.5, 123.456], [-99.5, 7.0]])
    items["mixed-int-and-fraction"] = t([1.0, 2.0, 2.5])
    items["rounding-up-width"] = t([9.99996, 1.0])  # rounds to 10.0000
    items["rounding-ties-fixed"] = t([0.03125, 0.15625, 1.03125, -2.09375, 0.5])
    items["rounding-ties-more"] = t([1.28125, 3.40625, 7.21875, 0.46875])
    items["rounding-near-ties"] = t([0.00005, 1.00005, 2.00015, 0.125])
    items["fixed-min-1e-4"] = t([1.0e-4, 0.05])  # float32 1e-4 is just above 1e-4
    items["fixed-ratio-below-1000"] = t([0.01, 9.99])
    items["fixed-ratio-exactly-1000"] = t([1.0, 1000.0])

    # -- Scientific notation: both triggers.
    items["sci-ratio"] = t([1.0e-3, 2.0, 5000.0])
    items["sci-ratio-int"] = t([1.0, 1001.0])
    items["sci-large"] = t([1.5e8, 2.0e8])
    items["sci-large-int"] = t([1.0, 1.0e9])
    items["sci-huge"] = t([3.0e38, -1.0e30])
    items["sci-small"] = t([5.0e-5, 7.0e-5])
    items["sci-tiny"] = t([1.0e-30, 2.5e-38, 1.0e-45])
    items["sci-negative"] = t([-1.0e-5, 3.0, -2.0e4])
    items["sci-rounding-carry"] = t([9.99995e5, 1.0e-2])
    items["sci-rounding-ties"] = t([103.125, 1.0e-3, 0.0])
    items["sci-with-zero"] = t([0.0, 1.0e-6, -0.0])

    # -- Non-finite values and zeros.
    items["nan-inf-only"] = t([nan, inf, -inf])
    items["nan-only"] = t([nan, nan])
    items["inf-only"] = t([inf, inf])
    items["nan-with-fractions"] = t([1.5, nan, -2.25])
    items["nan-with-ints"] = t([1.0, nan, 3.0])
    items["inf-with-ints"] = t([1.0, inf, 3.0])
    items["neginf-with-ints"] = t([[-inf, 10.0], [2.0, 3.0]])
    items["inf-with-sci"] = t([1.0e-6, -inf, 3.0])
    items["nan-with-sci"] = t([nan, 2.0e9])
    items["inf-nan-zero"] = t([0.0, inf, nan, -0.0])
    items["negative-zero"] = t([-0.0, 1.0])
    items["negative-zero-only"] = t([-0.0, -0.0])
    items["negative-zero-fraction"] = t([-0.0, 1.5])
    items["all-zero-2x3"] = torch.zeros(2, 3)
    items["all-zero-4d"] = torch.zeros(1, 1, 2, 2)

    # -- 0-d tensors.
    items["scalar-fraction"] = torch.tensor(2.5)
    items["scalar-int"] = torch.tensor(-3.0)
    items["scalar-zero"] = torch.tensor(0.0)
    items["scalar-neg-zero"] = torch.tensor(-0.0)
    items["scalar-nan"] = torch.tensor(nan)
    items["scalar-inf"] = torch.tensor(-inf)
    items["scalar-sci"] = torch.tensor(1.0e-7)
    items["scalar-large"] = torch.tensor(3.0e9)

    # -- Empty tensors.
    items["empty-1d"] = torch.zeros(0)
    items["empty-2d"] = torch.zeros(0, 3)
    items["empty-3d"] = torch.zeros(1, 1, 0)
    items["empty-4d"] = torch.zeros(1, 0, 2, 2)
    items["empty-5d"] = torch.zeros(1, 1, 0, 4, 4)

    # -- Ranks 1-D ... 5-D: nesting, indentation, blank lines between slices.
    items["1d"] = randn(5)
    items["2d"] = randn(3, 4)
    items["3d"] = randn(2, 3, 4)
    items["4d-1x1x8x8-int"] = randint(0, 10, (1, 1, 8, 8))
    items["4d-1x1x8x8"] = randn(1, 1, 8, 8)
    items["4d-2x3x2x2-int"] = randint(-9, 10, (2, 3, 2, 2))
    items["4d-2x3x2x2"] = randn(2, 3, 2, 2)
    items["5d-1x1x2x3x4"] = randn(1, 1, 2, 3, 4)
    items["5d-2x2x2x2x2-int"] = randint(0, 100, (2, 2, 2, 2, 2))
    items["5d-singletons"] = randn(1, 1, 1, 1, 3)
    items["column"] = randn(4, 1)

    # -- Rows wider than 80 columns wrap (elements_per_line depends on the indent).
    items["wrap-1x1x1x30"] = randn(1, 1, 1, 30)
    items["wrap-1d-30"] = randn(30)
    items["wrap-1d-int-40"] = torch.arange(40.0)
    items["wrap-2d-int"] = torch.arange(60.0).view(2, 30)
    items["wrap-sci"] = randn(25) * 1.0e5
    items["wrap-5d"] = randn(1, 1, 1, 2, 20)
    items["wrap-exact-fit"] = randn(1, 11) * 10  # width 7 + 2: 8 per line at indent 8
    items["wrap-wide-values"] = randn(1, 1, 12) * 1.0e6
    items["wrap-with-nan"] = torch.where(torch.arange(24) % 5 == 0, torch.tensor(nan), randn(24))

    # -- Summarisation above 1000 elements (the formatter only sees the printed values).
    items["summarize-1x1x40x40"] = randn(1, 1, 40, 40)
    items["summarize-1x3x32x32"] = coarse(1, 3, 32, 32)
    items["summarize-1x1x2000"] = torch.arange(2000.0).view(1, 1, 2000)
    items["summarize-1d-1001"] = coarse(1001)
    items["summarize-short-dims"] = coarse(3, 400)
    items["summarize-5d"] = coarse(1, 2, 8, 8, 8)
    items["summarize-int"] = randint(0, 1000, (1, 1, 40, 40))
    items["summarize-sci"] = randn(1, 1, 32, 32) * 1.0e9
    edges = torch.ones(1, 1, 1001)
    edges[0, 0, 500] = 1.0e-6  # hidden by "...": does not switch to sci mode
    items["summarize-hidden-small"] = edges
    hidden = torch.ones(40, 40)
    hidden[20, 20] = 0.5  # hidden: stays in int mode
    items["summarize-hidden-fraction"] = hidden
    shown = torch.ones(40, 40)
    shown[39, 0] = 0.5  # printed: fixed mode
    items["summarize-shown-fraction"] = shown
    items["summarize-nan"] = torch.full((1, 1, 33, 33), nan)
    items["summarize-exactly-1000"] = coarse(1, 1, 10, 100)  # not summarised
    items["summarize-1001-dims-short"] = coarse(7, 11, 13)

    # -- Real F.interpolate outputs (the seed example and friends).
    x = seed_input()
    items["seed-input"] = x
    items["seed-nearest-x2"] = F.interpolate(x, scale_factor=2.0, mode="nearest")
    items["seed-nearest-exact-x2"] = F.interpolate(x, scale_factor=2.0, mode="nearest-exact")
    items["seed-bilinear-x2"] = F.interpolate(x, scale_factor=2.0, mode="bilinear", align_corners=False)
    items["seed-bilinear-ac-x2"] = F.interpolate(x, scale_factor=2.0, mode="bilinear", align_corners=True)
    items["seed-bicubic-x2"] = F.interpolate(x, scale_factor=2.0, mode="bicubic", align_corners=False)
    items["seed-bicubic-ac-x2"] = F.interpolate(x, scale_factor=2.0, mode="bicubic", align_corners=True)
    items["seed-area-x0.5"] = F.interpolate(x, scale_factor=0.5, mode="area")
    items["seed-bilinear-aa-x0.5"] = F.interpolate(x, scale_factor=0.5, mode="bilinear", antialias=True)
    items["seed-bilinear-size-5x7"] = F.interpolate(x, size=(5, 7), mode="bilinear")
    items["seed-bicubic-x5"] = F.interpolate(x, scale_factor=5.0, mode="bicubic")
    items["linear-1d"] = F.interpolate(randn(1, 2, 5), scale_factor=2.0, mode="linear")
    items["trilinear-3d"] = F.interpolate(randn(1, 1, 2, 2, 2), scale_factor=2.0, mode="trilinear")
    items["bilinear-16-to-32"] = F.interpolate(randn(1, 1, 16, 16), scale_factor=2.0, mode="bilinear")

    # -- Random tensors over many magnitudes, with and without non-finite values.
    for k in range(24):
        rank = int(torch.randint(1, 6, (1,), generator=g))
        shape = tuple(int(n) for n in torch.randint(1, 5, (rank,), generator=g))
        scale = 10.0 ** float(torch.randint(-7, 10, (1,), generator=g))
        v = randn(*shape) * scale
        kind = k % 4
        if kind == 1:
            v = torch.round(v)
        elif kind == 2:
            mask = torch.rand(shape, generator=g)
            v = torch.where(mask < 0.15, torch.tensor(nan), v)
            v = torch.where(mask > 0.9, torch.tensor(-inf), v)
        elif kind == 3:
            v = torch.where(torch.rand(shape, generator=g) < 0.3, torch.tensor(-0.0), v)
        items[f"random-{k:02d}"] = v

    out = []
    for name, x in items.items():
        x = x.to(torch.float32).contiguous()
        out.append(
            {
                "id": name,
                "shape": list(x.shape),
                "data": [num(v) for v in x.flatten().tolist()],
                "repr": printed(x),
            }
        )
    return out


if __name__ == "__main__":
    path = os.path.join(HERE, "repr.json")
    data = {
        "meta": {"torch": torch.__version__, "generated_by": "tests/golden/generate_repr.py"},
        "cases": cases(),
    }
    ids = [c["id"] for c in data["cases"]]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    with open(path, "w") as f:
        json.dump(data, f, separators=(",", ":"))
        f.write("\n")
    print(f"repr.json: {len(ids)} cases, {os.path.getsize(path) / 1024:.0f} KB")
