//! The selected cell and the slices of a tensor the views show around it: which input
//! cell an output reads, the 2-D plane and the 1-D line through a cell, and the edits
//! the pointer and the keys make to the selection.
//!
//! A selection is a spatial index (D, H, W as the rank has them). It may come from an
//! older shape (a link, a click on a view about to be rebuilt), so every function here
//! clamps it to the shape it is given and takes every length from the tensor it reads:
//! none of them can index past the data, whatever selection or tensor it gets.

use crate::core::{Plan, Tap, Tensor};

/// Per spatial axis, the input index the selected output reads with the largest weight
/// (of equal weights, as in an `area` window, the one nearest the source coordinate): the
/// input cell whose row, column or plane the views show beside the output's.
pub fn read_cell(plan: &Plan, sel: &[usize]) -> Vec<usize> {
    plan.axes
        .iter()
        .enumerate()
        .map(|(d, a)| {
            let i = sel.get(d).copied().unwrap_or(0).min(a.out_len.saturating_sub(1));
            let Some(s) = a.samples.get(i) else { return 0 };
            let rank = |t: &Tap| (t.weight.abs(), -(t.index as f32 - s.src).abs());
            s.taps
                .iter()
                .max_by(|x, y| rank(x).partial_cmp(&rank(y)).unwrap_or(std::cmp::Ordering::Equal))
                .map(|t| t.index)
                .unwrap_or(0)
        })
        .collect()
}

/// The outer spatial indices (all but the last two axes: the depth of a 3-D input) of the
/// input plane the selected output reads most. The input grid and the diagram both show
/// this plane.
pub fn read_plane(plan: &Plan, sel: &[usize]) -> Vec<usize> {
    let mut cell = read_cell(plan, sel);
    cell.truncate(plan.axes.len().saturating_sub(2));
    cell
}

/// The letter of spatial axis `d` of `n` (`D`, `H`, `W` as the rank has them).
pub fn axis_letter(d: usize, n: usize) -> &'static str {
    ["D", "H", "W"].get((3 + d).saturating_sub(n)).copied().unwrap_or("?")
}

/// The outer spatial indices of the output plane holding the selected cell.
pub fn sel_plane(sel: &[usize], spatial_rank: usize) -> Vec<usize> {
    (0..spatial_rank.saturating_sub(2)).map(|d| sel.get(d).copied().unwrap_or(0)).collect()
}

/// One 2-D slice of a tensor: `h` rows of `w` values (a 1-D tensor is one row).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plane {
    pub h: usize,
    pub w: usize,
    /// Row-major, `h × w` values.
    pub values: Vec<f32>,
    /// Flat offset of the plane's first value in the tensor's data.
    pub offset: usize,
}

impl Plane {
    /// The value at (row, column), if inside the plane.
    pub fn get(&self, r: usize, c: usize) -> Option<f32> {
        (r < self.h && c < self.w).then(|| self.values.get(r * self.w + c).copied()).flatten()
    }
}

/// The plane of `t` a grid shows: batch 0, `channel` and the `outer` spatial indices (each
/// clamped to the shape), over the last two spatial axes. Lengths come from `t` alone; a
/// tensor whose data is shorter than its shape gives an empty plane.
pub fn plane_of(t: &Tensor, channel: usize, outer: &[usize]) -> Plane {
    let spatial = t.shape.get(2..).unwrap_or(&[]);
    let n = spatial.len();
    let Some(&w) = spatial.last() else { return Plane::default() };
    let h = if n >= 2 { spatial[n - 2] } else { 1 };
    let strides: Vec<usize> = (0..n).map(|d| spatial[d + 1..].iter().product()).collect();
    let channels = t.shape.get(1).copied().unwrap_or(1);
    let mut offset = channel.min(channels.saturating_sub(1)) * spatial.iter().product::<usize>();
    for d in 0..n.saturating_sub(2) {
        offset += outer.get(d).copied().unwrap_or(0).min(spatial[d].saturating_sub(1)) * strides[d];
    }
    match t.data.get(offset..offset + h * w) {
        Some(values) => Plane { h, w, values: values.to_vec(), offset },
        None => Plane::default(),
    }
}

/// How Python indexes that line: `x[0, 1, 2, :]` for `name` `x`, channel 1, `at` = (2, _)
/// along the last of two spatial axes.
pub fn row_name(name: &str, channel: usize, axis: usize, at: &[usize]) -> String {
    let idx: Vec<String> = (0..at.len()).map(|d| if d == axis { ":".to_string() } else { at[d].to_string() }).collect();
    format!("{name}[0, {channel}, {}]", idx.join(", "))
}

