//! `cargo run --release --bin bench -- --shape 1,3,512,512 --mode bilinear --scale_factor 2
//! [--align_corners true] [--antialias true] [--size H,W] [--runs N]`: times the core on a
//! fixed pseudo-random input and ends with one line `median_ms: X`.
//!
//! The same command runs as WebAssembly under Node's WASI (README "Speed and size"):
//! `cargo build --release --bin bench --target wasm32-wasip1`, then
//! `node .ci/bench-wasm.mjs target/wasm32-wasip1/release/bench.wasm --shape 1,3,512,512 --mode bilinear`.

use std::time::Instant;
use upsample_explainer::core::{interpolate, plan, Call, Limits, Mode, ScaleArg, SizeArg, Tensor};

fn main() {
    match parse(std::env::args().skip(1).collect()) {
        Ok((shape, call, runs)) => run(shape, call, runs),
        Err(e) => {
            eprintln!("bench: {e}\nusage: bench --shape 1,3,512,512 --mode bilinear (--scale_factor 2 | --size H,W) [--align_corners true] [--antialias true] [--runs 20]");
            std::process::exit(2);
        }
    }
}

fn parse(args: Vec<String>) -> Result<(Vec<usize>, Call, usize), String> {
    let mut shape = vec![1, 3, 512, 512];
    let mut call = Call { mode: Mode::Bilinear, ..Call::default() };
    let mut runs = 20;
    let mut it = args.into_iter();
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let list = |v: &str| {
            v.split(',')
                .map(|s| s.trim().parse::<f64>().map_err(|_| format!("{flag}: not a number: {s}")))
                .collect::<Result<Vec<_>, _>>()
        };
        let bool_arg = |v: &str| match v {
            "true" | "True" => Ok(true),
            "false" | "False" => Ok(false),
            _ => Err(format!("{flag} takes true or false")),
        };
        match flag.as_str() {
            "--shape" => shape = list(&value)?.into_iter().map(|v| v as usize).collect(),
            "--mode" => call.mode = Mode::parse(&value).ok_or_else(|| format!("unknown mode {value}"))?,
            "--scale_factor" => {
                let v = list(&value)?;
                call.scale_factor = Some(if v.len() == 1 { ScaleArg::Float(v[0]) } else { ScaleArg::Tuple(v) });
            }
            "--size" => call.size = Some(SizeArg::Tuple(list(&value)?.into_iter().map(|v| v as i64).collect())),
            "--align_corners" => call.align_corners = Some(bool_arg(&value)?),
            "--antialias" => call.antialias = bool_arg(&value)?,
            "--runs" => runs = value.parse().map_err(|_| "--runs takes a count".to_string())?,
            other => return Err(format!("unknown flag {other}")),
        }
    }
    if call.size.is_none() && call.scale_factor.is_none() {
        call.scale_factor = Some(ScaleArg::Float(2.0));
    }
    Ok((shape, call, runs.max(1)))
}

fn run(shape: Vec<usize>, call: Call, runs: usize) {
    let numel: usize = shape.iter().product();
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let data = (0..numel)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 40) as f32 / (1u64 << 24) as f32
        })
        .collect();
    let input = Tensor::new(shape, data).expect("shape and data agree");
    let limits = Limits { max_output_elements: usize::MAX };
    let p = match plan(&input.shape, &call, &limits) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("bench: {e}");
            std::process::exit(1);
        }
    };
    let _warm_up = p.run(&input);
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            // A whole call: validate, plan and run.
            let out = interpolate(&input, &call, &limits);
            let ms = t.elapsed().as_secs_f64() * 1e3;
            let _ = std::hint::black_box(out);
            ms
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!("{} {:?} -> {:?}, {runs} runs", call.mode.name(), input.shape, p.out_shape);
    println!("median_ms: {:.3}", times[runs / 2]);
}
