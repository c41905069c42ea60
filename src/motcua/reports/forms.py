"""The period picker of the dashboards and of the public page (statistics.md §1)."""

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from motcua.utils.dates import EARLIEST, latest, validate_date_in_range
from motcua.utils.periods import (
    PERIOD_CHOICES,
    Period,
    PeriodError,
    period_from_options,
)

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
PERIOD_LABELS: dict[str, Promise] = {
    "year": _("Cả năm"),
    "h1": _("6 tháng"),
    "9m": _("9 tháng"),
    **{f"q{q}": format_lazy(_("Quý {number}"), number=_ROMAN[q]) for q in range(1, 5)},
    **{f"m{m}": format_lazy(_("Tháng {number}"), number=m) for m in range(1, 13)},
}
DATE_INPUTS = ["%Y-%m-%d", "%d/%m/%Y"]


class PeriodForm(forms.Form):
    """Year with a named period, or (when both are given) an arbitrary from/to. An empty form
    is valid and means the default period."""

    year = forms.IntegerField(label=_("Năm"), min_value=EARLIEST.year, required=False)
    period = forms.ChoiceField(
        label=_("Kỳ báo cáo"),
        choices=[(name, PERIOD_LABELS[name]) for name in PERIOD_CHOICES],
        required=False,
    )
    date_from = forms.DateField(
        label=_("Từ ngày"),
        required=False,
        input_formats=DATE_INPUTS,
        validators=[validate_date_in_range],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label=_("Đến ngày"),
        required=False,
        input_formats=DATE_INPUTS,
        validators=[validate_date_in_range],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, data=None, *, default: Period, **kwargs):
        self.default = default
        super().__init__(data, **kwargs)
        self.fields["year"].validators.append(MaxValueValidator(latest().year))

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if (start is None) != (end is None):
            raise forms.ValidationError(gettext("Cần cả ngày bắt đầu và ngày kết thúc"))
        try:
            if start is not None:
                data["resolved"] = period_from_options(None, None, start, end)
            elif data.get("year") or data.get("period"):
                year = data.get("year") or self.default.end.year
                data["resolved"] = period_from_options(year, data.get("period") or None, None, None)
            else:
                data["resolved"] = self.default
        except PeriodError as error:
            raise forms.ValidationError(str(error)) from None
        return data

    def chosen(self) -> Period:
        """The period asked for, or the default one when the form is empty or wrong."""
        if self.is_valid():
            return self.cleaned_data["resolved"]
        return self.default

    def query(self) -> dict[str, str]:
        """The period as query parameters for links that keep it (from/to or year/period)."""
        period = self.chosen()
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("date_from"):
            return {"date_from": period.start.isoformat(), "date_to": period.end.isoformat()}
        year = data.get("year") or self.default.end.year
        return {"year": str(year), "period": data.get("period") or "year"}
