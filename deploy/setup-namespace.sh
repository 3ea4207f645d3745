#!/bin/sh
# Creates the namespace and the project's search attributes (deploy/search-attributes.txt) on a
# running Temporal server, and returns only once the namespace answers with every attribute at its
# type. Safe to run again: what exists is kept (an attribute with another type is an error). Fails
# on any error, with the CLI's own message. POSIX sh: it runs in the admin-tools image
# (docker-compose.yml) and on the host (npm run start:postgres, test/postgres).
#
# Environment: TEMPORAL_ADDRESS (required), TEMPORAL_NAMESPACE (default), NAMESPACE_RETENTION (72h),
# SETUP_TIMEOUT_SECONDS (120: how long to wait for the server and for a new namespace to reach every
# service), TEMPORAL_CLI (temporal), SEARCH_ATTRIBUTES_FILE (search-attributes.txt beside this script).
set -eu

fail() { echo "setup: FAILED: $*" >&2; exit 1; }
[ -n "${TEMPORAL_ADDRESS:-}" ] || fail "TEMPORAL_ADDRESS is not set (host:port of the Temporal frontend)"
namespace="${TEMPORAL_NAMESPACE:-default}"
cli="${TEMPORAL_CLI:-temporal}"
attributes="${SEARCH_ATTRIBUTES_FILE:-$(dirname "$0")/search-attributes.txt}"
deadline=$(( $(date +%s) + ${SETUP_TIMEOUT_SECONDS:-120} ))
command -v "$cli" >/dev/null 2>&1 || fail "$cli not found (set TEMPORAL_CLI to the temporal CLI)"
[ -r "$attributes" ] || fail "cannot read the search attribute list $attributes"
declared() { grep -Ev '^[[:space:]]*(#|$)' "$attributes"; }

# The CLI reads TEMPORAL_ADDRESS (and TEMPORAL_API_KEY, TEMPORAL_TLS_*) from the environment itself.
t() { "$cli" "$@" --namespace "$namespace"; }
out=""
# retry <what> <command...>: runs the command until it succeeds or the deadline passes, then fails with its last output.
retry() {
  what="$1"; shift
  until out="$("$@" 2>&1)"; do
    [ "$(date +%s)" -lt "$deadline" ] || fail "$what: $out"
    sleep 1
  done
}
# attempt <command...>: runs it once, keeping its output in $out.
attempt() { out="$("$@" 2>&1)"; }

echo "setup: waiting for Temporal at $TEMPORAL_ADDRESS"
retry "Temporal did not answer at $TEMPORAL_ADDRESS within ${SETUP_TIMEOUT_SECONDS:-120} s" t operator cluster health

if attempt t operator namespace describe; then
  echo "setup: namespace $namespace exists"
else
  case "$out" in *"is not found"*) ;; *) fail "describing namespace $namespace: $out" ;; esac
  attempt t operator namespace create --retention "${NAMESPACE_RETENTION:-72h}" || fail "creating namespace $namespace: $out"
  echo "setup: namespace $namespace created (retention ${NAMESPACE_RETENTION:-72h})"
fi

# A new namespace takes a few seconds to reach every service: "not found" until then, so retry that only.
declared | while read -r name type; do
  [ -n "$type" ] || fail "$attributes: the line for $name has no type"
  until attempt t operator search-attribute create --name "$name" --type "$type"; do
    case "$out" in *"is not found"*) ;; *) fail "creating search attribute $name ($type): $out" ;; esac
    [ "$(date +%s)" -lt "$deadline" ] || fail "namespace $namespace still not found by every service: $out"
    sleep 1
  done
  echo "setup: search attribute $name ($type)"
done

# Done only when the server lists every attribute at its type.
missing() {
  listed="$(t operator search-attribute list 2>&1)" || { echo "$listed"; return 0; }
  declared | while read -r name type; do
    echo "$listed" | awk -v n="$name" -v t="$type" '$1 == n && $2 == t { found = 1 } END { exit !found }' || echo "$name $type"
  done
}
until [ -z "$(missing)" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || fail "the server does not list these search attributes: $(missing)"
  sleep 1
done
# The list above reads the database; starting a workflow and filtering a list read each service's
# namespace cache, refreshed every system.namespaceCacheRefreshInterval (2 s). A query naming every
# attribute is refused until the frontend's cache has them; one interval later every service has.
query="$(declared | awk '{ printf "%s%s IS NOT NULL", (NR > 1 ? " AND " : ""), $1 }')"
retry "the namespace does not accept queries on its search attributes" t workflow list --limit 1 --query "$query"
sleep "${NAMESPACE_CACHE_REFRESH_SECONDS:-2}"
echo "setup: namespace $namespace is ready with $(declared | wc -l | tr -d ' ') search attributes"
