"""``motcua payments reconcile``: the settlement file downloaded from the fake platform against
our records."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from motcua.integrations.payment import payment_gateway
from motcua.payments.models import Payment
from motcua.payments.tests.conftest import awaiting_payment, control, request

pytestmark = pytest.mark.django_db(transaction=True)


def _settlement(day: dt.date) -> str:
    status, _headers, body = request("GET", payment_gateway().settlement_url(day=day))
    assert status == 200, body
    return body


def _reconcile(path, *args) -> tuple[int, str]:
    from io import StringIO

    out = StringIO()
    try:
        call_command("payments", "reconcile", str(path), *args, stdout=out)
    except SystemExit as exit:
        return int(exit.code), out.getvalue()
    return 0, out.getvalue()


def test_reconcile_one_missing_and_one_extra(journey, tmp_path):
    journey.gateway(journey.start(amount=500_000), "pay")
    journey.gateway(journey.start(), "pay")
    today = timezone.localdate()
    clean = tmp_path / "clean.csv"
    clean.write_text(_settlement(today), encoding="utf-8")
    code, out = _reconcile(clean)
    assert code == 0, out
    assert "2 giao dịch trong tệp, 2 trong hệ thống, 0 chênh lệch" in out

    first, second = Payment.objects.order_by("id")
    control(
        journey.pay,
        "/_control/settlement",
        drop=[first.order_number],
        add=[{"order_id": "TT000000UNKNOWN", "amount": 300000}],
    )
    differing = tmp_path / "settlement.csv"
    differing.write_text(_settlement(today), encoding="utf-8")
    code, out = _reconcile(differing, "--date", today.isoformat())
    assert code == 1
    lines = out.strip().splitlines()
    assert len(lines) == 3
    assert any(
        "missing in our records" in line and "TT000000UNKNOWN" in line and "300.000 đ" in line
        for line in lines
    )
    assert any(
        "missing in the settlement file" in line and first.order_number in line for line in lines
    )
    assert "2 giao dịch trong tệp, 2 trong hệ thống, 2 chênh lệch" in lines[-1]
    assert second.order_number not in out


def test_reconcile_amount_and_status_mismatch(fakepay, tmp_path):
    dossier = awaiting_payment()
    now = timezone.now()
    paid = Payment.objects.create(
        dossier=dossier, order_number="TTA", amount=100_000, created_at=now, status="paid",
        paid_at=now, gateway_transaction_id="GD1",
    )  # fmt: skip
    Payment.objects.create(dossier=dossier, order_number="TTB", amount=200_000, created_at=now)
    stamp = timezone.localtime(now).strftime("%Y%m%d%H%M%S")
    day = timezone.localdate(now).isoformat()
    path = tmp_path / "s.csv"
    path.write_text(
        "settlement_date,merchant_code,transaction_id,order_id,amount,status,paid_at\n"
        f"{day},m,GD1,TTA,110000,paid,{stamp}\n"
        f"{day},m,GD2,TTB,200000,paid,{stamp}\n",
        encoding="utf-8",
    )
    code, out = _reconcile(path)
    assert code == 1
    assert f"amount mismatch: {paid.order_number}" in out
    assert "status mismatch: TTB" in out
    assert Payment.objects.get(order_number="TTB").status == "pending"  # nothing changed


@pytest.mark.parametrize(
    "content, message",
    [
        (b"order,amount\nTT1,100\n", "tiêu đề"),
        (
            b"settlement_date,merchant_code,transaction_id,order_id,amount,status,paid_at\n"
            b"2024-12-14,m,GD1,TT1,mot tram,paid,20241214093000\n",
            "line 2: amount is not a number",
        ),
        (
            b"settlement_date,merchant_code,transaction_id,order_id,amount,status,paid_at\n"
            b"2024-12-14,m,GD1,TT1\n",
            "dòng 2",
        ),
        (b"\xff\xfe\x00bad", "UTF-8"),
    ],
)
def test_malformed_settlement_file(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(CommandError) as raised:
        call_command("payments", "reconcile", str(path))
    assert raised.value.returncode == 2
    assert message in str(raised.value) and " / " in str(raised.value)


def test_missing_file(tmp_path):
    with pytest.raises(CommandError) as raised:
        call_command("payments", "reconcile", str(tmp_path / "none.csv"))
    assert raised.value.returncode == 2


def test_settlement_downloaded_from_the_platform_then_reconciled(journey, tmp_path):
    from io import StringIO

    journey.gateway(journey.start(), "pay")
    today = timezone.localdate()
    target = tmp_path / "settlement.csv"
    out = StringIO()
    call_command("payments", "settlement", str(target), "--date", today.isoformat(), stdout=out)
    assert "1 giao dịch" in out.getvalue() and target.read_text(encoding="utf-8").count("\n") == 2
    code, report = _reconcile(target)
    assert code == 0 and "1 giao dịch trong tệp, 1 trong hệ thống, 0 chênh lệch" in report


def test_settlement_download_refused_by_the_platform(journey, tmp_path, settings):
    settings.MOTCUA_PAYMENT_SECRET = "not-the-platform-secret"  # the signed query is refused
    target = tmp_path / "settlement.csv"
    with pytest.raises(CommandError) as refused:
        call_command("payments", "settlement", str(target), "--date", "2026-12-01")
    assert refused.value.returncode == 2 and "settlement file" in str(refused.value)
    assert not target.exists()
