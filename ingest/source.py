"""First step of ingest: identify a file (sha256, size) and sniff its real type from its bytes.

Types are decided by content, never by extension, so a web page saved as ``x.pdf`` is refused
with a reason instead of crashing a parser.
"""

from __future__ import annotations

import hashlib
from enum import StrEnum
from pathlib import Path

from baoku.ingest.errors import EmptyFileError, UnsupportedFileError
from baoku.ingest.records import SourceFile

_CHUNK = 1 << 20


class FileKind(StrEnum):
    PDF = "pdf"
    PNG = "png"
    JPEG = "jpeg"
    TIFF = "tiff"


_MAGIC: tuple[tuple[bytes, FileKind], ...] = (
    (b"\x89PNG\r\n\x1a\n", FileKind.PNG),
    (b"\xff\xd8\xff", FileKind.JPEG),
    (b"II*\x00", FileKind.TIFF),
    (b"MM\x00*", FileKind.TIFF),
)


def sniff_kind(head: bytes) -> FileKind | None:
    """The file kind from its first bytes (a PDF may have up to 1 KiB of junk before %PDF)."""
    if b"%PDF-" in head[:1024]:
        return FileKind.PDF
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    return None


def _hashed(p: Path) -> tuple[SourceFile, bytes]:
    digest = hashlib.sha256()
    size = 0
    with p.open("rb") as fh:
        head = fh.read(1024)
        digest.update(head)
        size += len(head)
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    # Absolute: the record must find the file again (page images) from any working folder.
    return SourceFile(path=str(p.absolute()), sha256=digest.hexdigest(), size=size), head


def fingerprint(path: str | Path) -> SourceFile:
    """The file's identity (sha256, size) whatever it holds: what a failure is recorded
    under when ``identify`` refuses the file (empty, not a PDF or image)."""
    return _hashed(Path(path))[0]


def identify(path: str | Path) -> tuple[SourceFile, FileKind]:
    """Hash and sniff one file; raises a typed ``IngestError`` naming the file when unusable."""
    p = Path(path)
    if p.stat().st_size == 0:
        raise EmptyFileError(str(p), "empty file (0 bytes)")
    source, head = _hashed(p)
    kind = sniff_kind(head)
    if kind is None:
        shown = head[:16].decode("latin-1").encode("unicode_escape").decode()
        raise UnsupportedFileError(
            str(p), f"not a PDF or a PNG/JPEG/TIFF image (file starts with {shown!r})"
        )
    return source, kind
