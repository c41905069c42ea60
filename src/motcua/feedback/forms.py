"""Forms of the feedback pages. They shape input; the rules (contact, lengths, uploads) are the
services' and their errors are put back on the fields."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Agency
from motcua.dossiers.forms_public import MultipleFileField, upload_help
from motcua.feedback.models import ClosedReason, Feedback, FeedbackKind, FeedbackState
from motcua.feedback.services import CONTENT_MAX, SUBJECT_MAX, Contact, contact_clean
from motcua.procedures.models import Procedure, ProcedureStatus
from motcua.utils.errors import DomainError
from motcua.utils.text import vn_sorted
from motcua.web.forms import BilingualErrorsMixin

__all__ = ["upload_help"]

TEXTAREA = {"rows": 6}


def _agency_choices() -> list[tuple[str, str]]:
    agencies = Agency.objects.filter(is_active=True).only("pk", "name")
    return [("", _("— Không rõ / không chọn —"))] + [
        (str(a.pk), a.name) for a in vn_sorted(agencies, key=lambda a: a.name)
    ]


class FeedbackForm(BilingualErrorsMixin, forms.Form):
    """The public form (and the API's input, through the same service)."""

    subject = forms.CharField(label=_("Tiêu đề"), max_length=SUBJECT_MAX)
    content = forms.CharField(
        label=_("Nội dung phản ánh, kiến nghị"),
        max_length=CONTENT_MAX,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("Nêu rõ sự việc, thời gian, địa điểm, cơ quan hoặc cán bộ liên quan."),
    )
    kind = forms.ChoiceField(
        label=_("Phản ánh về"),
        choices=FeedbackKind.choices,
        initial=FeedbackKind.REGULATION,
        widget=forms.RadioSelect(attrs={"class": "choices"}),
    )
    procedure = forms.CharField(
        label=_("Mã thủ tục hành chính liên quan (nếu có)"),
        required=False,
        max_length=64,
        help_text=_("Ví dụ 1.000001.H12; xem trong danh mục thủ tục."),
    )
    agency = forms.TypedChoiceField(
        label=_("Cơ quan bị phản ánh (nếu có)"), required=False, coerce=int, empty_value=None
    )
    attachments = MultipleFileField(label=_("Tệp đính kèm (nếu có)"), required=False)
    submitter_name = forms.CharField(label=_("Họ và tên"), required=False, max_length=255)
    submitter_phone = forms.CharField(
        label=_("Số điện thoại"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    submitter_email = forms.CharField(
        label=_("Thư điện tử"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    submitter_address = forms.CharField(label=_("Địa chỉ"), required=False, max_length=500)
    # The honeypot: hidden from people (CSS and aria-hidden), filled in by bots.
    website = forms.CharField(
        label=_("Để trống ô này"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = _agency_choices()

    def clean_procedure(self) -> Procedure | None:
        code = "".join(self.cleaned_data.get("procedure", "").split())
        if not code:
            return None
        procedure = Procedure.objects.filter(code=code, status=ProcedureStatus.ACTIVE).first()
        if procedure is None:
            raise forms.ValidationError(
                _("Không có thủ tục mã %(code)s trong danh mục."), params={"code": code}
            )
        return procedure

    def clean_agency(self) -> Agency | None:
        pk = self.cleaned_data.get("agency")
        return Agency.objects.filter(pk=pk, is_active=True).first() if pk else None

    def clean(self):
        """The service's one contact rule (``contact_clean``), its errors on their fields, so
        that every mistake is shown at once."""
        data = super().clean()
        try:
            contact_clean(
                Contact(
                    name=data.get("submitter_name", ""),
                    phone=data.get("submitter_phone", ""),
                    email=data.get("submitter_email", ""),
                    address=data.get("submitter_address", ""),
                )
            )
        except DomainError as exc:
            for field, errors in (exc.details or {}).items():
                if field in self.fields and not self.has_error(field):
                    self.add_error(field, errors)
        return data


class LookupForm(BilingualErrorsMixin, forms.Form):
    code = forms.CharField(
        label=_("Mã phản ánh, kiến nghị"),
        max_length=64,
        help_text=_("Ví dụ: PAKN-2025-000123"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    secret = forms.CharField(
        label=_("Mã bí mật"),
        max_length=20,
        help_text=_("10 ký tự, nhận được khi gửi phản ánh."),
        widget=forms.PasswordInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class InfoReplyForm(BilingualErrorsMixin, forms.Form):
    reply = forms.CharField(
        label=_("Thông tin bổ sung"), max_length=CONTENT_MAX, widget=forms.Textarea(attrs=TEXTAREA)
    )


class RatingForm(BilingualErrorsMixin, forms.Form):
    satisfied = forms.TypedChoiceField(
        label=_("Bạn có hài lòng với kết quả trả lời không?"),
        choices=[("1", _("Hài lòng")), ("0", _("Không hài lòng"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect(attrs={"class": "choices"}),
    )


# ---- officers ---------------------------------------------------------------------------------


class QueueFilterForm(forms.Form):
    q = forms.CharField(label=_("Mã hoặc tiêu đề"), required=False, max_length=100)
    state = forms.ChoiceField(
        label=_("Trạng thái"),
        required=False,
        choices=[
            ("", _("Đang xử lý và chờ công khai")),
            *FeedbackState.choices,
            ("published", _("Đã công khai")),
        ],
    )
    kind = forms.ChoiceField(
        label=_("Loại"), required=False, choices=[("", _("Tất cả")), *FeedbackKind.choices]
    )
    agency = forms.ModelChoiceField(
        label=_("Cơ quan"), required=False, queryset=Agency.objects.none(), empty_label=_("Tất cả")
    )
    overdue = forms.BooleanField(label=_("Chỉ quá hạn"), required=False)

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies if agencies is not None else Agency.objects.none()

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "query": data["q"],
            "state": data["state"],
            "kind": data["kind"],
            "agency": data["agency"].pk if data["agency"] else None,
            "overdue": data["overdue"],
        }


class ActionForm(BilingualErrorsMixin, forms.Form):
    def kwargs(self) -> dict:
        return dict(self.cleaned_data)


class ClassifyForm(ActionForm):
    kind = forms.ChoiceField(label=_("Loại"), choices=FeedbackKind.choices)


class CloseForm(ActionForm):
    reason = forms.ChoiceField(
        label=_("Lý do"),
        choices=[(c.value, c.label) for c in ClosedReason if c != ClosedReason.DUPLICATE],
    )
    answer = forms.CharField(
        label=_("Trả lời người gửi (để trống: hướng dẫn theo luật)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MergeForm(ActionForm):
    into = forms.CharField(label=_("Mã phản ánh được giữ lại"), max_length=64)

    def clean_into(self) -> Feedback:
        code = "".join(self.cleaned_data["into"].split()).upper()
        kept = Feedback.objects.filter(code=code, imported=False).first()
        if kept is None:
            raise forms.ValidationError(_("Không có phản ánh mã %(code)s."), params={"code": code})
        return kept


class RequestInfoForm(ActionForm):
    request = forms.CharField(
        label=_("Thông tin cần người gửi bổ sung"), widget=forms.Textarea(attrs={"rows": 3})
    )


class AssignForm(ActionForm):
    agency = forms.ModelChoiceField(
        label=_("Cơ quan xử lý"), queryset=Agency.objects.filter(is_active=True)
    )

    def __init__(self, *args, initial_agency: Agency | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if initial_agency is not None and not self.is_bound:
            self.fields["agency"].initial = initial_agency.pk


class DraftForm(ActionForm):
    answer = forms.CharField(label=_("Nội dung trả lời"), widget=forms.Textarea(attrs={"rows": 8}))


class ApproveForm(ActionForm):
    pass


class ReturnForm(ActionForm):
    note = forms.CharField(label=_("Ý kiến"), widget=forms.Textarea(attrs={"rows": 3}))


class PublishForm(ActionForm):
    public_subject = forms.CharField(label=_("Tiêu đề công khai"), max_length=SUBJECT_MAX)
    public_content = forms.CharField(
        label=_("Nội dung công khai (đã che thông tin cá nhân)"),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    public_answer = forms.CharField(
        label=_("Kết quả trả lời công khai (đã che thông tin cá nhân)"),
        widget=forms.Textarea(attrs={"rows": 8}),
    )
