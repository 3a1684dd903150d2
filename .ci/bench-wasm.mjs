// Runs a command compiled for wasm32-wasip1 under Node's WASI (node:wasi), passing on its
// arguments, so the core's speed in WebAssembly can be set beside the native figure:
//
//   cargo build --release --bin bench --target wasm32-wasip1
//   node .ci/bench-wasm.mjs target/wasm32-wasip1/release/bench.wasm --shape 1,3,512,512 --mode bilinear
//
// Node's V8 is the engine Chromium runs the app's wasm with. Exits with the program's code.
import { readFile } from "node:fs/promises";
import { WASI } from "node:wasi";
import { argv, exit } from "node:process";

const [file, ...args] = argv.slice(2);
if (!file) {
  console.error("usage: node .ci/bench-wasm.mjs <program.wasm> [arguments...]");
  exit(2);
}
const wasi = new WASI({ version: "preview1", args: [file, ...args], env: {}, returnOnExit: true });
let module;
try {
  module = await WebAssembly.compile(await readFile(file));
} catch (e) {
  console.error(`bench-wasm: cannot load ${file}: ${e.message} (build it with --target wasm32-wasip1)`);
  exit(2);
}
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
exit(wasi.start(instance));
