"""An organisation's colour and logo within GOV.UK rules: readable colour, small plain images only."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

#: WCAG 2.2 AA for normal text: white text on the brand colour must reach this.
MIN_CONTRAST = 4.5
LOGO_MAX_BYTES = 200 * 1024
#: Recognised by their first bytes, not by the file name or the browser's claim. SVG is refused: it can
#: carry script, and GOV.UK's header takes a plain image.
_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}
_HEX = re.compile(r"^#?([0-9a-fA-F]{6})$")


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    match = _HEX.match(colour.strip())
    if match is None:
        raise ValueError(colour)
    digits = match.group(1)
    r, g, b = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_with_white(colour: str) -> float:
    """WCAG contrast ratio of white against the colour: (1.05) / (L + 0.05)."""
    return 1.05 / (relative_luminance(colour) + 0.05)


def clean_brand_colour(value: str) -> str:
    """'#1d70b8' (lower case, with '#'), or '' for none; a clear error for anything unreadable."""
    value = (value or "").strip()
    if not value:
        return ""
    if _HEX.match(value) is None:
        raise ValidationError("Enter the colour as a 6-digit hex code, like #1d70b8")
    colour = "#" + value.lstrip("#").lower()
    ratio = contrast_with_white(colour)
    if ratio < MIN_CONTRAST:
        raise ValidationError(
            f"White text on {colour} has a contrast of {ratio:.1f} to 1; choose a darker colour "
            f"(at least {MIN_CONTRAST} to 1 is needed so everyone can read it)"
        )
    return colour


def logo_content_type(data: bytes) -> str:
    """The image type of an uploaded logo, or a ValidationError saying what is acceptable."""
    if len(data) > LOGO_MAX_BYTES:
        raise ValidationError(f"The logo must be smaller than {LOGO_MAX_BYTES // 1024} KB")
    for signature, content_type in _SIGNATURES.items():
        if data.startswith(signature):
            return content_type
    raise ValidationError("The logo must be a PNG or JPEG image")
