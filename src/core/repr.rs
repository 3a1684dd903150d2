//! `repr(tensor)` / `print(tensor)` for float32 tensors, character for character, with
//! PyTorch's default print options (`torch/_tensor_str.py`: precision 4, threshold 1000,
//! edgeitems 3, linewidth 80, sci_mode None).
//!
//! Python formats each float32 value converted to a double (`tolist()` / `item()`) with
//! `'{:.4f}'`, `'{:.4e}'` or `'{:.0f}'`, rounding the exact binary value half-to-even.
//! Fixed and integer notation are computed exactly here with integer arithmetic ([`fixed`]);
//! scientific notation uses Rust's `{:.4e}` (which rounds the same way) with Python's
//! exponent spelling (`e-05` rather than `e-5`). Checked against real PyTorch in
//! `tests/repr.rs` (`tests/golden/repr.json`).
//!
//! Speed: the output is written into one buffer, and only the printed elements are ever
//! read (a summarised 1×3×512×512 tensor touches 108 values). The column width is found
//! without formatting every value, since the length of a formatted value grows with its
//! magnitude: the largest positive and the most negative value decide it.

use super::Tensor;
use std::fmt::Write;

const PRECISION: usize = 4;
const THRESHOLD: usize = 1000;
const EDGEITEMS: usize = 3;
const LINEWIDTH: usize = 80;
const PREFIX: &str = "tensor(";

/// The text `print(t)` writes for a float32 tensor with PyTorch's default print options.
pub fn torch_repr(t: &Tensor) -> String {
    let numel: usize = t.shape.iter().product();
    if numel == 0 || numel != t.data.len() {
        // `_str_intern`: an empty tensor prints `[]`, plus its size unless it is 1-D.
        let body = format!("{PREFIX}[]");
        return if t.shape.len() == 1 {
            format!("{body})")
        } else {
            add_suffix(&body, &format!("size={}", py_shape(&t.shape)), PREFIX.len())
        };
    }
    let summarize = numel > THRESHOLD;
    let formatter = Formatter::new(t, summarize);
    let mut out = String::with_capacity(PREFIX.len() + 2 + estimate_len(t, summarize, formatter.width));
    out.push_str(PREFIX);
    if t.shape.is_empty() {
        formatter.write(&mut out, t.data[0]);
    } else {
        let printer = Printer {
            t,
            summarize,
            f: &formatter,
            per_line: ((LINEWIDTH as isize - (PREFIX.len() + t.shape.len() - 1) as isize)
                / (formatter.width as isize + 2))
                .max(1) as usize,
        };
        printer.tensor(&mut out, 0, 0, PREFIX.len());
    }
    out.push(')');
    out
}

/// `_add_suffixes` with one suffix and `force_newline=False`.
fn add_suffix(body: &str, suffix: &str, indent: usize) -> String {
    // Python: `len(s) - s.rfind("\n") + 1`, where rfind is -1 when there is no newline.
    let last_line_len = match body.rfind('\n') {
        Some(i) => body.len() - i + 1,
        None => body.len() + 2,
    };
    if last_line_len + suffix.len() + 2 > LINEWIDTH {
        format!("{body},\n{}{suffix})", " ".repeat(indent))
    } else {
        format!("{body}, {suffix})")
    }
}

/// Python's `str(tuple(shape))`: `(1, 1, 0)`, `(0,)`, `()`.
fn py_shape(shape: &[usize]) -> String {
    match shape {
        [one] => format!("({one},)"),
        _ => format!("({})", shape.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(", ")),
    }
}

/// Whether a dimension of length `n` is elided (`...`) when summarising.
fn elided(n: usize, summarize: bool) -> bool {
    summarize && n > 2 * EDGEITEMS
}

/// The `k`-th printed index along a dimension of length `n` (`get_summarized_data`).
fn shown_index(k: usize, n: usize, elide: bool) -> usize {
    if elide && k >= EDGEITEMS {
        n - 2 * EDGEITEMS + k
    } else {
        k
    }
}

fn shown_len(n: usize, elide: bool) -> usize {
    if elide {
        2 * EDGEITEMS
    } else {
        n
    }
}

/// A rough output size, so that the buffer is allocated once.
fn estimate_len(t: &Tensor, summarize: bool, width: usize) -> usize {
    let shown: usize = t.shape.iter().map(|&n| shown_len(n, elided(n, summarize))).product();
    shown * (width + 2 + t.shape.len()) + 16
}

