"""Every input limit, in one place (the README's "Limits" table mirrors this).

Each limit is checked before the work it bounds is done, and breaking one
gives a message that names it: a 413/422 problem from the API, a one-line
error from the command line. The request body limit can be changed per server
with ``KIZUNA_MAX_UPLOAD_BYTES``; the others are fixed because the code paths
behind them (parsers, merges, searches) are sized for them.
"""

from __future__ import annotations

# A request body (POST /facts, all files of one POST /documents together).
MAX_BODY_BYTES = 5_000_000
# One document given to extraction (upload or `kizuna extract`); longer ones are refused.
MAX_DOCUMENT_BYTES = 5_000_000
# Extraction parses a document in pieces of at most this many UTF-8 bytes
# (the Japanese tokenizer refuses inputs over 49,149 bytes).
PARSE_PIECE_BYTES = 40_000
# Names (primary names, aliases and abbreviations together) one entity may hold.
MAX_NAMES_PER_ENTITY = 200
# Records (sources + entities + relations) in one file, body or batch.
MAX_BATCH_RECORDS = 500_000
# Nesting of lists and mappings in a JSON or YAML fact file (real files need 5).
MAX_NESTING_DEPTH = 32
# Nodes YAML aliases (*name) may add to a file when expanded.
MAX_ALIAS_EXPANSION = 10_000
# Extraction jobs waiting or running at once on one server.
MAX_QUEUED_JOBS = 8
# How long a write waits for a lock another process holds before answering "busy".
STORE_BUSY_SECONDS = 5.0

LIMITS: tuple[tuple[str, str, str], ...] = (
    ("MAX_BODY_BYTES", f"{MAX_BODY_BYTES:,} bytes", "request body (POST /facts; all files of POST /documents)"),
    ("MAX_DOCUMENT_BYTES", f"{MAX_DOCUMENT_BYTES:,} bytes", "one document given to extraction"),
    ("MAX_NAMES_PER_ENTITY", f"{MAX_NAMES_PER_ENTITY:,}", "names and aliases of one entity"),
    ("MAX_BATCH_RECORDS", f"{MAX_BATCH_RECORDS:,}", "records in one file, body or batch"),
    ("MAX_NESTING_DEPTH", f"{MAX_NESTING_DEPTH}", "nesting of lists and mappings in a fact file"),
    ("MAX_ALIAS_EXPANSION", f"{MAX_ALIAS_EXPANSION:,} nodes", "what YAML aliases may add when expanded"),
    ("MAX_QUEUED_JOBS", f"{MAX_QUEUED_JOBS}", "extraction jobs queued or running"),
    ("STORE_BUSY_SECONDS", f"{STORE_BUSY_SECONDS:g} s", "wait for a write lock held elsewhere"),
)
