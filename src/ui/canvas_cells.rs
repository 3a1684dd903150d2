//! A grid of coloured cells put on a canvas in one call: the dense heatmaps, and the
//! diagram's input pixels as an image (colours from `model::raster::cells_rgba`).

use crate::model::raster::cells_rgba;
use leptos::wasm_bindgen::Clamped;
use leptos::web_sys::{CanvasRenderingContext2d, ImageData};

/// Puts an `h × w` grid of `k × k`-pixel cells, coloured by `colour` of the row-major cell
/// index, at the canvas's origin, in one call.
pub fn put_cells(ctx: &CanvasRenderingContext2d, h: usize, w: usize, k: usize, colour: impl Fn(usize) -> (u8, u8, u8)) {
    let rgba = cells_rgba(h, w, k, colour);
    if let Ok(data) = ImageData::new_with_u8_clamped_array_and_sh(Clamped(&rgba), (w * k) as u32, (h * k) as u32) {
        let _ = ctx.put_image_data(&data, 0.0, 0.0);
    }
}