/// Calls `visit` on every printed element (row-major), i.e. the data `_Formatter` sees.
fn for_each_shown(t: &Tensor, dim: usize, offset: usize, summarize: bool, visit: &mut impl FnMut(f32)) {
    if dim == t.shape.len() {
        visit(t.data[offset]);
        return;
    }
    let n = t.shape[dim];
    let stride: usize = t.shape[dim + 1..].iter().product();
    let elide = elided(n, summarize);
    if dim + 1 == t.shape.len() {
        let row = &t.data[offset..offset + n];
        if elide {
            row[..EDGEITEMS].iter().chain(&row[n - EDGEITEMS..]).for_each(|&v| visit(v));
        } else {
            row.iter().for_each(|&v| visit(v));
        }
        return;
    }
    for k in 0..shown_len(n, elide) {
        for_each_shown(t, dim + 1, offset + shown_index(k, n, elide) * stride, summarize, visit);
    }
}

/// `_tensor_str_with_formatter` / `_vector_str`, writing into one buffer.
struct Printer<'a> {
    t: &'a Tensor,
    summarize: bool,
    f: &'a Formatter,
    /// `elements_per_line` of the innermost rows (their indent is fixed by the rank).
    per_line: usize,
}

impl Printer<'_> {
    fn tensor(&self, out: &mut String, dim: usize, offset: usize, indent: usize) {
        let shape = &self.t.shape;
        let n = shape[dim];
        let elide = elided(n, self.summarize);
        let rest = shape.len() - dim;
        if rest == 1 {
            self.vector(out, offset, n, elide, indent);
            return;
        }
        let stride: usize = shape[dim + 1..].iter().product();
        out.push('[');
        for k in 0..shown_len(n, elide) {
            if k > 0 {
                separator(out, rest - 1, indent + 1);
            }
            if elide && k == EDGEITEMS {
                out.push_str("...");
                separator(out, rest - 1, indent + 1);
            }
            self.tensor(out, dim + 1, offset + shown_index(k, n, elide) * stride, indent + 1);
        }
        out.push(']');
    }

    fn vector(&self, out: &mut String, offset: usize, n: usize, elide: bool, indent: usize) {
        out.push('[');
        let mut column = 0;
        let item = |out: &mut String, column: &mut usize| {
            if *column == self.per_line {
                separator(out, 1, indent + 1);
                *column = 0;
            } else if *column > 0 {
                out.push_str(", ");
            }
            *column += 1;
        };
        for k in 0..shown_len(n, elide) {
            if elide && k == EDGEITEMS {
                item(out, &mut column);
                out.push_str(" ...");
            }
            item(out, &mut column);
            self.f.write(out, self.t.data[offset + shown_index(k, n, elide)]);
        }
        out.push(']');
    }
}

/// `"," + "\n" * newlines + " " * spaces`.
fn separator(out: &mut String, newlines: usize, spaces: usize) {
    out.push(',');
    out.extend(std::iter::repeat_n('\n', newlines));
    out.extend(std::iter::repeat_n(' ', spaces));
}

/// `_Formatter`: integer, fixed or scientific notation and the column width, decided by the
/// non-zero finite values that are printed.
struct Formatter {
    int_mode: bool,
    sci_mode: bool,
    width: usize,
}

impl Formatter {
    fn new(t: &Tensor, summarize: bool) -> Formatter {
        let mut int_mode = true;
        let mut any = false;
        let (mut min_abs, mut max_abs) = (f32::INFINITY, 0.0f32);
        // The extremes decide the width: the largest positive and the most negative value.
        let (mut max_pos, mut min_neg) = (0.0f32, 0.0f32);
        for_each_shown(t, 0, 0, summarize, &mut |v: f32| {
            if !v.is_finite() || v == 0.0 {
                return;
            }
            any = true;
            int_mode &= v == v.ceil();
            let a = v.abs();
            min_abs = min_abs.min(a);
            max_abs = max_abs.max(a);
            max_pos = max_pos.max(v);
            min_neg = min_neg.min(v);
        });
        let mut f = Formatter { int_mode: true, sci_mode: false, width: 1 };
        if !any {
            return f;
        }
        let (min, max) = (min_abs as f64, max_abs as f64);
        f.int_mode = int_mode;
        f.sci_mode = max / min > 1000.0 || max > 1.0e8 || min < 1.0e-4;
        let mut scratch = String::new();
        for v in [max_pos, min_neg] {
            if v != 0.0 {
                scratch.clear();
                f.text(&mut scratch, v);
                // In int mode the width counts the trailing point, as `format` appends it.
                f.width = f.width.max(scratch.len());
            }
        }
        f
    }

    /// The unpadded text of a value (`tolist()` gives the float32 value as a double).
    fn text(&self, out: &mut String, v: f32) {
        if v.is_nan() {
            out.push_str("nan");
        } else if v.is_infinite() {
            out.push_str(if v > 0.0 { "inf" } else { "-inf" });
        } else if self.sci_mode {
            sci(out, v as f64);
        } else if self.int_mode {
            if !fixed(out, v, 0) {
                let _ = write!(out, "{:.0}", v as f64);
            }
            out.push('.');
        } else if !fixed(out, v, PRECISION as u32) {
            let _ = write!(out, "{:.PRECISION$}", v as f64);
        }
    }

