"""Bad scans: each ends with a one-line reason naming the file, and a batch goes on past it."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from baoku.ingest.errors import DamagedFileError
from baoku.ingest.pipeline import IngestOptions, OcrMode, ingest_file
from baoku.ingest.raster import MAX_PIXELS, check_image, deskew, estimate_skew
from baoku.ingest.records import DocumentStatus, PageStatus
from baoku.runner import BatchOptions, run_batch
from baoku.search.store import Store


def _png_header_only(path: Path, w: int, h: int) -> Path:
    """A PNG whose header claims ``w``×``h`` px, with a token image stream (a bomb's shape)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )
    return path


def test_corrupt_image(tmp_path: Path) -> None:
    p = tmp_path / "broken.png"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"garbage" * 50)
    with pytest.raises(DamagedFileError) as err:
        ingest_file(p)
    assert str(p) in str(err.value) and "damaged image" in err.value.reason
    assert "\n" not in str(err.value)


def test_truncated_jpeg(tmp_path: Path) -> None:
    good = tmp_path / "good.jpg"
    Image.fromarray(np.full((400, 300), 230, np.uint8)).save(good, quality=80)
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(good.read_bytes()[:300])
    with pytest.raises(DamagedFileError) as err:
        ingest_file(cut)
    assert str(cut) in str(err.value) and "damaged image" in err.value.reason


def test_one_pixel_image(tmp_path: Path) -> None:
    p = tmp_path / "dot.png"
    Image.new("L", (1, 1), 0).save(p)
    with pytest.raises(DamagedFileError) as err:
        ingest_file(p)
    assert "too small" in err.value.reason and "1×1" in err.value.reason


def test_decompression_bomb_refused_from_header(tmp_path: Path) -> None:
    p = _png_header_only(tmp_path / "bomb.png", 20000, 20000)
    assert MAX_PIXELS < 20000 * 20000
    with pytest.raises(DamagedFileError) as err:
        check_image(p)  # would need 400 MB to decode; refused having read 60 bytes
    assert "too large" in err.value.reason and "20000×20000" in err.value.reason
    with pytest.raises(DamagedFileError):
        ingest_file(p)


def test_blank_scan_is_reported(tmp_path: Path) -> None:
    p = tmp_path / "blank.png"
    rng = np.random.default_rng(1)
    paper = np.clip(rng.normal(235, 6, (800, 600)), 0, 255).astype(np.uint8)
    Image.fromarray(paper).save(p, dpi=(100, 100))
    doc = ingest_file(p)
    assert doc.status == DocumentStatus.FAILED
    assert doc.pages[0].status == PageStatus.EMPTY
    assert "no text" in (doc.pages[0].reason or "")


def test_never_mode_only_reports(tmp_path: Path) -> None:
    p = tmp_path / "page.png"
    Image.new("L", (600, 800), 255).save(p, dpi=(150, 150))
    doc = ingest_file(p, IngestOptions(ocr=OcrMode.NEVER))
    assert doc.status == DocumentStatus.NEEDS_OCR
    assert doc.pages[0].width == pytest.approx(600 * 72 / 150, abs=0.5)


def test_multi_page_tiff_gives_a_page_per_frame(tmp_path: Path) -> None:
    p = tmp_path / "two.tif"
    frames = [Image.new("L", (300, 400), 255), Image.new("L", (300, 400), 250)]
    frames[0].save(p, save_all=True, append_images=frames[1:])
    doc = ingest_file(p, IngestOptions(ocr=OcrMode.NEVER))
    assert [pg.index for pg in doc.pages] == [0, 1]


def test_batch_goes_on_past_bad_scans(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"x" * 100)
    Image.new("L", (1, 1)).save(folder / "b_dot.png")
    _png_header_only(folder / "c_bomb.png", 20000, 20000)
    Image.new("L", (300, 400), 255).save(folder / "d_blank.png")
    with Store.open(tmp_path / "a.db") as store:
        summary = run_batch([folder], store, BatchOptions())
    by_name = {Path(r.path).name: r for r in summary.results}
    assert len(by_name) == 4
    for name in by_name:
        assert by_name[name].status == "failed" and by_name[name].reason
    assert "no text" in (by_name["d_blank.png"].reason or "")
    assert "too large" in (by_name["c_bomb.png"].reason or "")


def test_skew_is_measured_and_undone() -> None:
    img = Image.new("L", (800, 1000), 255)
    arr = np.asarray(img).copy()
    for y in range(100, 900, 30):  # text-like rows of ink blobs
        for x in range(80, 720, 24):
            arr[y : y + 14, x : x + 18] = 20
    tilted = np.asarray(Image.fromarray(arr).rotate(0.8, fillcolor=255))
    angle = estimate_skew(tilted)
    assert angle == pytest.approx(0.8, abs=0.1)
    assert abs(estimate_skew(deskew(tilted, angle))) <= 0.1
