//! Reads a tensor pasted as a Python or NumPy literal: `[[1, 2], [3, 4]]`,
//! `torch.tensor([[1., 2.]])`, `np.array([...], dtype=np.float32)`, with or without the
//! batch and channel brackets.

use super::i18n::{t, Key, Lang};
use crate::core::Tensor;

/// The explainer's one input limit (pasted, in a link or a preset), stated whole in
/// [`PasteError::TooLarge`]'s message: per spatial axis, channels, batch, and values in all.
pub const MAX_SPATIAL: usize = 32;
pub const MAX_CHANNELS: usize = 4;
pub const MAX_BATCH: usize = 2;
/// Values in all: keeps the input grid, the URL and every recomputation small. A
/// 2×4×32×32×32 input is within the other limits but not this one.
pub const MAX_VALUES: usize = 1 << 16;
/// A paste stops being read after this many numbers, the most any shape within the
/// per-axis limits holds (so that any such shape is named in the limit's message).
const READ_CAP: usize = MAX_BATCH * MAX_CHANNELS * MAX_SPATIAL * MAX_SPATIAL * MAX_SPATIAL;

/// Why a pasted text (or a link's `input`) is not an input the explainer takes.
#[derive(Clone, Debug, PartialEq)]
pub enum PasteError {
    /// No `[` anywhere.
    NoList,
    /// The brackets are not closed.
    Unclosed,
    /// Text after the outermost list (1-based character position).
    Unexpected(usize),
    /// Something other than `,` or `]` after an element (1-based character position).
    Expected(usize),
    NotANumber(String),
    SingleNumber,
    Ragged,
    Empty,
    RowLengths(usize, usize),
    /// More than 5 levels of brackets.
    Levels(usize),
    /// A shape of rank other than 3 to 5.
    Rank(usize),
    ZeroDim,
    /// Beyond [`MAX_BATCH`], [`MAX_CHANNELS`], [`MAX_SPATIAL`] or [`MAX_VALUES`]: the shape,
    /// or `None` for a paste too long to finish reading.
    TooLarge(Option<Vec<usize>>),
    /// A link's `input` not written `SHAPE:VALUES` (`1x1x2x2:1,2,3,4`).
    InputSyntax,
    /// A link's `input` whose shape holds the first number of values but lists the second.
    InputCount(Vec<usize>, usize),
}

impl PasteError {
    /// True for the size limit (the text was read, but the tensor is too large).
    pub fn is_limit(&self) -> bool {
        matches!(self, PasteError::TooLarge(_))
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let (key, value) = match self {
            PasteError::InputSyntax => (Key::InputSyntax, String::new()),
            PasteError::InputCount(shape, got) => {
                let holds = shape.iter().product::<usize>();
                let text = [format!("{shape:?}"), holds.to_string(), got.to_string()]
                    .iter()
                    .fold(t(lang, Key::InputCount).to_string(), |text, v| text.replacen("{}", v, 1));
                return text;
            }
            PasteError::NoList => (Key::PasteNoList, String::new()),
            PasteError::Unclosed => (Key::PasteUnclosed, String::new()),
            PasteError::Unexpected(at) => (Key::PasteUnexpected, at.to_string()),
            PasteError::Expected(at) => (Key::PasteExpected, at.to_string()),
            PasteError::NotANumber(word) => (Key::PasteNotANumber, word.clone()),
            PasteError::SingleNumber => (Key::PasteSingleNumber, String::new()),
            PasteError::Ragged => (Key::PasteRagged, String::new()),
            PasteError::Empty => (Key::PasteEmpty, String::new()),
            PasteError::RowLengths(a, b) => (Key::PasteRowLengths, format!("{a}, {b}")),
            PasteError::Levels(n) => (Key::PasteLevels, n.to_string()),
            PasteError::Rank(n) => (Key::PasteRank, n.to_string()),
            PasteError::ZeroDim => (Key::PasteZeroDim, String::new()),
            PasteError::TooLarge(Some(shape)) => (Key::PasteShape, format!("{shape:?}")),
            PasteError::TooLarge(None) => (Key::PasteTooMany, MAX_VALUES.to_string()),
        };
        let mut text = t(lang, key).replace("{}", &value);
        if self.is_limit() {
            let limits = [MAX_BATCH, MAX_CHANNELS, MAX_SPATIAL, MAX_VALUES];
            let mut parts = t(lang, Key::InputLimits).split("{}");
            text.extend(parts.next());
            for (limit, part) in limits.iter().zip(parts) {
                text.push_str(&limit.to_string());
                text.push_str(part);
            }
        }
        text
    }
}

