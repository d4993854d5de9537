"""Opaque cursors: an offset bound to the listing it came from."""

from __future__ import annotations

import base64
import binascii
import hashlib

from api.errors import BadParameter


def _tag(scope: str) -> str:
    return hashlib.blake2b(scope.encode("utf-8"), digest_size=8).hexdigest()


def encode_cursor(offset: int, scope: str) -> str:
    """``scope`` names the query (filters included) so a cursor cannot jump listings."""
    return base64.urlsafe_b64encode(f"{_tag(scope)}:{offset}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, scope: str) -> int:
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        tag, _, offset = raw.partition(":")
        value = int(offset)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise BadParameter(f"query parameter 'cursor': {cursor!r} is not a cursor this API issued") from None
    if tag != _tag(scope) or value < 0:
        raise BadParameter(
            "query parameter 'cursor': the cursor belongs to a different listing; repeat the first request"
        )
    return value
