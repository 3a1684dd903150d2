"""Writes `frameworks.json`: the same resize run by ONNX Runtime, TensorFlow 2, tf.compat.v1,
OpenCV, Pillow and JAX, as fixtures for the framework engines in `src/core/frameworks/`.

Run from the repository root, in its own virtual environment (tensorflow-cpu is large):

    python3 -m venv .venv-frameworks
    .venv-frameworks/bin/pip install numpy onnx onnxruntime opencv-python-headless pillow tensorflow-cpu 'jax[cpu]'
    .venv-frameworks/bin/python tests/golden/generate_frameworks.py

Case format (README "Parity"): `{"id", "framework", "args", "input", "expected"}` with the
input and output always NCHW float32, whatever layout the library uses; `args` are the
library's own argument names (issue #13 lists them per framework). OpenCV runs with its
IPP dispatch switched off (`cv2.ipp.setUseIPP(False)`): its own C++ path, which its source
describes; the default x86 wheels route float32 INTER_LINEAR / INTER_CUBIC through Intel IPP
and may differ in the last bits. Output is deterministic for a given set of library builds.
"""

import json
import math
import os
import sys
import zlib

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("JAX_PLATFORMS", "cpu")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def num(v):
    """A float32 as JSON: its shortest float32 digits, or "nan", "inf", "-inf"."""
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    f = np.float32(v)
    if abs(v) >= 1e-4 or v == 0:
        return float(np.format_float_positional(f, unique=True, trim="0"))
    return float(np.format_float_scientific(f, unique=True))


def tensor_json(a):
    a = np.asarray(a, dtype=np.float32)
    return {"shape": list(a.shape), "data": [num(v) for v in a.flatten().tolist()]}


RNG = np.random.default_rng(20261129)
X4 = np.array([[2, 6, 4, 3], [4, 0, 7, 6], [8, 8, 7, 5], [9, 0, 3, 1]], dtype=np.float32).reshape(1, 1, 4, 4)


def rand(shape, kind="normal"):
    if kind == "int":
        return RNG.integers(0, 10, shape).astype(np.float32)
    return RNG.standard_normal(shape).astype(np.float32)


# ---------------------------------------------------------------- ONNX Runtime

def ort_run(x, args):
    import onnx
    import onnxruntime as ort
    from onnx import TensorProto, helper

    attrs = {k: v for k, v in args.items() if k not in ("sizes", "scales")}
    inputs = ["X", ""]
    inits = []
    if "scales" in args:
        inputs.append("scales")
        inits.append(helper.make_tensor("scales", TensorProto.FLOAT, [4], args["scales"]))
    else:
        inputs += ["", "sizes"]
        inits.append(helper.make_tensor("sizes", TensorProto.INT64, [4], args["sizes"]))
    node = helper.make_node("Resize", inputs, ["Y"], **attrs)
    graph = helper.make_graph(
        [node], "resize",
        [helper.make_tensor_value_info("X", TensorProto.FLOAT, list(x.shape))],
        [helper.make_tensor_value_info("Y", TensorProto.FLOAT, None)],
        initializer=inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 19)])
    model.ir_version = 9
    so = ort.SessionOptions()
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    so.log_severity_level = 3
    sess = ort.InferenceSession(model.SerializeToString(), so, providers=["CPUExecutionProvider"])
    return sess.run(None, {"X": x})[0]


CTMS = ["half_pixel", "half_pixel_symmetric", "pytorch_half_pixel", "align_corners", "asymmetric"]
NEAREST_MODES = ["round_prefer_floor", "round_prefer_ceil", "floor", "ceil"]


def f32_list(v):
    return [float(np.float32(s)) for s in v]


