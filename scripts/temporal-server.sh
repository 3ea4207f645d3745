#!/usr/bin/env bash
# Provisions the production-shaped Temporal stack's binaries into .temporal/ (gitignored), pinned:
#   .temporal/bin/temporal-server      go.temporal.io/server/cmd/server
#   .temporal/bin/temporal-sql-tool    go.temporal.io/server/cmd/tools/sql
#   .temporal/bin/temporal-ui-server   github.com/temporalio/ui-server/v2/cmd/server
#   .temporal/schema/postgresql/v12    the schema files of that server version (as admin-tools has them)
# A binary already there at the pinned version is kept. Progress goes to stderr; each failing step
# says what failed and what to do. Nothing is printed on stdout.
#   --check   builds nothing: exits 0 when everything is there, else 1 saying what is missing
set -uo pipefail

SERVER_VERSION=1.32.1
UI_VERSION=2.54.1
SERVER_MODULE=go.temporal.io/server
UI_MODULE=github.com/temporalio/ui-server/v2

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
home="$repo/.temporal"
bin="$home/bin"
say() { echo "temporal-server: $*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

# has <binary> <version>: the binary is there and reports that version.
has() { [ -x "$bin/$1" ] && "$bin/$1" --version 2>/dev/null | grep -qF "version $2"; }

if has temporal-server "$SERVER_VERSION" && has temporal-sql-tool "$SERVER_VERSION" && has temporal-ui-server "$UI_VERSION" \
   && [ -d "$home/schema/postgresql/v12/temporal/versioned" ]; then
  exit 0
fi
if [ "${1:-}" = --check ]; then
  say "temporal-server $SERVER_VERSION, temporal-sql-tool, temporal-ui-server $UI_VERSION or the schema files are not in $home yet: bash scripts/temporal-server.sh builds them"
  exit 1
fi

command -v go >/dev/null 2>&1 \
  || fail "go is not installed: temporal-server $SERVER_VERSION is built from source (Go >= 1.26.8, https://go.dev/dl/), there is no download of it here"
mkdir -p "$bin" || fail "cannot create $bin"
build="$(mktemp -d)" || fail "cannot create a temporary directory"
trap 'rm -rf "$build"' EXIT

# install <package@version> <built name> <target name>: go install into a scratch GOBIN, then move it in place.
install() {
  local started=$SECONDS
  say "go install $1 (several minutes on a cold build cache)"
  # auto: use this Go if it is new enough for the module, else let go fetch the toolchain it asks for.
  if ! GOTOOLCHAIN=auto GOBIN="$build" GOFLAGS=-buildvcs=false go install "$1" >&2; then
    fail "go install $1 did not build (see go's output above; is the Go module proxy reachable? GOPROXY=$(go env GOPROXY))"
  fi
  mv -f "$build/$2" "$bin/$3" || fail "cannot move the built $2 to $bin/$3"
  say "built $bin/$3 in $((SECONDS - started)) s"
}

has temporal-server "$SERVER_VERSION" || install "$SERVER_MODULE/cmd/server@v$SERVER_VERSION" server temporal-server
has temporal-sql-tool "$SERVER_VERSION" || install "$SERVER_MODULE/cmd/tools/sql@v$SERVER_VERSION" sql temporal-sql-tool
# The module root of ui-server has no main package: the binary is cmd/server.
has temporal-ui-server "$UI_VERSION" || install "$UI_MODULE/cmd/server@v$UI_VERSION" server temporal-ui-server

for b in "temporal-server $SERVER_VERSION" "temporal-sql-tool $SERVER_VERSION" "temporal-ui-server $UI_VERSION"; do
  set -- $b
  has "$1" "$2" || fail "$bin/$1 was built but does not report version $2: $("$bin/$1" --version 2>&1 | head -1)"
done

# The schema files come with the server's module source, which go install has just put in the module cache.
modcache="$(go env GOMODCACHE)" || fail "go env GOMODCACHE failed"
src="$modcache/$SERVER_MODULE@v$SERVER_VERSION/schema/postgresql/v12"
[ -d "$src/temporal/versioned" ] || fail "no schema files at $src (the module cache should hold them after go install)"
rm -rf "$home/schema/postgresql/v12" && mkdir -p "$home/schema/postgresql" \
  && cp -R "$src" "$home/schema/postgresql/v12" && chmod -R u+w,a+rX "$home/schema" \
  || fail "cannot copy the schema files from $src to $home/schema/postgresql/v12"
say "temporal-server $SERVER_VERSION, temporal-sql-tool, temporal-ui-server $UI_VERSION and the PostgreSQL schema are in $home"
