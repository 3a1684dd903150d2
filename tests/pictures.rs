//! The image mode against PyTorch (`tests/golden/pictures.json`, written by
//! `tests/golden/generate_pictures.py`): the built-in pictures are the bits PyTorch was given,
//! and every call the page makes on them, through the page's own URL state, gives PyTorch's
//! output bit for bit (SHA-256 of the float32 little-endian data). Runs natively and, as a
//! wasm-bindgen test, in headless Chromium.

use serde_json::Value;
use upsample_explainer::core::{interpolate, Limits, Tensor};
use upsample_explainer::model::{builtin_image::BuiltinImage, npy, picture, state::State};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::*;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test_configure!(run_in_browser);

const FIXTURES: &str = include_str!("golden/pictures.json");

/// SHA-256 (FIPS 180-4) of `bytes`, as lowercase hex.
fn sha256(bytes: &[u8]) -> String {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
        0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
        0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
        0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
        0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
        0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
        0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] =
        [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    let mut message = bytes.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((bytes.len() as u64) * 8).to_be_bytes());
    for block in message.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..64 {
            let s1 = v[4].rotate_right(6) ^ v[4].rotate_right(11) ^ v[4].rotate_right(25);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7].wrapping_add(s1).wrapping_add(ch).wrapping_add(K[i]).wrapping_add(w[i]);
            let s0 = v[0].rotate_right(2) ^ v[0].rotate_right(13) ^ v[0].rotate_right(22);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            let t2 = s0.wrapping_add(maj);
            v = [t1.wrapping_add(t2), v[0], v[1], v[2], v[3].wrapping_add(t1), v[4], v[5], v[6]];
        }
        for (a, b) in h.iter_mut().zip(v) {
            *a = a.wrapping_add(b);
        }
    }
    h.iter().map(|x| format!("{x:08x}")).collect()
}

/// The data of a tensor's `.npy` download, hashed as the fixtures are.
fn data_sha256(t: &Tensor) -> String {
    let bytes = npy::to_npy(t);
    let header = 10 + u16::from_le_bytes([bytes[8], bytes[9]]) as usize;
    sha256(&bytes[header..])
}

/// own.png's RGB at column x, row y (`own_pixels` in generate_pictures.py).
fn own_pixel(x: usize, y: usize) -> [u8; 3] {
    [((x * 17 + y * 5) % 256) as u8, ((x * y * 3) % 256) as u8, (((x ^ y) * 11 + 7) % 256) as u8]
}

/// own.png as the browser decodes it (RGBA, opaque), through the page's conversion.
fn own_png_tensor(width: usize, height: usize) -> Tensor {
    let rgba: Vec<u8> = (0..width * height)
        .flat_map(|k| {
            let [r, g, b] = own_pixel(k % width, k / width);
            [r, g, b, 255]
        })
        .collect();
    picture::tensor_from_rgba(width, height, &rgba, picture::Channels::Rgb).expect("within the limits")
}

fn input_of(fixtures: &Value, image: &str) -> Tensor {
    match BuiltinImage::parse(image) {
        Some(b) => b.tensor(),
        None => {
            assert_eq!(image, "own.png");
            let size = |k: &str| fixtures["own_png"][k].as_u64().expect("own_png size") as usize;
            own_png_tensor(size("width"), size("height"))
        }
    }
}

