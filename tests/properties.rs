//! Properties of the core over random shapes, scales and arguments (seeded, reproducible).

use upsample_explainer::core::{
    explain, feeds, interpolate, plan, Call, CallForm, Limits, Mode, ScaleArg, SizeArg, Tensor,
};

/// xorshift64*: a tiny deterministic generator, enough for test inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}

fn rank_of(mode: Mode, rng: &mut Rng) -> usize {
    match mode.spatial_rank() {
        Some(n) => n + 2,
        None => rng.pick(&[3, 4, 5]),
    }
}

/// A random valid call and an input for it.
fn random_case(rng: &mut Rng) -> (Tensor, Call) {
    let mode = rng.pick(&Mode::ALL);
    let rank = rank_of(mode, rng);
    let mut shape = vec![1 + rng.below(2) as usize, 1 + rng.below(3) as usize];
    shape.extend((2..rank).map(|_| 1 + rng.below(if rank == 5 { 5 } else { 9 }) as usize));
    let data = (0..shape.iter().product::<usize>()).map(|_| (rng.unit() * 20.0 - 10.0) as f32).collect();
    let interpolating = mode.is_interpolating();
    let antialias = mode.requires_antialias() || (mode.can_antialias() && rng.below(3) == 0);
    let (size, scale_factor) = if rng.below(2) == 0 {
        (Some(SizeArg::Tuple((2..rank).map(|_| 1 + rng.below(14) as i64).collect())), None)
    } else {
        let s = (1.0 + rng.unit() * 3.0 * 8.0).round() / 8.0;
        // Keep every output length at least 1 (PyTorch rejects empty outputs).
        let smallest = shape[2..].iter().copied().min().unwrap_or(1) as f64;
        (None, Some(ScaleArg::Float(if smallest * s < 1.0 { 1.0 } else { s })))
    };
    let align_corners =
        if interpolating && mode != Mode::Lanczos { rng.pick(&[None, Some(false), Some(true)]) } else { None };
    let recompute = if scale_factor.is_some() { rng.pick(&[None, Some(false), Some(true)]) } else { None };
    let call = Call {
        form: CallForm::Interpolate,
        mode,
        size,
        scale_factor,
        align_corners,
        recompute_scale_factor: recompute,
        antialias,
    };
    (Tensor::new(shape, data).unwrap(), call)
}

const CASES: usize = 400;

#[test]
fn output_shape_follows_pytorch_rule() {
    let mut rng = Rng(7);
    for _ in 0..CASES {
        let (x, call) = random_case(&mut rng);
        let y = interpolate(&x, &call, &Limits::default()).unwrap_or_else(|e| panic!("{call:?}: {e}"));
        let want: Vec<usize> = match (&call.size, &call.scale_factor) {
            (Some(SizeArg::Tuple(t)), _) => t.iter().map(|&n| n as usize).collect(),
            (_, Some(ScaleArg::Float(s))) => x.shape[2..].iter().map(|&n| (n as f64 * s).floor() as usize).collect(),
            _ => unreachable!(),
        };
        assert_eq!(&y.shape[2..], &want[..], "{call:?}");
        assert_eq!(&y.shape[..2], &x.shape[..2]);
    }
}

#[test]
fn ledger_sums_reproduce_every_output() {
    let mut rng = Rng(11);
    for _ in 0..CASES {
        let (x, call) = random_case(&mut rng);
        let p = plan(&x.shape, &call, &Limits::default()).unwrap();
        let y = p.run(&x);
        for _ in 0..8 {
            let index: Vec<usize> = y.shape.iter().map(|&n| rng.below(n as u64) as usize).collect();
            let ledger = explain(&p, &x, &index);
            let flat = index.iter().zip(&y.shape).fold(0, |a, (&i, &n)| a * n + i);
            assert_eq!(ledger.value.to_bits(), y.data[flat].to_bits(), "{call:?} at {index:?}");
            let sum: f64 = ledger.contributions.iter().map(|c| c.weight as f64 * c.value as f64).sum();
            let target = ledger.intended.unwrap_or(ledger.value) as f64;
            let scale: f64 =
                ledger.contributions.iter().map(|c| (c.weight as f64 * c.value as f64).abs()).sum::<f64>().max(1.0);
            assert!((sum - target).abs() <= 1e-5 * scale, "{call:?} at {index:?}: sum {sum} vs {target}");
        }
    }
}

#[test]
fn feeds_is_the_reverse_of_the_ledger() {
    let mut rng = Rng(13);
    for _ in 0..100 {
        let (x, call) = random_case(&mut rng);
        let p = plan(&x.shape, &call, &Limits::default()).unwrap();
        let input_index: Vec<usize> = x.shape[2..].iter().map(|&n| rng.below(n as u64) as usize).collect();
        for feed in feeds(&p, &input_index) {
            let mut full = vec![0, 0];
            full.extend(&feed.out_index);
            let ledger = explain(&p, &x, &full);
            let c = ledger.contributions.iter().find(|c| c.index == input_index);
            let c = c.unwrap_or_else(|| {
                panic!("{call:?}: {input_index:?} feeds {:?} but is not in its ledger", feed.out_index)
            });
            assert!((c.weight - feed.weight).abs() <= 1e-6, "{call:?}");
        }
    }
}

