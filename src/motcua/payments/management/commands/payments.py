"""``motcua payments reconcile FILE [--date YYYY-MM-DD]``: compare the gateway's settlement file
(CSV, docs/payments.md) with our payments and list every difference; exit 0 when there is none,
1 when there are, 2 when the file cannot be read (nothing is changed in any case).

``motcua payments settlement PATH [--date YYYY-MM-DD]``: download the settlement file of a day
(default: yesterday) from the platform into PATH, for the daily reconciliation
(docs/operations.md); exit 2 when the platform does not give it."""

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from motcua.integrations.payment import (
    SettlementMalformed,
    SettlementUnavailable,
    parse_settlement,
    payment_gateway,
)
from motcua.payments.reconcile import settlement_reconcile


class Command(BaseCommand):
    help = "Thanh toán trực tuyến: đối soát / online payments: reconciliation"

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="subcommand", required=True)
        reconcile = commands.add_parser(
            "reconcile", help="đối soát với tệp của cổng thanh toán / reconcile a settlement file"
        )
        reconcile.add_argument("file")
        reconcile.add_argument(
            "--date", help="the day to reconcile (YYYY-MM-DD); default: the file's days"
        )
        settlement = commands.add_parser(
            "settlement",
            help="tải tệp đối soát của một ngày / download the settlement file of a day",
        )
        settlement.add_argument("file")
        settlement.add_argument("--date", help="the day (YYYY-MM-DD); default: yesterday")

    def handle(self, *args, subcommand: str, file: str, date: str | None = None, **options):
        if subcommand == "settlement":
            return self._download(file, date)
        try:
            lines = parse_settlement(Path(file).read_bytes())
        except OSError as exc:
            raise CommandError(
                f"Không đọc được tệp {file} / cannot read {file}: {exc.strerror}", returncode=2
            ) from exc
        except SettlementMalformed as exc:
            raise CommandError(str(exc), returncode=2) from exc
        if date:
            days = {_day(date)}
        else:
            days = {line.settlement_date for line in lines}
            if not days:
                raise CommandError(
                    "Tệp đối soát không có giao dịch nào: hãy chỉ rõ --date / the settlement "
                    "file is empty: give --date",
                    returncode=2,
                )
        result = settlement_reconcile(lines, days=days)
        for difference in result.differences:
            self.stdout.write(difference.line())
        self.stdout.write(result.summary())
        self.stdout.flush()
        if result.differences:
            sys.exit(1)

    def _download(self, file: str, date: str | None) -> None:
        gateway = payment_gateway()
        if gateway is None:
            raise CommandError(
                "Chưa cấu hình cổng thanh toán (MOTCUA_PAYMENT_URL) / no payment platform is "
                "configured (MOTCUA_PAYMENT_URL)",
                returncode=2,
            )
        day = _day(date) if date else timezone.localdate() - dt.timedelta(days=1)
        try:
            data = gateway.settlement_download(day=day)
        except (SettlementUnavailable, SettlementMalformed) as exc:
            raise CommandError(str(exc), returncode=2) from exc
        target = Path(file)
        # Written beside the target then renamed: a reader never sees half a file.
        handle, partial = tempfile.mkstemp(dir=target.parent or ".", prefix=".settlement-")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(partial, target)
        lines = len(parse_settlement(data))
        self.stdout.write(
            f"Đã tải tệp đối soát ngày {day:%d/%m/%Y}: {lines} giao dịch → {target} / "
            f"settlement file of {day:%d/%m/%Y} downloaded: {lines} transactions → {target}"
        )


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            f"Ngày không hợp lệ: {text} (YYYY-MM-DD) / not a date: {text}", returncode=2
        ) from None
