"""Saving uploaded files under the server's uploads folder, checked by content.

Nothing the client sends becomes a path: a file lands in ``<uploads>/<sha256>/`` (its content
hash) under a name made only of ``[A-Za-z0-9_-]`` taken from the uploaded name, because ingest
reads newspaper, date and page from names such as ``grrb20240712001.pdf``. The type is decided
by the first bytes (a web page renamed ``.pdf`` is refused), and the size is counted while
copying, so a lying ``Content-Length`` gains nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from baoku.api.errors import ApiError, too_large_message
from baoku.ingest.source import FileKind, sniff_kind

_CHUNK = 1 << 20
_SHA = re.compile(r"^[0-9a-f]{64}$")
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
_EXTENSION = {
    FileKind.PDF: ".pdf",
    FileKind.PNG: ".png",
    FileKind.JPEG: ".jpg",
    FileKind.TIFF: ".tif",
}


@dataclass(frozen=True, slots=True)
class SavedUpload:
    sha256: str
    kind: FileKind
    path: Path
    size: int
    filename: str  # as uploaded, for display only
    created: bool  # False when the same content was already on disk


def display_name(raw: str | None) -> str:
    """The uploaded name as shown back to the client: last component, printable, bounded."""
    name = (raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable())
    return name[:200] or "upload"


def safe_stem(filename: str) -> str:
    stem = filename.rsplit(".", 1)[0] if "." in filename else filename
    return _UNSAFE.sub("_", stem).strip("_")[:64] or "upload"


def is_document_id(value: str) -> bool:
    return bool(_SHA.match(value))


def save_upload(stream: BinaryIO, filename: str | None, root: Path, limit: int) -> SavedUpload:
    """Copy ``stream`` into ``root`` by content; raises ``ApiError`` (4xx) when unacceptable."""
    shown = display_name(filename)
    head = stream.read(1024)
    if not head:
        raise ApiError(400, "empty_file", f"{shown} is empty (0 bytes); choose the right file.")
    kind = sniff_kind(head)
    if kind is None:
        raise ApiError(
            415,
            "unsupported_type",
            f"{shown} is not a PDF or a PNG/JPEG/TIFF image (judged by its content, not its "
            "name); upload the newspaper page itself.",
            {"filename": shown},
        )
    root.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(head)
    size = len(head)
    fd, tmp_name = tempfile.mkstemp(prefix=".upload-", dir=root)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(head)
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise ApiError(413, "too_large", too_large_message(limit), {"filename": shown})
                digest.update(chunk)
                out.write(chunk)
        sha = digest.hexdigest()
        folder = root / sha
        existing = stored_file(folder)
        if existing is not None:
            return SavedUpload(sha, kind, existing, size, shown, created=False)
        folder.mkdir(exist_ok=True)
        target = folder / f"{safe_stem(shown)}{_EXTENSION[kind]}"
        os.replace(tmp, target)
        return SavedUpload(sha, kind, target, size, shown, created=True)
    finally:
        tmp.unlink(missing_ok=True)


def stored_file(folder: Path) -> Path | None:
    """The one saved file in an upload folder, if any."""
    if not folder.is_dir():
        return None
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    return files[0] if files else None


def remove_upload(root: Path, sha256: str) -> bool:
    """Delete the saved file of this document id; False when there was none."""
    if not is_document_id(sha256):
        return False
    folder = root / sha256
    found = stored_file(folder)
    if found is None:
        return False
    found.unlink(missing_ok=True)
    # Something else in the folder keeps it; leaving an empty-ish folder is harmless.
    with contextlib.suppress(OSError):
        folder.rmdir()
    return True


def pending_uploads(root: Path) -> list[tuple[str, Path]]:
    """Every saved upload as (document id, file), for re-queueing after a restart."""
    if not root.is_dir():
        return []
    out = []
    for folder in sorted(root.iterdir()):
        if is_document_id(folder.name) and (found := stored_file(folder)) is not None:
            out.append((folder.name, found))
    return out
