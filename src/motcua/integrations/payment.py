"""Online payment of fees through a payment gateway, behind one small interface
(``PaymentGateway``), with one implementation: the redirect flow of the national payment platform
(Nền tảng thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia). The wire protocol is written
down in ``docs/payments.md``; ``motcua fakepay`` (``integrations/fakepay.py``) speaks it too.

- The applicant's browser is sent to ``{MOTCUA_PAYMENT_URL}/pay?...`` with the order's
  parameters, signed with HMAC-SHA256 (hex) over ``key=value`` pairs sorted by key and joined
  with ``&`` (raw UTF-8 values, empty values and ``signature`` left out), keyed with the shared
  secret ``MOTCUA_PAYMENT_SECRET``.
- The gateway sends the browser back to the return URL with the result, signed the same way,
  and POSTs the same parameters (form-encoded) to the notification URL, server to server.
- Both are verified here, in constant time: the signature, the merchant, the order number
  known and the amount equal to the order's. A refusal says why (``PaymentRefused``).
- The settlement file of a day (CSV) is parsed here too (``parse_settlement``).

Nothing here knows the database: the caller passes ``order_amount`` to look an order up.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import hmac
import io
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlencode, urlsplit

from django.conf import settings

logger = logging.getLogger(__name__)

PROTOCOL_VERSION = "1"
TIME_FORMAT = "%Y%m%d%H%M%S"  # local time (Asia/Ho_Chi_Minh)

# The result codes of a return or notification (``response_code``).
CODE_PAID = "00"
CODE_CANCELLED = "24"
CODE_FAILED = "51"

# The answers to a notification (``RspCode`` of the JSON answer).
ANSWER_OK = "00"
ANSWER_UNKNOWN_ORDER = "01"
ANSWER_ALREADY_CONFIRMED = "02"
ANSWER_WRONG_MERCHANT = "03"
ANSWER_WRONG_AMOUNT = "04"
ANSWER_BAD_SIGNATURE = "97"
ANSWER_MALFORMED = "99"

# The columns of a settlement file, in this order.
SETTLEMENT_COLUMNS = (
    "settlement_date",
    "merchant_code",
    "transaction_id",
    "order_id",
    "amount",
    "status",
    "paid_at",
)
SETTLEMENT_STATUSES = ("paid", "refunded")


class PaymentRefused(Exception):
    """A return or notification that must not be believed: ``answer`` is the protocol's code,
    ``reason`` says why (logged with the notification)."""

    def __init__(self, answer: str, reason: str):
        super().__init__(reason)
        self.answer, self.reason = answer, reason


class SettlementMalformed(ValueError):
    """The settlement file is not what the protocol describes (bilingual message)."""


class SettlementUnavailable(RuntimeError):
    """The platform did not give the settlement file (bilingual message)."""


@dataclass(frozen=True)
class GatewayResult:
    """A verified return or notification."""

    order_id: str
    amount: int
    response_code: str
    transaction_id: str
    paid_at: dt.datetime | None

    @property
    def paid(self) -> bool:
        return self.response_code == CODE_PAID

    @property
    def cancelled(self) -> bool:
        return self.response_code == CODE_CANCELLED


@dataclass(frozen=True)
class SettlementLine:
    settlement_date: dt.date
    merchant_code: str
    transaction_id: str
    order_id: str
    amount: int
    status: str
    paid_at: dt.datetime


class PaymentGateway(Protocol):
    @property
    def origin(self) -> str:
        """``scheme://host[:port]`` of the pages the applicant is sent to (for the pages'
        Content-Security-Policy)."""

    def redirect_url(
        self,
        *,
        order_id: str,
        amount: int,
        description: str,
        return_url: str,
        notify_url: str,
        now: dt.datetime,
    ) -> str:
        """Where to send the applicant's browser to pay the order."""

    def verify_return(
        self, params: Mapping[str, str], *, order_amount: Callable[[str], int | None]
    ) -> GatewayResult:
        """The result the browser brought back, or ``PaymentRefused``."""

    def verify_notification(
        self, params: Mapping[str, str], *, order_amount: Callable[[str], int | None]
    ) -> GatewayResult:
        """The result the gateway notified server to server, or ``PaymentRefused``."""

    def parse_settlement(self, data: bytes) -> list[SettlementLine]:
        """The lines of a settlement file, or ``SettlementMalformed``."""


