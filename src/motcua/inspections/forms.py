"""Forms of the inspection pages. They parse input into the services' arguments; the rules
(dates, the team, the files) are the services' (a refusal is shown on the form)."""

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Agency
from motcua.agencies.selectors import agency_descendant_ids
from motcua.inspections.models import AttachmentKind, Inspection
from motcua.inspections.services import Member
from motcua.utils.dates import validate_date_in_range
from motcua.utils.formatting import vn_number
from motcua.web.forms import BilingualErrorsMixin, VnModelChoiceField


def _date(label: Any, **kwargs: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[validate_date_in_range],
        **kwargs,
    )


def _file_help(kinds: str) -> str:
    limit = vn_number(settings.MOTCUA_MAX_UPLOAD_BYTES / (1024 * 1024), 1)
    return str(_("Tệp %(kinds)s, tối đa %(limit)s MB.") % {"kinds": kinds, "limit": limit})


class TeamFields(forms.Form):
    """The team: its head, then the other members one a line as "Họ và tên, chức vụ"."""

    head_name = forms.CharField(label=_("Trưởng đoàn: họ và tên"), max_length=255)
    head_title = forms.CharField(label=_("Trưởng đoàn: chức vụ, đơn vị"), max_length=255)
    members = forms.CharField(
        label=_("Thành viên đoàn"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Mỗi dòng một người: họ và tên, chức vụ (ngăn cách bằng dấu phẩy)."),
    )

    def clean_members(self) -> list[Member]:
        members = []
        for line in self.cleaned_data["members"].splitlines():
            if not line.strip():
                continue
            name, _sep, title = line.partition(",")
            if not name.strip() or not title.strip():
                raise ValidationError(
                    _("Dòng «%(line)s»: cần họ và tên, dấu phẩy, rồi chức vụ.")
                    % {"line": line.strip()}
                )
            members.append(Member(name.strip(), title.strip()))
        return members

    def team(self) -> list[Member]:
        head = Member(self.cleaned_data["head_name"], self.cleaned_data["head_title"], True)
        return [head, *self.cleaned_data["members"]]


class PlanForm(BilingualErrorsMixin, forms.Form):
    decision_number = forms.CharField(label=_("Số quyết định phê duyệt"), max_length=64)
    decision_date = _date(_("Ngày ban hành"))
    decision_signer = forms.CharField(
        label=_("Người ký (họ tên, chức vụ)"),
        max_length=255,
        help_text=_("Ví dụ: Nguyễn Văn A, Chủ tịch UBND tỉnh"),
    )
    decision_file = forms.FileField(label=_("Văn bản quyết định"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decision_file"].help_text = _file_help("PDF, DOCX")


def _agency_field() -> VnModelChoiceField:
    return VnModelChoiceField(
        label=_("Cơ quan được kiểm tra"),
        queryset=Agency.objects.filter(is_active=True),
        empty_label=_("— Chọn cơ quan —"),
    )


class PlanAddForm(BilingualErrorsMixin, TeamFields):
    agency = _agency_field()
    quarter = forms.TypedChoiceField(
        label=_("Quý"), coerce=int, choices=[(q, _("Quý %(q)s") % {"q": q}) for q in (1, 2, 3, 4)]
    )
    field_order = ["agency", "quarter", "head_name", "head_title", "members"]


class SurpriseForm(BilingualErrorsMixin, TeamFields):
    agency = _agency_field()
    inspected_on = _date(_("Ngày kiểm tra"))
    decision_number = forms.CharField(label=_("Số quyết định kiểm tra"), max_length=64)
    decision_date = _date(_("Ngày quyết định"))
    decision_file = forms.FileField(label=_("Văn bản quyết định"), required=False)
    findings = forms.CharField(
        label=_("Kết quả kiểm tra"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    field_order = [
        "agency",
        "inspected_on",
        "decision_number",
        "decision_date",
        "decision_file",
        "head_name",
        "head_title",
        "members",
        "findings",
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decision_file"].help_text = _file_help("PDF, DOCX")


class HoldForm(BilingualErrorsMixin, forms.Form):
    inspected_on = _date(_("Ngày kiểm tra"))
    findings = forms.CharField(
        label=_("Kết quả kiểm tra"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )


class AttachForm(BilingualErrorsMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Loại tài liệu"), choices=AttachmentKind.choices)
    file = forms.FileField(label=_("Tệp"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _file_help("PDF, DOCX, DOC, XLSX, XLS, JPG, PNG")


class RecommendationForm(BilingualErrorsMixin, forms.Form):
    text = forms.CharField(label=_("Nội dung kiến nghị"), widget=forms.Textarea(attrs={"rows": 3}))
    owner = VnModelChoiceField(label=_("Đơn vị thực hiện"), queryset=Agency.objects.none())
    due_on = _date(_("Hạn thực hiện"))

    def __init__(self, *args: Any, inspection: Inspection, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owner = self.fields["owner"]
        owner.queryset = Agency.objects.filter(pk__in=agency_descendant_ids(inspection.agency))
        owner.initial = inspection.agency_id


class ReportForm(BilingualErrorsMixin, forms.Form):
    text = forms.CharField(label=_("Kết quả thực hiện"), widget=forms.Textarea(attrs={"rows": 4}))
    done_on = _date(_("Ngày hoàn thành"))
    evidence = forms.FileField(label=_("Tài liệu chứng minh"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["evidence"].help_text = _file_help("PDF, DOCX, DOC, XLSX, XLS, JPG, PNG")


class AnswerForm(BilingualErrorsMixin, forms.Form):
    answer = forms.CharField(
        label=_("Ý kiến (bắt buộc khi yêu cầu thực hiện lại)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
