//! A library call as the Python a user would paste: the one line that resizes an NCHW
//! float32 array named `x` (a NumPy array; TensorFlow gets it as NHWC, OpenCV and Pillow one
//! `(n, c)` plane at a time), with only the arguments that differ from the library's
//! defaults, in the fixtures' spelling.

use super::{CvResizeTo, FrameworkArgs, OrtResizeTo};
use crate::core::{py_float, Tensor};

/// A float32 as Python writes the float32 it stands for: its shortest digits (`0.6`, `-0.75`,
/// `2.0`), which `np.float32(…)` reads back exactly.
fn py_float32(v: f32) -> String {
    let s = format!("{v}");
    if s.contains(['.', 'e', 'N', 'i']) {
        s
    } else {
        format!("{s}.0")
    }
}

/// The Python line for `args` on the NCHW array `x`.
pub fn framework_python(args: &FrameworkArgs) -> String {
    match args {
        FrameworkArgs::OnnxRuntime(a) => {
            let mut attrs = vec![format!("mode='{}'", a.mode.name())];
            attrs.push(format!("coordinate_transformation_mode='{}'", a.coordinate_transformation_mode.name()));
            if a.mode == super::OrtMode::Nearest {
                attrs.push(format!("nearest_mode='{}'", a.nearest_mode.name()));
            }
            if a.mode == super::OrtMode::Cubic {
                attrs.push(format!("cubic_coeff_a={}", py_float32(a.cubic_coeff_a)));
            }
            if a.exclude_outside {
                attrs.push("exclude_outside=1".into());
            }
            if a.antialias {
                attrs.push("antialias=1".into());
            }
            let (inputs, tensor) = match a.to {
                OrtResizeTo::Scales(s) => (
                    "['X', '', 'scales']",
                    format!(
                        "scales = numpy_helper.from_array(np.array([{}], np.float32), 'scales')",
                        s.iter().map(|&v| py_float32(v)).collect::<Vec<_>>().join(", ")
                    ),
                ),
                OrtResizeTo::Sizes(s) => (
                    "['X', '', '', 'sizes']",
                    format!(
                        "sizes = numpy_helper.from_array(np.array([{}], np.int64), 'sizes')",
                        s.iter().map(i64::to_string).collect::<Vec<_>>().join(", ")
                    ),
                ),
            };
            format!("{tensor}\nhelper.make_node('Resize', {inputs}, ['Y'], {})", attrs.join(", "))
        }
        FrameworkArgs::TensorFlow(a) => {
            let antialias = if a.antialias { ", antialias=True" } else { "" };
            format!(
                "tf.image.resize(tf.transpose(x, [0, 2, 3, 1]), [{}, {}], method='{}'{antialias})",
                a.size[0],
                a.size[1],
                a.method.name()
            )
        }
        FrameworkArgs::TfCompatV1(a) => {
            let mut flags = Vec::new();
            if a.align_corners {
                flags.push("align_corners=True".to_string());
            }
            if a.half_pixel_centers && a.op != super::Tf1Op::ResizeArea {
                flags.push("half_pixel_centers=True".to_string());
            }
            let flags: String = flags.iter().map(|f| format!(", {f}")).collect();
            format!(
                "tf.compat.v1.image.{}(tf.transpose(x, [0, 2, 3, 1]), [{}, {}]{flags})",
                a.op.name(),
                a.size[0],
                a.size[1]
            )
        }
        FrameworkArgs::OpenCv(a) => {
            let target = match a.to {
                CvResizeTo::Dsize([w, h]) => format!("({w}, {h})"),
                CvResizeTo::Factors { fx, fy } => format!("None, fx={}, fy={}", py_float(fx), py_float(fy)),
            };
            format!("cv2.resize(x[n, c], {target}, interpolation=cv2.{})", a.interpolation.name())
        }
        FrameworkArgs::Pillow(a) => format!(
            "Image.fromarray(x[n, c]).resize(({}, {}), Image.Resampling.{})",
            a.size[0],
            a.size[1],
            a.resample.name()
        ),
        FrameworkArgs::Jax(a) => {
            let shape: Vec<String> = a.shape.iter().map(i64::to_string).collect();
            let antialias = if a.antialias { "" } else { ", antialias=False" };
            format!("jax.image.resize(x, ({}), method='{}'{antialias})", shape.join(", "), a.method.name())
        }
    }
}