/// Parses a nested list into a tensor of rank 3–5: a flat list is one row (1, 1, W), a
/// matrix one image (1, 1, H, W), three levels (1, C, H, W), four or five as written.
pub fn parse_tensor(text: &str) -> Result<Tensor, PasteError> {
    let start = text.find('[').ok_or(PasteError::NoList)?;
    let end = text.rfind(']').ok_or(PasteError::Unclosed)?;
    // The parser recurses once per bracket: a deeper paste is refused before it is read, so
    // that ten thousand `[` cannot overflow the stack.
    let levels = nesting(&text.as_bytes()[start..=end]);
    if levels > 5 {
        return Err(PasteError::Levels(levels));
    }
    let mut p = Parser { s: &text.as_bytes()[start..=end], i: 0, numbers: 0 };
    let node = p.value()?;
    p.skip_ws();
    if p.i != p.s.len() {
        return Err(PasteError::Unexpected(start + p.i + 1));
    }
    let mut shape = Vec::new();
    let mut data = Vec::new();
    flatten(&node, 0, &mut shape, &mut data)?;
    let shape: Vec<usize> = match shape.len() {
        1 => vec![1, 1, shape[0]],
        2 => vec![1, 1, shape[0], shape[1]],
        3 => vec![1, shape[0], shape[1], shape[2]],
        4 | 5 => shape,
        0 => return Err(PasteError::SingleNumber),
        n => return Err(PasteError::Levels(n)),
    };
    check_limits(&shape)?;
    Tensor::new(shape, data).ok_or(PasteError::Ragged)
}

/// The deepest nesting of brackets in `s`.
fn nesting(s: &[u8]) -> usize {
    let (mut depth, mut deepest) = (0usize, 0);
    for b in s {
        match b {
            b'[' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// The explainer's input limit for a shape (rank 3–5): see [`MAX_VALUES`] and the rest.
pub fn check_limits(shape: &[usize]) -> Result<(), PasteError> {
    if !(3..=5).contains(&shape.len()) {
        return Err(PasteError::Rank(shape.len()));
    }
    if shape.contains(&0) {
        return Err(PasteError::ZeroDim);
    }
    if shape[0] > MAX_BATCH
        || shape[1] > MAX_CHANNELS
        || shape[2..].iter().any(|&n| n > MAX_SPATIAL)
        || shape.iter().product::<usize>() > MAX_VALUES
    {
        return Err(PasteError::TooLarge(Some(shape.to_vec())));
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
    /// Numbers read so far (see [`READ_CAP`]).
    numbers: usize,
}

impl Parser<'_> {
    fn skip_ws(&mut self) {
        while self.i < self.s.len() && (self.s[self.i] as char).is_whitespace() {
            self.i += 1;
        }
    }

    fn value(&mut self) -> Result<Node, PasteError> {
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
                        Some(_) => return Err(PasteError::Expected(self.i + 1)),
                        None => return Err(PasteError::Unclosed),
                    }
                }
            }
            Some(_) => self.number(),
            None => Err(PasteError::Unclosed),
        }
    }

    fn number(&mut self) -> Result<Node, PasteError> {
        self.numbers += 1;
        if self.numbers > READ_CAP {
            return Err(PasteError::TooLarge(None));
        }
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
            _ => word.parse::<f64>().map_err(|_| PasteError::NotANumber(word.chars().take(24).collect()))? as f32,
        };
        Ok(Node::Num(value))
    }
}

