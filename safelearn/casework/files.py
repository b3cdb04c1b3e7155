"""What an uploaded file really is, judged by its bytes (never its name), and images made safe to keep.

Allowed: PDF, PNG, JPEG and plain UTF-8 text, up to MAX_BYTES. Images are decoded and re-encoded from
their pixels alone, so EXIF (camera, time, GPS position), XMP, ICC comments and PNG text chunks are gone,
and a file that only claims to be an image is refused.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from PIL import Image, ImageOps, UnidentifiedImageError

from safelearn.casework.models import AttachmentKind

MAX_BYTES = 10 * 1024 * 1024
MAX_MEGABYTES = MAX_BYTES // (1024 * 1024)
#: Larger images are refused before decoding (a small file can decode to gigabytes: a "decompression bomb").
MAX_PIXELS = 40_000_000

ALLOWED_WORDS = "a PDF, a PNG or JPEG image, or a plain text file"
TOO_LARGE = f"The file must be smaller than {MAX_MEGABYTES} MB"
NOT_ALLOWED = f"The file must be {ALLOWED_WORDS}"
EMPTY = "The selected file is empty"
UNREADABLE_IMAGE = "The image could not be read. Save it again as a PNG or JPEG and try again"

CONTENT_TYPES = {
    AttachmentKind.PDF: "application/pdf",
    AttachmentKind.PNG: "image/png",
    AttachmentKind.JPEG: "image/jpeg",
    AttachmentKind.TEXT: "text/plain; charset=utf-8",
}
EXTENSIONS = {
    AttachmentKind.PDF: ".pdf",
    AttachmentKind.PNG: ".png",
    AttachmentKind.JPEG: ".jpg",
    AttachmentKind.TEXT: ".txt",
}

_TEXT_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class CleanFile:
    kind: str
    content_type: str
    content: bytes
    filename: str


def sniff(data: bytes) -> str | None:
    """The kind of file these bytes are, or None when it is none we accept."""
    if data.startswith(b"%PDF-"):
        return AttachmentKind.PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return AttachmentKind.PNG
    if data.startswith(b"\xff\xd8\xff"):
        return AttachmentKind.JPEG
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return None if _TEXT_CONTROL.search(text) else AttachmentKind.TEXT


def strip_image(data: bytes, kind: str) -> bytes:
    """Decode and re-encode from the pixels only: no EXIF, GPS, XMP or text chunks survive."""
    try:
        with Image.open(io.BytesIO(data)) as probe:
            width, height = probe.size
            if width * height > MAX_PIXELS:
                raise ValidationError({"file": ["The image is too large. Make it smaller than 40 megapixels"]})
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            upright = ImageOps.exif_transpose(image)  # keep what the camera meant as "up" before EXIF goes
            mode = "RGB" if kind == AttachmentKind.JPEG else ("RGBA" if "A" in upright.getbands() else "RGB")
            if upright.mode == "P" and kind == AttachmentKind.PNG:
                mode = "RGBA"
            pixels = upright.convert(mode)
            clean = Image.new(mode, pixels.size)
            clean.paste(pixels)
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError({"file": [UNREADABLE_IMAGE]}) from exc
    out = io.BytesIO()
    if kind == AttachmentKind.JPEG:
        clean.save(out, format="JPEG", quality=90, optimize=True)
    else:
        clean.save(out, format="PNG", optimize=True)
    return out.getvalue()


def safe_filename(name: str, kind: str) -> str:
    """A name for the download: the uploader's words (letters, digits, - and _), with the extension of what it is."""
    stem = name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    stem = unicodedata.normalize("NFKC", stem)
    stem = re.sub(r"[^\w\- ]+", "", stem).strip()[:80] or "attachment"
    return stem + EXTENSIONS[AttachmentKind(kind)]


def clean_upload(*, name: str, data: bytes) -> CleanFile:
    """Check the bytes against the allow-list and make them safe to keep; ValidationError on 'file' otherwise."""
    if not data:
        raise ValidationError({"file": [EMPTY]})
    if len(data) > MAX_BYTES:
        raise ValidationError({"file": [TOO_LARGE]})
    kind = sniff(data)
    if kind is None:
        raise ValidationError({"file": [NOT_ALLOWED]})
    if kind in (AttachmentKind.PNG, AttachmentKind.JPEG):
        data = strip_image(data, kind)
    return CleanFile(
        kind=kind, content_type=CONTENT_TYPES[AttachmentKind(kind)], content=data, filename=safe_filename(name, kind)
    )