/// A self-contained Python script for `args` on `input` (NCHW float32): the imports, `x`
/// as the input's exact float32 values, the call ([`framework_python`]) and `y`, its
/// output back in NCHW, printed. ONNX Runtime's node is built into a model and run.
pub fn framework_script(args: &FrameworkArgs, input: &Tensor) -> String {
    let values: Vec<String> = input.data.iter().map(|&v| py_float32(v)).collect();
    let shape: Vec<String> = input.shape.iter().map(usize::to_string).collect();
    let x = format!("x = np.array([{}], np.float32).reshape({})", values.join(", "), shape.join(", "));
    let call = framework_python(args);
    let planes = |call: &str| {
        format!("np.stack([np.stack([np.asarray({call}) for c in range(x.shape[1])]) for n in range(x.shape[0])])")
    };
    let (imports, body) = match args {
        FrameworkArgs::OnnxRuntime(a) => {
            let initializer = match a.to {
                OrtResizeTo::Scales(_) => "scales",
                OrtResizeTo::Sizes(_) => "sizes",
            };
            let (tensor, node) = call.split_once('\n').unwrap_or(("", &call));
            (
                "import numpy as np\nimport onnxruntime as ort\nfrom onnx import TensorProto, helper, numpy_helper",
                format!(
                    "{tensor}\nnode = {node}\ngraph = helper.make_graph(\n    [node], 'resize',\n    \
                     [helper.make_tensor_value_info('X', TensorProto.FLOAT, None)],\n    \
                     [helper.make_tensor_value_info('Y', TensorProto.FLOAT, None)],\n    \
                     initializer=[{initializer}])\n\
                     model = helper.make_model(graph, opset_imports=[helper.make_opsetid('', 19)], ir_version=9)\n\
                     y = ort.InferenceSession(model.SerializeToString(), providers=['CPUExecutionProvider'])\
                     .run(None, {{'X': x}})[0]"
                ),
            )
        }
        FrameworkArgs::TensorFlow(_) | FrameworkArgs::TfCompatV1(_) => {
            ("import numpy as np\nimport tensorflow as tf", format!("y = tf.transpose({call}, [0, 3, 1, 2]).numpy()"))
        }
        FrameworkArgs::OpenCv(_) => ("import cv2\nimport numpy as np", format!("y = {}", planes(&call))),
        FrameworkArgs::Pillow(_) => ("import numpy as np\nfrom PIL import Image", format!("y = {}", planes(&call))),
        FrameworkArgs::Jax(_) => ("import jax\nimport numpy as np", format!("y = np.asarray({call})")),
    };
    format!("{imports}\n\n{x}\n{body}\nprint(y)\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{CvArgs, Interpolation, JaxArgs, JaxMethod, OrtArgs, OrtMode, TfArgs, TfMethod};

    /// Each script defines `x` as the input's exact values, calls the library and gives `y`
    /// back in NCHW; ONNX Runtime's builds and runs a model.
    #[test]
    fn scripts_are_self_contained() {
        let x = Tensor::new(vec![1, 1, 1, 3], vec![0.1, -2.0, 3.5]).unwrap();
        let ort = FrameworkArgs::OnnxRuntime(OrtArgs::scales([1.0, 1.0, 1.0, 2.0]));
        let s = framework_script(&ort, &x);
        assert!(s.starts_with("import numpy as np\nimport onnxruntime as ort\n"), "{s}");
        assert!(s.contains("x = np.array([0.1, -2.0, 3.5], np.float32).reshape(1, 1, 1, 3)\nscales = "), "{s}");
        assert!(s.contains("node = helper.make_node('Resize'") && s.contains("initializer=[scales]"), "{s}");
        assert!(s.contains(".run(None, {'X': x})[0]\nprint(y)\n"), "{s}");
        let tf = FrameworkArgs::TensorFlow(TfArgs { method: TfMethod::Bilinear, size: [1, 6], antialias: false });
        let s = framework_script(&tf, &x);
        assert!(s.contains("y = tf.transpose(tf.image.resize(tf.transpose(x, [0, 2, 3, 1]), [1, 6], method='bilinear'), [0, 3, 1, 2]).numpy()"), "{s}");
        let cv = FrameworkArgs::OpenCv(CvArgs { interpolation: Interpolation::Linear, to: CvResizeTo::Dsize([6, 1]) });
        let s = framework_script(&cv, &x);
        assert!(
            s.starts_with("import cv2\n") && s.contains("for c in range(x.shape[1])]) for n in range(x.shape[0])])"),
            "{s}"
        );
    }

    #[test]
    fn lines_name_only_what_differs_from_the_defaults() {
        let cv = CvArgs { interpolation: Interpolation::Linear, to: CvResizeTo::Factors { fx: 2.0, fy: 0.5 } };
        assert_eq!(
            framework_python(&FrameworkArgs::OpenCv(cv)),
            "cv2.resize(x[n, c], None, fx=2.0, fy=0.5, interpolation=cv2.INTER_LINEAR)"
        );
        let jax = JaxArgs { method: JaxMethod::Cubic, shape: vec![1, 3, 8, 8], antialias: false };
        assert_eq!(
            framework_python(&FrameworkArgs::Jax(jax)),
            "jax.image.resize(x, (1, 3, 8, 8), method='cubic', antialias=False)"
        );
        let ort = OrtArgs { mode: OrtMode::Cubic, ..OrtArgs::scales([1.0, 1.0, 2.0, 2.0]) };
        assert_eq!(
            framework_python(&FrameworkArgs::OnnxRuntime(ort)),
            "scales = numpy_helper.from_array(np.array([1.0, 1.0, 2.0, 2.0], np.float32), 'scales')\n\
             helper.make_node('Resize', ['X', '', 'scales'], ['Y'], mode='cubic', \
             coordinate_transformation_mode='half_pixel', cubic_coeff_a=-0.75)"
        );
    }
}
