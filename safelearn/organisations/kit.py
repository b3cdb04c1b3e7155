"""The public reporting link kit: the link, a QR code, an A4 poster and a sheet of cards (PDF, reportlab).

For children's homes, schools and family centres to put on a wall or hand out. The QR code is drawn by
`qrcode` into a PNG and placed in the PDF as an image: a printed code must scan from across a room, and
a bitmap at a fixed module size prints crisply at any printer resolution. It also lets the tests take
the image back out of the PDF and decode it (docs/decisions/0009-reporting-kit.md).
"""

from __future__ import annotations

from io import BytesIO

import qrcode
import qrcode.constants
import qrcode.image.svg
from django.urls import reverse
from django.utils.html import escape
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, KeepInFrame, Paragraph

from safelearn.core.links import absolute_url
from safelearn.organisations.models import Organisation

CHILDLINE = "Childline: call 0800 1111 (free, any time)"


def public_link(organisation: Organisation) -> str:
    """The full address of the organisation's no-account reporting form, as printed on the poster."""
    return absolute_url(reverse("reporting:public_start", args=[organisation.slug]))


def _qr(url: str) -> qrcode.QRCode:
    # Level M survives a scuffed or slightly creased print; a 4-module quiet zone is the standard's minimum.
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=10, border=4)
    code.add_data(url)
    code.make(fit=True)
    return code


def qr_png(url: str) -> bytes:
    buffer = BytesIO()
    _qr(url).make_image().save(buffer, format="PNG")
    return buffer.getvalue()


def qr_svg(url: str) -> str:
    """The same code as an inline SVG for the web page (no XML declaration, so it can sit inside HTML)."""
    svg: str = _qr(url).make_image(image_factory=qrcode.image.svg.SvgPathImage).to_string(encoding="unicode")
    return svg.split("?>", 1)[-1].strip()


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    body = ParagraphStyle("kit-body", parent=base["BodyText"], fontName="Helvetica", fontSize=15, leading=20)
    return {
        "title": ParagraphStyle(
            "kit-title", parent=base["Title"], fontName="Helvetica-Bold", fontSize=34, leading=40, alignment=0
        ),
        "lead": ParagraphStyle("kit-lead", parent=body, fontSize=19, leading=25, spaceAfter=8),
        "body": ParagraphStyle("kit-body2", parent=body, spaceAfter=6),
        "link": ParagraphStyle("kit-link", parent=body, fontName="Helvetica-Bold", fontSize=15, leading=20),
        "warning": ParagraphStyle(
            "kit-warning", parent=body, fontName="Helvetica-Bold", fontSize=16, leading=21, spaceBefore=6
        ),
        "small": ParagraphStyle("kit-small", parent=body, fontSize=8.5, leading=11, spaceAfter=3),
        "small_title": ParagraphStyle(
            "kit-small-title", parent=body, fontName="Helvetica-Bold", fontSize=14, leading=17, spaceAfter=4
        ),
        "small_bold": ParagraphStyle(
            "kit-small-bold", parent=body, fontName="Helvetica-Bold", fontSize=8.5, leading=11
        ),
    }


def _place(canvas: Canvas, flowables: list[Flowable], x: float, y: float, w: float, h: float) -> None:
    # A long organisation name must shrink the text to fit, never silently drop a line (a Frame would).
    box = KeepInFrame(w, h, flowables, mode="shrink")
    Frame(x, y, w, h, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0).addFromList([box], canvas)


def _name(organisation: Organisation) -> str:
    # reportlab's Paragraph reads a small markup language, so stored text is escaped before it goes in.
    return str(escape(organisation.name))


def _a4(buffer: BytesIO, organisation: Organisation, title: str, what: str) -> Canvas:
    """An A4 canvas drawing into ``buffer``, with the title, author and subject that name the organisation."""
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setTitle(f"{title} – {organisation.name}")
    canvas.setAuthor(organisation.name)
    canvas.setSubject(f"{what} with a QR code for the public reporting form")
    return canvas


def poster_pdf(organisation: Organisation) -> bytes:
    """One A4 page: a plain-language invitation to report, the QR code, the typed link and what to do now."""
    url = public_link(organisation)
    styles = _styles()
    buffer = BytesIO()
    canvas = _a4(buffer, organisation, "Tell us when something goes wrong", "Poster")
    width, height = A4
    margin = 18 * mm
    canvas.setFillColor(colors.HexColor("#1d70b8"))
    canvas.rect(0, height - 12 * mm, width, 12 * mm, stroke=0, fill=1)
    top = [
        Paragraph("Has something gone wrong, or nearly gone wrong?", styles["title"]),
        Paragraph(f"Tell {_name(organisation)} so we can put it right.", styles["lead"]),
        Paragraph(
            "Anyone can tell us: children and young people, parents and carers, and people who work here. "
            "You do not need to give your name.",
            styles["body"],
        ),
    ]
    _place(canvas, top, margin, height - 112 * mm, width - 2 * margin, 92 * mm)
    qr_size = 95 * mm
    canvas.drawImage(
        ImageReader(BytesIO(qr_png(url))), (width - qr_size) / 2, height - 112 * mm - qr_size, qr_size, qr_size
    )
    bottom = [
        Paragraph("Scan the code with your phone's camera, or type this address:", styles["body"]),
        Paragraph(escape(url), styles["link"]),
        Paragraph(
            "It takes about five minutes. A safety lead reads every report. You can get a code to check "
            "what happened to yours.",
            styles["body"],
        ),
        Paragraph("If a child is in danger now, call 999.", styles["warning"]),
        Paragraph(f"If you are a child or young person and want to talk to someone: {CHILDLINE}.", styles["body"]),
    ]
    _place(canvas, bottom, margin, 12 * mm, width - 2 * margin, height - 212 * mm - 12 * mm)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def cards_pdf(organisation: Organisation) -> bytes:
    """Four A6 cards on one A4 sheet, with cut lines, to hand out or leave at reception."""
    url = public_link(organisation)
    styles = _styles()
    buffer = BytesIO()
    canvas = _a4(buffer, organisation, "Reporting cards", "Cards")
    width, height = A4
    card_w, card_h = width / 2, height / 2
    image = ImageReader(BytesIO(qr_png(url)))
    canvas.setStrokeColor(colors.HexColor("#b1b4b6"))
    canvas.setDash(3, 3)
    canvas.line(card_w, 0, card_w, height)
    canvas.line(0, card_h, width, card_h)
    canvas.setDash()
    pad = 8 * mm
    qr_size = 55 * mm
    for col in range(2):
        for row in range(2):
            x, y = col * card_w, row * card_h
            text = [
                Paragraph("Something gone wrong, or nearly?", styles["small_title"]),
                Paragraph(f"Tell {_name(organisation)}. You do not need to give your name.", styles["small"]),
            ]
            _place(canvas, text, x + pad, y + card_h - pad - 30 * mm, card_w - 2 * pad, 30 * mm)
            canvas.drawImage(image, x + (card_w - qr_size) / 2, y + card_h - pad - 30 * mm - qr_size, qr_size, qr_size)
            rest = [
                Paragraph("Scan the code, or type:", styles["small"]),
                Paragraph(escape(url), styles["small_bold"]),
                Paragraph("If a child is in danger now, call 999.", styles["small_bold"]),
                Paragraph(f"{CHILDLINE}.", styles["small"]),
            ]
            _place(canvas, rest, x + pad, y + pad, card_w - 2 * pad, card_h - 2 * pad - 30 * mm - qr_size)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
