"""Typed ingest errors: each names the file and says, in one line, why it could not be read.

The batch runner records these on the document and moves on; the CLI prints ``str(error)``.
"""

from __future__ import annotations


class IngestError(Exception):
    """A file that cannot be ingested, with a one-line reason a person can act on."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UnsupportedFileError(IngestError):
    """Not a PDF or a supported image, whatever its name says."""


class EmptyFileError(IngestError):
    """A zero-byte file."""


class DamagedFileError(IngestError):
    """A PDF or image that is truncated or corrupt."""


class EncryptedFileError(IngestError):
    """A password-protected PDF."""
