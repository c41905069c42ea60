"""Forms of the web UI. They validate and shape input; saving goes through the services."""

import datetime as dt
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import RegexValidator
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Agency
from motcua.procedures.models import (
    DECISION_FILES,
    Decision,
    Level,
    OnlineLevel,
    Procedure,
    ProcedureStatus,
)
from motcua.procedures.selectors import catalog_agencies, catalog_fields
from motcua.procedures.services import DECISION_FIELDS
from motcua.utils.dates import validate_date_in_range
from motcua.utils.errors import DomainError
from motcua.utils.formatting import vn_number
from motcua.utils.text import vn_sorted
from motcua.utils.uploads import StoredFileInput, check_upload

# Validation messages in the page's language (Vietnamese msgids, translated by gettext).
BILINGUAL_ERRORS = {
    "required": _("Vui lòng nhập thông tin này."),
    "invalid": _("Giá trị không hợp lệ."),
    "invalid_choice": _("Lựa chọn không hợp lệ."),
    "invalid_pk_value": _("Lựa chọn không hợp lệ."),
    "max_length": _("Tối đa %(limit_value)s ký tự."),
    "min_value": _("Giá trị tối thiểu là %(limit_value)s."),
    "max_value": _("Giá trị tối đa là %(limit_value)s."),
    "max_digits": _("Tối đa %(max)s chữ số."),
    "max_decimal_places": _("Tối đa %(max)s chữ số thập phân."),
    "max_whole_digits": _("Tối đa %(max)s chữ số phần nguyên."),
    "unique": _("Giá trị này đã tồn tại."),
    "missing": _("Chưa chọn tệp."),
    "empty": _("Tệp rỗng."),
    "contradiction": _("Hãy chọn tệp mới hoặc xóa tệp cũ, không làm cả hai."),
}

PROCEDURE_CODE_VALIDATOR = RegexValidator(
    r"^[0-9A-Za-z][0-9A-Za-z.\-_]*$",
    _("Mã thủ tục chỉ gồm chữ, số, dấu chấm, gạch ngang."),
    code="code_format",
)


class VnOrderIterator(forms.models.ModelChoiceIterator):
    """The choices of a model choice field in Vietnamese collation of their labels (the
    database's collation puts "Đ…" after "Z"); for short lists such as agencies."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        objects = vn_sorted(self.queryset, key=self.field.label_from_instance)
        for obj in objects:
            yield self.choice(obj)


class VnModelChoiceField(forms.ModelChoiceField):
    iterator = VnOrderIterator


class BilingualErrorsMixin:
    """Replaces Django's messages with ours (in the page's language) on every field."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        # Validators report by code; a field's message for that code takes precedence, so
        # setting every code on every field also covers validator and model (unique) errors.
        for field in self.fields.values():
            field.error_messages.update(BILINGUAL_ERRORS)