/// Every case: the input is PyTorch's, and the page's call on it gives PyTorch's output.
fn check_all() -> usize {
    let fixtures: Value = serde_json::from_str(FIXTURES).expect("pictures.json parses");
    let cases = fixtures["cases"].as_array().expect("cases");
    let mut failures = Vec::new();
    for case in cases {
        let id = case["id"].as_str().expect("id");
        let input = input_of(&fixtures, case["image"].as_str().expect("image"));
        if data_sha256(&input) != case["input"]["sha256"] {
            failures.push(format!("{id}: the input differs from the one PyTorch was given"));
            continue;
        }
        let (state, ignored) = State::from_query(case["query"].as_str().expect("query"));
        assert!(ignored.is_empty(), "{id}: the page ignores {ignored:?}");
        let out = match interpolate(&input, &state.call(), &Limits::default()) {
            Ok(out) => out,
            Err(e) => {
                failures.push(format!("{id}: {e}"));
                continue;
            }
        };
        let expected = &case["output"];
        let shape: Vec<usize> = serde_json::from_value(expected["shape"].clone()).expect("shape");
        if out.shape != shape {
            failures.push(format!("{id}: shape {:?}, PyTorch {shape:?}", out.shape));
        } else if data_sha256(&out) != expected["sha256"] {
            let first: Vec<f32> = out.data.iter().take(8).copied().collect();
            failures.push(format!("{id}: output bits differ; first values {first:?}, PyTorch {}", expected["first"]));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases fail:\n{}", failures.len(), cases.len(), failures.join("\n"));
    cases.len()
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
fn sha256_matches_the_standard_vectors() {
    assert_eq!(sha256(b""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assert_eq!(sha256(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    let long = b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    assert_eq!(sha256(long), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
fn pictures_are_reproduced_bit_for_bit() {
    let n = check_all();
    assert!(n >= 15, "expected every fixture case, got {n}");
}

/// A hash that could not fail would make the test above empty: one flipped bit is caught.
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
fn one_flipped_bit_changes_the_hash() {
    let mut t = BuiltinImage::Edge.tensor();
    let before = data_sha256(&t);
    t.data[100] = f32::from_bits(t.data[100].to_bits() ^ 1);
    assert_ne!(data_sha256(&t), before);
}

/// own.png on disk is the picture the test builds (PNG colour type 2: RGB, 3 channels).
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn own_png_is_rgb_by_its_header() {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/own.png")).expect("own.png");
    assert_eq!(picture::file_channels(&bytes), picture::Channels::Rgb);
}

/// The drawn pixels are `to_u8` of each value, also where the wasm build converts four
/// pixels at once (SIMD128): special values, every 1/64 from −2 to 258, a stride over all
/// float bit patterns, as three planes with a tail not a multiple of four; and the overshoot
/// check agrees with a plain comparison.
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
fn drawn_pixels_are_to_u8_of_each_value() {
    let mut values = vec![f32::NAN, -f32::NAN, f32::INFINITY, f32::NEG_INFINITY, -0.0, 0.0, 0.5, 1.5, 2.5, -0.5];
    values.extend([-0.51, 254.5, 255.49, 255.5, 255.51, 256.0, 1e30, -1e30, f32::MIN_POSITIVE, f32::from_bits(1)]);
    values.extend((-128..=258 * 64).map(|k| k as f32 / 64.0));
    values.extend((0..=u32::MAX).step_by(65_521).map(f32::from_bits));
    let n = (values.len() / 3 - 3) / 4 * 4 + 3;
    let plane = |c: usize| values[c * n..(c + 1) * n].to_vec();
    let t = Tensor::new(vec![1, 3, 1, n], [plane(0), plane(1), plane(2)].concat()).unwrap();
    let (w, h, px) = picture::rgba_of(&t).unwrap();
    assert_eq!((w, h, px.len()), (n, 1, 4 * n));
    assert_eq!(n % 4, 3, "a tail for the scalar loop");
    for k in 0..n {
        let want = [0, 1, 2].map(|c| picture::to_u8(values[c * n + k]));
        assert_eq!(px[4 * k..4 * k + 4], [want[0], want[1], want[2], 255], "pixel {k}");
    }
    let grey = Tensor::new(vec![1, 1, 1, n], plane(0)).unwrap();
    let (_, _, px) = picture::rgba_of(&grey).unwrap();
    assert!((0..n).all(|k| px[4 * k..4 * k + 3] == [picture::to_u8(values[k]); 3]));
    let within = Tensor::new(vec![1, 1, 1, 10], (0..10).map(|k| k as f32 * 25.0).collect()).unwrap();
    assert_eq!(picture::beyond_range(&within, 0.0, 225.0, 255.0).1, picture::Beyond::default());
    for (bad, at) in [f32::NAN, 255.5, -0.01].into_iter().flat_map(|v| [(v, 2), (v, 9)]) {
        let mut t = within.clone();
        t.data[at] = bad;
        assert_ne!(picture::beyond_range(&t, 0.0, 225.0, 255.0).1, picture::Beyond::default(), "{bad} at {at}");
    }
}
