"""Forms of the officers' dossier pages. They validate and shape input; every change goes
through ``dossiers.services``."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.accounts.models import User
from motcua.agencies.models import Agency
from motcua.dossiers.authz import eligible_assignees
from motcua.dossiers.forms_public import clean_applicant_fields, reuse_label
from motcua.dossiers.models import SCORED_INDICATORS, ApplicantKind, ReturnMethod, VisitOutcome
from motcua.dossiers.services import ApplicantData, ComponentData
from motcua.dossiers.workflow import Channel, State
from motcua.procedures.models import Level, Procedure, ProcedureStatus
from motcua.procedures.selectors import procedure_search
from motcua.utils.dates import validate_date_in_range
from motcua.utils.errors import DomainError
from motcua.utils.uploads import check_upload
from motcua.web.forms import BILINGUAL_ERRORS, BilingualErrorsMixin, VnModelChoiceField

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M"]
REGISTER_MAX_DAYS = 366
SCORE_CHOICES = [(0, "0"), (1, "1"), (2, "2")]


def checked_upload(upload: UploadedFile | None) -> UploadedFile | None:
    """The upload if its size and content type are accepted, else a form error (the same
    rule the services apply, checked before anything is stored)."""
    if upload is None:
        return None
    try:
        check_upload(upload)
    except DomainError as error:
        raise ValidationError(error.message, code=error.code) from error
    return upload


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several scanned files in one input (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [checked_upload(super(MultipleFileField, self).clean(f, initial)) for f in files]


def resolve_procedure(text: str) -> Procedure | None:
    """The active procedure meant by ``text``: its exact code, or the only one whose code or
    name matches the words (the picker fills in the code; typing without it still works)."""
    text = (text or "").strip()
    if not text:
        return None
    exact = Procedure.objects.filter(code=text, status=ProcedureStatus.ACTIVE).first()
    if exact is not None:
        return exact
    matches = list(procedure_search(query=text)[:2])
    return matches[0] if len(matches) == 1 else None


def agency_choices(procedure: Procedure):
    """District and commune procedures are settled by one agency of that level: the desk
    chooses which (province procedures name their agency)."""
    return Agency.objects.filter(kind=procedure.level, is_active=True).order_by("name")


def needs_agency(procedure: Procedure | None) -> bool:
    return procedure is not None and procedure.level in (Level.DISTRICT, Level.COMMUNE)


class IntakeForm(BilingualErrorsMixin, forms.Form):
    """Counter intake (tiếp nhận tại quầy). The fields of the chosen procedure (agency, one
    row per component) are added for that procedure; ``checklist_for`` proves the checklist
    the officer saw belongs to the procedure submitted."""

    procedure = forms.CharField(label=_("Thủ tục hành chính"), max_length=1000)
    checklist_for = forms.CharField(required=False, widget=forms.HiddenInput)
    applicant_name = forms.CharField(label=_("Họ và tên / Tên tổ chức"), max_length=255)
    applicant_id_number = forms.CharField(
        label=_("Số định danh / mã số thuế"),
        max_length=32,
        required=False,
    )
    applicant_phone = forms.CharField(
        label=_("Điện thoại"),
        max_length=32,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
    )
    applicant_address = forms.CharField(label=_("Địa chỉ"), max_length=500, required=False)
    applicant_email = forms.EmailField(label=_("Thư điện tử"), required=False)
    applicant_kind = forms.ChoiceField(
        label=_("Người nộp là"),
        choices=ApplicantKind.choices,
        initial=ApplicantKind.PERSON,
        widget=forms.RadioSelect,
    )
    sets = forms.IntegerField(label=_("Số bộ hồ sơ"), min_value=1, max_value=50, initial=1)
    channel = forms.ChoiceField(
        label=_("Hình thức nộp"),
        choices=[(Channel.DIRECT, Channel.DIRECT.label), (Channel.POSTAL, Channel.POSTAL.label)],
        initial=Channel.DIRECT,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Ghi chú"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    # Not receiving: guidance to complete (form 02) or refusal (form 03), as a counter visit.
    visit_items = forms.CharField(
        label=_("Nội dung cần bổ sung, hoàn thiện thêm"),
        help_text=_("Các thành phần chưa đánh dấu được liệt kê tự động; mỗi dòng một nội dung."),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    visit_reason = forms.CharField(
        label=_("Lý do (bắt buộc khi từ chối tiếp nhận)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    INTENTS = ("receive", VisitOutcome.GUIDANCE.value, VisitOutcome.REFUSAL.value)

    def __init__(
        self,
        *args,
        procedure: Procedure | None = None,
        desk: Agency | None = None,
        intent: str = "receive",
        reusable: dict | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.intent = intent if intent in self.INTENTS else "receive"
        self.chosen = procedure
        self.component_rows: list[dict] = []
        self.reusable: dict[int, list] = {}
        self.fields["procedure"].widget.attrs.update(
            {
                "autofocus": True,
                "autocomplete": "off",
                "role": "combobox",
                "aria-autocomplete": "list",
                "aria-expanded": "false",
                "aria-controls": "procedure-suggestions",
                "placeholder": _("Gõ mã hoặc tên thủ tục"),
            }
        )
        if procedure is None:
            return
        if needs_agency(procedure):
            choices = agency_choices(procedure)
            self.fields["agency"] = VnModelChoiceField(
                label=_("Đơn vị giải quyết"),
                queryset=choices,
                initial=desk if desk is not None and desk.kind == procedure.level else None,
                empty_label=_("— Chọn đơn vị —"),
            )
            self.fields["agency"].error_messages.update(
                required=_("Vui lòng chọn đơn vị giải quyết."),
            )
        for component in procedure.components.all():
            prefix = f"c{component.pk}"
            self.fields[f"{prefix}_received"] = forms.BooleanField(
                label=component.name,
                required=False,
                initial=True,
            )
            self.fields[f"{prefix}_originals"] = forms.IntegerField(
                label=_("Bản chính"),
                min_value=0,
                max_value=99,
                initial=component.originals,
            )
            self.fields[f"{prefix}_copies"] = forms.IntegerField(
                label=_("Bản sao"),
                min_value=0,
                max_value=99,
                initial=component.copies,
            )
            self.fields[f"{prefix}_file"] = forms.FileField(
                label=_("Bản quét"),
                required=False,
                widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
            )
            self.fields[f"{prefix}_certify"] = forms.BooleanField(
                label=_("Chứng thực bản sao điện tử từ bản chính"),
                required=False,
                help_text=_(
                    "Bản quét được đối chiếu với bản chính tại quầy; cơ quan ký số chứng thực."
                ),
            )
            # The applicant's valid documents of the kind asked for (looked up by ID number).
            documents = (reusable or {}).get(component.document_kind) or []
            self.reusable[component.pk] = documents
            if documents:
                self.fields[f"{prefix}_reuse"] = forms.ChoiceField(
                    label=_("Dùng giấy tờ trong kho dữ liệu điện tử"),
                    choices=[(str(d.public_id), reuse_label(d)) for d in documents]
                    + [("", _("Không dùng"))],
                    initial=str(documents[0].public_id),
                    required=False,
                )
            self.component_rows.append(
                {
                    "component": component,
                    "received": self[f"{prefix}_received"],
                    "originals": self[f"{prefix}_originals"],
                    "copies": self[f"{prefix}_copies"],
                    "file": self[f"{prefix}_file"],
                    "certify": self[f"{prefix}_certify"],
                    "reuse": self[f"{prefix}_reuse"] if documents else None,
                }
            )
        self.fields["checklist_for"].initial = procedure.code
        for name, field in self.fields.items():
            if name != "agency":
                field.error_messages.update(BILINGUAL_ERRORS)

    def clean_procedure(self) -> str:
        if self.chosen is None:
            raise ValidationError(
                _("Chưa chọn được thủ tục: gõ mã hoặc tên rồi chọn trong danh sách gợi ý."),
                code="procedure",
            )
        return self.chosen.code

    def clean(self):
        cleaned = super().clean()
        clean_applicant_fields(self)
        if self.chosen is None:
            return cleaned
        if cleaned.get("checklist_for") != self.chosen.code:
            # The officer has not seen this procedure's checklist yet (no JavaScript, or the
            # procedure changed after the checklist loaded): show it before receiving.
            raise ValidationError(
                _(
                    "Đã hiển thị danh sách thành phần hồ sơ của thủ tục; vui lòng kiểm tra rồi "
                    "tiếp nhận."
                ),
                code="checklist",
            )
        if self.intent == VisitOutcome.GUIDANCE:
            if not self.missing_items():
                raise ValidationError(
                    _(
                        "Bỏ đánh dấu các thành phần còn thiếu hoặc ghi nội dung cần bổ sung, "
                        "hoàn thiện."
                    ),
                    code="nothing_missing",
                )
            return cleaned
        if self.intent == VisitOutcome.REFUSAL:
            if not cleaned.get("visit_reason", "").strip():
                self.add_error("visit_reason", _("Vui lòng nhập lý do từ chối tiếp nhận."))
            return cleaned
        missing = [
            row["component"].name
            for row in self.component_rows
            if row["component"].required and not cleaned.get(f"c{row['component'].pk}_received")
        ]
        if missing:
            raise ValidationError(
                _(
                    "Hồ sơ chưa đủ thành phần bắt buộc (%(names)s): hướng dẫn người nộp bổ sung, "
                    "chưa tiếp nhận."
                ),
                params={"names": "; ".join(missing)},
                code="incomplete",
            )
        for row in self.component_rows:
            name = f"c{row['component'].pk}_file"
            try:
                checked_upload(cleaned.get(name))
            except ValidationError as error:
                self.add_error(name, error)
        return cleaned

    def missing_items(self) -> str:
        """Form 02's list: every component not ticked as received, then what was typed."""
        c = self.cleaned_data
        names = [
            row["component"].name
            for row in self.component_rows
            if not c.get(f"c{row['component'].pk}_received")
        ]
        typed = [line.strip() for line in c.get("visit_items", "").splitlines() if line.strip()]
        return "\n".join(names + typed)

    def applicant(self) -> ApplicantData:
        c = self.cleaned_data
        return ApplicantData(
            name=c["applicant_name"],
            kind=c["applicant_kind"],
            id_number=c["applicant_id_number"],
            address=c["applicant_address"],
            phone=c["applicant_phone"],
            email=c["applicant_email"],
        )

    def reused_document(self, component):
        """The store document chosen for ``component`` (one offered for this applicant)."""
        chosen = self.cleaned_data.get(f"c{component.pk}_reuse")
        return next(
            (
                d
                for d in self.reusable.get(component.pk, [])
                if chosen and str(d.public_id) == chosen
            ),
            None,
        )

    def components(self) -> list[ComponentData]:
        c = self.cleaned_data
        rows = []
        for row in self.component_rows:
            component = row["component"]
            if not c.get(f"c{component.pk}_received"):
                continue
            document = self.reused_document(component)
            rows.append(
                ComponentData(
                    name=component.name,
                    procedure_component_id=component.pk,
                    originals=c[f"c{component.pk}_originals"],
                    copies=c[f"c{component.pk}_copies"],
                    file=None if document else c.get(f"c{component.pk}_file"),
                    stored_document=document,
                    certify=bool(c.get(f"c{component.pk}_certify")) and document is None,
                )
            )
        return rows