def signature(params: Mapping[str, str], secret: str) -> str:
    """HMAC-SHA256 (lowercase hex) of the sorted non-empty parameters but ``signature``."""
    message = "&".join(
        f"{key}={params[key]}" for key in sorted(params) if key != "signature" and params[key] != ""
    )
    return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()


def sign(params: Mapping[str, str], secret: str) -> dict[str, str]:
    """``params`` with their ``signature``."""
    clean = {key: str(value) for key, value in params.items() if key != "signature"}
    return {**clean, "signature": signature(clean, secret)}


def signature_valid(params: Mapping[str, str], secret: str) -> bool:
    given = params.get("signature", "")
    return hmac.compare_digest(given.encode(), signature(params, secret).encode())


def local_time(value: str) -> dt.datetime:
    from django.utils import timezone

    naive = dt.datetime.strptime(value, TIME_FORMAT)
    return timezone.make_aware(naive, timezone.get_default_timezone())


def format_time(value: dt.datetime) -> str:
    from django.utils import timezone

    return timezone.localtime(value).strftime(TIME_FORMAT)


@dataclass(frozen=True)
class NationalPaymentGateway:
    """The national payment platform's redirect flow (docs/payments.md)."""

    url: str
    merchant: str
    secret: str

    @property
    def origin(self) -> str:
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"

    def redirect_url(
        self,
        *,
        order_id: str,
        amount: int,
        description: str,
        return_url: str,
        notify_url: str,
        now: dt.datetime,
    ) -> str:
        params = sign(
            {
                "version": PROTOCOL_VERSION,
                "merchant_code": self.merchant,
                "order_id": order_id,
                "amount": str(int(amount)),
                "currency": "VND",
                "order_info": description,
                "return_url": return_url,
                "notify_url": notify_url,
                "created_at": format_time(now),
                "locale": "vi",
            },
            self.secret,
        )
        return f"{self.url.rstrip('/')}/pay?{urlencode(params)}"

    def _verify(
        self, params: Mapping[str, str], order_amount: Callable[[str], int | None]
    ) -> GatewayResult:
        params = {key: str(value) for key, value in params.items()}
        if not params.get("signature"):
            raise PaymentRefused(ANSWER_BAD_SIGNATURE, "thiếu chữ ký / no signature")
        if not signature_valid(params, self.secret):
            raise PaymentRefused(ANSWER_BAD_SIGNATURE, "chữ ký sai / bad signature")
        if not hmac.compare_digest(
            params.get("merchant_code", "").encode(), self.merchant.encode()
        ):
            raise PaymentRefused(ANSWER_WRONG_MERCHANT, "sai mã đơn vị / wrong merchant")
        order_id = params.get("order_id", "")
        expected = order_amount(order_id) if order_id else None
        if expected is None:
            raise PaymentRefused(ANSWER_UNKNOWN_ORDER, "không có đơn hàng / unknown order")
        amount_text = params.get("amount", "")
        if not amount_text.isdigit():
            raise PaymentRefused(ANSWER_MALFORMED, "số tiền không hợp lệ / amount not a number")
        if int(amount_text) != expected:
            logger.warning(
                "payment %s: amount %s refused, the order is %s", order_id, amount_text, expected
            )
            raise PaymentRefused(
                ANSWER_WRONG_AMOUNT,
                f"sai số tiền: {amount_text} ≠ {expected} / amount mismatch",
            )
        code = params.get("response_code", "")
        if not code:
            raise PaymentRefused(ANSWER_MALFORMED, "thiếu mã kết quả / no response_code")
        paid_at = None
        if code == CODE_PAID:
            try:
                paid_at = local_time(params.get("paid_at", ""))
            except ValueError:
                raise PaymentRefused(
                    ANSWER_MALFORMED, "thời điểm thanh toán sai / bad paid_at"
                ) from None
            if not params.get("transaction_id"):
                raise PaymentRefused(ANSWER_MALFORMED, "thiếu mã giao dịch / no transaction_id")
        return GatewayResult(
            order_id=order_id,
            amount=int(amount_text),
            response_code=code,
            transaction_id=params.get("transaction_id", ""),
            paid_at=paid_at,
        )

    def verify_return(
        self, params: Mapping[str, str], *, order_amount: Callable[[str], int | None]
    ) -> GatewayResult:
        return self._verify(params, order_amount)

    def verify_notification(
        self, params: Mapping[str, str], *, order_amount: Callable[[str], int | None]
    ) -> GatewayResult:
        return self._verify(params, order_amount)

    def settlement_url(self, *, day: dt.date) -> str:
        """Where the settlement file of ``day`` is downloaded (signed query)."""
        params = sign({"merchant_code": self.merchant, "date": day.isoformat()}, self.secret)
        return f"{self.url.rstrip('/')}/settlement?{urlencode(params)}"

    def parse_settlement(self, data: bytes) -> list[SettlementLine]:
        return parse_settlement(data)

    def settlement_download(self, *, day: dt.date, timeout: float = 30) -> bytes:
        """The settlement file of ``day``, as the platform gives it (checked by
        ``parse_settlement`` before anyone relies on it)."""
        import requests

        try:
            response = requests.get(self.settlement_url(day=day), timeout=timeout)
        except requests.RequestException as exc:
            raise SettlementUnavailable(
                f"Không kết nối được cổng thanh toán / the payment platform is unreachable: {exc}"
            ) from exc
        if response.status_code != 200:
            raise SettlementUnavailable(
                f"Cổng thanh toán trả lời {response.status_code} khi tải tệp đối soát / the "
                f"payment platform answered {response.status_code} for the settlement file"
            )
        parse_settlement(response.content)
        return response.content