    /// One value, right-aligned to the column width (`format`).
    fn write(&self, out: &mut String, v: f32) {
        const SPACES: &str = "                                ";
        let start = out.len();
        self.text(out, v);
        let pad = self.width.saturating_sub(out.len() - start);
        if pad > 0 {
            // Shifts only the few bytes just written.
            match SPACES.get(..pad) {
                Some(spaces) => out.insert_str(start, spaces),
                None => out.insert_str(start, &" ".repeat(pad)),
            }
        }
    }
}

/// Python's `'{:.<decimals>f}'` of a float32 value, exactly: the value is `m * 2^e`, so
/// `round(v * 10^decimals)` is an integer shift with round-half-to-even on the bits shifted
/// out (what CPython's correctly rounded `float.__format__` does). Returns false (writing
/// nothing) for magnitudes the shortcut does not cover (never reached outside sci mode,
/// where every printed value is at most 1e8).
fn fixed(out: &mut String, v: f32, decimals: u32) -> bool {
    let bits = v.to_bits();
    let biased = ((bits >> 23) & 0xff) as i32;
    let fraction = (bits & 0x7f_ffff) as u64;
    let (m, e) = if biased == 0 { (fraction, -149) } else { (fraction | 0x80_0000, biased - 150) };
    let scale = 10u64.pow(decimals);
    let n = m * scale; // < 2^24 * 10^4 < 2^38
    let q = if e >= 0 {
        if e > 20 {
            return false;
        }
        n << e
    } else {
        let s = (-e) as u32;
        if s >= 64 {
            0 // n < 2^38 is below half of 2^s
        } else {
            let q = n >> s;
            let rem = n & ((1u64 << s) - 1);
            let half = 1u64 << (s - 1);
            if rem > half || (rem == half && q & 1 == 1) {
                q + 1
            } else {
                q
            }
        }
    };
    if bits >> 31 == 1 {
        out.push('-');
    }
    let mut buf = [0u8; 24];
    let mut i = buf.len();
    let mut int_part = q / scale;
    loop {
        i -= 1;
        buf[i] = b'0' + (int_part % 10) as u8;
        int_part /= 10;
        if int_part == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&buf[i..]).unwrap_or_default());
    if decimals > 0 {
        out.push('.');
        let mut frac = q % scale;
        let mut digits = [b'0'; 8];
        for d in (0..decimals as usize).rev() {
            digits[d] = b'0' + (frac % 10) as u8;
            frac /= 10;
        }
        out.push_str(std::str::from_utf8(&digits[..decimals as usize]).unwrap_or_default());
    }
    true
}

/// Python's `'{:.4e}'`: a signed exponent of at least two digits (`1.2346e+05`).
fn sci(out: &mut String, v: f64) {
    let start = out.len();
    let _ = write!(out, "{v:.PRECISION$e}");
    let Some(e) = out[start..].find('e') else { return };
    let exp = out.split_off(start + e + 1);
    let (sign, digits) = match exp.strip_prefix('-') {
        Some(d) => ('-', d),
        None => ('+', exp.as_str()),
    };
    out.push(sign);
    if digits.len() < 2 {
        out.push('0');
    }
    out.push_str(digits);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(shape: &[usize], data: &[f32]) -> String {
        torch_repr(&Tensor::new(shape.to_vec(), data.to_vec()).unwrap())
    }

    #[test]
    fn integral_values_print_with_a_trailing_point() {
        assert_eq!(t(&[1, 1, 2, 2], &[2.0, 6.0, 4.0, 3.0]), "tensor([[[[2., 6.],\n          [4., 3.]]]])");
    }

    #[test]
    fn fractions_use_four_decimals_and_a_shared_width() {
        assert_eq!(t(&[3], &[1.5, -10.25, 0.0]), "tensor([  1.5000, -10.2500,   0.0000])");
    }

    #[test]
    fn wide_ranges_switch_to_scientific_notation() {
        assert_eq!(t(&[2], &[1.0e-5, 1.0]), "tensor([1.0000e-05, 1.0000e+00])");
    }

    #[test]
    fn non_finite_values() {
        assert_eq!(t(&[3], &[f32::NAN, f32::INFINITY, f32::NEG_INFINITY]), "tensor([nan, inf, -inf])");
        assert_eq!(t(&[3], &[f32::NAN, 1.0, -0.0]), "tensor([nan, 1., -0.])");
    }

    #[test]
    fn empty_and_scalar_tensors() {
        assert_eq!(t(&[1, 1, 0], &[]), "tensor([], size=(1, 1, 0))");
        assert_eq!(t(&[0], &[]), "tensor([])");
        assert_eq!(t(&[], &[2.5]), "tensor(2.5000)");
    }
}
