"""Bad input: each kind of broken file gives a one-line reason naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from baoku.ingest.errors import (
    DamagedFileError,
    EmptyFileError,
    EncryptedFileError,
    UnsupportedFileError,
)
from baoku.ingest.pipeline import IngestOptions, OcrMode, ingest_file
from baoku.ingest.records import DocumentStatus, PageStatus
from tests.fixtures.pdfs import blank_pdf, image_only_pdf, text_pdf, truncated_pdf

LINES = ["上海奉贤成立保障农民工工资支付法律服务站", "五方联动无缝衔接处置欠薪更高效"]


def test_zero_byte_file(tmp_path: Path) -> None:
    p = tmp_path / "empty.pdf"
    p.write_bytes(b"")
    with pytest.raises(EmptyFileError) as err:
        ingest_file(p)
    assert str(p) in str(err.value) and "empty" in err.value.reason


def test_html_named_pdf(tmp_path: Path) -> None:
    p = tmp_path / "page.pdf"
    p.write_text("<html><body>404 Not Found</body></html>")
    with pytest.raises(UnsupportedFileError) as err:
        ingest_file(p)
    assert "not a PDF" in err.value.reason
    assert "\n" not in str(err.value)


def test_truncated_pdf(tmp_path: Path) -> None:
    good = text_pdf(tmp_path / "good.pdf", LINES)
    bad = truncated_pdf(good, tmp_path / "cut.pdf")
    with pytest.raises(DamagedFileError) as err:
        ingest_file(bad)
    assert str(bad) in str(err.value)


def test_encrypted_pdf(tmp_path: Path) -> None:
    p = text_pdf(tmp_path / "locked.pdf", LINES, encrypt="s3cret")
    with pytest.raises(EncryptedFileError) as err:
        ingest_file(p)
    assert "password" in err.value.reason


def test_blank_page_is_reported_not_dropped(tmp_path: Path) -> None:
    doc = ingest_file(blank_pdf(tmp_path / "blank.pdf"))
    assert doc.status == DocumentStatus.FAILED
    assert doc.pages[0].status == PageStatus.EMPTY
    assert "blank" in (doc.pages[0].reason or "")


def test_image_only_page_needs_ocr(tmp_path: Path) -> None:
    doc = ingest_file(image_only_pdf(tmp_path / "scan.pdf"), IngestOptions(ocr=OcrMode.NEVER))
    assert doc.status == DocumentStatus.NEEDS_OCR
    assert doc.pages[0].status == PageStatus.NEEDS_OCR
    assert "image" in (doc.pages[0].reason or "")


def test_text_page_reads(tmp_path: Path) -> None:
    doc = ingest_file(text_pdf(tmp_path / "grrb20240712003.pdf", LINES))
    assert doc.status == DocumentStatus.INGESTED
    page = doc.pages[0]
    assert page.meta.newspaper == "工人日报"
    assert page.meta.date == "2024-07-12"
    assert page.meta.page_no == 3
    text = "".join(b.text for b in page.blocks)
    assert "保障农民工工资支付法律服务站" in text
