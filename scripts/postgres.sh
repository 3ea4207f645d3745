#!/usr/bin/env bash
# A PostgreSQL cluster of its own for the Temporal server, in a state directory:
#   DIR/data      the cluster (owned by the postgres user when run as root: PostgreSQL refuses root)
#   DIR/run       its Unix socket
#   DIR/password  the password of its superuser `temporal`, made at init (mode 600)
#
#   scripts/postgres.sh init DIR        creates the cluster unless DIR/data holds one
#   scripts/postgres.sh run DIR PORT    becomes the server (exec, foreground), on 127.0.0.1:PORT only;
#                                       SIGINT is a fast shutdown
#   scripts/postgres.sh ready DIR PORT  exits 0 once it accepts connections (pg_isready), else 1 (quietly)
#   scripts/postgres.sh check           exits 0 when PostgreSQL can run here, else 1 saying why
# Finds the binaries in $PG_BIN, then `pg_config --bindir`, then /usr/lib/postgresql/<newest>/bin,
# then PATH. Each failing step says what failed and what to do.
set -euo pipefail

say() { echo "postgres: $*" >&2; }
fail() { say "FAILED: $*"; exit 1; }
usage() { fail "usage: scripts/postgres.sh init DIR | run DIR PORT | ready DIR PORT | check"; }

[ $# -ge 1 ] || usage
command="$1"
if [ "$command" != check ]; then
  [ $# -ge 2 ] || usage
  dir="$(mkdir -p "$2" && cd "$2" && pwd)" || fail "cannot create the state directory $2"
fi

find_bin() {
  local candidate
  for candidate in "${PG_BIN:-}" "$(pg_config --bindir 2>/dev/null)" $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) \
                   "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)")"; do
    if [ -n "$candidate" ] && [ -x "$candidate/initdb" ] && [ -x "$candidate/postgres" ]; then echo "$candidate"; return 0; fi
  done
  return 1
}
bin="$(find_bin)" || fail "no PostgreSQL server binaries (initdb, postgres) found: install PostgreSQL (Debian: apt-get install postgresql) or set PG_BIN to the directory holding them"

# PostgreSQL will not run as root: drop to the postgres user for everything that touches the cluster.
as_owner=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || fail "running as root, and there is no postgres user to run PostgreSQL as (Debian's postgresql package creates it; or run as a normal user)"
  as_owner=(setpriv --reuid=postgres --regid=postgres --init-groups --reset-env --)
fi

prepare_dirs() {
  local d
  # The postgres user must reach data/ and run/ inside (search only: the password file stays 600).
  if [ ${#as_owner[@]} -gt 0 ]; then chmod o+x "$dir" || fail "cannot let the postgres user into $dir"; fi
  for d in "$dir/data" "$dir/run"; do
    mkdir -p "$d" || fail "cannot create $d"
    if [ ${#as_owner[@]} -gt 0 ]; then chown postgres:postgres "$d" || fail "cannot give $d to the postgres user"; fi
    chmod 700 "$d" || fail "cannot restrict $d to its owner"
  done
  "${as_owner[@]}" test -w "$dir/data" \
    || fail "the postgres user cannot write $dir/data: a parent directory is not searchable by it (chmod o+x the parents, or put the state elsewhere)"
}

case "$command" in
  check)
    exit 0
    ;;
  init)
    prepare_dirs
    if [ -f "$dir/data/PG_VERSION" ]; then
      [ -s "$dir/password" ] || fail "$dir/data holds a cluster but $dir/password is missing: restore it, or remove $dir to start afresh"
      exit 0
    fi
    say "creating a PostgreSQL $("$bin/postgres" --version | awk '{print $3}') cluster in $dir/data"
    umask 077
    head -c 24 /dev/urandom | base64 | tr -d '/+=\n' > "$dir/password" || fail "cannot write $dir/password"
    # initdb reads the password from a file the postgres user can read; it is removed at once.
    pwfile="$dir/run/initdb-password"
    cp "$dir/password" "$pwfile" && { [ ${#as_owner[@]} -eq 0 ] || chown postgres:postgres "$pwfile"; } || fail "cannot write $pwfile"
    if ! "${as_owner[@]}" "$bin/initdb" -D "$dir/data" --username=temporal --pwfile="$pwfile" \
         --auth-local=scram-sha-256 --auth-host=scram-sha-256 --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1; then
      rm -f "$pwfile"
      cat "$dir/initdb.log" >&2
      fail "initdb failed (its output is above and in $dir/initdb.log)"
    fi
    rm -f "$pwfile"
    say "cluster ready; superuser temporal, password in $dir/password"
    ;;
  run)
    [ $# -eq 3 ] || usage
    port="$3"
    [ -f "$dir/data/PG_VERSION" ] || fail "no cluster in $dir/data: run scripts/postgres.sh init $dir first"
    prepare_dirs
    # Loopback only; enough connections for a server restarted while its old connections close.
    exec "${as_owner[@]}" "$bin/postgres" -D "$dir/data" -c listen_addresses=127.0.0.1 -c port="$port" \
      -c unix_socket_directories="$dir/run" -c max_connections=200 -c logging_collector=off
    ;;
  ready)
    [ $# -eq 3 ] || usage
    exec "$bin/pg_isready" -q -h 127.0.0.1 -p "$3"
    ;;
  *) usage ;;
esac
