"""``motcua payments reconcile FILE [--date YYYY-MM-DD]``: compare the gateway's settlement file
(CSV, docs/payments.md) with our payments and list every difference; exit 0 when there is none,
1 when there are, 2 when the file cannot be read (nothing is changed in any case)."""

import datetime as dt
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from motcua.integrations.payment import SettlementMalformed, parse_settlement
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

    def handle(self, *args, subcommand: str, file: str, date: str | None = None, **options):
        try:
            lines = parse_settlement(Path(file).read_bytes())
        except OSError as exc:
            raise CommandError(
                f"Không đọc được tệp {file} / cannot read {file}: {exc.strerror}", returncode=2
            ) from exc
        except SettlementMalformed as exc:
            raise CommandError(str(exc), returncode=2) from exc
        if date:
            try:
                days = {dt.date.fromisoformat(date)}
            except ValueError:
                raise CommandError(
                    f"Ngày không hợp lệ: {date} (YYYY-MM-DD) / not a date: {date}", returncode=2
                ) from None
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