def ort_cases():
    out = []

    def add(cid, x, args):
        out.append(("onnxruntime", cid, x, args))

    # nearest: every transform × nearest_mode, sizes and scales, up and down.
    for ctm in CTMS:
        for nm in NEAREST_MODES:
            base = {"mode": "nearest", "coordinate_transformation_mode": ctm, "nearest_mode": nm}
            add(f"ort-nearest-{ctm}-{nm}-sizes-up", rand((1, 1, 4, 5), "int"), {**base, "sizes": [1, 1, 7, 9]})
            add(f"ort-nearest-{ctm}-{nm}-scales-down", rand((1, 2, 6, 7), "int"), {**base, "scales": f32_list([1, 1, 0.5, 0.6])})
            add(f"ort-nearest-{ctm}-{nm}-scales-ties", rand((1, 1, 4, 2), "int"), {**base, "scales": f32_list([1, 1, 1.5, 20.5])})
    # The exporter's nearest (asymmetric + floor): index ties against PyTorch (14 → 2, 14 → 46).
    for w, s in [(14, 1 / 7), (14, 46 / 14), (7, 31 / 7), (11, 13 / 11)]:
        args = {"mode": "nearest", "coordinate_transformation_mode": "asymmetric", "nearest_mode": "floor", "scales": f32_list([1, 1, 1, s])}
        add(f"ort-nearest-export-w{w}-s{s:.4g}", rand((1, 1, 1, w), "int"), args)
    # Defaults (nearest, half_pixel, round_prefer_floor) on the teaching example.
    add("ort-defaults-x4-up", X4, {"scales": f32_list([1, 1, 2, 2])})
    # linear and cubic: every transform, sizes and scales, up and down.
    for ctm in CTMS:
        add(f"ort-linear-{ctm}-sizes-up", rand((1, 1, 4, 5)), {"mode": "linear", "coordinate_transformation_mode": ctm, "sizes": [1, 1, 9, 7]})
        add(f"ort-linear-{ctm}-scales-down", rand((1, 3, 7, 9)), {"mode": "linear", "coordinate_transformation_mode": ctm, "scales": f32_list([1, 1, 0.45, 0.7])})
        add(f"ort-linear-{ctm}-scales-odd", rand((1, 1, 7, 7)), {"mode": "linear", "coordinate_transformation_mode": ctm, "scales": f32_list([1, 1, 31 / 7, 0.57])})
        add(f"ort-linear-{ctm}-to1", rand((1, 1, 4, 4)), {"mode": "linear", "coordinate_transformation_mode": ctm, "sizes": [1, 1, 1, 3]})
        for a in [-0.75, -0.5]:
            for eo in [0, 1]:
                base = {"mode": "cubic", "coordinate_transformation_mode": ctm, "cubic_coeff_a": a, "exclude_outside": eo}
                add(f"ort-cubic-{ctm}-a{a}-eo{eo}-up", rand((1, 1, 4, 5)), {**base, "sizes": [1, 1, 8, 11]})
                add(f"ort-cubic-{ctm}-a{a}-eo{eo}-down", rand((1, 2, 9, 8)), {**base, "scales": f32_list([1, 1, 0.4, 0.75])})
    # antialias: linear and cubic, both exclude_outside, up and down, a few transforms.
    for mode in ["linear", "cubic"]:
        for ctm in ["half_pixel", "pytorch_half_pixel", "align_corners", "asymmetric", "half_pixel_symmetric"]:
            for eo in [0, 1]:
                base = {"mode": mode, "coordinate_transformation_mode": ctm, "antialias": 1, "exclude_outside": eo}
                if mode == "cubic":
                    base["cubic_coeff_a"] = -0.5
                add(f"ort-aa-{mode}-{ctm}-eo{eo}-down", rand((1, 1, 11, 13)), {**base, "sizes": [1, 1, 4, 5]})
                add(f"ort-aa-{mode}-{ctm}-eo{eo}-scales", rand((1, 1, 9, 10)), {**base, "scales": f32_list([1, 1, 0.35, 1.6])})
    # A scale that keeps an axis's length (int(3 · 1.3) = 3): ONNX Runtime copies the axis.
    # Copied only when the whole output keeps the input's shape.
    for mode in ["nearest", "linear", "cubic"]:
        extra = {"nearest_mode": "floor", "coordinate_transformation_mode": "asymmetric"} if mode == "nearest" else {}
        add(f"ort-{mode}-same-length", rand((1, 1, 3, 5)), {"mode": mode, **extra, "scales": f32_list([1, 1, 1.3, 1.5])})
        add(f"ort-{mode}-same-shape", rand((1, 1, 3, 2)), {"mode": mode, **extra, "scales": f32_list([1, 1, 1.3, 1.45])})
    for mode in ["linear", "cubic"]:
        add(f"ort-aa-{mode}-same-length", rand((1, 1, 3, 9)), {"mode": mode, "antialias": 1, "scales": f32_list([1, 1, 1.3, 0.5])})
    # What torch.onnx.export writes for bilinear/bicubic antialias on the teaching example.
    add("ort-export-bilinear-aa-x4-3", X4, {"mode": "linear", "coordinate_transformation_mode": "half_pixel", "antialias": 1, "exclude_outside": 1, "sizes": [1, 1, 3, 3]})
    add("ort-export-bicubic-aa-x4-3", X4, {"mode": "cubic", "coordinate_transformation_mode": "half_pixel", "antialias": 1, "exclude_outside": 1, "cubic_coeff_a": -0.5, "sizes": [1, 1, 3, 3]})
    add("ort-cubic-default-a-x4-up", X4, {"mode": "cubic", "scales": f32_list([1, 1, 2, 2])})
    return out


