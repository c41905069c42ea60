"""Jobs of the dossiers app."""

import datetime as dt

from django.utils.translation import gettext_lazy as _

from motcua.jobs.services import job


@job(queue="dossiers", max_attempts=5, label=_("Tính lại hạn giải quyết"))
def deadlines_recompute(*, dates: list[str]) -> None:
    """Move the due dates of open dossiers after the working calendar changed on ``dates``
    (ISO dates; empty: any date), outside the request that changed it."""
    from motcua.dossiers.services import dossier_recompute_deadlines

    changed = frozenset(dt.date.fromisoformat(day) for day in dates)
    dossier_recompute_deadlines(changed=changed or None)


@job(queue="slips", max_attempts=20, label=_("Lưu phiếu vào kho tệp"))
def slip_store(*, model: str, pk: int) -> None:
    """Put a composed slip (``DossierDocument`` or ``CounterVisit``) in the file storage, under
    a name of its own so that a repeat after a killed worker reuses the file."""
    from django.apps import apps
    from django.core.files.base import ContentFile

    from motcua.dossiers.slips.issue import local, slip_file_name

    row_model = apps.get_model(model)
    row = row_model.objects.get(pk=pk)
    if row.docx or row.content is None:
        return
    stamp = local(row.created_at if hasattr(row, "created_at") else row.at)
    name = f"slips/{stamp:%Y/%m}/{row_model._meta.model_name}-{row.pk}-{slip_file_name(row)}"
    storage = row.docx.storage
    if not storage.exists(name):
        name = storage.save(name, ContentFile(bytes(row.content)))
    row_model.objects.filter(pk=pk).update(docx=name, content=None)


@job(queue="signing", max_attempts=20, label=_("Ký số phiếu bằng dấu của cơ quan"))
def slip_sign(*, model: str, pk: int) -> None:
    """Seal the PDF of a slip (``DossierDocument`` or ``CounterVisit``) with the issuing
    agency's key; a slip already signed is left as it is."""
    from django.apps import apps

    from motcua.dossiers.signed import slip_sign_make

    row = apps.get_model(model).objects.get(pk=pk)
    slip_sign_make(row)


@job(queue="signing", max_attempts=20, label=_("Ký số kết quả giải quyết"))
def result_sign(*, pk: int) -> None:
    """Sign the result of an approved dossier (the approver, then the agency's seal); a
    result already signed is left as it is."""
    from motcua.dossiers.models import Dossier
    from motcua.dossiers.signed import result_sign_make

    result_sign_make(Dossier.objects.select_related("agency", "procedure").get(pk=pk))


@job(queue="dossiers", max_attempts=10, label=_("Chuyển bản quét sang PDF/A, chứng thực bản sao"))
def component_pdf(*, pk: int) -> None:
    """The PDF/A of a component scanned as an image, then its certified copy when the intake
    officer asked for one; what exists already is not made again."""
    from motcua.dossiers.models import DossierComponent
    from motcua.dossiers.scans import component_pdf_make

    component = (
        DossierComponent.objects.select_related("dossier", "certify_by").filter(pk=pk).first()
    )
    if component is not None:
        component_pdf_make(component)
