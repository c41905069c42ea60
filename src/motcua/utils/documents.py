"""Parts of Decree 30/2020/NĐ-CP documents (Appendix I) that reports need beyond the dossier
slips: the number and symbol under the agency block, place and date with blanks the clerk fills
in, editable placeholders, and the recipients list beside the signature.

Builds on ``official_layout.Sheet`` (A4, Times New Roman, the national motto block, title, body
text, tables) rather than repeating it.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.shared import Length, Pt
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from motcua.utils.official_layout import Sheet, add_text, compact, no_borders, set_font, set_widths


class Blank(str):
    """Text for a person to write or check before signing (narrative, number, date): shown
    italic and highlighted so that nobody sends it as it is."""


# A piece of a paragraph: plain text, a ``Blank``, or (text, bold, italic).
Piece = str | tuple[str, bool, bool]


def mark_blank(run: Run) -> None:
    run.italic = True
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW


class OfficialDocument(Sheet):
    """A Decree 30 document: ``Sheet`` whose paragraphs may hold ``Blank`` pieces."""

    def header(
        self,
        *,
        parent: str,
        unit: str,
        place_date: str | Sequence[Piece],
        number: Sequence[Piece] = (),
    ) -> None:
        """The slips' header (agency and motto blocks), with the number and symbol
        ("Số: …/BC-UBND") under the agency block, level with the place and date."""
        pieces = [place_date] if isinstance(place_date, str) else list(place_date)
        super().header(parent=parent, unit=unit, place_date="")
        table = self.doc.tables[-1]
        self._pieces(table.cell(1, 1).paragraphs[0], pieces, italic=True)
        if number:
            paragraph = table.cell(1, 0).paragraphs[0]
            compact(paragraph)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.space_before = Pt(6)
            self._pieces(paragraph, number)

    def para(self, *pieces: Piece, indent: bool = True) -> Paragraph:
        paragraph = super().para(*pieces, indent=indent)
        for run, piece in zip(paragraph.runs, pieces, strict=True):
            if isinstance(piece, Blank):
                mark_blank(run)
        return paragraph

    def heading(self, text: str) -> Paragraph:
        """A section heading ("I. …"): bold, in the flow of the body text."""
        paragraph = self.para((text, True, False))
        paragraph.paragraph_format.space_before = Pt(6)
        return paragraph

    def recipients_and_signature(
        self, recipients: Sequence[str], *, capacity: str, position: str, name: Piece
    ) -> None:
        """ "Nơi nhận:" and its list on the left, the signature block on the right: capacity
        ("TM. ỦY BAN NHÂN DÂN"), position ("CHỦ TỊCH"), room to sign, then the signer's name."""
        self.doc.add_paragraph()
        table = self.doc.add_table(rows=1, cols=2)
        no_borders(table)
        half = Length(self.text_width // 2)
        set_widths(table, [half, half])
        left, right = table.rows[0].cells
        label = left.paragraphs[0]
        compact(label)
        set_font(add_text(label, "Nơi nhận:"), size=12, bold=True, italic=True)
        for line in recipients:
            paragraph = left.add_paragraph()
            compact(paragraph)
            set_font(add_text(paragraph, line), size=11)
        self._signature_line(right.paragraphs[0], [(capacity, True, False)])
        self._signature_line(right.add_paragraph(), [(position, True, False)])
        for _blank in range(4):
            compact(right.add_paragraph())
        self._signature_line(right.add_paragraph(), [name], bold=True)

    def _signature_line(
        self, paragraph: Paragraph, pieces: Sequence[Piece], *, bold: bool = False
    ) -> None:
        compact(paragraph)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._pieces(paragraph, pieces, bold=bold)

    def _pieces(
        self,
        paragraph: Paragraph,
        pieces: Sequence[Piece],
        *,
        bold: bool = False,
        italic: bool = False,
    ) -> None:
        for piece in pieces:
            text, piece_bold, piece_italic = (
                (piece, bold, italic) if isinstance(piece, str) else piece
            )
            run = add_text(paragraph, text)
            set_font(run, size=self.size, bold=piece_bold, italic=piece_italic)
            if isinstance(piece, Blank):
                mark_blank(run)