# ---------------------------------------------------------------- OpenCV

def cv_run(x, args):
    import cv2

    cv2.ipp.setUseIPP(False)
    interp = getattr(cv2, args["interpolation"])
    planes = []
    for n in range(x.shape[0]):
        chans = []
        for c in range(x.shape[1]):
            src = np.ascontiguousarray(x[n, c])
            if "dsize" in args:
                y = cv2.resize(src, tuple(args["dsize"]), interpolation=interp)
            else:
                y = cv2.resize(src, (0, 0), fx=args["fx"], fy=args["fy"], interpolation=interp)
            chans.append(y)
        planes.append(np.stack(chans))
    return np.stack(planes)


CV_INTERS = ["INTER_NEAREST", "INTER_NEAREST_EXACT", "INTER_LINEAR", "INTER_CUBIC", "INTER_AREA", "INTER_LANCZOS4"]


def cv_cases():
    out = []

    def add(cid, x, args):
        out.append(("opencv", cid, x, args))

    for it in CV_INTERS:
        n = it[6:].lower()
        add(f"cv-{n}-dsize-up", rand((1, 1, 4, 5)), {"interpolation": it, "dsize": [9, 7]})
        add(f"cv-{n}-dsize-down", rand((1, 3, 9, 11)), {"interpolation": it, "dsize": [4, 5]})
        add(f"cv-{n}-dsize-mixed", rand((1, 1, 7, 5)), {"interpolation": it, "dsize": [8, 3]})
        add(f"cv-{n}-fxfy-up", rand((1, 1, 5, 4)), {"interpolation": it, "fx": 2.5, "fy": 1.8})
        add(f"cv-{n}-fxfy-round", rand((1, 1, 9, 29)), {"interpolation": it, "fx": 0.31, "fy": 0.57})
        add(f"cv-{n}-half", rand((1, 1, 8, 6)), {"interpolation": it, "fx": 0.5, "fy": 0.5})
        add(f"cv-{n}-x4-up", X4, {"interpolation": it, "dsize": [8, 8]})
        add(f"cv-{n}-x4-6", X4, {"interpolation": it, "dsize": [6, 6]})
        add(f"cv-{n}-third", rand((1, 1, 9, 12), "int"), {"interpolation": it, "dsize": [4, 3]})
    return out


# ---------------------------------------------------------------- TensorFlow

def tf_run(x, args):
    import tensorflow as tf

    nhwc = tf.constant(np.transpose(x, (0, 2, 3, 1)))
    y = tf.image.resize(nhwc, args["size"], method=args["method"], antialias=args.get("antialias", False))
    return np.transpose(np.asarray(y, dtype=np.float32), (0, 3, 1, 2))


