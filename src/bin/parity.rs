//! `cargo run --release --bin parity -- CASES.json [--no-repr]`: checks the core against
//! cases written by real PyTorch and ends with one summary line; exits 1 if any case fails.
//! `--verbose` also names the passing cases whose elements are not all bit-identical.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check_repr = !args.iter().any(|a| a == "--no-repr");
    let verbose = args.iter().any(|a| a == "--verbose");
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if files.is_empty() {
        eprintln!("usage: parity CASES.json [MORE.json ...] [--no-repr] [--verbose]");
        std::process::exit(2);
    }
    let mut total = upsample_explainer::parity::Report::default();
    for file in files {
        let text = match std::fs::read_to_string(file) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("parity: cannot read {file}: {e}");
                std::process::exit(2);
            }
        };
        match upsample_explainer::parity::run_json(&text, upsample_explainer::parity::Options { check_repr }) {
            Ok(r) => {
                for line in &r.failures {
                    println!("{line}");
                }
                if verbose {
                    for (id, n) in &r.inexact {
                        println!("inexact {id}: {n} elements within tolerance but not bit-identical");
                    }
                }
                for (fw, c) in &r.frameworks {
                    println!(
                        "{fw}: {} cases, {} failed, {} elements not bit-identical",
                        c.cases, c.failed, c.not_bit_identical
                    );
                }
                total.cases += r.cases;
                total.failed += r.failed;
                total.not_bit_identical += r.not_bit_identical;
                total.max_abs_err = total.max_abs_err.max(r.max_abs_err);
            }
            Err(e) => {
                eprintln!("parity: {file}: {e}");
                std::process::exit(2);
            }
        }
    }
    println!("{}", total.summary());
    std::process::exit(if total.failed > 0 { 1 } else { 0 });
}
