//! Pictures as tensors: an image file's pixels become the float32 tensor 1×C×H×W with values
//! 0–255 that `torchvision.transforms.functional.pil_to_tensor(img).float()[None]` gives,
//! and an output tensor becomes 8-bit pixels again (clamped, rounded) for display and PNG.
//!
//! Channels follow the file, not the decoded pixels: a browser decodes every image to RGBA,
//! so whether a picture is greyscale is read from the file's header ([`file_channels`]): a
//! PNG whose colour type is greyscale (0) or greyscale with alpha (4), or a JPEG with one
//! component, gives 1 channel, as PIL opens it in mode `L` (`LA`, converted to `L`); every
//! other file gives 3 channels, RGB, as `img.convert('RGB')` does. Alpha is dropped,
//! never composited over a background (PIL's `RGBA → RGB` conversion drops it too). A colour
//! picture whose channels happen to be equal stays RGB, as in PIL.

use crate::core::{plan, Call, Limits, Tensor};

/// The image mode's limits: inputs of at least 1024×1024 and outputs of at least
/// 2048×2048 RGB are taken; beyond them a message names the limit.
pub const MAX_INPUT_SIDE: usize = 4096;
/// Input pixels in all (2048 × 2048).
pub const MAX_INPUT_PIXELS: usize = 2048 * 2048;
/// Output values in all, channels included (2048 × 2048 × 3).
pub const MAX_OUTPUT_VALUES: usize = 2048 * 2048 * 3;

/// How many channels the tensor of a picture has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channels {
    Grey,
    Rgb,
}

impl Channels {
    pub fn count(self) -> usize {
        match self {
            Channels::Grey => 1,
            Channels::Rgb => 3,
        }
    }

    /// The PIL mode the Python conversion names (`img.convert('L')`).
    pub fn pil_mode(self) -> &'static str {
        match self {
            Channels::Grey => "L",
            Channels::Rgb => "RGB",
        }
    }
}

/// Why a picture, or a call on it, is not taken.
#[derive(Clone, Debug, PartialEq)]
pub enum PictureError {
    /// The browser could not decode the file.
    NotAnImage,
    /// Wider or taller than [`MAX_INPUT_SIDE`], or more than [`MAX_INPUT_PIXELS`]: (width, height).
    InputTooLarge(usize, usize),
    /// The call's output holds more than [`MAX_OUTPUT_VALUES`]: its shape.
    OutputTooLarge(Vec<usize>),
}

/// The channels PIL opens the file with, from its first bytes (PNG's `IHDR`, JPEG's start of
/// frame); [`Channels::Rgb`] for any other file (GIF, WebP, BMP, …).
pub fn file_channels(bytes: &[u8]) -> Channels {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.get(12..16) == Some(b"IHDR") {
        // IHDR: width (4), height (4), bit depth (1), colour type (1).
        return match bytes.get(25) {
            Some(0) | Some(4) => Channels::Grey,
            _ => Channels::Rgb,
        };
    }
    if bytes.starts_with(&[0xff, 0xd8]) {
        return match jpeg_components(bytes) {
            Some(1) => Channels::Grey,
            _ => Channels::Rgb,
        };
    }
    Channels::Rgb
}

/// The component count in a JPEG's start-of-frame segment.
fn jpeg_components(bytes: &[u8]) -> Option<u8> {
    let mut at = 2;
    while at + 4 <= bytes.len() {
        if bytes[at] != 0xff {
            return None;
        }
        let marker = bytes[at + 1];
        if marker == 0xff {
            at += 1;
            continue;
        }
        let len = u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]) as usize;
        // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): precision (1), height (2), width (2), components (1).
        if (0xc0..=0xcf).contains(&marker) && ![0xc4, 0xc8, 0xcc].contains(&marker) {
            return bytes.get(at + 9).copied();
        }
        if marker == 0xda || len < 2 {
            return None;
        }
        at += 2 + len;
    }
    None
}