class VisitFilterForm(BilingualErrorsMixin, forms.Form):
    """The period, outcome and applicant of the counter visits listed."""

    date_from = forms.DateField(
        label=_("Từ ngày"),
        required=False,
        input_formats=DATE_FORMATS,
        validators=[validate_date_in_range],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label=_("Đến ngày"),
        required=False,
        input_formats=DATE_FORMATS,
        validators=[validate_date_in_range],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    outcome = forms.ChoiceField(
        label=_("Kết quả"),
        required=False,
        choices=[("", _("Tất cả"))] + list(VisitOutcome.choices),
    )
    q = forms.CharField(label=_("Tên hoặc số điện thoại"), required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("date_from", "date_to"):
            self.fields[name].error_messages["invalid"] = _("Ngày không hợp lệ (dd/mm/yyyy).")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            raise ValidationError(
                _("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc."), code="order"
            )
        return cleaned


class RegisterForm(BilingualErrorsMixin, forms.Form):
    """The period of the register (Sổ theo dõi hồ sơ): at most a year, in order."""

    date_from = forms.DateField(
        label=_("Từ ngày"),
        input_formats=DATE_FORMATS,
        validators=[validate_date_in_range],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label=_("Đến ngày"),
        input_formats=DATE_FORMATS,
        validators=[validate_date_in_range],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages["invalid"] = _("Ngày không hợp lệ (dd/mm/yyyy).")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end:
            if start > end:
                raise ValidationError(
                    _("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc."),
                    code="order",
                )
            if (end - start).days >= REGISTER_MAX_DAYS:
                raise ValidationError(
                    _("Khoảng thời gian tối đa một năm."),
                    code="too_long",
                )
        return cleaned


class WorkListFilterForm(BilingualErrorsMixin, forms.Form):
    """Filters of the work list; an invalid value is ignored rather than failing the list."""

    q = forms.CharField(
        label=_("Mã hồ sơ hoặc tên người nộp"),
        required=False,
        max_length=100,
        widget=forms.SearchInput(attrs={"autocomplete": "off"}),
    )
    state = forms.TypedChoiceField(
        label=_("Trạng thái"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Đang giải quyết (tất cả)"), *State.choices],
    )
    mine = forms.BooleanField(label=_("Của tôi"), required=False)
    overdue = forms.BooleanField(label=_("Chỉ hồ sơ quá hạn"), required=False)

    def filters(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "query": data.get("q") or "",
            "state": data.get("state"),
            "only_mine": bool(data.get("mine")),
            "overdue": bool(data.get("overdue")),
        }


# ---- actions on a dossier -------------------------------------------------------------------


class ActionForm(BilingualErrorsMixin, forms.Form):
    """Base of the action forms: ``kwargs()`` are the service's own arguments."""

    def __init__(self, *args, dossier=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.dossier = dossier

    def kwargs(self) -> dict:
        return dict(self.cleaned_data)


class EmptyForm(ActionForm):
    pass


class ReasonForm(ActionForm):
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))


class NoteForm(ActionForm):
    note = forms.CharField(
        label=_("Ý kiến xử lý"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SupplementRequestForm(ActionForm):
    """Form 02 lists every missing item at once: the procedure's components ticked here, then
    anything else typed, one item a line."""

    missing = forms.MultipleChoiceField(
        label=_("Thành phần hồ sơ còn thiếu"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    items = forms.CharField(
        label=_("Nội dung cần bổ sung khác"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    reason = forms.CharField(
        label=_("Lý do"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        procedure = getattr(self.dossier, "procedure", None)
        components = list(procedure.components.all()) if procedure is not None else []
        self.fields["missing"].choices = [(str(c.pk), c.name) for c in components]
        if not components:
            del self.fields["missing"]
            self.fields["items"].label = _("Nội dung cần bổ sung")

    def clean(self):
        cleaned = super().clean()
        if not self.items_text(cleaned):
            raise ValidationError(
                _("Chọn thành phần còn thiếu hoặc ghi nội dung cần bổ sung."), code="items"
            )
        return cleaned

    def items_text(self, cleaned: dict) -> str:
        names = dict(self.fields["missing"].choices) if "missing" in self.fields else {}
        chosen = [names[pk] for pk in cleaned.get("missing", []) if pk in names]
        typed = [line.strip() for line in cleaned.get("items", "").splitlines() if line.strip()]
        return "\n".join(chosen + typed)

    def kwargs(self) -> dict:
        return {"items": self.items_text(self.cleaned_data), "reason": self.cleaned_data["reason"]}


class AssignForm(ActionForm):
    assignee = forms.ModelChoiceField(
        label=_("Người xử lý"),
        queryset=User.objects.none(),
        empty_label=_("— Chọn —"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = assignable_users(self.dossier)


def assignable_users(dossier):
    """Officers of the current step's agency with the step's role: the only ones the
    service accepts as assignees."""
    return eligible_assignees(dossier).order_by("first_name", "username")


class SupplementForm(ActionForm):
    files = MultipleFileField(label=_("Giấy tờ bổ sung (bản quét)"), required=False)
    note = forms.CharField(label=_("Ghi chú"), required=False)

    def kwargs(self) -> dict:
        return {
            "components": [ComponentData(name=f.name, file=f) for f in self.cleaned_data["files"]],
            "note": self.cleaned_data["note"],
        }


class PaymentRequestForm(ActionForm):
    fee_vnd = forms.IntegerField(label=_("Số tiền (đồng)"), min_value=1)


class PaymentForm(ActionForm):
    online = forms.BooleanField(label=_("Thanh toán trực tuyến"), required=False)


class ApproveForm(ActionForm):
    note = forms.CharField(
        label=_("Nội dung kết quả"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    result_file = forms.FileField(label=_("Tệp kết quả (bản điện tử)"), required=False)

    def clean_result_file(self):
        return checked_upload(self.cleaned_data.get("result_file"))


class ApologyForm(ActionForm):
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))
    new_date = forms.DateTimeField(
        label=_("Hẹn lại ngày trả kết quả"),
        input_formats=DATETIME_FORMATS,
        validators=[validate_date_in_range],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def clean_new_date(self) -> dt.datetime:
        value = self.cleaned_data["new_date"]
        return value if timezone.is_aware(value) else timezone.make_aware(value)


def _score_field(label) -> forms.TypedChoiceField:
    field = forms.TypedChoiceField(
        label=label,
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    field.error_messages.update(BILINGUAL_ERRORS)
    return field


class EvaluationForm(ActionForm):
    """The 9 official indicators, 0/1/2 points each, on behalf of the applicant."""

    comment = forms.CharField(label=_("Ý kiến khác"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in SCORED_INDICATORS:
            self.fields[name] = _score_field(label)
        self.order_fields([name for name, _label in SCORED_INDICATORS] + ["comment"])

    def indicator_fields(self):
        return [self[name] for name, _label in SCORED_INDICATORS]

    def kwargs(self) -> dict:
        return {
            "scores": {name: self.cleaned_data[name] for name, _label in SCORED_INDICATORS},
            "comment": self.cleaned_data["comment"],
        }


class ReturnForm(ActionForm):
    """Return the result; the desk may record the applicant's evaluation at the same time
    (all 9 indicators or none)."""

    method = forms.ChoiceField(
        label=_("Hình thức trả kết quả"),
        choices=ReturnMethod.choices,
        initial=ReturnMethod.DESK,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in SCORED_INDICATORS:
            field = _score_field(label)
            field.required = False
            self.fields[name] = field
        self.fields["comment"] = forms.CharField(label=_("Ý kiến khác"), required=False)

    def indicator_fields(self):
        return [self[name] for name, _label in SCORED_INDICATORS]

    def clean(self):
        cleaned = super().clean()
        given = [cleaned.get(name) not in (None, "") for name, _label in SCORED_INDICATORS]
        if any(given) and not all(given):
            raise ValidationError(
                _("Đánh giá cần chấm đủ 4 chỉ số, hoặc bỏ trống cả 4."),
                code="partial_evaluation",
            )
        return cleaned

    def scores(self) -> dict[str, int] | None:
        if self.cleaned_data.get(SCORED_INDICATORS[0][0]) in (None, ""):
            return None
        return {name: self.cleaned_data[name] for name, _label in SCORED_INDICATORS}

    def kwargs(self) -> dict:
        return {"method": self.cleaned_data["method"]}