/// The first corner is exact; the far corner samples `f32((in−1)/(out−1))·(out−1)`, which
/// float32 rounding can put a hair away from `in − 1`, in PyTorch as here.
#[test]
fn align_corners_true_preserves_corner_values() {
    let mut rng = Rng(17);
    for _ in 0..CASES {
        let (x, mut call) = random_case(&mut rng);
        if !call.mode.is_interpolating() || call.antialias {
            continue;
        }
        call.align_corners = Some(true);
        let y = interpolate(&x, &call, &Limits::default()).unwrap();
        if y.shape[2..].iter().any(|&n| n < 2) {
            continue;
        }
        let corner = |t: &Tensor, far: bool| {
            let index: Vec<usize> =
                t.shape.iter().enumerate().map(|(d, &n)| if d >= 2 && far { n - 1 } else { 0 }).collect();
            t.data[t.offset(&index)]
        };
        assert_eq!(corner(&y, false), corner(&x, false), "{call:?}");
        let (far_out, far_in) = (corner(&y, true), corner(&x, true));
        assert!((far_out - far_in).abs() <= 1e-5 * far_in.abs().max(1.0), "{call:?}: {far_out} vs {far_in}");
    }
}

#[test]
fn a_constant_input_gives_a_constant_output() {
    let mut rng = Rng(19);
    for _ in 0..CASES {
        let (mut x, call) = random_case(&mut rng);
        let c = (rng.unit() * 100.0 - 50.0) as f32;
        x.data.iter_mut().for_each(|v| *v = c);
        let y = interpolate(&x, &call, &Limits::default()).unwrap();
        // Renormalised antialias weights sum to 1 up to rounding; the others exactly.
        let tol = if call.antialias { 4e-6 * c.abs().max(1.0) } else { 2e-6 * c.abs().max(1.0) };
        for &v in &y.data {
            assert!((v - c).abs() <= tol, "{call:?}: {v} from constant {c}");
        }
    }
}

#[test]
fn any_arguments_give_a_result_or_an_error_never_a_panic() {
    let mut rng = Rng(23);
    let sizes = [-3i64, 0, 1, 2, 7, 1 << 40, i64::MAX];
    let scales = [f64::NAN, f64::INFINITY, -1.0, 0.0, 1e-9, 0.5, 2.0, 1e300];
    for _ in 0..3000 {
        let rank = rng.below(7) as usize;
        let shape: Vec<usize> = (0..rank).map(|_| rng.below(4) as usize).collect();
        let x = Tensor::new(shape.clone(), vec![1.0; shape.iter().product()]).unwrap();
        let n = rng.below(4) as usize;
        let call = Call {
            form: rng.pick(&[
                CallForm::Interpolate,
                CallForm::Upsample,
                CallForm::UpsamplingNearest2d,
                CallForm::UpsamplingBilinear2d,
            ]),
            mode: rng.pick(&Mode::ALL),
            size: match rng.below(3) {
                0 => None,
                1 => Some(SizeArg::Int(rng.pick(&sizes))),
                _ => Some(SizeArg::Tuple((0..n).map(|_| rng.pick(&sizes)).collect())),
            },
            scale_factor: match rng.below(3) {
                0 => None,
                1 => Some(ScaleArg::Float(rng.pick(&scales))),
                _ => Some(ScaleArg::Tuple((0..n).map(|_| rng.pick(&scales)).collect())),
            },
            align_corners: rng.pick(&[None, Some(false), Some(true)]),
            recompute_scale_factor: rng.pick(&[None, Some(false), Some(true)]),
            antialias: rng.below(4) == 0,
        };
        let limits = Limits { max_output_elements: 100_000 };
        if let Ok(p) = plan(&x.shape, &call, &limits) {
            let y = p.run(&x);
            assert_eq!(y.shape, p.out_shape);
            if y.numel() > 0 {
                let _ = explain(&p, &x, &vec![0; y.shape.len()]);
            }
        }
    }
}

/// Long fixed-width axes of run-only plans compute their taps per chunk instead of storing
/// them (`TapTable::fixed`); the result must be bit-identical to a plan that stores them,
/// for every fixed-width mode, on the innermost axis and on an outer one.
#[test]
fn computed_taps_on_long_axes_match_stored_taps() {
    let mut rng = Rng(29);
    let long = 16000;
    let cases: [(Mode, Vec<usize>); 6] = [
        (Mode::Linear, vec![1, 2, long]),
        (Mode::Nearest, vec![1, 2, long]),
        (Mode::NearestExact, vec![1, 1, 3, long]),
        (Mode::Bicubic, vec![1, 1, 3, long]),
        (Mode::Bilinear, vec![1, 1, long, 3]),
        (Mode::Trilinear, vec![1, 1, 2, long, 2]),
    ];
    for (mode, shape) in cases {
        for &(scale, align_corners) in &[(2.3, Some(false)), (1.7, Some(true)), (0.55, None)] {
            let data = (0..shape.iter().product::<usize>()).map(|_| (rng.unit() * 20.0 - 10.0) as f32).collect();
            let x = Tensor::new(shape.clone(), data).unwrap();
            let interpolating = mode.is_interpolating();
            let call = Call {
                form: CallForm::Interpolate,
                mode,
                size: None,
                scale_factor: Some(ScaleArg::Float(scale)),
                align_corners: if interpolating { align_corners } else { None },
                recompute_scale_factor: None,
                antialias: false,
            };
            let computed = interpolate(&x, &call, &Limits::default()).unwrap();
            let explained = plan(&x.shape, &call, &Limits::default()).unwrap();
            assert!(explained.axes.iter().any(|a| a.out_len > 8192), "{mode:?} {shape:?}: no long axis");
            let stored = explained.run(&x);
            assert_eq!(computed.shape, stored.shape);
            let differ = computed.data.iter().zip(&stored.data).filter(|(a, b)| a.to_bits() != b.to_bits()).count();
            assert_eq!(differ, 0, "{mode:?} {shape:?} ×{scale}: {differ} elements differ");
        }
    }
}
