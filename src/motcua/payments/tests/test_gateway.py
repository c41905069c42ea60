"""The protocol's signature and checks (integrations/payment.py), against values computed by
hand from docs/payments.md."""

import hashlib
import hmac

import pytest

from motcua.integrations.payment import (
    NationalPaymentGateway,
    PaymentRefused,
    sign,
    signature,
)

GATEWAY = NationalPaymentGateway(url="http://pay.example", merchant="M1", secret="s3cret")


def test_signature_over_the_sorted_non_empty_parameters():
    params = {"order_id": "TT1", "amount": "1250000", "empty": "", "merchant_code": "M1"}
    expected = hmac.new(
        b"s3cret", b"amount=1250000&merchant_code=M1&order_id=TT1", hashlib.sha256
    ).hexdigest()
    assert signature(params, "s3cret") == expected
    assert signature({**params, "signature": "x"}, "s3cret") == expected


def _result(**changes):
    params = {
        "merchant_code": "M1",
        "order_id": "TT1",
        "amount": "1250000",
        "response_code": "00",
        "transaction_id": "GD1",
        "paid_at": "20241214093000",
    }
    params.update(changes)
    return sign(params, "s3cret")


@pytest.mark.parametrize(
    "params, answer",
    [
        ({**_result(), "signature": "0" * 64}, "97"),
        (_result(merchant_code="M2"), "03"),
        (_result(order_id="TT2"), "01"),
        (_result(amount="1250001"), "04"),
        ({k: v for k, v in _result().items() if k != "signature"}, "97"),
    ],
)
def test_refusals(params, answer, settings):
    with pytest.raises(PaymentRefused) as refused:
        GATEWAY.verify_notification(params, order_amount={"TT1": 1_250_000}.get)
    assert refused.value.answer == answer


def test_accepted(settings):
    result = GATEWAY.verify_return(_result(), order_amount={"TT1": 1_250_000}.get)
    assert result.paid and result.amount == 1_250_000 and result.transaction_id == "GD1"
    assert f"{result.paid_at:%d/%m/%Y %H:%M}" == "14/12/2024 09:30"
