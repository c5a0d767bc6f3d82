"""Make a 'scanned' variant of a page: raster, tilt, noise, blur, JPEG, image-only PDF."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter
from reportlab import rl_config
from reportlab.pdfgen import canvas


def make_scan(
    pdf: Path, out_pdf: Path, out_jpg: Path, seed: int, dpi: int = 200
) -> tuple[Path, Path, dict[str, Any]]:
    """Rasterize page 1 of `pdf` like a scanner would and wrap the JPEG in a same-size PDF."""
    rng = random.Random(seed)
    angle = round(rng.uniform(-1.0, 1.0), 3)
    quality = rng.randint(70, 85)
    doc = pdfium.PdfDocument(str(pdf))
    try:
        page = doc[0]
        width, height = page.get_size()
        img = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        doc.close()
    img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(radius=rng.uniform(0.4, 0.8)))
    sigma = rng.uniform(6, 12)
    noise = np.random.default_rng(seed).normal(0.0, sigma, size=(img.height, img.width))
    # paper is never pure white on a scan: a faint gray cast plus sensor noise
    arr = np.asarray(img, dtype=np.float32) * 0.96 + noise
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), mode="L")
    img.save(out_jpg, "JPEG", quality=quality, optimize=True)
    rl_config.invariant = 1
    c = canvas.Canvas(str(out_pdf), pagesize=(width, height), invariant=1)
    c.drawImage(str(out_jpg), 0, 0, width=width, height=height)
    c.showPage()
    c.save()
    info = {
        "dpi": dpi,
        "angle": angle,
        "jpeg_quality": quality,
        "pdf": out_pdf.name,
        "jpg": out_jpg.name,
    }
    return out_pdf, out_jpg, info