/// Checks a picture's size against the input limits.
pub fn check_input(width: usize, height: usize) -> Result<(), PictureError> {
    if width == 0 || height == 0 {
        return Err(PictureError::NotAnImage);
    }
    if width > MAX_INPUT_SIDE || height > MAX_INPUT_SIDE || width * height > MAX_INPUT_PIXELS {
        return Err(PictureError::InputTooLarge(width, height));
    }
    Ok(())
}

/// The tensor 1×C×H×W of decoded RGBA pixels (row-major, 4 bytes a pixel), values 0–255.
/// Grey takes the red channel (a greyscale file decodes to R = G = B).
pub fn tensor_from_rgba(width: usize, height: usize, rgba: &[u8], channels: Channels) -> Result<Tensor, PictureError> {
    check_input(width, height)?;
    let plane = width * height;
    if rgba.len() != plane * 4 {
        return Err(PictureError::NotAnImage);
    }
    let c = channels.count();
    let mut data = vec![0.0f32; c * plane];
    for (k, px) in rgba.chunks_exact(4).enumerate() {
        for ch in 0..c {
            data[ch * plane + k] = px[ch] as f32;
        }
    }
    Ok(Tensor { shape: vec![1, c, height, width], data })
}

/// Plans `call` on a picture of `input_shape` within the output limit: the output shape,
/// or PyTorch's error (as text) or the limit.
pub fn output_shape(input_shape: &[usize], call: &Call) -> Result<Vec<usize>, Result<PictureError, String>> {
    // The core's own limit is above ours, so a too-large output is named by ours.
    let limits = Limits { max_output_elements: usize::MAX };
    let p = plan(input_shape, call, &limits).map_err(|e| Err(e.to_string()))?;
    if p.out_shape.iter().product::<usize>() > MAX_OUTPUT_VALUES {
        return Err(Ok(PictureError::OutputTooLarge(p.out_shape)));
    }
    Ok(p.out_shape)
}

/// The 8-bit value a float becomes in a saved picture: clamped to 0–255, then rounded to
/// nearest with ties to even, as `y.clamp(0, 255).round().to(torch.uint8)`; NaN becomes 0.
pub fn to_u8(v: f32) -> u8 {
    if v.is_nan() {
        0
    } else {
        v.clamp(0.0, 255.0).round_ties_even() as u8
    }
}

/// [`to_u8`] without branches, for the output's pixels on every change: rounded first, then
/// clamped as an integer (`as i32` saturates and takes NaN to 0). The same byte for every
/// float: rounding is monotonic and keeps 0 and 255, so clamping after it changes nothing.
fn to_u8_branchless(v: f32) -> u8 {
    (v.round_ties_even() as i32).clamp(0, 255) as u8
}

/// The first image of a 1- or 3-channel tensor N×C×H×W as RGBA pixels ([`to_u8`] per value;
/// one channel is drawn grey), with its width and height. `None` for other channel counts.
pub fn rgba_of(t: &Tensor) -> Option<(usize, usize, Vec<u8>)> {
    let [_, c, h, w] = t.shape[..] else { return None };
    if c != 1 && c != 3 {
        return None;
    }
    let plane = h * w;
    let channel = |ch: usize| t.data.get((ch % c) * plane..(ch % c + 1) * plane);
    let (Some(r), Some(g), Some(b)) = (channel(0), channel(1), channel(2)) else { return None };
    let mut out = vec![255u8; plane * 4];
    // Three planes zipped, not indexed: a 1024×1024 output is converted on every change.
    let done = simd::pixels4(&mut out, r, g, b);
    for (((px, &r), &g), &b) in out[done * 4..].chunks_exact_mut(4).zip(&r[done..]).zip(&g[done..]).zip(&b[done..]) {
        px.copy_from_slice(&[to_u8_branchless(r), to_u8_branchless(g), to_u8_branchless(b), 255]);
    }
    Some((w, h, out))
}

