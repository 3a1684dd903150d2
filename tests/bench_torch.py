"""Times PyTorch's F.interpolate (float32, CPU, one thread) on the same call as the crate's
bench command, and optionally compares with it.

Usage (from the repository root; flags are those of `cargo run --release --bin bench`):

    .venv-torch/bin/python tests/bench_torch.py --shape 1,3,512,512 --mode bilinear --scale_factor 2
        [--align_corners true] [--antialias true] [--size H,W] [--runs 20]
        -> prints `torch_median_ms: X`

    ... --ours     also runs `cargo run --release --bin bench -- <the same flags>` (whose last
                   line is `median_ms: X`) and prints `ours_median_ms: Y` and
                   `ratio (torch/ours): R` (above 1 means the crate is faster)

    .venv-torch/bin/python tests/bench_torch.py --table [--runs 20]
        -> every mode at x2 (nearest, nearest-exact, bilinear, bicubic, area on 1x3x512x512;
           linear on 1x3x262144; trilinear on 1x3x64x64x64) and bilinear / bicubic / lanczos
           with antialias at x0.5 on 1x3x512x512, as a Markdown table
           (mode, shape, torch ms, ours ms, ratio)

The input is a fixed seeded uniform [0, 1) tensor; each measurement is one warm-up call
followed by the median of `--runs` (at least 15) timed calls. `cargo` honours
CARGO_TARGET_DIR as usual.
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import time

import torch
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIN_RUNS = 15

TABLE = [
    # (mode, shape, scale_factor, antialias)
    ("nearest", (1, 3, 512, 512), 2.0, False),
    ("nearest-exact", (1, 3, 512, 512), 2.0, False),
    ("bilinear", (1, 3, 512, 512), 2.0, False),
    ("bicubic", (1, 3, 512, 512), 2.0, False),
    ("area", (1, 3, 512, 512), 2.0, False),
    ("linear", (1, 3, 262144), 2.0, False),
    ("trilinear", (1, 3, 64, 64, 64), 2.0, False),
    ("bilinear", (1, 3, 512, 512), 0.5, True),
    ("bicubic", (1, 3, 512, 512), 0.5, True),
    ("lanczos", (1, 3, 512, 512), 0.5, True),
]


def ints(text):
    return tuple(int(v) for v in text.split(","))


def floats(text):
    return tuple(float(v) for v in text.split(","))


def flag_bool(text):
    if text in ("true", "True"):
        return True
    if text in ("false", "False"):
        return False
    raise argparse.ArgumentTypeError("takes true or false")


def parse():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--shape", type=ints, default=(1, 3, 512, 512))
    p.add_argument("--mode", default="bilinear")
    p.add_argument("--scale_factor", type=floats, default=None)
    p.add_argument("--size", type=ints, default=None)
    p.add_argument("--align_corners", type=flag_bool, default=None)
    p.add_argument("--antialias", type=flag_bool, default=False)
    p.add_argument("--runs", type=int, default=20)
    p.add_argument("--ours", action="store_true", help="also run the crate's bench command and print the ratio")
    p.add_argument("--table", action="store_true", help="time every mode and print a Markdown table")
    args = p.parse_args()
    if args.size is None and args.scale_factor is None:
        args.scale_factor = (2.0,)  # the bench command's default
    args.runs = max(args.runs, MIN_RUNS)
    return args


def kwargs_of(mode, scale_factor, size, align_corners, antialias):
    kw = {"mode": mode}
    if size is not None:
        kw["size"] = size
    else:
        kw["scale_factor"] = scale_factor[0] if len(scale_factor) == 1 else scale_factor
    if align_corners is not None:
        kw["align_corners"] = align_corners
    if antialias:
        kw["antialias"] = True
    return kw


def time_torch(shape, kw, runs):
    torch.set_num_threads(1)
    g = torch.Generator().manual_seed(66666)
    x = torch.rand(shape, generator=g, dtype=torch.float32)
    with torch.inference_mode():
        F.interpolate(x, **kw)  # warm-up
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            F.interpolate(x, **kw)
            times.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(times)


def bench_flags(shape, mode, scale_factor, size, align_corners, antialias, runs):
    flags = ["--shape", ",".join(map(str, shape)), "--mode", mode]
    if size is not None:
        flags += ["--size", ",".join(map(str, size))]
    else:
        flags += ["--scale_factor", ",".join(repr(float(s)) for s in scale_factor)]
    if align_corners is not None:
        flags += ["--align_corners", "true" if align_corners else "false"]
    if antialias:
        flags += ["--antialias", "true"]
    flags += ["--runs", str(runs)]
    return flags


def time_ours(flags):
    """The crate's bench command; None (with its error on stderr) when it fails."""
    cmd = ["cargo", "run", "--release", "--quiet", "--bin", "bench", "--"] + flags
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    found = re.findall(r"^median_ms:\s*([0-9.eE+-]+)\s*$", proc.stdout, re.MULTILINE)
    if proc.returncode != 0 or not found:
        sys.stderr.write(f"bench command failed ({' '.join(cmd)}):\n{proc.stdout}{proc.stderr}\n")
        return None
    return float(found[-1])


def fmt_ms(ms):
    return "n/a" if ms is None else f"{ms:.3f}"


def single(args):
    kw = kwargs_of(args.mode, args.scale_factor, args.size, args.align_corners, args.antialias)
    torch_ms = time_torch(args.shape, kw, args.runs)
    print(f"torch {args.mode} {list(args.shape)} {kw}, {args.runs} runs, 1 thread")
    print(f"torch_median_ms: {torch_ms:.3f}")
    if args.ours:
        flags = bench_flags(args.shape, args.mode, args.scale_factor, args.size, args.align_corners, args.antialias, args.runs)
        ours_ms = time_ours(flags)
        if ours_ms is None:
            return 1
        print(f"ours_median_ms: {ours_ms:.3f}")
        print(f"ratio (torch/ours): {torch_ms / ours_ms:.2f}")
    return 0


def table(args):
    print(f"PyTorch {torch.__version__}, 1 thread, median of {args.runs} runs after a warm-up\n")
    print("| mode | shape | torch ms | ours ms | ratio |")
    print("|---|---|---:|---:|---:|")
    for mode, shape, scale, antialias in TABLE:
        kw = kwargs_of(mode, (scale,), None, None, antialias)
        torch_ms = time_torch(shape, kw, args.runs)
        ours_ms = time_ours(bench_flags(shape, mode, (scale,), None, None, antialias, args.runs))
        ratio = "n/a" if ours_ms is None else f"{torch_ms / ours_ms:.2f}"
        label = f"{mode}, antialias, ×{scale:g}" if antialias else f"{mode}, ×{scale:g}"
        print(f"| {label} | {'×'.join(map(str, shape))} | {fmt_ms(torch_ms)} | {fmt_ms(ours_ms)} | {ratio} |", flush=True)
    return 0


if __name__ == "__main__":
    a = parse()
    sys.exit(table(a) if a.table else single(a))