def _malformed(line: int, vi: str, en: str) -> SettlementMalformed:
    return SettlementMalformed(f"Tệp đối soát sai ở dòng {line}: {vi} / line {line}: {en}")


def parse_settlement(data: bytes) -> list[SettlementLine]:
    """The lines of a settlement CSV (UTF-8, a header of ``SETTLEMENT_COLUMNS``)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SettlementMalformed(
            "Tệp đối soát không phải UTF-8 / the settlement file is not UTF-8"
        ) from None
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None or tuple(h.strip() for h in header) != SETTLEMENT_COLUMNS:
        raise SettlementMalformed(
            "Tệp đối soát thiếu dòng tiêu đề đúng ("
            + ",".join(SETTLEMENT_COLUMNS)
            + ") / the settlement file lacks the expected header"
        )
    lines = []
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(SETTLEMENT_COLUMNS):
            raise _malformed(
                number,
                f"có {len(row)} cột, cần {len(SETTLEMENT_COLUMNS)}",
                f"{len(row)} columns, {len(SETTLEMENT_COLUMNS)} expected",
            )
        values = dict(zip(SETTLEMENT_COLUMNS, (cell.strip() for cell in row), strict=True))
        try:
            day = dt.date.fromisoformat(values["settlement_date"])
        except ValueError:
            raise _malformed(number, "ngày đối soát sai", "bad settlement_date") from None
        if not values["amount"].isdigit():
            raise _malformed(number, "số tiền không hợp lệ", "amount is not a number")
        if values["status"] not in SETTLEMENT_STATUSES:
            raise _malformed(number, "trạng thái không hợp lệ", "unknown status")
        if not values["order_id"] or not values["transaction_id"]:
            raise _malformed(number, "thiếu mã đơn hàng/giao dịch", "missing order/transaction")
        try:
            paid_at = local_time(values["paid_at"])
        except ValueError:
            raise _malformed(number, "thời điểm thanh toán sai", "bad paid_at") from None
        lines.append(
            SettlementLine(
                settlement_date=day,
                merchant_code=values["merchant_code"],
                transaction_id=values["transaction_id"],
                order_id=values["order_id"],
                amount=int(values["amount"]),
                status=values["status"],
                paid_at=paid_at,
            )
        )
    return lines


def payment_gateway() -> PaymentGateway | None:
    """The configured gateway, or None when online payment is off (``MOTCUA_PAYMENT_URL``
    empty)."""
    if not settings.MOTCUA_PAYMENT_URL:
        return None
    return NationalPaymentGateway(
        url=settings.MOTCUA_PAYMENT_URL,
        merchant=settings.MOTCUA_PAYMENT_MERCHANT,
        secret=settings.MOTCUA_PAYMENT_SECRET,
    )
