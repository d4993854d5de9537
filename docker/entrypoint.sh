#!/bin/sh
# Kizuna container entrypoint: wait for the store, seed it when it is empty,
# then run the command (default CMD: `kizuna serve`).
#
# Why a retry loop although compose already waits for Neo4j's healthcheck:
# "healthy" is checked from inside the Neo4j container, and the API can still
# race the first Bolt connections (or run without compose at all).
#
# Settings (environment):
#   KIZUNA_STORE            store location (neo4j://neo4j:7687 in docker-compose.yml)
#   KIZUNA_WAIT_TRIES       connection attempts before giving up (default 60)
#   KIZUNA_WAIT_SECONDS     pause between attempts (default 2)
#   KIZUNA_SEED_ON_EMPTY    1 (default): `kizuna load --seed` when the store holds
#                           no entities besides the sector vocabulary; 0: never
set -eu

tries="${KIZUNA_WAIT_TRIES:-60}"
delay="${KIZUNA_WAIT_SECONDS:-2}"
errors="$(mktemp)"
trap 'rm -f "$errors"' EXIT

attempt=1
# `kizuna stats` opens the store (for Neo4j: connects, authenticates, sets up
# the schema) and exits 1 with a clear message while it cannot.
until stats="$(kizuna stats --json 2>"$errors")"; do
  if [ "$attempt" -ge "$tries" ]; then
    echo "kizuna-entrypoint: the store is still unavailable after $tries attempts:" >&2
    cat "$errors" >&2
    exit 1
  fi
  echo "kizuna-entrypoint: waiting for the store (attempt $attempt/$tries)" >&2
  attempt=$((attempt + 1))
  sleep "$delay"
done

# The sector vocabulary is written by every load, so only other entities count.
entities="$(printf '%s' "$stats" | python -c '
import json, sys
counts = json.load(sys.stdin)["entities"]
print(sum(n for kind, n in counts.items() if kind != "sector"))
')"

if [ "$entities" -eq 0 ] && [ "${KIZUNA_SEED_ON_EMPTY:-1}" = "1" ]; then
  echo "kizuna-entrypoint: the store is empty; loading the bundled seed dataset" >&2
  kizuna load --seed
else
  echo "kizuna-entrypoint: the store holds $entities entities; not seeding" >&2
fi

exec "$@"