def tf1_run(x, args):
    import tensorflow as tf

    nhwc = tf.constant(np.transpose(x, (0, 2, 3, 1)))
    op = getattr(tf.compat.v1.image, args["op"])
    kw = {"align_corners": args.get("align_corners", False)}
    if args["op"] != "resize_area":
        kw["half_pixel_centers"] = args.get("half_pixel_centers", False)
    y = op(nhwc, args["size"], **kw)
    return np.transpose(np.asarray(y, dtype=np.float32), (0, 3, 1, 2))


TF_METHODS = ["bilinear", "nearest", "bicubic", "area", "lanczos3", "lanczos5", "gaussian", "mitchellcubic"]


def tf_cases():
    out = []
    for m in TF_METHODS:
        for aa in [False, True]:
            out.append(("tensorflow", f"tf-{m}-aa{int(aa)}-up", rand((1, 1, 4, 5)), {"method": m, "size": [9, 7], "antialias": aa}))
            out.append(("tensorflow", f"tf-{m}-aa{int(aa)}-down", rand((1, 3, 9, 11)), {"method": m, "size": [4, 5], "antialias": aa}))
            out.append(("tensorflow", f"tf-{m}-aa{int(aa)}-mixed", rand((1, 1, 7, 5)), {"method": m, "size": [3, 8], "antialias": aa}))
        out.append(("tensorflow", f"tf-{m}-x4-3", X4, {"method": m, "size": [3, 3], "antialias": False}))
    for op in ["resize_bilinear", "resize_nearest_neighbor", "resize_bicubic"]:
        for ac, hpc in [(False, False), (True, False), (False, True)]:
            args = {"op": op, "align_corners": ac, "half_pixel_centers": hpc}
            out.append(("tf.compat.v1", f"tf1-{op}-ac{int(ac)}-hpc{int(hpc)}-up", rand((1, 1, 4, 5)), {**args, "size": [9, 7]}))
            out.append(("tf.compat.v1", f"tf1-{op}-ac{int(ac)}-hpc{int(hpc)}-down", rand((1, 2, 9, 11)), {**args, "size": [4, 5]}))
            out.append(("tf.compat.v1", f"tf1-{op}-ac{int(ac)}-hpc{int(hpc)}-to1", rand((1, 1, 4, 3)), {**args, "size": [1, 2]}))
    for ac in [False, True]:
        args = {"op": "resize_area", "align_corners": ac}
        out.append(("tf.compat.v1", f"tf1-resize_area-ac{int(ac)}-up", rand((1, 1, 4, 5)), {**args, "size": [9, 7]}))
        out.append(("tf.compat.v1", f"tf1-resize_area-ac{int(ac)}-down", rand((1, 2, 9, 11)), {**args, "size": [4, 5]}))
        out.append(("tf.compat.v1", f"tf1-resize_area-ac{int(ac)}-mixed", rand((1, 1, 7, 5)), {**args, "size": [3, 8]}))
    return out


# ---------------------------------------------------------------- Pillow

def pil_run(x, args):
    from PIL import Image

    f = getattr(Image.Resampling, args["resample"])
    w, h = args["size"]
    out = np.empty(x.shape[:2] + (h, w), dtype=np.float32)
    for n in range(x.shape[0]):
        for c in range(x.shape[1]):
            im = Image.fromarray(np.ascontiguousarray(x[n, c]))
            assert im.mode == "F"
            out[n, c] = np.asarray(im.resize((w, h), f), dtype=np.float32)
    return out


PIL_FILTERS = ["NEAREST", "BOX", "BILINEAR", "HAMMING", "BICUBIC", "LANCZOS"]