/// Whether every value lies in `[lo, hi]` (false for NaN).
fn all_within(data: &[f32], lo: f32, hi: f32) -> bool {
    let done = simd::within4(data, lo, hi);
    let rest = &data[done.unwrap_or(data.len())..];
    done.is_some() && rest.iter().all(|&v| v >= lo && v <= hi)
}

/// Four pixels, or four values, at once in the wasm32 build with SIMD128 (the image mode's
/// worker), each lane computed as the scalar code computes it: `f32x4.nearest` rounds ties
/// to even as `round_ties_even`, `i32x4.trunc_sat_f32x4` saturates and takes NaN to 0 as
/// `as i32`, and a comparison with NaN is false in both. Elsewhere they do nothing and the
/// scalar loops do all.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd {
    use core::arch::wasm32::*;

    fn load(s: &[f32], j: usize) -> v128 {
        assert!(j + 4 <= s.len());
        // SAFETY: the four floats at j are in bounds (checked above); v128_load takes unaligned addresses.
        unsafe { v128_load(s.as_ptr().add(j) as *const v128) }
    }

    /// Writes the RGBA pixels of the first `len / 4 * 4` values of each plane; returns how many.
    pub fn pixels4(out: &mut [u8], r: &[f32], g: &[f32], b: &[f32]) -> usize {
        let n = r.len().min(g.len()).min(b.len()).min(out.len() / 4) / 4 * 4;
        let (zero, top, alpha) = (i32x4_splat(0), i32x4_splat(255), i32x4_splat(-0x0100_0000));
        let byte = |v: v128| i32x4_min(i32x4_max(i32x4_trunc_sat_f32x4(f32x4_nearest(v)), zero), top);
        for j in (0..n).step_by(4) {
            let px = v128_or(
                v128_or(byte(load(r, j)), i32x4_shl(byte(load(g, j)), 8)),
                v128_or(i32x4_shl(byte(load(b, j)), 16), alpha),
            );
            assert!(4 * j + 16 <= out.len());
            // SAFETY: the 16 bytes at 4j are in bounds (checked above); v128_store takes unaligned addresses.
            unsafe { v128_store(out.as_mut_ptr().add(4 * j) as *mut v128, px) }
        }
        n
    }

    /// `Some(k)` when the first `k` values (a multiple of 4) all lie in `[lo, hi]`, else `None`.
    pub fn within4(data: &[f32], lo: f32, hi: f32) -> Option<usize> {
        let n = data.len() / 4 * 4;
        let (lo, hi) = (f32x4_splat(lo), f32x4_splat(hi));
        for block in (0..n).step_by(4096) {
            let mut ok = i32x4_splat(-1);
            for j in (block..(block + 4096).min(n)).step_by(4) {
                let v = load(data, j);
                ok = v128_and(ok, v128_and(f32x4_ge(v, lo), f32x4_le(v, hi)));
            }
            if !i32x4_all_true(ok) {
                return None;
            }
        }
        Some(n)
    }
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod simd {
    pub fn pixels4(_: &mut [u8], _: &[f32], _: &[f32], _: &[f32]) -> usize {
        0
    }

    pub fn within4(_: &[f32], _: f32, _: f32) -> Option<usize> {
        Some(0)
    }
}

/// The least and greatest finite value of a tensor (`None` when it has none).
pub fn value_range(t: &Tensor) -> Option<(f32, f32)> {
    let (mut lo, mut hi) = (f32::INFINITY, f32::NEG_INFINITY);
    let mut any = false;
    for &v in t.data.iter().filter(|v| v.is_finite()) {
        (lo, hi, any) = (lo.min(v), hi.max(v), true);
    }
    any.then_some((lo, hi))
}

