//! Rewrites the labels and colours of many cells (the strip, the diagram's input pixels,
//! the heatmaps' fallback tables) in place, touching only what changed. A changed label
//! replaces the data of the cell's existing text node, so the browser re-lays out one line;
//! setting `textContent` instead would remove and insert a node, which costs a style
//! recalculation and a new layout object per cell on every change of arguments.

use leptos::web_sys::{Element, Node};

/// What was last written to one cell.
#[derive(Clone, Default, PartialEq)]
struct Written {
    style: String,
    text: String,
}

/// The cells of one view as last written. A view that rebuilds its nodes starts a new
/// writer for them.
#[derive(Default)]
pub struct CellWriter {
    cells: Vec<Written>,
}

impl CellWriter {
    /// Writes cell `k`: its inline style (to `attr`, `style` or an SVG presentation
    /// attribute) and its text, each only if it differs from what was written before.
    pub fn write(&mut self, k: usize, el: &Element, style: (&str, &str), text: &str) {
        self.style(k, el, style.0, style.1);
        self.text(k, el, text);
    }

    /// Writes cell `k`'s style only, if it differs from what was written before.
    pub fn style(&mut self, k: usize, el: &Element, attr: &str, value: &str) {
        let was = self.cell(k);
        if was.style != value {
            let _ = el.set_attribute(attr, value);
            was.style = value.to_string();
        }
    }

    /// Writes cell `k`'s text only, if it differs from what was written before.
    pub fn text(&mut self, k: usize, el: &Element, text: &str) {
        let was = self.cell(k);
        if was.text != text {
            match el.first_child().filter(|n| n.node_type() == Node::TEXT_NODE) {
                Some(node) => node.set_node_value(Some(text)),
                None => el.set_text_content(Some(text)),
            }
            was.text = text.to_string();
        }
    }

    fn cell(&mut self, k: usize) -> &mut Written {
        if self.cells.len() <= k {
            // Nothing written yet: a value no real write equals.
            self.cells.resize(k + 1, Written { style: "\u{0}".into(), text: "\u{0}".into() });
        }
        &mut self.cells[k]
    }
}
