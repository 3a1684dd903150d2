"""Writes the image mode's fixtures from real PyTorch: `pictures.json` and `own.png`.

Run from the repository root, in the virtual environment of tests/golden/README.md:

    .venv-torch/bin/python tests/golden/generate_pictures.py

Inputs:

* the built-in pictures (`zoneplate`, `edge`, `grid`), exactly as the app generates them:
  this script runs `cargo run --example builtin_images` and reads the `.npy` files it
  writes, so the fixtures are PyTorch's outputs on the app's own bits;
* `own.png`, a small RGB picture this script writes (pixels from `own_pixels`, which
  `tests/pictures.rs` repeats), standing for a user's file: what
  `pil_to_tensor(Image.open('own.png').convert('RGB')).float()[None]` gives.

Each case names the page's URL query for the call (`mode=...&scale_factor=...`) and the
SHA-256 of the input's and output's float32 little-endian bytes (the data of the `.npy`
downloads after their header), with the output's shape, range and first values to read a
failure by. The outputs are too large to commit whole; a single flipped bit changes a hash.
"""

import hashlib
import json
import os
import struct
import subprocess
import sys
import tempfile
import zlib

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

OWN_W, OWN_H = 40, 30

CASES = {
    "zoneplate": [
        "mode=nearest&scale_factor=0.5",
        "mode=bilinear&scale_factor=0.5&align_corners=false",
        "mode=bilinear&scale_factor=0.5&align_corners=false&antialias=true",
        "mode=area&scale_factor=0.5",
        "mode=bicubic&size=200&align_corners=false",
    ],
    "edge": [
        "mode=bicubic&scale_factor=4&align_corners=false",
        "mode=bilinear&scale_factor=4&align_corners=false",
        "mode=nearest-exact&scale_factor=4",
        "mode=bicubic&scale_factor=0.5&align_corners=false&antialias=true",
    ],
    "grid": [
        "mode=bilinear&scale_factor=0.5&align_corners=true",
        "mode=bilinear&scale_factor=0.5&align_corners=false",
        "mode=bilinear&scale_factor=2&align_corners=true",
        "mode=nearest&scale_factor=0.5",
    ],
    "own.png": [
        "mode=bilinear&scale_factor=2&align_corners=false",
        "mode=bicubic&scale_factor=3&align_corners=true",
    ],
}


def own_pixels(x, y):
    """The RGB of own.png's pixel at column x, row y (repeated in tests/pictures.rs)."""
    return ((x * 17 + y * 5) % 256, (x * y * 3) % 256, ((x ^ y) * 11 + 7) % 256)


def write_png(path, width, height, pixel):
    """An 8-bit RGB PNG (colour type 2), no filtering."""
    raw = b"".join(b"\x00" + bytes(v for x in range(width) for v in pixel(x, y)) for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def kwargs(query):
    """The keyword arguments a page query passes."""
    out = {}
    for pair in query.split("&"):
        key, value = pair.split("=")
        if key == "mode":
            out[key] = value
        elif key == "scale_factor":
            out[key] = float(value)
        elif key == "size":
            out[key] = int(value)
        elif key in ("align_corners", "antialias", "recompute_scale_factor"):
            out[key] = value == "true"
        else:
            raise ValueError(key)
    return out


def sha256(t):
    return hashlib.sha256(t.contiguous().numpy().astype("<f4").tobytes()).hexdigest()


def main():
    torch.set_num_threads(max(2, torch.get_num_threads()))
    inputs = {}
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["cargo", "run", "--quiet", "--example", "builtin_images", "--", tmp], cwd=ROOT, check=True)
        for name in ("zoneplate", "edge", "grid"):
            inputs[name] = torch.from_numpy(np.load(os.path.join(tmp, name + ".npy")))
    write_png(os.path.join(HERE, "own.png"), OWN_W, OWN_H, own_pixels)
    own = np.array([[own_pixels(x, y) for x in range(OWN_W)] for y in range(OWN_H)], dtype=np.uint8)
    # pil_to_tensor: H×W×C bytes → C×H×W; float(); a batch of one.
    inputs["own.png"] = torch.from_numpy(own).permute(2, 0, 1).float()[None].contiguous()

    cases = []
    for image, queries in CASES.items():
        x = inputs[image]
        for query in queries:
            y = F.interpolate(x, **kwargs(query))
            flat = y.flatten()
            cases.append({
                "id": f"{image.split('.')[0]}-{query.replace('mode=', '').replace('&', '-').replace('=', '')}",
                "image": image,
                "query": query,
                "input": {"shape": list(x.shape), "sha256": sha256(x)},
                "output": {
                    "shape": list(y.shape),
                    "sha256": sha256(y),
                    "min": float(y.min()),
                    "max": float(y.max()),
                    "first": [float(v) for v in flat[:8]],
                },
            })
    meta = {
        "torch": torch.__version__,
        "cpu_capability": torch.backends.cpu.get_cpu_capability(),
        "threads": torch.get_num_threads(),
        "numpy": np.__version__,
        "python": sys.version.split()[0],
    }
    with open(os.path.join(HERE, "pictures.json"), "w") as f:
        # One case a line: diffs of a regeneration read case by case.
        head = {"meta": meta, "own_png": {"width": OWN_W, "height": OWN_H}}
        f.write(json.dumps(head)[:-1] + ', "cases": [\n')
        f.write(",\n".join(json.dumps(c) for c in cases))
        f.write("\n]}\n")
    print(f"pictures.json: {len(cases)} cases")


if __name__ == "__main__":
    main()
