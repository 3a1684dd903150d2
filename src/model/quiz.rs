//! The quiz (`quiz=1`): output values stay hidden until a student reveals them, one cell at
//! a time (a click) or all at once. The sample points, the diagram and the input stay, so
//! the question is "what will this output be?", answered from the picture.

/// Which outputs a quiz shows. Cells are spatial indices of the main output; the compared
/// output shows the same cells.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reveal {
    pub all: bool,
    pub cells: Vec<Vec<usize>>,
}

impl Reveal {
    /// Whether the output at spatial index `cell` is shown.
    pub fn shows(&self, cell: &[usize]) -> bool {
        self.all || self.cells.iter().any(|c| c == cell)
    }

    pub fn reveal(&mut self, cell: &[usize]) {
        if !self.shows(cell) {
            self.cells.push(cell.to_vec());
        }
    }
}

/// What a quiz writes in place of a hidden value.
pub const HIDDEN: &str = "?";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_show_once_revealed_and_all_shows_every_cell() {
        let mut r = Reveal::default();
        assert!(!r.shows(&[1, 2]));
        r.reveal(&[1, 2]);
        r.reveal(&[1, 2]);
        assert!(r.shows(&[1, 2]) && !r.shows(&[2, 1]));
        assert_eq!(r.cells.len(), 1);
        r.all = true;
        assert!(r.shows(&[7, 7]));
    }
}
