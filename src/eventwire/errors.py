"""Errors raised by eventwire.

Hierarchy::

    EventwireError                 base of everything eventwire raises on purpose
    ├── InputError                 a document or input file that cannot be read
    │   └── DocumentSkipped        one document of a batch was skipped (recorded, batch goes on)
    ├── StageError                 a pipeline stage failed or returned something other than a Document
    ├── ResourceError              packaged data / model / gazetteer missing or corrupt
    ├── FetchError                 a URL or feed could not be fetched
    │   └── FetchRefused           refused by policy (private address, size, content type)
    └── StoreError                 the event store failed (schema, connection)

A stage that rejects a document raises :class:`InputError`; runners record it
with the document's origin (``file:line``) and move on.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base class for eventwire's errors."""


class InputError(EventwireError):
    """An input that cannot be used. ``origin`` names the file (and line)."""

    def __init__(self, message: str, origin: str = "") -> None:
        self.origin = origin
        self.message = message
        super().__init__(f"{origin}: {message}" if origin else message)


class NoText(InputError):
    """An input that holds no readable text (an empty record, HTML with no main text)."""


class DocumentSkipped(InputError):
    """A document of a batch was skipped."""


class StageError(EventwireError):
    """A pipeline stage misbehaved."""


class ResourceError(EventwireError):
    """Packaged data, a model or the gazetteer is missing or unusable."""


class FetchError(EventwireError):
    """A URL or a feed could not be fetched."""


class FetchRefused(FetchError):
    """A fetch refused by policy (private address, too large, bad type)."""


class StoreError(EventwireError):
    """The event store failed."""
