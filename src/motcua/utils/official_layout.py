"""The layout of Vietnamese administrative documents (Decree 30/2020/NĐ-CP, Appendix I) with
python-docx: A4, Times New Roman, the agency block and the national motto block side by side,
place and date, the title in bold capitals, justified body text, signature blocks.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

FONT = "Times New Roman"
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
SLOGAN = "Độc lập - Tự do - Hạnh phúc"

# Decree 30: top and bottom margins 20–25 mm, left 30–35 mm, right 15–20 mm.
_MARGINS = {"top": Cm(2), "bottom": Cm(2), "left": Cm(3), "right": Cm(2)}
_A4 = (Cm(21), Cm(29.7))

# (text, bold, italic) pieces of one paragraph; a plain string is a regular piece.
Piece = str | tuple[str, bool, bool]


# Characters an XML 1.0 document cannot hold (C0 controls but tab, line feed and carriage return;
# lone surrogates; U+FFFE, U+FFFF): free text typed or imported may contain them, and a document
# must still be written rather than fail.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters a Word document cannot contain."""
    return _NOT_XML.sub("", text)


def add_text(paragraph: Paragraph, text: str) -> Run:
    """``paragraph.add_run(text)`` for any text, including what a person typed."""
    return paragraph.add_run(xml_text(text))


def set_font(run, *, size: float | None = None, bold: bool = False, italic: bool = False):
    run.font.name = FONT
    # Word picks the font per script; Vietnamese text must not fall back to another face.
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    if size:
        run.font.size = Pt(size)
    run.bold = bold or None
    run.italic = italic or None


def compact(paragraph: Paragraph, *, after: float = 0) -> None:
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(after)
    fmt.first_line_indent = Cm(0)


