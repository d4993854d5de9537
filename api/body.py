"""Reading request bodies within the upload limit."""

from __future__ import annotations

from collections.abc import AsyncGenerator

from fastapi import Request

from api.errors import PayloadTooLarge


def check_declared_size(request: Request, limit: int, what: str = "the body") -> None:
    """Refuse by Content-Length before a byte of the body is read."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"{what} has {declared} bytes; the limit is {limit} (max_upload_bytes)")


async def limited_stream(request: Request, limit: int) -> AsyncGenerator[bytes, None]:
    """The body's chunks, stopping with 413 as soon as more than ``limit`` bytes arrived."""
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"the body exceeds the limit of {limit} bytes (max_upload_bytes)")
        yield chunk


async def read_limited(request: Request, limit: int) -> bytes:
    """The whole body, refusing early (by Content-Length) or while streaming."""
    check_declared_size(request, limit)
    return b"".join([chunk async for chunk in limited_stream(request, limit)])
