"""Reading request bodies within the upload limit."""

from __future__ import annotations

from fastapi import Request

from api.errors import PayloadTooLarge


async def read_limited(request: Request, limit: int) -> bytes:
    """The whole body, refusing early (by Content-Length) or while streaming."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"the body has {declared} bytes; the limit is {limit} (max_upload_bytes)")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"the body exceeds the limit of {limit} bytes (max_upload_bytes)")
        chunks.append(chunk)
    return b"".join(chunks)
