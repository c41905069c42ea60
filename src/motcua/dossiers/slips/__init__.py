"""Slips and sheets of the one-stop desk (lifecycle.md, "Steps"), in the official forms.

- ``slip_issue``: the DOCX of a slip (receipt, supplement, refusal, apology, stop), stored with
  the dossier as a ``DossierDocument`` and never regenerated;
- ``slip_pdf``: its PDF, converted by LibreOffice on first request and stored;
- ``control_sheet_docx`` and ``register_docx``: generated on request, not stored;
- ``form_set_for``: which circular's forms apply on a date (``forms.FORM_SETS``).
"""

from motcua.dossiers.slips.forms import FORM_SETS, FormSet, form_set_for
from motcua.dossiers.slips.issue import SLIP_KINDS, dossier_form_set, slip_issue
from motcua.dossiers.slips.pdf import SlipConversionError, slip_pdf
from motcua.dossiers.slips.sheets import TIMING_LABELS, control_sheet_docx, register_docx

__all__ = [
    "FORM_SETS",
    "SLIP_KINDS",
    "TIMING_LABELS",
    "FormSet",
    "SlipConversionError",
    "control_sheet_docx",
    "dossier_form_set",
    "form_set_for",
    "register_docx",
    "slip_issue",
    "slip_pdf",
]
