"""``motcua province list`` and ``motcua province merge --into H36 --from H12 --from H17 --on
2025-07-01``: the provinces whose agencies this instance holds, and the merger of former
provinces into one (docs/merged-province.md)."""

import argparse
import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count, Q

from motcua.agencies.models import Province, ProvinceUnit
from motcua.agencies.services import province_merge
from motcua.utils.errors import DomainError
from motcua.utils.formatting import vn_number


def _date(text: str) -> dt.date:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(
        f"ngày không hợp lệ: {text!r} (yyyy-mm-dd hoặc dd/mm/yyyy) / invalid date: {text!r}"
    )


class Command(BaseCommand):
    help = (
        "Các tỉnh trong hệ thống và việc sáp nhập tỉnh / "
        "The provinces of this instance and the merger of provinces"
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("list", help="Liệt kê các tỉnh / List the provinces")
        merge = actions.add_parser(
            "merge",
            help="Sáp nhập các tỉnh cũ vào một tỉnh / Merge former provinces into one",
        )
        merge.add_argument("--into", required=True, help="Mã tỉnh sau sáp nhập / Merged province")
        merge.add_argument(
            "--from",
            dest="merged",
            action="append",
            required=True,
            help="Mã tỉnh được sáp nhập (lặp lại) / A province merged in (repeat)",
        )
        merge.add_argument(
            "--on",
            type=_date,
            required=True,
            help="Ngày sáp nhập có hiệu lực / Day the merger takes effect (2025-07-01)",
        )

    def handle(self, *args, action: str, **options):
        if action == "merge":
            self._merge(options["into"], options["merged"], options["on"])
        self._list()

    def _merge(self, into: str, merged: list[str], on: dt.date) -> None:
        try:
            result = province_merge(into=into, merged=merged, on=on)
        except DomainError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã sáp nhập {', '.join(u.name for u in result.merged)} vào {result.into.name} "
                f"từ ngày {on:%d/%m/%Y}: {vn_number(len(result.successors))} đơn vị ngừng hoạt "
                f"động, có đơn vị kế thừa / merged {', '.join(u.code for u in result.merged)} "
                f"into {result.into.code} on {on.isoformat()}: {len(result.successors)} "
                "agencies deactivated with a successor"
            )
        )

    def _list(self) -> None:
        instance = Province.objects.filter(pk=1).first()
        if instance is not None and instance.code:
            self.stdout.write(f"Tỉnh của hệ thống / instance: {instance.name} ({instance.code})")
        units = (
            ProvinceUnit.objects.select_related("merged_into")
            .annotate(
                agencies_total=Count("agencies"),
                agencies_active=Count("agencies", filter=Q(agencies__is_active=True)),
            )
            .order_by("code")
        )
        for unit in units:
            line = (
                f"  {unit.code}  {unit.name}: {vn_number(unit.agencies_total)} đơn vị / "
                f"agencies, {vn_number(unit.agencies_active)} đang hoạt động / active"
            )
            if unit.merged_into is not None and unit.merged_on is not None:
                line += (
                    f"; sáp nhập vào / merged into {unit.merged_into.code} "
                    f"{unit.merged_on:%d/%m/%Y}"
                )
            self.stdout.write(line)