def pil_cases():
    out = []
    for f in PIL_FILTERS:
        n = f.lower()
        out.append(("pillow", f"pil-{n}-up", rand((1, 1, 4, 5)), {"resample": f, "size": [7, 9]}))
        out.append(("pillow", f"pil-{n}-down", rand((1, 3, 9, 11)), {"resample": f, "size": [5, 4]}))
        out.append(("pillow", f"pil-{n}-width-only", rand((1, 1, 5, 12)), {"resample": f, "size": [5, 5]}))
        out.append(("pillow", f"pil-{n}-height-only", rand((1, 1, 12, 5)), {"resample": f, "size": [5, 4]}))
        out.append(("pillow", f"pil-{n}-x4-6", X4, {"resample": f, "size": [6, 6]}))
        out.append(("pillow", f"pil-{n}-x4-3", X4, {"resample": f, "size": [3, 3]}))
    out.append(("pillow", "pil-box-19-10", rand((1, 1, 19, 3), "int"), {"resample": "BOX", "size": [3, 10]}))
    # Pillow 13's pass order: height pass first when h_in − h_out > 2·(w_in − w_out).
    for (h, w) in [(2, 7), (7, 2), (12, 4), (9, 3)]:
        for f in ["BICUBIC", "LANCZOS"]:
            out.append(("pillow", f"pil-order-{f.lower()}-16x5-{h}x{w}", rand((1, 1, 16, 5)), {"resample": f, "size": [w, h]}))
    return out


# ---------------------------------------------------------------- JAX

def jax_run(x, args):
    import jax
    import jax.numpy as jnp

    y = jax.image.resize(jnp.asarray(x), tuple(args["shape"]), method=args["method"], antialias=args.get("antialias", True))
    return np.asarray(y, dtype=np.float32)


def jax_cases():
    out = []
    for m in ["nearest", "linear", "cubic", "lanczos3", "lanczos5"]:
        for aa in [False, True]:
            out.append(("jax", f"jax-{m}-aa{int(aa)}-up", rand((1, 1, 4, 5)), {"method": m, "shape": [1, 1, 9, 7], "antialias": aa}))
            out.append(("jax", f"jax-{m}-aa{int(aa)}-down", rand((1, 3, 9, 11)), {"method": m, "shape": [1, 3, 4, 5], "antialias": aa}))
        out.append(("jax", f"jax-{m}-x4-6", X4, {"method": m, "shape": [1, 1, 6, 6], "antialias": True}))
    return out


