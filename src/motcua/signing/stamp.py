"""The visible stamp of a signature: its text (agency, signer's full name and title, local time
dd/mm/yyyy HH:MM), a free spot for it on the last page, and how it is drawn.

Vietnamese needs a font with its glyphs. pyHanko embeds a TrueType font itself when its
OpenType support (fontTools, uharfbuzz: ``pyhanko[opentype]``) is installed; without it the
stamp is drawn by Pillow with the same font as an image, so the glyphs are right either way
(the image's text is not searchable). Without any such font the text falls back to letters
without diacritics rather than boxes."""

from __future__ import annotations

import functools
import importlib.util
import unicodedata
from pathlib import Path
from typing import Any

from django.conf import settings

# Points (1/72 inch): the stamp's size, the page margin, the gap between stamps.
WIDTH, HEIGHT, MARGIN, GAP = 220, 62, 36, 8
FONT_SIZE = 8

_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
)


@functools.cache
def stamp_font() -> str | None:
    """A TrueType font with Vietnamese glyphs: ``MOTCUA_SIGNING_FONT`` or a usual system one."""
    candidates = [getattr(settings, "MOTCUA_SIGNING_FONT", ""), *_FONTS]
    return next((c for c in candidates if c and Path(c).is_file()), None)


def _ascii(text: str) -> str:
    text = text.replace("Đ", "D").replace("đ", "d").replace("–", "-")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def stamp_lines(*, agency: str, person: str, title: str, at: str) -> list[str]:
    lines = [f"Ký bởi: {agency}"]
    if person:
        lines.append(f"{person} – {title}" if title else person)
    lines.append(f"Thời gian ký: {at}")
    return lines


# ---- where ----------------------------------------------------------------------------------


def _inherited(page: Any, key: str) -> Any:
    node = page
    while node is not None:
        if key in node:
            return node[key]
        node = node.get("/Parent")
        node = node.get_object() if node is not None else None
    return None


def free_box(writer: Any, page_ix: int) -> tuple[int, int, int, int]:
    """A spot for a stamp at the foot of the page, right to left then row above row, that no
    annotation of the page (an earlier signature's stamp above all) covers."""
    page_ref, _resources = writer.find_page_for_modification(page_ix)
    page = page_ref.get_object()
    x0, y0, x1, y1 = (float(v) for v in (_inherited(page, "/MediaBox") or (0, 0, 595, 842)))
    taken = []
    for annotation in page.get("/Annots") or []:
        rect = annotation.get_object().get("/Rect")
        if rect is not None:
            a, b, c, d = (float(v) for v in rect)
            taken.append((min(a, c), min(b, d), max(a, c), max(b, d)))

    def free(box: tuple[float, float, float, float]) -> bool:
        return all(
            box[2] <= t[0] or t[2] <= box[0] or box[3] <= t[1] or t[3] <= box[1] for t in taken
        )

    bottom = y0 + MARGIN
    while bottom + HEIGHT <= y1 - MARGIN:
        right = x1 - MARGIN
        while right - WIDTH >= x0 + MARGIN:
            box = (right - WIDTH, bottom, right, bottom + HEIGHT)
            if free(box):
                return (int(box[0]), int(box[1]), int(box[2]), int(box[3]))
            right -= WIDTH + GAP
        bottom += HEIGHT + GAP
    # A page full of stamps: the corner, over the others, rather than no signature.
    return (int(x1 - MARGIN - WIDTH), int(y0 + MARGIN), int(x1 - MARGIN), int(y0 + MARGIN + HEIGHT))


# ---- how ------------------------------------------------------------------------------------


def _opentype() -> bool:
    return all(importlib.util.find_spec(m) for m in ("fontTools", "uharfbuzz"))


def stamp_style(lines: list[str]) -> tuple[Any, dict[str, str]]:
    """pyHanko's stamp style for ``lines`` and the text parameters it needs."""
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import StaticStampStyle, TextStampStyle

    font = stamp_font()
    if font and _opentype():
        from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory

        style = TextStampStyle(
            stamp_text="%(lines)s",
            text_box_style=TextBoxStyle(
                font=GlyphAccumulatorFactory(font, font_size=FONT_SIZE), leading=FONT_SIZE + 2
            ),
            border_width=1,
        )
        return style, {"lines": "\n".join(lines)}
    if font:
        from pyhanko.pdf_utils.images import PdfImage

        return StaticStampStyle(
            background=PdfImage(_render(lines, font)), background_opacity=1.0, border_width=1
        ), {}
    return TextStampStyle(
        stamp_text="%(lines)s",
        text_box_style=TextBoxStyle(font_size=FONT_SIZE, leading=FONT_SIZE + 2),
        border_width=1,
    ), {"lines": "\n".join(_ascii(line) for line in lines)}


def _render(lines: list[str], font_path: str) -> Any:
    """The stamp's text drawn at four times its printed size (sharp when printed)."""
    from PIL import Image, ImageDraw, ImageFont

    scale = 4
    image = Image.new("RGB", (WIDTH * scale, HEIGHT * scale), "white")
    draw = ImageDraw.Draw(image)
    size = FONT_SIZE * scale
    font = ImageFont.truetype(font_path, size)
    # Shrink a long agency name until every line fits the width.
    while size > 3 * scale and any(
        draw.textlength(line, font=font) > (WIDTH - 10) * scale for line in lines
    ):
        size -= 1
        font = ImageFont.truetype(font_path, size)
    leading = int(size * 1.35)
    top = (HEIGHT * scale - leading * len(lines)) // 2
    for i, line in enumerate(lines):
        draw.text((5 * scale, top + i * leading), line, fill=(180, 0, 0), font=font)
    return image
