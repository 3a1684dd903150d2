//! A dense, contiguous (row-major) float32 tensor: the only data type the explainer needs.

/// A row-major float32 tensor of any rank, laid out as PyTorch's contiguous NC(D)(H)W.
#[derive(Clone, Debug, PartialEq)]
pub struct Tensor {
    pub shape: Vec<usize>,
    pub data: Vec<f32>,
}

impl Tensor {
    /// Builds a tensor; `None` when `data.len()` is not the product of `shape`.
    pub fn new(shape: Vec<usize>, data: Vec<f32>) -> Option<Tensor> {
        (shape.iter().product::<usize>() == data.len()).then_some(Tensor { shape, data })
    }

    /// Number of elements.
    pub fn numel(&self) -> usize {
        self.data.len()
    }

    /// Row-major strides of `shape`, in elements.
    pub fn strides(&self) -> Vec<usize> {
        let mut strides = vec![1; self.shape.len()];
        for d in (0..self.shape.len().saturating_sub(1)).rev() {
            strides[d] = strides[d + 1] * self.shape[d + 1];
        }
        strides
    }

    /// Flat offset of a full multi-index (one entry per dimension).
    pub fn offset(&self, index: &[usize]) -> usize {
        index.iter().zip(self.strides()).map(|(i, s)| i * s).sum()
    }
}
