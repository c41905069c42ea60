"""Forms of the applicants' public pages. They validate and shape input; every change goes
through the services."""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import RegexValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Agency
from motcua.datastore.models import StoredDocument
from motcua.dossiers.applicant import FIELDS as APPLICANT_FIELDS
from motcua.dossiers.applicant import applicant_clean
from motcua.dossiers.models import SCORED_INDICATORS, ApplicantKind
from motcua.dossiers.services import ApplicantData, ComponentData
from motcua.procedures.models import Level, Procedure
from motcua.utils.errors import DomainError
from motcua.utils.formatting import vn_date
from motcua.utils.text import vn_sorted
from motcua.utils.uploads import ALLOWED, check_upload
from motcua.web.forms import BILINGUAL_ERRORS, BilingualErrorsMixin

# What the file inputs offer (the browser's picker) and what the page says is accepted.
ACCEPT = ",".join(ALLOWED)
ACCEPTED_TYPES = ", ".join(ext[1:].upper() for ext in ALLOWED if ext != ".jpeg")

PHONE_HELP = _("Số di động hoặc cố định, ví dụ 0912 345 678.")
INVALID_CHOICE = BILINGUAL_ERRORS["invalid_choice"]
SECRET_VALIDATOR = RegexValidator(
    r"^[0-9]{4}$",
    "Vui lòng nhập đúng 4 chữ số 0–9. / Enter exactly 4 digits 0–9.",
    code="secret",
)


def upload_help() -> str:
    limit = filesizeformat(settings.MOTCUA_MAX_UPLOAD_BYTES)
    return f"Định dạng: {ACCEPTED_TYPES}. Tối đa {limit} mỗi tệp."


def clean_applicant_fields(form: forms.Form) -> ApplicantData | None:
    """Run the one applicant rule (``applicant.applicant_clean``) on the ``applicant_*`` fields
    of ``form``: its errors go to their fields, its normalised values replace the typed ones."""
    fields = [f for f in APPLICANT_FIELDS.values() if f in form.fields]
    if any(form.has_error(f) for f in fields):
        return None
    try:
        applicant = applicant_clean({f: form.cleaned_data.get(f, "") for f in fields})
    except DomainError as exc:
        for field, errors in (exc.details or {}).items():
            form.add_error(field if field in form.fields else None, errors)
        return None
    for attr, field in APPLICANT_FIELDS.items():
        if field in form.fields:
            form.cleaned_data[field] = getattr(applicant, attr)
    return applicant


def _checked(upload: UploadedFile | None) -> UploadedFile | None:
    """The same check the services make (type by content, size), shown on the field."""
    if upload is not None:
        try:
            check_upload(upload)
        except DomainError as exc:
            raise forms.ValidationError(exc.message, code=exc.code) from exc
    return upload


def bilingual(field: forms.Field, **messages: str) -> forms.Field:
    """A field added at run time gets the bilingual messages the mixin gives declared ones."""
    field.error_messages.update(BILINGUAL_ERRORS, **messages)
    return field


class FileInput(forms.ClearableFileInput):
    def __init__(self, attrs: dict | None = None):
        super().__init__({"accept": ACCEPT, **(attrs or {})})


class MultipleFileInput(FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; cleans to a list (empty when none was chosen)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None) -> list[UploadedFile]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [f for f in (single(d, initial) for d in data) if f]
        cleaned = single(data, initial)
        return [cleaned] if cleaned else []


def agency_choices(level: str) -> list:
    """Active agencies of ``level``, grouped by the agency above them (communes by district)
    when there is more than one group, so a long list stays findable."""
    agencies = Agency.objects.filter(kind=level, is_active=True).select_related("parent")
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for agency in vn_sorted(agencies, key=lambda a: a.name):
        groups[agency.parent.name if agency.parent else ""].append((str(agency.pk), agency.name))
    empty = ("", _("— Chọn đơn vị —"))
    if len(groups) <= 1:
        return [empty, *next(iter(groups.values()), [])]
    # Groups in Vietnamese order of their names, the agencies without a parent last.
    names = vn_sorted(groups, key=lambda name: name or "\uffff")
    return [empty, *((name or _("Khác"), groups[name]) for name in names)]


