# Shared by .ci/serve and .ci/test: installs whatever is missing, pinned, from the package
# registries only (the Rust crate registry, npm, Debian's archive), and puts the project's tools first on PATH.
# Every step checks first, so a second run costs seconds.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
NPM_TOOLS="$ROOT/tests/e2e"
export PATH="$NPM_TOOLS/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock, to the patch.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_rust() {
  command -v cargo >/dev/null || die "cargo not found: install the Rust toolchain with rustup and run this again."
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (cargo install, about 6 minutes once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

ensure_wasm_bindgen() {
  local want; want="$(wasm_bindgen_version)"
  [ -n "$want" ] || die "could not read the wasm-bindgen version from Cargo.lock"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ] ||
     [ "$(wasm-bindgen-test-runner --version 2>/dev/null)" != "wasm-bindgen-test-runner $want" ]; then
    say "installing wasm-bindgen-cli $want (cargo install, about 2 minutes once)"
    # No --locked: the CLI's own lock file names a dependency version the Rust crate registry no longer serves.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

# npm's binaryen 132 (wasm-opt for release builds; Debian's binaryen 108 breaks the module)
# and Playwright's test runner (it drives Debian's Chromium; it never downloads a browser).
ensure_npm_tools() {
  command -v npm >/dev/null || need_apt nodejs npm
  # npm records what it installed in node_modules/.package-lock.json: older than the lock
  # file means the lock file changed since (a package added or bumped), so install again.
  if [ "$(wasm-opt --version 2>/dev/null)" != "wasm-opt version 132 (version_132)" ] ||
     [ ! -x "$NPM_TOOLS/node_modules/.bin/playwright" ] ||
     [ "$NPM_TOOLS/package-lock.json" -nt "$NPM_TOOLS/node_modules/.package-lock.json" ]; then
    say "installing npm tools (binaryen 132, @playwright/test, axe-core) into tests/e2e/node_modules"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix "$NPM_TOOLS" --no-audit --no-fund
  fi
}

# Installs Debian packages when missing, or says exactly what to run when we cannot.
need_apt() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    say "installing Debian packages with sudo: ${missing[*]}"
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  else
    die "missing Debian packages: ${missing[*]}. Run: sudo apt-get install -y ${missing[*]}   then run this again."
  fi
}

ensure_browser() {
  # A CJK font so the Chinese interface renders in screenshots, not as boxes.
  need_apt chromium chromium-driver fonts-wqy-microhei
  export CHROME_BIN="$(command -v chromium)"
  export CHROMEDRIVER="$(command -v chromedriver)"
}

ensure_build_tools() {
  ensure_rust
  ensure_npm_tools
  ensure_trunk
  ensure_wasm_bindgen
  say "fetching crates (Trunk builds offline)"
  cargo fetch --quiet
}
