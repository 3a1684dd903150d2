//! One call as a view draws it: the input, the plan made for the input's shape and the
//! output the plan made from it, checked to agree. A view that takes its lengths and its
//! data from one snapshot cannot index one tensor with a length taken from another, even
//! while a change of shape is still reaching the views one by one.

use crate::core::{Plan, Tensor};

/// Borrowed input, plan and output of one call, whose shapes agree.
#[derive(Clone, Copy, Debug)]
pub struct Snapshot<'a> {
    pub input: &'a Tensor,
    pub plan: &'a Plan,
    pub output: &'a Tensor,
}

impl<'a> Snapshot<'a> {
    /// `None` unless the plan was made for the input's shape, the output has the plan's
    /// output shape, and both tensors' data fill their shapes.
    pub fn new(input: &'a Tensor, plan: &'a Plan, output: &'a Tensor) -> Option<Snapshot<'a>> {
        let fills = |t: &Tensor| t.shape.iter().product::<usize>() == t.data.len();
        (input.shape == plan.in_shape && output.shape == plan.out_shape && fills(input) && fills(output))
            .then_some(Snapshot { input, plan, output })
    }

    /// The number of spatial axes.
    pub fn rank(&self) -> usize {
        self.plan.axes.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{plan, Call, Limits, Mode, ScaleArg};

    #[test]
    fn only_an_input_plan_and_output_that_agree_make_a_snapshot() {
        let call = Call { mode: Mode::Nearest, scale_factor: Some(ScaleArg::Float(2.0)), ..Call::default() };
        let p = plan(&[1, 1, 4, 4], &call, &Limits::default()).unwrap();
        let x = Tensor::new(vec![1, 1, 4, 4], vec![1.0; 16]).unwrap();
        let y = p.run(&x);
        assert_eq!(Snapshot::new(&x, &p, &y).map(|s| s.rank()), Some(2));
        // An input of another shape (the plan is stale), an output of another plan, or a
        // tensor whose data does not fill its shape: no snapshot.
        let other = Tensor::new(vec![1, 1, 32, 32], vec![0.0; 1024]).unwrap();
        assert!(Snapshot::new(&other, &p, &y).is_none());
        assert!(Snapshot::new(&x, &p, &x).is_none());
        let broken = Tensor { shape: vec![1, 1, 4, 4], data: vec![0.0; 4] };
        assert!(Snapshot::new(&broken, &p, &y).is_none());
    }
}