fn flatten(node: &Node, depth: usize, shape: &mut Vec<usize>, data: &mut Vec<f32>) -> Result<(), PasteError> {
    match node {
        Node::Num(v) => {
            if depth != shape.len() {
                return Err(PasteError::Ragged);
            }
            data.push(*v);
        }
        Node::List(items) => {
            if items.is_empty() {
                return Err(PasteError::Empty);
            }
            if depth == shape.len() {
                if data.is_empty() {
                    shape.push(items.len());
                } else {
                    return Err(PasteError::Ragged);
                }
            } else if shape[depth] != items.len() {
                return Err(PasteError::RowLengths(shape[depth], items.len()));
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
        assert_eq!(parse_tensor("hello"), Err(PasteError::NoList));
        assert_eq!(parse_tensor("[[1, 2], [3]]"), Err(PasteError::RowLengths(2, 1)));
        assert_eq!(parse_tensor("[[1, x]]"), Err(PasteError::NotANumber("x".into())));
        assert_eq!(parse_tensor("[1, [2]]"), Err(PasteError::Ragged));
        assert_eq!(parse_tensor("[[1, 2]"), Err(PasteError::Unclosed));
        assert_eq!(parse_tensor("[[1, 2] [3, 4]]"), Err(PasteError::Expected(9)));
        assert_eq!(parse_tensor("[[1, 2]] x]"), Err(PasteError::Unexpected(10)));
        assert_eq!(parse_tensor("[[[[[[1]]]]]]"), Err(PasteError::Levels(6)));
        // Deep enough to overflow a recursive reader's stack: refused before reading.
        assert_eq!(parse_tensor(&("[".repeat(1_000_000) + "]")), Err(PasteError::Levels(1_000_000)));
        assert_eq!(
            parse_tensor(&format!("{}1{}", "[".repeat(200_000), "]".repeat(200_000))),
            Err(PasteError::Levels(200_000))
        );
        assert_eq!(parse_tensor("[[]]"), Err(PasteError::Empty));
        let wide = parse_tensor(&format!("[{}]", vec!["1"; 40].join(","))).unwrap_err();
        assert_eq!(wide, PasteError::TooLarge(Some(vec![1, 1, 40])));
        assert!(wide.is_limit());
        assert!(wide.text(Lang::En).contains("[1, 1, 40]"), "{}", wide.text(Lang::En));
    }

    #[test]
    fn the_one_limit_is_stated_whole_in_its_message() {
        // Every bound the check applies is in the message, in both languages.
        let message = check_limits(&[2, 4, 32, 32, 32]).unwrap_err();
        for lang in [Lang::En, Lang::Zh] {
            let text = message.text(lang);
            for bound in [MAX_BATCH, MAX_CHANNELS, MAX_SPATIAL, MAX_VALUES] {
                assert!(text.contains(&bound.to_string()), "{text} lacks {bound}");
            }
            assert!(text.contains("[2, 4, 32, 32, 32]"), "{text}");
        }
        // The largest inputs of each kind that fit.
        assert!(check_limits(&[1, 2, 32, 32, 32]).is_ok());
        assert!(check_limits(&[2, 4, 32, 32]).is_ok());
        assert!(check_limits(&[2, 4, 8, 32, 32]).is_ok());
        assert_eq!(check_limits(&[1, 1, 0]), Err(PasteError::ZeroDim));
        assert_eq!(check_limits(&[1, 1]), Err(PasteError::Rank(2)));
        // A paste over the total names its shape; one too long to finish reading says the
        // same limit.
        let row = format!("[{}]", vec!["1"; 32].join(","));
        let square = format!("[{}]", vec![row; 32].join(","));
        let cube = format!("[{}]", vec![square; 32].join(","));
        let big = format!("[[{}]]", vec![cube; 3].join(","));
        assert_eq!(parse_tensor(&big).err(), Some(PasteError::TooLarge(Some(vec![1, 3, 32, 32, 32]))));
        let huge = format!("[{}]", vec!["1"; READ_CAP + 1].join(","));
        let err = parse_tensor(&huge).err().unwrap_or(PasteError::Empty);
        assert_eq!(err, PasteError::TooLarge(None));
        assert!(err.text(Lang::En).contains(&MAX_VALUES.to_string()), "{}", err.text(Lang::En));
    }

    #[test]
    fn every_error_has_a_message_in_both_languages() {
        let all = [
            PasteError::NoList,
            PasteError::Unclosed,
            PasteError::Unexpected(3),
            PasteError::Expected(4),
            PasteError::NotANumber("x".into()),
            PasteError::SingleNumber,
            PasteError::Ragged,
            PasteError::Empty,
            PasteError::RowLengths(2, 3),
            PasteError::Levels(6),
            PasteError::Rank(2),
            PasteError::ZeroDim,
            PasteError::TooLarge(None),
            PasteError::TooLarge(Some(vec![1, 1, 40])),
        ];
        for e in all {
            let (en, zh) = (e.text(Lang::En), e.text(Lang::Zh));
            assert!(!en.is_empty() && en != zh && !en.contains('{') && !zh.contains('{'), "{e:?}: {en} / {zh}");
        }
    }
}