/// Flat offsets of the elements along spatial `axis` of a tensor of `shape` (batch 0,
/// channel `channel`), the other spatial indices taken from `at` (clamped to the shape).
pub fn line_offsets(shape: &[usize], channel: usize, axis: usize, at: &[usize]) -> Vec<usize> {
    let spatial = &shape[2.min(shape.len())..];
    if axis >= spatial.len() {
        return Vec::new();
    }
    let strides: Vec<usize> = (0..spatial.len()).map(|d| spatial[d + 1..].iter().product()).collect();
    let plane: usize = spatial.iter().product();
    let channels = shape.get(1).copied().unwrap_or(1).max(1);
    let base = channel.min(channels - 1) * plane
        + (0..spatial.len())
            .filter(|&d| d != axis)
            .map(|d| at.get(d).copied().unwrap_or(0).min(spatial[d].saturating_sub(1)) * strides[d])
            .sum::<usize>();
    (0..spatial[axis]).map(|i| base + i * strides[axis]).collect()
}

/// The values of `t` along spatial `axis` through `at` (see [`line_offsets`]); empty when
/// the data is shorter than the shape says.
pub fn line_values(t: &Tensor, channel: usize, axis: usize, at: &[usize]) -> Vec<f32> {
    line_offsets(&t.shape, channel, axis, at)
        .iter()
        .map(|&k| t.data.get(k).copied())
        .collect::<Option<_>>()
        .unwrap_or_default()
}

/// The selection clamped to a spatial shape: one index per axis, each inside it.
pub fn clamp_to(sel: &[usize], spatial: &[usize]) -> Vec<usize> {
    spatial.iter().enumerate().map(|(d, &n)| sel.get(d).copied().unwrap_or(0).min(n.saturating_sub(1))).collect()
}

/// The selection moved to (row, column) of the plane shown, the outer indices kept.
pub fn with_plane_cell(sel: &[usize], spatial: &[usize], r: usize, c: usize) -> Vec<usize> {
    let n = spatial.len();
    let mut s = clamp_to(sel, spatial);
    if let Some(last) = n.checked_sub(1) {
        s[last] = c.min(spatial[last].saturating_sub(1));
    }
    if let Some(row) = n.checked_sub(2) {
        s[row] = r.min(spatial[row].saturating_sub(1));
    }
    s
}

/// The selection moved to index `i` along spatial `axis`, the other indices kept.
pub fn with_axis(sel: &[usize], spatial: &[usize], axis: usize, i: usize) -> Vec<usize> {
    let mut s = clamp_to(sel, spatial);
    if let (Some(slot), Some(&n)) = (s.get_mut(axis), spatial.get(axis)) {
        *slot = i.min(n.saturating_sub(1));
    }
    s
}

/// The selection moved by one cell for an arrow key, inside `spatial`; `None` for other
/// keys (and for up and down on a 1-D shape).
pub fn moved(sel: &[usize], spatial: &[usize], key: &str) -> Option<Vec<usize>> {
    let n = spatial.len();
    let mut s = clamp_to(sel, spatial);
    let col = n.checked_sub(1)?;
    let row = n.checked_sub(2);
    match key {
        "ArrowLeft" => s[col] = s[col].saturating_sub(1),
        "ArrowRight" => s[col] = (s[col] + 1).min(spatial[col].saturating_sub(1)),
        "ArrowUp" => s[row?] = s[row?].saturating_sub(1),
        "ArrowDown" => s[row?] = (s[row?] + 1).min(spatial[row?].saturating_sub(1)),
        _ => return None,
    }
    Some(s)
}