class SubmissionForm(BilingualErrorsMixin, forms.Form):
    """Online submission of one procedure: who applies, where, and one upload per component."""

    applicant_kind = forms.ChoiceField(
        label=_("Người nộp là"),
        choices=ApplicantKind.choices,
        initial=ApplicantKind.PERSON,
        widget=forms.RadioSelect(attrs={"class": "choices choices-inline"}),
    )
    applicant_name = forms.CharField(
        label=_("Họ và tên (hoặc tên tổ chức)"),
        max_length=255,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    applicant_id_number = forms.CharField(
        label=_("Số định danh cá nhân (CCCD) hoặc mã số thuế"),
        max_length=32,
        # A text keyboard: passports and branch tax codes ("0101234567-001") are not all digits.
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        help_text=_("Dùng để tra cứu hồ sơ (4 số cuối) cùng với số điện thoại."),
    )
    applicant_address = forms.CharField(
        label=_("Địa chỉ"),
        max_length=500,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    applicant_phone = forms.CharField(
        label=_("Số điện thoại"),
        max_length=20,
        help_text=PHONE_HELP,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
    )
    applicant_email = forms.EmailField(
        label=_("Thư điện tử (không bắt buộc)"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Để nhận thông báo về hồ sơ qua thư điện tử."),
    )
    consent = forms.BooleanField(
        label=_(
            "Tôi cam đoan các thông tin đã khai và giấy tờ đã nộp là đúng sự thật, và đồng ý để "
            "cơ quan nhà nước sử dụng dữ liệu cá nhân này để giải quyết hồ sơ."
        ),
    )
    # Generated when the form is rendered: the same submission repeated (double click, browser
    # retry) carries the same key and the service returns the first dossier.
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(
        self,
        *args: Any,
        procedure: Procedure,
        reusable: dict[str, list[StoredDocument]] | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("initial", {}).setdefault("idempotency_key", str(uuid.uuid4()))
        super().__init__(*args, **kwargs)
        self.fields["consent"].error_messages["required"] = _(
            "Vui lòng xác nhận cam đoan để nộp hồ sơ."
        )
        self.fields["idempotency_key"].error_messages.update(
            dict.fromkeys(
                ("required", "invalid"),
                _("Biểu mẫu không hợp lệ: vui lòng tải lại trang rồi nộp lại."),
            )
        )
        self.procedure = procedure
        self.needs_agency = procedure.level in (Level.DISTRICT, Level.COMMUNE)
        if self.needs_agency:
            self.fields["agency"] = bilingual(
                forms.TypedChoiceField(
                    label=_("Nơi giải quyết hồ sơ"),
                    choices=agency_choices(procedure.level),
                    coerce=int,
                    help_text=_("UBND cấp huyện hoặc cấp xã nơi bạn nộp hồ sơ."),
                ),
                required=_("Vui lòng chọn nơi giải quyết hồ sơ."),
            )
        self.components = list(procedure.components.all())
        # The signed-in applicant's valid store documents, by the kind a component asks for.
        self.reusable = {
            c.pk: reusable[c.document_kind]
            for c in self.components
            if reusable and c.document_kind and reusable.get(c.document_kind)
        }
        for component in self.components:
            documents = self.reusable.get(component.pk)
            self.fields[f"component_{component.pk}"] = bilingual(
                forms.FileField(
                    label=component.name,
                    # A document of the store may stand in for the upload (checked in clean).
                    required=component.required and not documents,
                    widget=FileInput(),
                ),
                required=_("Vui lòng đính kèm giấy tờ bắt buộc này."),
            )
            if documents:
                self.fields[f"reuse_{component.pk}"] = bilingual(
                    forms.ChoiceField(
                        label=_("Dùng giấy tờ trong kho dữ liệu điện tử của bạn"),
                        choices=[(str(d.public_id), reuse_label(d)) for d in documents]
                        + [("", _("Không, tôi tải tệp lên"))],
                        initial=str(documents[0].public_id),
                        required=False,
                        widget=forms.RadioSelect(attrs={"class": "choices"}),
                    )
                )
        self.fields["extra_files"] = bilingual(
            MultipleFileField(
                label=_("Giấy tờ khác") if self.components else _("Giấy tờ kèm theo"),
                required=False,
                help_text=_("Có thể chọn nhiều tệp."),
            )
        )

    @property
    def component_fields(self) -> list[tuple[Any, forms.BoundField, forms.BoundField | None]]:
        return [
            (
                c,
                self[f"component_{c.pk}"],
                self[f"reuse_{c.pk}"] if f"reuse_{c.pk}" in self.fields else None,
            )
            for c in self.components
        ]

    def reused_document(self, component) -> StoredDocument | None:
        """The store document chosen for ``component`` (one offered to this applicant)."""
        chosen = (self.cleaned_data or {}).get(f"reuse_{component.pk}")
        if not chosen:
            return None
        return next(
            (d for d in self.reusable.get(component.pk, []) if str(d.public_id) == chosen), None
        )

    def clean_agency(self) -> Agency:
        agency = Agency.objects.filter(
            pk=self.cleaned_data["agency"],
            kind=self.procedure.level,
            is_active=True,
        ).first()
        if agency is None:
            raise forms.ValidationError(INVALID_CHOICE, code="invalid_choice")
        return agency

    def clean_extra_files(self) -> list[UploadedFile]:
        return [_checked(f) for f in self.cleaned_data["extra_files"]]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        clean_applicant_fields(self)
        for component in self.components:
            name = f"component_{component.pk}"
            if cleaned.get(name) is not None:
                try:
                    _checked(cleaned[name])
                except forms.ValidationError as error:
                    self.add_error(name, error)
            elif (
                component.required
                and component.pk in self.reusable
                and not cleaned.get(f"reuse_{component.pk}")
                and not self.has_error(f"reuse_{component.pk}")
                and not self.has_error(name)
            ):
                self.add_error(name, _("Vui lòng đính kèm giấy tờ bắt buộc này."))
        if not self.components and not cleaned.get("extra_files") and not self.errors:
            self.add_error("extra_files", _("Vui lòng đính kèm giấy tờ."))
        return cleaned

    def applicant(self) -> ApplicantData:
        v = self.cleaned_data
        return ApplicantData(
            kind=v["applicant_kind"],
            name=v["applicant_name"],
            id_number=v["applicant_id_number"],
            address=v["applicant_address"],
            phone=v["applicant_phone"],
            email=v["applicant_email"],
        )

    def component_data(self) -> list[ComponentData]:
        v = self.cleaned_data
        rows = []
        for c in self.components:
            document = self.reused_document(c)
            if document is None and v.get(f"component_{c.pk}") is None:
                continue
            rows.append(
                ComponentData(
                    name=c.name,
                    file=None if document else v[f"component_{c.pk}"],
                    stored_document=document,
                    procedure_component_id=c.pk,
                    originals=c.originals,
                    copies=c.copies,
                )
            )
        rows += [ComponentData(name=f.name, file=f) for f in v.get("extra_files") or []]
        return rows


def reuse_label(document: StoredDocument) -> str:
    """How a store document is offered: kind, number, issuer, validity."""
    parts = [str(document.get_kind_display())]
    if document.number:
        parts.append(str(_("số %(number)s") % {"number": document.number}))
    if document.issuer:
        parts.append(str(document.issuer))
    if document.valid_until:
        parts.append(str(_("có giá trị đến %(date)s") % {"date": vn_date(document.valid_until)}))
    else:
        parts.append(str(_("không thời hạn")))
    return ", ".join(parts)


class SecretInput(forms.TextInput):
    """The typed digits are never sent back in a page (a re-shown form, a cached copy)."""

    def format_value(self, value: Any) -> None:
        return None


class LookupForm(BilingualErrorsMixin, forms.Form):
    code = forms.CharField(
        label=_("Mã hồ sơ"),
        max_length=64,
        help_text=_("Ví dụ: 000.00.05.H12-240305-0001 (trên giấy tiếp nhận hoặc tin nhắn)."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
    secret = forms.CharField(
        label=_("4 số cuối số điện thoại hoặc số định danh (CCCD, mã số thuế)"),
        max_length=4,
        validators=[SECRET_VALIDATOR],
        widget=SecretInput(
            attrs={
                "autocomplete": "off",
                "inputmode": "numeric",
                "pattern": "[0-9]{4}",
                "maxlength": "4",
            }
        ),
    )

    def clean_code(self) -> str:
        return "".join(self.cleaned_data["code"].split())


class SupplementForm(BilingualErrorsMixin, forms.Form):
    """Rows of (document name, file), prefilled with the requested items, and a note."""

    note = forms.CharField(
        label=_("Ghi chú cho cơ quan giải quyết (không bắt buộc)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, names: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = max(3, len(names))
        for i in range(self.rows):
            self.fields[f"name_{i}"] = bilingual(
                forms.CharField(
                    label=f"Tên giấy tờ {i + 1}",
                    required=False,
                    max_length=255,
                    initial=names[i] if i < len(names) else "",
                )
            )
            self.fields[f"file_{i}"] = bilingual(
                forms.FileField(label=f"Tệp giấy tờ {i + 1}", required=False, widget=FileInput())
            )

    @property
    def row_fields(self) -> list[tuple[int, forms.BoundField, forms.BoundField]]:
        return [(i, self[f"name_{i}"], self[f"file_{i}"]) for i in range(self.rows)]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        files = 0
        for i in range(self.rows):
            upload, name = cleaned.get(f"file_{i}"), cleaned.get(f"name_{i}", "")
            if upload is not None:
                files += 1
                try:
                    _checked(upload)
                except forms.ValidationError as error:
                    self.add_error(f"file_{i}", error)
            elif name and name != self.fields[f"name_{i}"].initial:
                self.add_error(f"file_{i}", _("Chưa chọn tệp cho giấy tờ này."))
        if not files and not self.errors:
            raise forms.ValidationError(_("Vui lòng đính kèm ít nhất một tệp."), code="required")
        return cleaned

    def component_data(self) -> list[ComponentData]:
        v = self.cleaned_data
        return [
            ComponentData(name=v[f"name_{i}"].strip() or v[f"file_{i}"].name, file=v[f"file_{i}"])
            for i in range(self.rows)
            if v.get(f"file_{i}") is not None
        ]


# Short guidance for each point of the 9 indicators (Decree 61/2018, art. 30; Circular
# 01/2018/TT-VPCP): what 2, 1 and 0 points mean for the applicant.
INDICATOR_GUIDE: dict[str, tuple[str, str, str]] = {
    "total_time": ("Trước hoặc đúng hạn", "Trễ hạn nhưng có thư xin lỗi, hẹn lại", "Trễ hạn"),
    "agency_time": (
        "Các cơ quan đều đúng thời gian quy định",
        "Có cơ quan chậm nhưng không làm trễ hạn",
        "Có cơ quan chậm làm trễ hạn",
    ),
    "visits": ("Không phải đi lại hoặc 1 lần", "2 lần", "Từ 3 lần trở lên"),
    "agencies_contacted": ("Chỉ 1 nơi (Bộ phận Một cửa)", "2 cơ quan", "Từ 3 cơ quan trở lên"),
    "one_stop": (
        "Nộp và nhận kết quả đúng quy định một cửa",
        "Có lúc phải liên hệ ngoài Bộ phận Một cửa",
        "Không thực hiện một cửa",
    ),
    "publicity": (
        "Công khai đầy đủ, đúng quy định",
        "Công khai chưa đầy đủ",
        "Không công khai",
    ),
    "attitude": (
        "Lịch sự, hướng dẫn tận tình",
        "Chưa nhiệt tình",
        "Gây phiền hà, sách nhiễu",
    ),
    "feedback_handling": (
        "Được tiếp thu, trả lời đầy đủ (hoặc không có phản ánh)",
        "Trả lời chậm hoặc chưa đầy đủ",
        "Không được tiếp thu, trả lời",
    ),
    "online": (
        "Nộp và nhận kết quả trực tuyến",
        "Trực tuyến một phần",
        "Không có dịch vụ trực tuyến",
    ),
}


class EvaluationForm(BilingualErrorsMixin, forms.Form):
    """The 9 official indicators, each 2, 1 or 0 points, and a comment."""

    comment = forms.CharField(
        label=_("Ý kiến khác (không bắt buộc)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, label in SCORED_INDICATORS:
            good, fair, poor = INDICATOR_GUIDE[name]
            self.fields[name] = bilingual(
                forms.TypedChoiceField(
                    label=label,
                    coerce=int,
                    widget=forms.RadioSelect(attrs={"class": "choices"}),
                    choices=[
                        ("2", f"2 điểm: tốt — {good}"),
                        ("1", f"1 điểm: trung bình — {fair}"),
                        ("0", f"0 điểm: không đạt — {poor}"),
                    ],
                ),
                required=_("Vui lòng chọn mức điểm."),
                invalid_choice=_("Vui lòng chọn mức điểm."),
            )

    @property
    def indicator_fields(self) -> list[forms.BoundField]:
        return [self[name] for name, _label in SCORED_INDICATORS]

    def scores(self) -> dict[str, int]:
        return {name: self.cleaned_data[name] for name, _label in SCORED_INDICATORS}