def random_cases():
    """Seeded random calls over every library's main recipes: shapes 1–10 to 1–12, up,
    down and mixed, 1–3 channels (the sweeps behind the README's exactness table)."""
    out = []
    g = np.random.default_rng(7)

    def shape():
        return (1, int(g.integers(1, 4)), int(g.integers(1, 11)), int(g.integers(1, 11)))

    def size():
        return [int(g.integers(1, 13)), int(g.integers(1, 13))]

    for k in range(60):
        x = shape()
        h, w = size()
        mode = ["linear", "cubic", "nearest"][k % 3]
        ctm = CTMS[(k // 3) % 5]
        args = {"mode": mode, "coordinate_transformation_mode": ctm}
        if mode == "cubic":
            args["cubic_coeff_a"] = [-0.75, -0.5][k % 2]
            args["exclude_outside"] = int(g.integers(0, 2))
        if mode == "nearest":
            args["nearest_mode"] = NEAREST_MODES[int(g.integers(0, 4))]
        if mode != "nearest" and k % 4 == 0:
            args["antialias"] = 1
        if k % 2:
            args["sizes"] = [x[0], x[1], h, w]
        else:
            args["scales"] = f32_list([1, 1, h / x[2] + 0.01 * int(g.integers(-3, 4)), w / x[3]])
        out.append(("onnxruntime", f"rand-ort-{k}", rand(x), args))
    for k in range(36):
        x = shape()
        it = CV_INTERS[k % 6]
        h, w = size()
        args = {"interpolation": it, "dsize": [w, h]} if k % 3 else {"interpolation": it, "fx": float(g.choice([0.3, 0.5, 0.7, 1.5, 2.0, 2.5, 3.0])), "fy": float(g.choice([0.4, 0.5, 1.25, 2.0, 3.0]))}
        out.append(("opencv", f"rand-cv-{k}", rand(x), args))
    for k in range(32):
        x = shape()
        m = TF_METHODS[k % 8]
        out.append(("tensorflow", f"rand-tf-{k}", rand(x), {"method": m, "size": size(), "antialias": bool(k % 3 == 0)}))
    for k in range(24):
        x = shape()
        op = ["resize_bilinear", "resize_nearest_neighbor", "resize_bicubic", "resize_area"][k % 4]
        ac, hpc = [(False, False), (True, False), (False, True)][(k // 4) % 3]
        args = {"op": op, "size": size(), "align_corners": ac}
        if op != "resize_area":
            args["half_pixel_centers"] = hpc
        out.append(("tf.compat.v1", f"rand-tf1-{k}", rand(x), args))
    for k in range(30):
        x = shape()
        h, w = size()
        out.append(("pillow", f"rand-pil-{k}", rand(x), {"resample": PIL_FILTERS[k % 6], "size": [w, h]}))
    for k in range(20):
        x = shape()
        h, w = size()
        m = ["nearest", "linear", "cubic", "lanczos3", "lanczos5"][k % 5]
        out.append(("jax", f"rand-jax-{k}", rand(x), {"method": m, "shape": [x[0], x[1], h, w], "antialias": bool(k % 2)}))
    # Pillow 13's pass order (python-pillow/Pillow#9549): height shrunk by 2–6, width by 1–2.
    for h in [6, 4, 3, 2]:
        for w in [7, 6, 5, 4]:
            out.append(("pillow", f"pil-order-12x8-{h}x{w}", rand((1, 1, 12, 8)), {"resample": "BILINEAR", "size": [w, h]}))
    # OpenCV's integer-factor INTER_AREA (and 2× INTER_LINEAR) on rows of 4+ outputs (SIMD).
    for it in ["INTER_AREA", "INTER_LINEAR"]:
        out.append(("opencv", f"cv-{it[6:].lower()}-half-wide", rand((1, 2, 8, 22)), {"interpolation": it, "dsize": [11, 4]}))
    out.append(("opencv", "cv-area-third-wide", rand((1, 1, 9, 27)), {"interpolation": "INTER_AREA", "dsize": [9, 3]}))
    out.append(("opencv", "cv-area-2x3-wide", rand((1, 1, 9, 20)), {"interpolation": "INTER_AREA", "dsize": [10, 3]}))
    # Larger planes, so that vectorised loops run several chunks (one of each main recipe).
    big = [((1, 1, 21, 34), (27, 17)), ((1, 2, 30, 19), (13, 40))]
    for k, (shp, (h, w)) in enumerate(big):
        out.append(("onnxruntime", f"big-ort-linear-{k}", rand(shp), {"mode": "linear", "sizes": [shp[0], shp[1], h, w]}))
        out.append(("onnxruntime", f"big-ort-cubic-{k}", rand(shp), {"mode": "cubic", "sizes": [shp[0], shp[1], h, w]}))
        out.append(("onnxruntime", f"big-ort-aa-{k}", rand(shp), {"mode": "cubic", "antialias": 1, "exclude_outside": 1, "cubic_coeff_a": -0.5, "sizes": [shp[0], shp[1], h, w]}))
        for it in ["INTER_LINEAR", "INTER_CUBIC", "INTER_AREA", "INTER_LANCZOS4"]:
            out.append(("opencv", f"big-cv-{it[6:].lower()}-{k}", rand(shp), {"interpolation": it, "dsize": [w, h]}))
        for m in ["bilinear", "bicubic", "area", "lanczos3"]:
            out.append(("tensorflow", f"big-tf-{m}-{k}", rand(shp), {"method": m, "size": [h, w], "antialias": m == "lanczos3"}))
        for f in ["BILINEAR", "BICUBIC", "LANCZOS"]:
            out.append(("pillow", f"big-pil-{f.lower()}-{k}", rand(shp), {"resample": f, "size": [w, h]}))
    # align_corners from a 1-pixel axis: (1 − 1)/(out − 1) = 0 in the source.
    for op in ["resize_bilinear", "resize_nearest_neighbor", "resize_bicubic", "resize_area"]:
        out.append(("tf.compat.v1", f"tf1-{op}-ac1-from1", rand((1, 2, 1, 4)), {"op": op, "size": [3, 7], "align_corners": True, **({} if op == "resize_area" else {"half_pixel_centers": False})}))
    # Rejected calls: the library's exception text must contain the core's message.
    out.append(("tf.compat.v1", "err-tf1-ac-hpc", X4, {"op": "resize_bilinear", "size": [3, 3], "align_corners": True, "half_pixel_centers": True}))
    out.append(("opencv", "err-cv-empty-dsize", X4, {"interpolation": "INTER_LINEAR", "fx": 0.1, "fy": 0.1}))
    out.append(("opencv", "err-cv-zero-fx", X4, {"interpolation": "INTER_LINEAR", "fx": 0.0, "fy": 1.0}))
    out.append(("onnxruntime", "err-ort-aa-nearest", X4, {"mode": "nearest", "antialias": 1, "sizes": [1, 1, 2, 2]}))
    out.append(("onnxruntime", "err-ort-negative-scale", X4, {"mode": "linear", "scales": [1.0, 1.0, -2.0, 2.0]}))
    out.append(("jax", "err-jax-rank", X4, {"method": "linear", "shape": [4, 4], "antialias": True}))
    out.append(("tensorflow", "err-tf-zero-size", X4, {"method": "bilinear", "size": [0, 3], "antialias": False}))
    # Nearest ties: 4 → 6 (Pillow and OpenCV pick pixel 2 where the others pick 3).
    out.append(("tensorflow", "tf-nearest-x4-6", X4, {"method": "nearest", "size": [6, 6], "antialias": False}))
    out.append(("tf.compat.v1", "tf1-nearest-ac-x4-6", X4, {"op": "resize_nearest_neighbor", "size": [6, 6], "align_corners": True, "half_pixel_centers": False}))
    return out


RUNNERS = {"onnxruntime": ort_run, "opencv": cv_run, "tensorflow": tf_run, "tf.compat.v1": tf1_run, "pillow": pil_run, "jax": jax_run}
MODULES = {"onnxruntime": "onnxruntime", "opencv": "cv2", "tensorflow": "tensorflow", "tf.compat.v1": "tensorflow", "pillow": "PIL", "jax": "jax"}


def main():
    only = set(sys.argv[1:])
    groups = [ort_cases, cv_cases, tf_cases, pil_cases, jax_cases, random_cases]
    cases, versions, skipped = [], {"numpy": np.__version__}, []
    global RNG
    for g in groups:
        # Each group draws from its own generator, so adding cases to one leaves the others.
        RNG = np.random.default_rng(zlib.crc32(g.__name__.encode()))
        for fw, cid, x, args in g():
            if only and fw not in only:
                continue
            try:
                mod = __import__(MODULES[fw])
            except ImportError as e:
                skipped.append(f"{fw}: {e}")
                continue
            versions[MODULES[fw]] = getattr(mod, "__version__", "?")
            c = {"id": cid, "framework": fw, "args": args, "input": tensor_json(x)}
            try:
                c["expected"] = tensor_json(RUNNERS[fw](np.ascontiguousarray(x, dtype=np.float32), args))
            except Exception as e:  # noqa: BLE001 - every rejection is a fixture
                c["error"] = {"type": type(e).__name__, "message": str(e)}
            cases.append(c)
    if "onnxruntime" in versions or "onnx" not in versions:
        try:
            import onnx
            versions["onnx"] = onnx.__version__
        except ImportError:
            pass
    meta = {
        "generator": "tests/golden/generate_frameworks.py",
        "versions": versions,
        "python": sys.version.split()[0],
        "opencv_ipp": False,
        "onnxruntime": "CPUExecutionProvider, graph optimisations disabled, opset 19",
    }
    for s in sorted(set(skipped)):
        print(f"not installed: {s}", file=sys.stderr)
    path = os.path.join(HERE, "frameworks.json")
    with open(path, "w") as f:
        json.dump({"meta": meta, "cases": cases}, f, separators=(",", ":"))
        f.write("\n")
    counts = {}
    for c in cases:
        counts[c["framework"]] = counts.get(c["framework"], 0) + 1
    print(f"wrote {len(cases)} cases to {path}: {counts}")


if __name__ == "__main__":
    main()