/// Pixels of the first image of `out` with any channel outside `[lo, hi]`, the input's range
/// (bicubic's and lanczos's overshoot), as an RGBA overlay: above the range in red, below it
/// in blue, elsewhere transparent (empty when every value is within both ranges). Also
/// returns how many values lie outside `0..=top` (255, or 1 for a picture scaled to 0–1),
/// which a saved 8-bit picture clamps.
pub fn beyond_range(out: &Tensor, lo: f32, hi: f32, top: f32) -> (Vec<u8>, Beyond) {
    let [_, c, h, w] = out.shape[..] else { return (Vec::new(), Beyond::default()) };
    // Most calls (nearest, linear, area) stay within the range: one quick pass, no overlay.
    let (lo_all, hi_all) = (lo.max(0.0), hi.min(top));
    if all_within(&out.data, lo_all, hi_all) {
        return (Vec::new(), Beyond::default());
    }
    let plane = h * w;
    let mut overlay = vec![0u8; plane * 4];
    let mut counts = Beyond::default();
    for (k, px) in overlay.chunks_exact_mut(4).enumerate() {
        let values = (0..c).map(|ch| out.data[ch * plane + k]);
        let (mut above, mut below) = (false, false);
        for v in values {
            above |= v > hi;
            below |= v < lo;
            counts.clamped += usize::from(!(0.0..=top).contains(&v));
        }
        if above {
            counts.above += 1;
            px.copy_from_slice(&[230, 30, 30, 255]);
        } else if below {
            counts.below += 1;
            px.copy_from_slice(&[30, 90, 230, 255]);
        }
    }
    (overlay, counts)
}

/// What [`beyond_range`] counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Beyond {
    /// Pixels with a value above the input's greatest.
    pub above: usize,
    /// Pixels with a value below the input's least (and none above).
    pub below: usize,
    /// Values outside 0–255 (a saved 8-bit picture clamps them).
    pub clamped: usize,
}

/// The Python that reproduces the tensor of a picture file and the call on it: PIL opens the
/// file, converts it as [`Channels`] says, and torchvision makes the tensor.
pub fn python_program(file_name: &str, channels: Channels, call: &Call) -> String {
    let name = file_name.replace('\\', "\\\\").replace('\'', "\\'");
    format!(
        "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\nfrom PIL import Image\n\
         from torchvision.transforms.functional import pil_to_tensor\n\n\
         img = Image.open('{name}').convert('{mode}')\n\
         x = pil_to_tensor(img).float()[None]   # 1×{c}×H×W, values 0–255\n\
         y = {call}\n\
         png = y.clamp(0, 255).round().to(torch.uint8)   # the 8-bit picture\n",
        mode = channels.pil_mode(),
        c = channels.count(),
        call = crate::core::python_call(call, "x"),
    )
}

