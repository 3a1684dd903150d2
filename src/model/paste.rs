//! Reads a tensor pasted as a Python or NumPy literal: `[[1, 2], [3, 4]]`,
//! `torch.tensor([[1., 2.]])`, `np.array([...], dtype=np.float32)`, with or without the
//! batch and channel brackets.

use crate::core::Tensor;

/// The largest input the explainer takes: per spatial axis, channels, batch.
pub const MAX_SPATIAL: usize = 32;
pub const MAX_CHANNELS: usize = 4;
pub const MAX_BATCH: usize = 2;

/// Parses a nested list into a tensor of rank 3–5: a flat list is one row (1, 1, W), a
/// matrix one image (1, 1, H, W), three levels (1, C, H, W), four or five as written.
pub fn parse_tensor(text: &str) -> Result<Tensor, String> {
    let start = text.find('[').ok_or("no '[' found: paste a nested list such as [[1, 2], [3, 4]]")?;
    let end = text.rfind(']').ok_or("no closing ']' found")?;
    let mut p = Parser { s: text[start..=end].as_bytes(), i: 0 };
    let node = p.value()?;
    p.skip_ws();
    if p.i != p.s.len() {
        return Err(format!("unexpected text at character {}", start + p.i + 1));
    }
    let mut shape = Vec::new();
    let mut data = Vec::new();
    flatten(&node, 0, &mut shape, &mut data)?;
    let shape: Vec<usize> = match shape.len() {
        1 => vec![1, 1, shape[0]],
        2 => vec![1, 1, shape[0], shape[1]],
        3 => vec![1, shape[0], shape[1], shape[2]],
        4 | 5 => shape,
        0 => return Err("a single number is not a tensor to upsample".into()),
        n => return Err(format!("{n} levels of brackets: at most 5 (N, C, D, H, W)")),
    };
    check_limits(&shape)?;
    Tensor::new(shape, data).ok_or_else(|| "the rows do not all have the same length".into())
}

/// The explainer's size limits for an input shape (rank 3–5).
pub fn check_limits(shape: &[usize]) -> Result<(), String> {
    if !(3..=5).contains(&shape.len()) {
        return Err(format!("a {}-D tensor: the explainer takes 3-D to 5-D inputs (N, C, …)", shape.len()));
    }
    if shape.contains(&0) {
        return Err("a dimension of size 0".into());
    }
    if shape[0] > MAX_BATCH || shape[1] > MAX_CHANNELS || shape[2..].iter().any(|&n| n > MAX_SPATIAL) {
        return Err(format!(
            "shape {shape:?}: the explainer draws at most {MAX_BATCH} batches, {MAX_CHANNELS} channels and {MAX_SPATIAL} pixels per axis"
        ));
    }
    Ok(())
}

enum Node {
    Num(f32),
    List(Vec<Node>),
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn skip_ws(&mut self) {
        while self.i < self.s.len() && (self.s[self.i] as char).is_whitespace() {
            self.i += 1;
        }
    }

    fn value(&mut self) -> Result<Node, String> {
        self.skip_ws();
        match self.s.get(self.i) {
            Some(b'[') => {
                self.i += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_ws();
                    if self.s.get(self.i) == Some(&b']') {
                        self.i += 1;
                        return Ok(Node::List(items));
                    }
                    items.push(self.value()?);
                    self.skip_ws();
                    match self.s.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b']') => {}
                        _ => return Err(format!("expected ',' or ']' at character {}", self.i + 1)),
                    }
                }
            }
            Some(_) => self.number(),
            None => Err("the list ends early".into()),
        }
    }

    fn number(&mut self) -> Result<Node, String> {
        let start = self.i;
        while self.i < self.s.len() && !matches!(self.s[self.i], b',' | b']' | b'[') {
            self.i += 1;
        }
        let word = std::str::from_utf8(&self.s[start..self.i]).unwrap_or("").trim();
        let word = word.trim_start_matches('+');
        let cleaned = word.trim_end_matches('.').to_ascii_lowercase();
        let value = match cleaned.as_str() {
            "nan" | "float('nan')" | "float(\"nan\")" | "math.nan" | "np.nan" => f32::NAN,
            "inf" | "float('inf')" | "float(\"inf\")" | "math.inf" | "np.inf" => f32::INFINITY,
            "-inf" | "float('-inf')" | "float(\"-inf\")" | "-math.inf" | "-np.inf" => f32::NEG_INFINITY,
            _ => word.parse::<f64>().map_err(|_| format!("'{word}' is not a number"))? as f32,
        };
        Ok(Node::Num(value))
    }
}

fn flatten(node: &Node, depth: usize, shape: &mut Vec<usize>, data: &mut Vec<f32>) -> Result<(), String> {
    match node {
        Node::Num(v) => {
            if depth != shape.len() {
                return Err("the nesting is ragged: some numbers sit deeper than others".into());
            }
            data.push(*v);
        }
        Node::List(items) => {
            if items.is_empty() {
                return Err("an empty list".into());
            }
            if depth == shape.len() {
                if data.is_empty() {
                    shape.push(items.len());
                } else {
                    return Err("the nesting is ragged: some numbers sit deeper than others".into());
                }
            } else if shape[depth] != items.len() {
                return Err(format!("rows of different lengths ({} and {})", shape[depth], items.len()));
            }
            if data.len() > 1 << 16 {
                return Err("too many numbers".into());
            }
            for item in items {
                flatten(item, depth + 1, shape, data)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_wrapped_lists() {
        let t = parse_tensor("[[1, 2], [3, 4]]").unwrap();
        assert_eq!((t.shape, t.data), (vec![1, 1, 2, 2], vec![1., 2., 3., 4.]));
        let t = parse_tensor("torch.tensor([[[[2., 6.], [4., 3.]]]])").unwrap();
        assert_eq!(t.shape, vec![1, 1, 2, 2]);
        let t = parse_tensor("np.array([0.5, -1e-3, nan], dtype=np.float32)").unwrap();
        assert_eq!(t.shape, vec![1, 1, 3]);
        assert!(t.data[2].is_nan());
        assert_eq!(parse_tensor("[[[1, 2]], [[3, 4]]]").unwrap().shape, vec![1, 2, 1, 2]);
    }

    #[test]
    fn bad_input_says_what_is_wrong() {
        assert!(parse_tensor("hello").unwrap_err().contains("nested list"));
        assert!(parse_tensor("[[1, 2], [3]]").unwrap_err().contains("different lengths"));
        assert!(parse_tensor("[[1, x]]").unwrap_err().contains("not a number"));
        assert!(parse_tensor("[1, [2]]").unwrap_err().contains("ragged"));
        assert!(parse_tensor(&format!("[{}]", vec!["1"; 40].join(","))).unwrap_err().contains("at most"));
        assert!(parse_tensor("[[1, 2]").is_err());
    }
}