/// The row-major index, in its plane, of the selected cell (clamped to `spatial`).
pub fn plane_index(sel: &[usize], spatial: &[usize]) -> Option<usize> {
    let n = spatial.len();
    let w = *spatial.last()?;
    let s = clamp_to(sel, spatial);
    let r = if n >= 2 { s[n - 2] } else { 0 };
    Some(r * w + s[n - 1])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{plan, Call, CallForm, Limits, Mode, ScaleArg, SizeArg};

    fn call(mode: Mode, scale: f64) -> Call {
        Call {
            form: CallForm::Interpolate,
            mode,
            size: None,
            scale_factor: Some(ScaleArg::Float(scale)),
            align_corners: None,
            recompute_scale_factor: None,
            antialias: false,
        }
    }

    #[test]
    fn the_row_read_is_the_heaviest_tap_or_the_one_nearest_the_coordinate() {
        let call = |mode| Call { form: CallForm::Interpolate, mode, size: Some(SizeArg::Int(2)), ..Call::default() };
        // area 6 → 2: output 1 averages [3, 6) equally, centred on 4.
        let p = plan(&[1, 1, 6], &call(Mode::Area), &Limits::default()).unwrap();
        assert_eq!(read_cell(&p, &[1]), [4]);
        // linear 6 → 2: output 0 samples 1.0 → (1, weight 1), (2, weight 0).
        let p = plan(&[1, 1, 6], &call(Mode::Linear), &Limits::default()).unwrap();
        assert_eq!(read_cell(&p, &[0]), [1]);
    }

    #[test]
    fn the_depth_shown_is_the_one_read_most_not_the_first_tap() {
        // Trilinear ×2 on depth 3: output depth 2 samples 0.75 = 0 (×0.25) + 1 (×0.75), and
        // output depth 4 samples 1.75 = 1 (×0.25) + 2 (×0.75). The first tap would say 0 and 1.
        let p = plan(&[1, 1, 3, 5, 5], &call(Mode::Trilinear, 2.0), &Limits::default()).unwrap();
        let first_tap = |d: usize| p.axes[0].samples[d].taps[0].index;
        assert_eq!((first_tap(2), first_tap(4)), (0, 1));
        assert_eq!(read_plane(&p, &[2, 3, 3]), [1]);
        assert_eq!(read_plane(&p, &[4, 0, 9]), [2]);
        // 2-D and 1-D planes have no outer index.
        let p = plan(&[1, 1, 4, 4], &call(Mode::Bilinear, 2.0), &Limits::default()).unwrap();
        assert_eq!(read_plane(&p, &[3, 3]), Vec::<usize>::new());
    }

    #[test]
    fn planes_take_their_lengths_from_the_tensor_they_read() {
        // (1, 2, 2, 2, 3): channel 1 starts at 12, its depth 1 at 18.
        let t = Tensor::new(vec![1, 2, 2, 2, 3], (0..24).map(|v| v as f32).collect()).unwrap();
        let p = plane_of(&t, 1, &[1]);
        assert_eq!((p.h, p.w, p.offset), (2, 3, 18));
        assert_eq!(p.values, [18., 19., 20., 21., 22., 23.]);
        assert_eq!(p.get(1, 2), Some(23.0));
        assert_eq!(p.get(2, 0), None);
        // Selections and channels from a bigger shape are clamped, never used as they are.
        assert_eq!(plane_of(&t, 9, &[40]).offset, 18);
        let small = Tensor::new(vec![1, 1, 4], vec![1., 2., 3., 4.]).unwrap();
        assert_eq!(plane_of(&small, 3, &[31, 31]), Plane { h: 1, w: 4, values: vec![1., 2., 3., 4.], offset: 0 });
        // A tensor whose data does not fill its shape gives nothing rather than a panic.
        let broken = Tensor { shape: vec![1, 1, 32, 32], data: vec![0.0; 16] };
        assert_eq!(plane_of(&broken, 0, &[]), Plane::default());
        assert_eq!(line_values(&broken, 0, 1, &[31, 31]), Vec::<f32>::new());
        assert_eq!(plane_of(&Tensor { shape: vec![1], data: vec![1.0] }, 0, &[]), Plane::default());
    }

    #[test]
    fn lines_run_along_one_axis_through_the_given_cell() {
        // (1, 2, 3, 4): channel 1, row 2 along W; column 3 along H.
        assert_eq!(line_offsets(&[1, 2, 3, 4], 1, 1, &[2, 9]), [20, 21, 22, 23]);
        assert_eq!(line_offsets(&[1, 2, 3, 4], 0, 0, &[0, 3]), [3, 7, 11]);
        assert_eq!(line_offsets(&[1, 1, 5], 0, 1, &[0]), Vec::<usize>::new());
        assert_eq!(row_name("x", 1, 1, &[2, 9]), "x[0, 1, 2, :]");
        let t = Tensor::new(vec![1, 1, 2, 3], vec![1., 2., 3., 4., 5., 6.]).unwrap();
        assert_eq!(line_values(&t, 0, 0, &[7, 2]), [3., 6.]);
    }

    #[test]
    fn selection_edits_stay_inside_the_shape() {
        assert_eq!(clamp_to(&[31, 31], &[4, 4]), [3, 3]);
        assert_eq!(clamp_to(&[2], &[3, 5, 5]), [2, 0, 0]);
        assert_eq!(with_plane_cell(&[2, 0, 0], &[3, 5, 5], 4, 1), [2, 4, 1]);
        assert_eq!(with_plane_cell(&[9, 9], &[4], 7, 2), [2]);
        assert_eq!(with_plane_cell(&[], &[4, 4], 9, 9), [3, 3]);
        assert_eq!(with_axis(&[1, 1], &[4, 8], 1, 6), [1, 6]);
        assert_eq!(with_axis(&[1, 1], &[4, 8], 5, 6), [1, 1]);
        assert_eq!(moved(&[0, 3], &[4, 4], "ArrowRight"), Some(vec![0, 3]));
        assert_eq!(moved(&[0, 3], &[4, 4], "ArrowDown"), Some(vec![1, 3]));
        assert_eq!(moved(&[9, 9], &[4, 4], "ArrowUp"), Some(vec![2, 3]));
        assert_eq!(moved(&[2], &[4], "ArrowUp"), None);
        assert_eq!(moved(&[2], &[4], "Enter"), None);
        assert_eq!(moved(&[2], &[], "ArrowLeft"), None);
        assert_eq!(plane_index(&[1, 2, 3], &[3, 4, 5]), Some(13));
        assert_eq!(plane_index(&[9, 9], &[2, 2]), Some(3));
        assert_eq!(plane_index(&[0], &[]), None);
        assert_eq!(sel_plane(&[2, 1, 1], 3), [2]);
        assert_eq!([axis_letter(0, 3), axis_letter(0, 2), axis_letter(0, 1), axis_letter(5, 3)], ["D", "H", "W", "?"]);
        assert_eq!(sel_plane(&[2, 1], 2), Vec::<usize>::new());
    }
}