def _rule(cell: _Cell, *, cell_width: Length, width: Length) -> None:
    """A short horizontal line centred in ``cell`` (below the agency name and the slogan):
    the bottom border of a thin paragraph indented to ``width``."""
    paragraph = cell.add_paragraph()
    compact(paragraph)
    fmt = paragraph.paragraph_format
    side = max((cell_width - width) // 2, 0)
    fmt.left_indent = Length(side)
    fmt.right_indent = Length(side)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(3)
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
        bottom.set(qn(key), value)
    border.append(bottom)
    # Schema order: pBdr comes before shading, tabs, spacing, indentation and alignment.
    paragraph._p.get_or_add_pPr().insert_element_before(
        border,
        "w:shd",
        "w:tabs",
        "w:suppressAutoHyphens",
        "w:spacing",
        "w:ind",
        "w:jc",
        "w:rPr",
    )


def no_borders(table: Table) -> None:
    """Tables used for placement only (header, signatures) print without lines."""
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.append(borders)


def _narrow_cell_margins(table: Table) -> None:
    """Narrow left and right cell padding, so dates and phone numbers fit the register's
    columns."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(Cm(0.1).twips))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


def set_widths(table: Table, widths: Sequence[Length]) -> None:
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


class Sheet:
    """A document being composed; ``to_bytes`` gives the DOCX."""

    def __init__(self, *, landscape: bool = False, size: float = 13):
        self.doc = Document()
        self.size = size
        section = self.doc.sections[0]
        width, height = _A4
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            width, height = height, width
        section.page_width, section.page_height = width, height
        for side, margin in _MARGINS.items():
            setattr(section, f"{side}_margin", margin)
        self.text_width = Length(width - _MARGINS["left"] - _MARGINS["right"])
        normal = self.doc.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(size)
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
        normal.paragraph_format.space_after = Pt(3)
        normal.paragraph_format.line_spacing = 1.1

    # ---- blocks ------------------------------------------------------------------------------

    def form_label(self, number: str) -> None:
        """ "Mẫu số 01" at the top right, as the circular's appendix shows its forms."""
        if not number:
            return
        paragraph = self.doc.add_paragraph()
        compact(paragraph, after=4)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        set_font(add_text(paragraph, f"Mẫu số {number}"), size=self.size - 1, bold=True)

    def header(self, *, parent: str, unit: str, place_date: str, number: str = "") -> None:
        """The agency block (parent authority over the issuing unit in bold) beside the national
        motto block, each with its rule, the number and symbol ("Số: 12/TB-STNMT") under the
        agency block and the place and date under the motto."""
        # The two blocks may reach into the side margins (as printed forms do), so the motto
        # and a two-word authority name fit on one line each.
        total = self.text_width + Cm(1.6)
        left_width = Length(int(total * 0.4))
        right_width = Length(total - left_width)
        table = self.doc.add_table(rows=2, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        no_borders(table)
        set_widths(table, [left_width, right_width])
        left, right = table.cell(0, 0), table.cell(0, 1)
        first = left.paragraphs[0]
        if parent:
            self._cell_line(first, parent.upper(), size=12)
            first = left.add_paragraph()
        self._cell_line(first, unit.upper(), size=12, bold=True)
        _rule(left, cell_width=left_width, width=Cm(2.5))
        self._cell_line(right.paragraphs[0], MOTTO, size=12, bold=True)
        self._cell_line(right.add_paragraph(), SLOGAN, size=13, bold=True)
        _rule(right, cell_width=right_width, width=Cm(6))
        if number:
            number_paragraph = table.cell(1, 0).paragraphs[0]
            self._cell_line(number_paragraph, f"Số: {number}", size=13)
            number_paragraph.paragraph_format.space_before = Pt(6)
        date_paragraph = table.cell(1, 1).paragraphs[0]
        self._cell_line(date_paragraph, place_date, size=13, italic=True)
        date_paragraph.paragraph_format.space_before = Pt(6)

    def _cell_line(
        self,
        paragraph: Paragraph,
        text: str,
        *,
        size: float,
        bold: bool = False,
        italic: bool = False,
    ) -> None:
        compact(paragraph)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        set_font(add_text(paragraph, text), size=size, bold=bold, italic=italic)

    def title(self, text: str, *, subtitle: str = "") -> None:
        paragraph = self.doc.add_paragraph()
        compact(paragraph, after=0 if subtitle else 8)
        paragraph.paragraph_format.space_before = Pt(14)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        set_font(add_text(paragraph, text.upper()), size=self.size + 1, bold=True)
        if subtitle:
            below = self.doc.add_paragraph()
            compact(below, after=8)
            below.alignment = WD_ALIGN_PARAGRAPH.CENTER
            set_font(add_text(below, subtitle), size=self.size + 1, bold=True)

    def centered(self, *pieces: Piece) -> Paragraph:
        paragraph = self.para(*pieces, indent=False)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return paragraph

    def para(self, *pieces: Piece, indent: bool = True) -> Paragraph:
        """A justified body paragraph; first line indented 1 cm (Decree 30) unless it is a
        labelled line."""
        paragraph = self.doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = Cm(1) if indent else Cm(0)
        for piece in pieces:
            text, bold, italic = (piece, False, False) if isinstance(piece, str) else piece
            set_font(add_text(paragraph, text), bold=bold, italic=italic)
        return paragraph

    def field(self, label: str, value: str) -> Paragraph:
        """``label: value`` with the value in bold, the way a filled-in form reads."""
        return self.para(f"{label}: ", (value or "…", True, False), indent=False)

    def items(self, lines: Sequence[str]) -> None:
        for number, line in enumerate(lines, start=1):
            paragraph = self.para(f"{number}. {line}", indent=False)
            paragraph.paragraph_format.left_indent = Cm(0.5)

    def grid(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        size: float | None = None,
        centered: Sequence[int] = (),
    ) -> Table:
        """A lined table; ``widths`` are fractions of the text width; ``centered`` columns are
        centred (numbers, dates)."""
        size = size or self.size - 1
        table = self.doc.add_table(rows=1 + len(rows), cols=len(headers))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _narrow_cell_margins(table)
        set_widths(table, [Length(int(self.text_width * w)) for w in widths])
        for column, text in enumerate(headers):
            self._grid_cell(table.cell(0, column), text, size=size, bold=True, center=True)
        for r, row in enumerate(rows, start=1):
            for column, text in enumerate(row):
                self._grid_cell(table.cell(r, column), text, size=size, center=column in centered)
        self._repeat_header(table.rows[0])
        return table

    def _grid_cell(
        self, cell: _Cell, text: str, *, size: float, bold: bool = False, center: bool = False
    ) -> None:
        paragraph = cell.paragraphs[0]
        compact(paragraph)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
        set_font(add_text(paragraph, text), size=size, bold=bold)

    @staticmethod
    def _repeat_header(row) -> None:
        """A long register prints its column heads on every page."""
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(header)

    def signatures(
        self, blocks: Sequence[tuple[str, str, str]], *, recipients: Sequence[str] = ()
    ) -> None:
        """Side-by-side signature blocks: (title in capitals, a line break before the signing
        deputy's own title; italic note; name). A single signer signs on the right half, as
        Decree 30 places the signature; ``recipients`` fill the "Nơi nhận:" block on its left."""
        self.doc.add_paragraph()
        columns = max(len(blocks), 2)
        table = self.doc.add_table(rows=1, cols=columns)
        no_borders(table)
        width = Length(self.text_width // columns)
        set_widths(table, [width] * columns)
        if recipients and len(blocks) < columns:
            self._recipients(table.rows[0].cells[0], recipients)
        cells = table.rows[0].cells[columns - len(blocks) :]
        for cell, (title, note, name) in zip(cells, blocks, strict=True):
            self._cell_line(cell.paragraphs[0], title.upper(), size=self.size, bold=True)
            self._cell_line(cell.add_paragraph(), note, size=self.size, italic=True)
            for _blank in range(4):
                compact(cell.add_paragraph())
            self._cell_line(cell.add_paragraph(), name, size=self.size, bold=True)

    def _recipients(self, cell: _Cell, recipients: Sequence[str]) -> None:
        """Decree 30: "Nơi nhận:" (bold italic, 12 pt) and one line per recipient (11 pt), the
        last ending with a full stop and the others with a semicolon."""
        heading = cell.paragraphs[0]
        compact(heading)
        set_font(add_text(heading, "Nơi nhận:"), size=12, bold=True, italic=True)
        for i, recipient in enumerate(recipients, start=1):
            paragraph = cell.add_paragraph()
            compact(paragraph)
            end = "." if i == len(recipients) else ";"
            set_font(add_text(paragraph, f"- {recipient}{end}"), size=11)

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()