/// The Python for a picture the page made (a built-in one, which has no file): it loads the
/// input `.npy` downloaded from the page, `npy_name`.
pub fn python_program_npy(npy_name: &str, call: &Call) -> String {
    format!(
        "import numpy as np\nimport torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n\
         x = torch.from_numpy(np.load('{npy_name}'))   # the page's input .npy\n\
         y = {call}\n\
         png = y.clamp(0, 255).round().to(torch.uint8)   # the 8-bit picture\n",
        call = crate::core::python_call(call, "x"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{Mode, ScaleArg};

    fn png_header(colour_type: u8) -> Vec<u8> {
        let mut b = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
        b.extend_from_slice(&[0, 0, 0, 2, 0, 0, 0, 3, 8, colour_type, 0, 0, 0]);
        b
    }

    #[test]
    fn png_colour_type_decides_the_channels() {
        assert_eq!(file_channels(&png_header(0)), Channels::Grey);
        assert_eq!(file_channels(&png_header(4)), Channels::Grey);
        assert_eq!(file_channels(&png_header(2)), Channels::Rgb);
        assert_eq!(file_channels(&png_header(6)), Channels::Rgb);
        assert_eq!(file_channels(&png_header(3)), Channels::Rgb);
        assert_eq!(file_channels(b"GIF89a"), Channels::Rgb);
        assert_eq!(file_channels(b""), Channels::Rgb);
    }

    #[test]
    fn jpeg_components_decide_the_channels() {
        // SOI, an APP0 segment of 4 bytes, then SOF0 with 1 or 3 components.
        let jpeg = |n: u8| {
            let mut b = vec![0xff, 0xd8, 0xff, 0xe0, 0, 4, 1, 2, 0xff, 0xc0, 0, 11, 8, 0, 2, 0, 3, n];
            b.extend_from_slice(&[1, 0x11, 0]);
            b
        };
        assert_eq!(file_channels(&jpeg(1)), Channels::Grey);
        assert_eq!(file_channels(&jpeg(3)), Channels::Rgb);
        // A truncated file is read as far as it goes.
        assert_eq!(file_channels(&jpeg(1)[..10]), Channels::Rgb);
    }

    #[test]
    fn rgba_becomes_planes_with_alpha_dropped() {
        // 2×1 pixels: (10, 20, 30, alpha 0) and (40, 50, 60, alpha 128).
        let rgba = [10, 20, 30, 0, 40, 50, 60, 128];
        let t = tensor_from_rgba(2, 1, &rgba, Channels::Rgb).unwrap();
        assert_eq!(t.shape, vec![1, 3, 1, 2]);
        assert_eq!(t.data, vec![10.0, 40.0, 20.0, 50.0, 30.0, 60.0]);
        let g = tensor_from_rgba(2, 1, &[7, 7, 7, 255, 200, 200, 200, 255], Channels::Grey).unwrap();
        assert_eq!(g.shape, vec![1, 1, 1, 2]);
        assert_eq!(g.data, vec![7.0, 200.0]);
    }

    #[test]
    fn rows_are_height_and_columns_width() {
        // 1 wide, 2 tall.
        let t = tensor_from_rgba(1, 2, &[1, 2, 3, 255, 4, 5, 6, 255], Channels::Rgb).unwrap();
        assert_eq!(t.shape, vec![1, 3, 2, 1]);
        assert_eq!(t.data, vec![1.0, 4.0, 2.0, 5.0, 3.0, 6.0]);
    }

    #[test]
    fn limits_take_1024_squared_and_name_larger() {
        assert!(check_input(1024, 1024).is_ok());
        assert!(check_input(2048, 2048).is_ok());
        assert_eq!(check_input(2049, 2048), Err(PictureError::InputTooLarge(2049, 2048)));
        assert_eq!(check_input(4097, 1), Err(PictureError::InputTooLarge(4097, 1)));
        assert_eq!(check_input(0, 5), Err(PictureError::NotAnImage));
        assert_eq!(tensor_from_rgba(2, 2, &[0; 12], Channels::Rgb), Err(PictureError::NotAnImage));
    }

    #[test]
    fn outputs_up_to_2048_squared_rgb_are_taken() {
        let call = |s: f64| Call { mode: Mode::Bilinear, scale_factor: Some(ScaleArg::Float(s)), ..Call::default() };
        assert_eq!(output_shape(&[1, 3, 1024, 1024], &call(2.0)), Ok(vec![1, 3, 2048, 2048]));
        assert_eq!(
            output_shape(&[1, 3, 1024, 1024], &call(2.5)),
            Err(Ok(PictureError::OutputTooLarge(vec![1, 3, 2560, 2560])))
        );
        let bad = Call { mode: Mode::Linear, scale_factor: Some(ScaleArg::Float(2.0)), ..Call::default() };
        assert!(matches!(output_shape(&[1, 3, 4, 4], &bad), Err(Err(m)) if m.contains("linear")));
    }

    #[test]
    fn eight_bit_values_are_clamped_and_rounded_half_to_even() {
        assert_eq!(to_u8(-3.0), 0);
        assert_eq!(to_u8(300.0), 255);
        assert_eq!(to_u8(2.5), 2);
        assert_eq!(to_u8(3.5), 4);
        assert_eq!(to_u8(254.49), 254);
        assert_eq!(to_u8(f32::NAN), 0);
        assert_eq!(to_u8(f32::INFINITY), 255);
    }

    #[test]
    fn the_branchless_byte_is_to_u8s() {
        let specials = [
            f32::NAN,
            -f32::NAN,
            f32::INFINITY,
            f32::NEG_INFINITY,
            -0.0,
            0.0,
            0.5,
            1.5,
            2.5,
            -0.5,
            -0.49,
            -0.51,
            -1.0,
            254.5,
            255.49,
            255.5,
            255.51,
            256.0,
            1e30,
            -1e30,
            f32::MIN_POSITIVE,
            f32::from_bits(1),
        ];
        for v in specials {
            assert_eq!(to_u8_branchless(v), to_u8(v), "{v}");
        }
        // Every float from -2 to 258 in steps of 1/64, and a stride over all bit patterns.
        for k in -128..=258 * 64 {
            let v = k as f32 / 64.0;
            assert_eq!(to_u8_branchless(v), to_u8(v), "{v}");
        }
        for bits in (0..=u32::MAX).step_by(65_521) {
            let v = f32::from_bits(bits);
            assert_eq!(to_u8_branchless(v), to_u8(v), "{bits:#x}");
        }
    }

    #[test]
    fn rgba_of_draws_grey_and_colour() {
        let g = Tensor::new(vec![1, 1, 1, 2], vec![-1.0, 128.5]).unwrap();
        assert_eq!(rgba_of(&g), Some((2, 1, vec![0, 0, 0, 255, 128, 128, 128, 255])));
        let c = Tensor::new(vec![1, 3, 1, 1], vec![1.0, 2.0, 3.0]).unwrap();
        assert_eq!(rgba_of(&c), Some((1, 1, vec![1, 2, 3, 255])));
        assert_eq!(rgba_of(&Tensor::new(vec![1, 2, 1, 1], vec![0.0; 2]).unwrap()), None);
    }

    #[test]
    fn overshoot_is_marked_and_clamping_counted() {
        let out = Tensor::new(vec![1, 1, 1, 4], vec![10.0, 260.0, -2.0, 100.0]).unwrap();
        let (overlay, counts) = beyond_range(&out, 5.0, 250.0, 255.0);
        assert_eq!(counts, Beyond { above: 1, below: 1, clamped: 2 });
        assert_eq!(overlay[3], 0);
        assert_eq!(&overlay[4..8], &[230, 30, 30, 255]);
        assert_eq!(&overlay[8..12], &[30, 90, 230, 255]);
        assert_eq!(value_range(&out), Some((-2.0, 260.0)));
        let within = Tensor::new(vec![1, 1, 1, 2], vec![5.0, 250.0]).unwrap();
        assert_eq!(beyond_range(&within, 5.0, 250.0, 255.0), (Vec::new(), Beyond::default()));
    }

    #[test]
    fn python_names_the_conversion_and_the_call() {
        let call = Call { mode: Mode::Bicubic, scale_factor: Some(ScaleArg::Float(2.0)), ..Call::default() };
        let py = python_program("cat's.png", Channels::Grey, &call);
        assert!(py.contains("Image.open('cat\\'s.png').convert('L')"), "{py}");
        assert!(py.contains("pil_to_tensor(img).float()[None]"));
        assert!(py.contains("mode='bicubic'"), "{py}");
        assert!(py.contains(".clamp(0, 255).round().to(torch.uint8)"));
        let py = python_program_npy("edge-input.npy", &call);
        assert!(py.contains("x = torch.from_numpy(np.load('edge-input.npy'))"), "{py}");
    }
}
