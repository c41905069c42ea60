"""Forms of the handbook's pages: the public filters and question form, the editors' forms."""

from decimal import Decimal
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Agency, AgencyKind
from motcua.handbook.imports import KINDS
from motcua.handbook.models import (
    Document,
    DocumentKind,
    DocumentLevel,
    IndexKind,
    Question,
    QuestionCategory,
    Target,
)
from motcua.handbook.rules import DONE, DONE_LATE, LATE, ON_TRACK
from motcua.handbook.services import DOCUMENT_FIELDS, TARGET_FIELDS
from motcua.utils.uploads import StoredFileInput
from motcua.web.forms import BilingualErrorsMixin, VnModelChoiceField

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
STATUS_LABELS = {
    DONE: _("Hoàn thành"),
    DONE_LATE: _("Hoàn thành trễ hạn"),
    ON_TRACK: _("Đang thực hiện"),
    LATE: _("Trễ hạn"),
}


def _all(label: str, choices: list) -> list:
    return [("", label), *choices]


class DocumentFilterForm(BilingualErrorsMixin, forms.Form):
    q = forms.CharField(
        label=_("Số, ký hiệu hoặc từ khóa"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    year = forms.TypedChoiceField(label=_("Năm ban hành"), required=False, coerce=int)
    issuer = forms.ChoiceField(label=_("Cơ quan ban hành"), required=False)
    kind = forms.ChoiceField(
        label=_("Loại văn bản"),
        required=False,
        choices=_all(_("Tất cả"), DocumentKind.choices),
    )
    level = forms.ChoiceField(
        label=_("Cấp"), required=False, choices=_all(_("Trung ương và tỉnh"), DocumentLevel.choices)
    )

    def __init__(self, *args: Any, years: list[int], issuers: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = _all(_("Tất cả"), [(y, str(y)) for y in years])
        self.fields["issuer"].choices = _all(_("Tất cả"), [(i, i) for i in issuers])

    def filters(self) -> dict[str, Any]:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "query": data["q"],
            "year": data["year"] or None,
            "issuer": data["issuer"],
            "kind": data["kind"],
            "level": data["level"],
        }


class TargetFilterForm(BilingualErrorsMixin, forms.Form):
    agency = VnModelChoiceField(
        label=_("Cơ quan"), required=False, queryset=Agency.objects.none(), empty_label=_("Tất cả")
    )
    year = forms.TypedChoiceField(label=_("Năm"), required=False, coerce=int)
    phase = forms.ChoiceField(label=_("Giai đoạn"), required=False)
    status = forms.ChoiceField(
        label=_("Tình trạng"),
        required=False,
        choices=_all(_("Tất cả"), list(STATUS_LABELS.items())),
    )

    def __init__(
        self, *args: Any, agencies, years: list[int], phases: list[str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["year"].choices = _all(_("Tất cả"), [(y, str(y)) for y in years])
        self.fields["phase"].choices = _all(_("Tất cả"), [(p, p) for p in phases])

    def filters(self) -> dict[str, Any]:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "agency": data["agency"],
            "year": data["year"] or None,
            "phase": data["phase"],
            "status": data["status"],
        }


class QuestionSearchForm(BilingualErrorsMixin, forms.Form):
    q = forms.CharField(
        label=_("Tìm câu hỏi"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "aria-describedby": "q-help"}),
    )
    category = forms.TypedChoiceField(label=_("Chuyên mục"), required=False, coerce=int)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = _all(
            _("Tất cả"), [(c.pk, c.name) for c in QuestionCategory.objects.all()]
        )


class AskForm(BilingualErrorsMixin, forms.Form):
    category = forms.ModelChoiceField(
        label=_("Chuyên mục"),
        required=False,
        queryset=QuestionCategory.objects.all(),
        empty_label=_("Chưa rõ"),
    )
    title = forms.CharField(label=_("Câu hỏi"), max_length=500)
    body = forms.CharField(
        label=_("Nội dung chi tiết"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    asker_name = forms.CharField(label=_("Họ và tên"), required=False, max_length=255)
    asker_email = forms.EmailField(
        label=_("Thư điện tử (không công khai)"), required=False, max_length=254
    )
    # A field people never see (hidden by the stylesheet, skipped by keyboard and screen
    # readers); whatever fills it in is a robot.
    website = forms.CharField(
        label=_("Trang web (để trống)"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )


class DocumentForm(BilingualErrorsMixin, forms.ModelForm):
    class Meta:
        model = Document
        fields = [*DOCUMENT_FIELDS, "file"]
        widgets = {
            "issued_on": DATE,
            "title": forms.Textarea(attrs={"rows": 3}),
            "summary": forms.Textarea(attrs={"rows": 5}),
            "file": StoredFileInput(
                lambda file: reverse("handbook-document-file", args=[file.instance.pk]),
                attrs={"accept": ".pdf,.docx,.doc"},
            ),
        }

    def changes(self) -> dict[str, Any]:
        upload = self.cleaned_data.get("file")
        return {
            "values": {name: self.cleaned_data[name] for name in DOCUMENT_FIELDS},
            "file": upload if isinstance(upload, UploadedFile) else None,
            "clear_file": upload is False,
        }


class TargetForm(BilingualErrorsMixin, forms.ModelForm):
    agency = VnModelChoiceField(
        label=_("Cơ quan chủ trì"),
        queryset=Agency.objects.filter(
            is_active=True,
            kind__in=[
                AgencyKind.PROVINCE,
                AgencyKind.DEPARTMENT,
                AgencyKind.DISTRICT,
                AgencyKind.COMMUNE,
            ],
        ),
    )

    class Meta:
        model = Target
        fields = list(TARGET_FIELDS)
        widgets = {"deadline": DATE, "title": forms.Textarea(attrs={"rows": 3})}

    def values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in TARGET_FIELDS}


class ProgressForm(BilingualErrorsMixin, forms.Form):
    reported_on = forms.DateField(label=_("Ngày báo cáo"), widget=DATE)
    percent = forms.IntegerField(label=_("Tiến độ (%)"), min_value=0, max_value=100)
    achieved = forms.DecimalField(
        label=_("Kết quả đạt được (số)"), required=False, max_digits=12, decimal_places=2
    )
    note = forms.CharField(
        label=_("Nội dung, minh chứng"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    evidence = forms.FileField(
        label=_("Tệp minh chứng"),
        required=False,
        help_text=_("PDF, DOCX, XLSX hoặc ảnh JPG, PNG."),
    )


class IndexResultForm(BilingualErrorsMixin, forms.Form):
    index = forms.ChoiceField(label=_("Chỉ số"), choices=IndexKind.choices)
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    score = forms.DecimalField(label=_("Điểm"), max_digits=7, decimal_places=2, min_value=0)
    rank = forms.IntegerField(label=_("Xếp hạng"), required=False, min_value=1, max_value=100)
    rank_of = forms.IntegerField(label=_("Trên tổng số tỉnh"), initial=63, min_value=1)
    source = forms.CharField(label=_("Nguồn"), max_length=500)
    components = forms.CharField(
        label=_("Thành phần"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Mỗi dòng một thành phần: tên; điểm; điểm tối đa (nếu có)."),
    )

    def clean_components(self) -> list[tuple[str, Decimal, Decimal | None]]:
        parsed = []
        for number, line in enumerate(self.cleaned_data["components"].splitlines(), start=1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split(";")]
            try:
                if len(parts) not in (2, 3) or not parts[0]:
                    raise ValueError
                score = Decimal(parts[1].replace(",", "."))
                top = Decimal(parts[2].replace(",", ".")) if len(parts) == 3 and parts[2] else None
            except (ValueError, ArithmeticError):
                raise forms.ValidationError(
                    _("Dòng %(line)s: cần ghi “tên; điểm; điểm tối đa”."), params={"line": number}
                ) from None
            parsed.append((parts[0], score, top))
        return parsed


class AgencyIndexForm(BilingualErrorsMixin, forms.Form):
    agency = VnModelChoiceField(
        label=_("Cơ quan, địa phương"),
        queryset=Agency.objects.filter(kind__in=[AgencyKind.DEPARTMENT, AgencyKind.DISTRICT]),
    )
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    score = forms.DecimalField(label=_("Điểm"), max_digits=7, decimal_places=2, min_value=0)


class AnswerForm(BilingualErrorsMixin, forms.Form):
    title = forms.CharField(label=_("Câu hỏi"), max_length=500)
    category = forms.ModelChoiceField(
        label=_("Chuyên mục"), required=False, queryset=QuestionCategory.objects.all()
    )
    new_category = forms.CharField(label=_("Hoặc chuyên mục mới"), required=False, max_length=255)
    answer = forms.CharField(label=_("Trả lời"), widget=forms.Textarea(attrs={"rows": 8}))

    @classmethod
    def for_question(cls, question: Question, data=None) -> "AnswerForm":
        return cls(
            data,
            initial={
                "title": question.title,
                "category": question.category_id,
                "answer": question.answer,
            },
        )


class ImportForm(BilingualErrorsMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Loại dữ liệu"),
        choices=[(name, kind().label) for name, kind in KINDS.items()],
    )
    file = forms.FileField(label=_("Tệp CSV hoặc XLSX"))
