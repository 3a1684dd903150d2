//! NumPy's `.npy` format (version 1.0) for float32 tensors: what the image mode's downloads
//! hold, so `np.load` / `torch.from_numpy(np.load(f))` give back the exact tensor.
//!
//! Layout (NumPy's `numpy/lib/format.py`, "Format Version 1.0"): the magic `\x93NUMPY`, the
//! version bytes `1, 0`, a little-endian `u16` header length, then an ASCII dict literal
//! `{'descr': '<f4', 'fortran_order': False, 'shape': (1, 3, 64, 64), }` padded with spaces
//! and ended by `\n` so that the data starts at a multiple of 64 bytes, then the float32 data
//! in C (row-major) order, little-endian.

use crate::core::Tensor;

const MAGIC: &[u8] = b"\x93NUMPY";
/// NumPy aligns the data to this many bytes (`ARRAY_ALIGN`).
const ALIGN: usize = 64;
/// NumPy leaves room in the header for the first axis to grow to this many digits
/// (`GROWTH_AXIS_MAX_DIGITS`), so the bytes equal `np.save`'s.
const GROWTH_AXIS_MAX_DIGITS: usize = 21;

/// The header dict's `shape` value: a Python tuple, `(5,)` for one dimension.
fn shape_tuple(shape: &[usize]) -> String {
    match shape {
        [one] => format!("({one},)"),
        many => format!("({})", many.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")),
    }
}

/// The `.npy` bytes of `t`: float32, C order, little-endian.
pub fn to_npy(t: &Tensor) -> Vec<u8> {
    let dict = format!("{{'descr': '<f4', 'fortran_order': False, 'shape': {}, }}", shape_tuple(&t.shape));
    let growth = t.shape.first().map_or(0, |d| GROWTH_AXIS_MAX_DIGITS.saturating_sub(d.to_string().len()));
    // As `_wrap_header`: 6 magic + 2 version + 2 length + header + '\n' is a multiple of
    // ALIGN, with 1 to ALIGN spaces of padding.
    let unpadded = MAGIC.len() + 4 + dict.len() + growth + 1;
    let padding = growth + ALIGN - unpadded % ALIGN;
    let header_len = dict.len() + padding + 1;
    let mut out = Vec::with_capacity(unpadded + padding + 4 * t.data.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&[1, 0]);
    out.extend_from_slice(&(header_len as u16).to_le_bytes());
    out.extend_from_slice(dict.as_bytes());
    out.extend(std::iter::repeat_n(b' ', padding));
    out.push(b'\n');
    let start = out.len();
    out.resize(start + 4 * t.data.len(), 0);
    for (bytes, v) in out[start..].chunks_exact_mut(4).zip(&t.data) {
        bytes.copy_from_slice(&v.to_le_bytes());
    }
    out
}

/// Reads a version 1.0 `.npy` of little-endian float32 in C order, as [`to_npy`] writes it;
/// `None` for anything else.
pub fn from_npy(bytes: &[u8]) -> Option<Tensor> {
    if bytes.len() < 10 || &bytes[..6] != MAGIC || bytes[6] != 1 {
        return None;
    }
    let header_len = u16::from_le_bytes([bytes[8], bytes[9]]) as usize;
    let header = std::str::from_utf8(bytes.get(10..10 + header_len)?).ok()?;
    if !header.contains("'descr': '<f4'") || !header.contains("'fortran_order': False") {
        return None;
    }
    let shape_text = header.split("'shape': (").nth(1)?.split(')').next()?;
    let shape = shape_text
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().ok())
        .collect::<Option<Vec<usize>>>()?;
    let data = bytes[10 + header_len..].chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
    Tensor::new(shape, data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_is_numpys_and_data_is_aligned() {
        let t = Tensor::new(vec![1, 3, 2, 2], (0..12).map(|v| v as f32).collect()).unwrap();
        let bytes = to_npy(&t);
        // What `np.save` writes for np.zeros((1, 3, 2, 2), np.float32): the same 64-byte header.
        let expected = b"\x93NUMPY\x01\x00v\x00{'descr': '<f4', 'fortran_order': False, 'shape': (1, 3, 2, 2), }";
        assert_eq!(&bytes[..expected.len()], expected);
        assert_eq!(bytes[127], b'\n');
        assert_eq!(bytes[8..10], [0x76, 0]);
        assert!(bytes[expected.len()..127].iter().all(|&b| b == b' '));
        assert_eq!(bytes.len(), 128 + 48);
        assert_eq!(&bytes[128..132], &0.0f32.to_le_bytes());
        assert_eq!(&bytes[172..176], &11.0f32.to_le_bytes());
    }

    #[test]
    fn one_dimension_is_a_one_tuple() {
        let bytes = to_npy(&Tensor::new(vec![5], vec![0.0; 5]).unwrap());
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("'shape': (5,), }"), "{text}");
        // np.save(f, np.zeros(5, np.float32)) writes 148 bytes: 128 of header, 20 of data.
        assert_eq!(bytes.len(), 148);
    }

    #[test]
    fn round_trips_every_bit() {
        let data = vec![f32::MIN_POSITIVE / 2.0, -0.0, 255.5, f32::INFINITY, 1e-45, -3.25];
        let t = Tensor::new(vec![1, 1, 2, 3], data).unwrap();
        let back = from_npy(&to_npy(&t)).unwrap();
        assert_eq!(back.shape, t.shape);
        let bits = |t: &Tensor| t.data.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&back), bits(&t));
    }

    #[test]
    fn refuses_other_files() {
        assert_eq!(from_npy(b"not an npy file"), None);
        let mut bytes = to_npy(&Tensor::new(vec![2], vec![1.0, 2.0]).unwrap());
        bytes[6] = 2;
        assert_eq!(from_npy(&bytes), None);
    }
}