def _choices_with_all(label: str, choices: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [("", label), *choices]


class CatalogFilterForm(BilingualErrorsMixin, forms.Form):
    """Search and filters of the catalog. Every field is optional; an invalid value is ignored
    rather than failing the whole search."""

    q = forms.CharField(label=_("Từ khóa"), required=False, max_length=200)
    level = forms.ChoiceField(label=_("Cấp thực hiện"), required=False)
    field = forms.ChoiceField(label=_("Lĩnh vực"), required=False)
    agency = forms.TypedChoiceField(
        label=_("Cơ quan"), required=False, coerce=int, empty_value=None
    )
    online_level = forms.ChoiceField(label=_("Dịch vụ công trực tuyến"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The widget's own input type (an attrs "type" would print a second attribute).
        self.fields["q"].widget.input_type = "search"
        self.fields["q"].widget.attrs.update(
            {
                "placeholder": _("Tên hoặc mã thủ tục, có dấu hoặc không dấu"),
                "autocomplete": "off",
            }
        )
        self.fields["level"].choices = _choices_with_all(_("Tất cả các cấp"), Level.choices)
        self.fields["field"].choices = _choices_with_all(
            _("Tất cả lĩnh vực"), [(f, f) for f in catalog_fields()]
        )
        self.fields["agency"].choices = _choices_with_all(
            _("Tất cả cơ quan"), [(str(a.pk), a.name) for a in catalog_agencies()]
        )
        self.fields["online_level"].choices = _choices_with_all(
            _("Tất cả mức độ"), OnlineLevel.choices
        )

    def filters(self) -> dict[str, Any]:
        """Keyword arguments for ``procedure_search`` from the valid fields."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "query": data.get("q") or "",
            "level": data.get("level") or None,
            "field": data.get("field") or None,
            "agency": data.get("agency") or None,
            "online_level": data.get("online_level") or None,
        }


class OfficerCatalogFilterForm(CatalogFilterForm):
    status = forms.ChoiceField(label=_("Trạng thái"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = _choices_with_all(
            _("Tất cả trạng thái"), ProcedureStatus.choices
        )
        # Officers also look after procedures of departments with no active procedure left.
        self.fields["agency"].choices = _choices_with_all(
            _("Tất cả cơ quan"),
            [(str(a.pk), a.name) for a in vn_sorted(Agency.objects.all(), lambda a: a.name)],
        )


class ProcedureForm(BilingualErrorsMixin, forms.ModelForm):
    """All fields of a procedure. Never saved directly: the view passes ``values()`` to
    ``procedure_save`` so that every amendment leaves a version."""

    valid_from = forms.DateField(
        label=_("Áp dụng từ ngày"),
        required=False,
        help_text=_("Để trống: áp dụng ngay khi lưu."),
        validators=[validate_date_in_range],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    class Meta:
        model = Procedure
        fields = [
            "code",
            "name",
            "level",
            "field",
            "authority",
            "agency",
            "processing_days",
            "day_unit",
            "fee_vnd",
            "online_level",
            "national_portal",
            "payment_pauses_clock",
            "decision",
            "steps",
            "submission_methods",
            "requirements",
            "legal_basis",
            "result",
        ]
        widgets = {
            "name": forms.Textarea(attrs={"rows": 2}),
            "steps": forms.Textarea(attrs={"rows": 6}),
            "submission_methods": forms.Textarea(attrs={"rows": 4}),
            "requirements": forms.Textarea(attrs={"rows": 3}),
            "legal_basis": forms.Textarea(attrs={"rows": 4}),
            "result": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].validators.append(PROCEDURE_CODE_VALIDATOR)
        if self.instance.pk:
            # The code identifies the procedure (URLs, dossiers, the national portal).
            self.fields["code"].disabled = True
        self.fields["agency"].queryset = Agency.objects.filter(is_active=True).order_by("name")
        self.fields["processing_days"].help_text = _(
            "Để trống nếu không quy định thời hạn. Có thể là 0,5."
        )
        self.fields["processing_days"].widget.attrs.update({"step": "0.5", "min": "0"})

    GENERAL_FIELDS = (
        "code",
        "level",
        "field",
        "authority",
        "agency",
        "processing_days",
        "day_unit",
        "fee_vnd",
        "online_level",
        "national_portal",
        "payment_pauses_clock",
        "decision",
        "valid_from",
    )
    TEXT_FIELDS = ("steps", "submission_methods", "requirements", "legal_basis", "result")

    def general_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.GENERAL_FIELDS]

    def text_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.TEXT_FIELDS]

    def clean_processing_days(self):
        days = self.cleaned_data.get("processing_days")
        if days is not None and days < 0:
            raise forms.ValidationError(_("Thời hạn không được âm."))
        return days

    def values(self) -> dict[str, Any]:
        """The model field values for ``procedure_save`` (everything but the code)."""
        return {name: self.cleaned_data[name] for name in self._meta.fields if name != "code"}

    def valid_from_instant(self) -> dt.datetime | None:
        """The start of the chosen day in the local time zone, or None for now."""
        day = self.cleaned_data.get("valid_from")
        if day is None:
            return None
        return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


class ComponentForm(BilingualErrorsMixin, forms.Form):
    name = forms.CharField(label=_("Tên giấy tờ"), max_length=1000)
    originals = forms.IntegerField(label=_("Bản chính"), min_value=0, max_value=99, initial=1)
    copies = forms.IntegerField(label=_("Bản sao"), min_value=0, max_value=99, initial=0)
    required = forms.BooleanField(label=_("Bắt buộc"), required=False, initial=True)
    form_name = forms.CharField(label=_("Mẫu đơn, tờ khai"), max_length=255, required=False)


class BaseComponentFormSet(forms.BaseFormSet):
    def components(self) -> list[dict[str, Any]]:
        """The components in form order, without deleted and untouched blank rows."""
        return [
            {key: form.cleaned_data[key] for key in ComponentForm.base_fields}
            for form in self.forms
            # Blank extra rows have empty cleaned_data.
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]


ComponentFormSet = forms.formset_factory(
    ComponentForm,
    formset=BaseComponentFormSet,
    extra=3,
    can_delete=True,
    max_num=100,
    validate_max=True,
)


def component_initial(procedure: Procedure) -> list[dict[str, Any]]:
    return [
        {
            "name": c.name,
            "originals": c.originals,
            "copies": c.copies,
            "required": c.required,
            "form_name": c.form_name,
        }
        for c in procedure.components.all()
    ]


class DecisionForm(BilingualErrorsMixin, forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["number", "date", "kind", "title", "file"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "title": forms.Textarea(attrs={"rows": 3}),
            "file": StoredFileInput(
                lambda file: reverse("decision-file", args=[file.instance.pk]),
                attrs={
                    "accept": ".pdf,.docx,application/pdf,"
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                },
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit = vn_number(settings.MOTCUA_MAX_UPLOAD_BYTES / (1024 * 1024), 1)
        self.fields["file"].help_text = _("Tệp PDF hoặc DOCX, tối đa %(limit)s MB.") % {
            "limit": limit
        }

    def changes(self) -> dict[str, Any]:
        """The arguments of ``decision_save`` from the cleaned form."""
        upload = self.cleaned_data.get("file")
        return {
            "values": {name: self.cleaned_data[name] for name in DECISION_FIELDS},
            "file": upload if isinstance(upload, UploadedFile) else None,
            "clear_file": upload is False,
        }

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        # Only a new upload needs checking; an unchanged or cleared file passes as it is.
        if not isinstance(upload, UploadedFile):
            return upload
        limit = settings.MOTCUA_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("Tệp quá lớn (%(size)s MB); tối đa %(limit)s MB."),
                code="too_large",
                params={
                    "size": vn_number(upload.size / (1024 * 1024), 1),
                    "limit": vn_number(limit / (1024 * 1024), 1),
                },
            )
        try:
            check_upload(upload, extensions=DECISION_FILES)
        except DomainError as error:
            raise forms.ValidationError(
                _("Chỉ chấp nhận tệp PDF hoặc DOCX."),
                code=error.code,
            ) from error
        return upload
