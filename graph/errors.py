"""One error root for the whole project; each child carries its HTTP status.

The API turns any ``KizunaError`` into an RFC 9457 problem document, and the
CLI prints its message, so a message must name what is wrong and where.
"""

from __future__ import annotations


class KizunaError(Exception):
    status: int = 500
    title: str = "Internal error"

    def __init__(self, message: str, **extra: object) -> None:
        super().__init__(message)
        self.message = message
        self.extra = extra


class InvalidFact(KizunaError):
    """A fact breaks the model: unknown type, wrong endpoints, bad date."""

    status = 422
    title = "Invalid fact"


class InvalidFile(KizunaError):
    """A data file cannot be loaded; the message names file, record and field."""

    status = 422
    title = "Invalid data file"


class NotFound(KizunaError):
    status = 404
    title = "Not found"


class UnknownEntity(NotFound):
    """A name or id matched nothing; ``suggestions`` holds the nearest names."""

    title = "Unknown entity"


class AmbiguousName(KizunaError):
    """A name matched several entities; ``candidates`` lists them."""

    status = 409
    title = "Ambiguous name"


class StoreUnavailable(KizunaError):
    status = 503
    title = "Store unavailable"


class Busy(KizunaError):
    """Someone else holds what this request needs (a write lock, the job queue);
    ``retry_after`` (seconds) becomes the Retry-After header."""

    status = 503
    title = "Busy"

    def __init__(self, message: str, retry_after: int = 5, **extra: object) -> None:
        super().__init__(message, retry_after=retry_after, **extra)
        self.retry_after = retry_after


class QueueFull(Busy):
    """Too much work is already waiting (the extraction queue)."""

    status = 429
    title = "Too many requests"


class StoreCorrupt(KizunaError):
    status = 500
    title = "Store failed its integrity check"
