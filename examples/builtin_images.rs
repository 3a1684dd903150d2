//! `cargo run --example builtin_images -- DIR`: writes each built-in picture of the image
//! mode as `DIR/NAME.npy` (float32 1×1×H×W), the inputs `tests/golden/generate_pictures.py`
//! hands to PyTorch.

use upsample_explainer::model::{builtin_image::BuiltinImage, npy::to_npy};

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: cargo run --example builtin_images -- DIR");
        std::process::exit(2);
    };
    for image in BuiltinImage::ALL {
        let path = std::path::Path::new(&dir).join(format!("{}.npy", image.name()));
        if let Err(e) = std::fs::write(&path, to_npy(&image.tensor())) {
            eprintln!("{}: {e}", path.display());
            std::process::exit(1);
        }
    }
}
