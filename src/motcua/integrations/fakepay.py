"""A fake national payment platform for tests and the demo (``motcua fakepay --port P``): the
redirect flow of ``integrations/payment.py`` (docs/payments.md) over HTTP, in memory.

- ``GET /pay?...`` (signed by the merchant) shows the payment page: the order, the amount and
  two buttons, "Thanh toán" and "Hủy giao dịch"; a bad signature or merchant is a 400 page.
- ``POST /pay/complete`` (``order_id``, ``action`` = ``pay`` | ``cancel``) records the result,
  sends the notification (``POST notify_url``, form-encoded, signed) as the mode says, and
  redirects (303) the browser to ``return_url`` with the same signed parameters.
- ``GET /settlement?merchant_code=M&date=YYYY-MM-DD&signature=S`` answers the CSV of the
  transactions paid that day (Vietnam time).
- Test controls (JSON in, JSON out):
  ``POST /_control`` ``{"notify": "before"|"after"|"late"|"none", "duplicate": bool,
  "tamper": "none"|"signature"|"amount", "delay_ms": 300}``: the notification is sent before
  the browser is redirected (the default), in a thread ``delay_ms`` after it, only when asked
  (``late``) or never; twice when ``duplicate``; with a forged signature or a wrong (signed)
  amount when ``tamper`` says so. ``POST /_control/notify`` ``{"order_id": ..., "tamper": ...,
  "times": 1}`` sends the notification of a completed order now and answers the merchant's
  answers. ``POST /_control/settlement`` ``{"drop": [order_id, ...], "add": [{"order_id": ...,
  "amount": ..., "paid_at": "YYYYmmddHHMMSS"}]}`` changes what the settlement file lists.
  ``GET /_control`` answers the mode, the orders and the notifications sent.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import secrets
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit
from zoneinfo import ZoneInfo

from motcua.integrations.payment import (
    CODE_CANCELLED,
    CODE_PAID,
    SETTLEMENT_COLUMNS,
    TIME_FORMAT,
    sign,
    signature_valid,
)

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NOTIFY_MODES = ("before", "after", "late", "none")
TAMPERS = ("none", "signature", "amount")


@dataclass
class Order:
    params: dict[str, str]
    response_code: str = ""
    transaction_id: str = ""
    paid_at: str = ""

    @property
    def order_id(self) -> str:
        return self.params["order_id"]


@dataclass
class Sent:
    order_id: str
    tamper: str
    status: int
    answer: Any


@dataclass
class _Settlement:
    drop: set[str] = field(default_factory=set)
    add: list[dict[str, str]] = field(default_factory=list)


def vnd(amount: int) -> str:
    """1250000 → ``1.250.000 đ``."""
    return f"{amount:,}".replace(",", ".") + " đ"


class FakePay:
    """The fake platform on ``host:port`` (port 0: any free port), run in a thread by
    ``start()`` (or as a context manager); ``url`` is its address."""

    def __init__(
        self, *, secret: str, merchant: str, host: str = "127.0.0.1", port: int = 0
    ) -> None:
        self.secret, self.merchant = secret, merchant
        self.lock = threading.Lock()
        self.orders: dict[str, Order] = {}
        self.sent: list[Sent] = []
        self.notify_mode, self.duplicate, self.tamper, self.delay_ms = "before", False, "none", 300
        self.settlement = _Settlement()
        self.server = ThreadingHTTPServer((host, port), _handler(self))
        self.server.daemon_threads = True
        self.thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakePay:
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> FakePay:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # ---- behaviour ------------------------------------------------------------------------

    def control(
        self,
        *,
        notify: str | None = None,
        duplicate: bool | None = None,
        tamper: str | None = None,
        delay_ms: int | None = None,
    ) -> None:
        if notify is not None and notify not in NOTIFY_MODES:
            raise ValueError(f"notify must be one of {NOTIFY_MODES}")
        if tamper is not None and tamper not in TAMPERS:
            raise ValueError(f"tamper must be one of {TAMPERS}")
        with self.lock:
            self.notify_mode = notify or self.notify_mode
            self.duplicate = self.duplicate if duplicate is None else bool(duplicate)
            self.tamper = tamper or self.tamper
            self.delay_ms = self.delay_ms if delay_ms is None else int(delay_ms)

    def state(self) -> dict[str, Any]:
        with self.lock:
            return {
                "notify": self.notify_mode,
                "duplicate": self.duplicate,
                "tamper": self.tamper,
                "orders": {
                    key: {"response_code": o.response_code, "transaction_id": o.transaction_id}
                    for key, o in self.orders.items()
                },
                "sent": [
                    {"order_id": s.order_id, "tamper": s.tamper, "status": s.status,
                     "answer": s.answer}
                    for s in self.sent
                ],
            }  # fmt: skip

    def accept(self, params: dict[str, str]) -> str | None:
        """Store an order asked for by the merchant; why it is refused otherwise."""
        if not signature_valid(params, self.secret):
            return "Chữ ký không hợp lệ"
        if params.get("merchant_code") != self.merchant:
            return "Mã đơn vị không đúng"
        if not params.get("order_id") or not params.get("amount", "").isdigit():
            return "Thiếu mã đơn hàng hoặc số tiền"
        for key in ("return_url", "notify_url"):
            if urlsplit(params.get(key, "")).scheme not in ("http", "https"):
                return f"Thiếu {key}"
        with self.lock:
            known = self.orders.get(params["order_id"])
            if known is None or not known.response_code:
                self.orders[params["order_id"]] = Order(params=dict(params))
        return None

    def complete(self, order_id: str, action: str) -> Order | None:
        with self.lock:
            order = self.orders.get(order_id)
            if order is None:
                return None
            if not order.response_code:
                if action == "pay":
                    order.response_code = CODE_PAID
                    order.transaction_id = f"GD{secrets.token_hex(6).upper()}"
                    order.paid_at = dt.datetime.now(VN).strftime(TIME_FORMAT)
                else:
                    order.response_code = CODE_CANCELLED
            return order

    def result(self, order: Order, tamper: str = "none") -> dict[str, str]:
        """The signed parameters of the order's result (forged or with a wrong amount when
        ``tamper`` says so)."""
        amount = int(order.params["amount"])
        params = {
            "version": order.params.get("version", "1"),
            "merchant_code": self.merchant,
            "order_id": order.order_id,
            "amount": str(amount + 1000 if tamper == "amount" else amount),
            "response_code": order.response_code,
            "transaction_id": order.transaction_id,
            "paid_at": order.paid_at,
        }
        signed = sign(params, self.secret)
        if tamper == "signature":
            signed["signature"] = sign(params, "forged-" + self.secret)["signature"]
        return signed

    def notify(self, order_id: str, *, tamper: str | None = None, times: int = 1) -> list[Sent]:
        """POST the notification of ``order_id`` to its ``notify_url`` ``times`` times."""
        with self.lock:
            order = self.orders.get(order_id)
            tamper = tamper or self.tamper
        if order is None or not order.response_code:
            raise ValueError(f"no completed order {order_id!r}")
        sent = []
        body = urlencode(self.result(order, tamper)).encode()
        for _ in range(times):
            request = urllib.request.Request(
                order.params["notify_url"],
                data=body,
                headers={"Content-Type": "application/x-www-form-urlencoded"},
                method="POST",
            )
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    status, text = response.status, response.read().decode()
            except urllib.error.HTTPError as exc:
                status, text = exc.code, exc.read().decode(errors="replace")
            except OSError as exc:
                status, text = 0, str(exc)
            try:
                answer: Any = json.loads(text)
            except ValueError:
                answer = text[:200]
            one = Sent(order_id=order_id, tamper=tamper, status=status, answer=answer)
            sent.append(one)
            with self.lock:
                self.sent.append(one)
        return sent

    def after_completion(self, order: Order) -> None:
        """The notification as the mode says, before the browser's redirect is answered."""
        with self.lock:
            mode, duplicate, delay = self.notify_mode, self.duplicate, self.delay_ms / 1000
        times = 2 if duplicate else 1
        if mode == "before":
            self.notify(order.order_id, times=times)
        elif mode == "after":

            def later() -> None:
                time.sleep(delay)
                self.notify(order.order_id, times=times)

            threading.Thread(target=later, daemon=True).start()

    def control_settlement(self, *, drop: list[str] | None, add: list[dict[str, Any]] | None):
        with self.lock:
            self.settlement.drop.update(drop or [])
            for extra in add or []:
                self.settlement.add.append(
                    {
                        "order_id": str(extra["order_id"]),
                        "amount": str(int(extra["amount"])),
                        "paid_at": str(
                            extra.get("paid_at") or dt.datetime.now(VN).strftime(TIME_FORMAT)
                        ),
                        "transaction_id": str(
                            extra.get("transaction_id") or f"GD{secrets.token_hex(6).upper()}"
                        ),
                    }
                )

    def settlement_csv(self, day: dt.date) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(SETTLEMENT_COLUMNS)
        with self.lock:
            rows = [
                {
                    "order_id": o.order_id,
                    "amount": o.params["amount"],
                    "paid_at": o.paid_at,
                    "transaction_id": o.transaction_id,
                }
                for o in self.orders.values()
                if o.response_code == CODE_PAID and o.order_id not in self.settlement.drop
            ] + list(self.settlement.add)
        for row in rows:
            if dt.datetime.strptime(row["paid_at"], TIME_FORMAT).date() != day:
                continue
            writer.writerow(
                [day.isoformat(), self.merchant, row["transaction_id"], row["order_id"],
                 row["amount"], "paid", row["paid_at"]]
            )  # fmt: skip
        return out.getvalue()


PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Nền tảng thanh toán (giả lập)</title>
<style>body{{font-family:sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}}
.amount{{font-size:2rem;font-weight:bold}}button{{font-size:1.1rem;padding:.7rem 1.2rem;
margin:.3rem 0;width:100%}}</style></head>
<body><h1>Thanh toán trực tuyến</h1>
<p>Nền tảng thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia (giả lập)</p>
<dl><dt>Đơn hàng</dt><dd id="order">{order}</dd><dt>Nội dung</dt><dd>{info}</dd></dl>
<p class="amount" id="amount">{amount}</p>
<form method="post" action="/pay/complete">
<input type="hidden" name="order_id" value="{order}">
<button name="action" value="pay">Thanh toán</button>
<button name="action" value="cancel">Hủy giao dịch</button>
</form></body></html>"""


def _handler(pay: FakePay) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            return

        def _send(self, status: int, body: str, content_type: str, **headers: str) -> None:
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", f"{content_type}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.end_headers()
            self.wfile.write(data)

        def _json(self, status: int, body: Any) -> None:
            self._send(status, json.dumps(body, ensure_ascii=False), "application/json")

        def _page(self, status: int, text: str) -> None:
            body = f'<!doctype html><html lang="vi"><meta charset="utf-8"><p>{html.escape(text)}'
            self._send(status, body, "text/html")

        def _body(self) -> bytes:
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = dict(parse_qsl(parts.query, keep_blank_values=True))
            if parts.path == "/pay":
                refused = pay.accept(query)
                if refused:
                    self._page(400, refused)
                    return
                page = PAGE.format(
                    order=html.escape(query["order_id"]),
                    info=html.escape(query.get("order_info", "")),
                    amount=vnd(int(query["amount"])),
                )
                self._send(200, page, "text/html")
            elif parts.path == "/settlement":
                if not signature_valid(query, pay.secret) or query.get("merchant_code") != (
                    pay.merchant
                ):
                    self._page(403, "Chữ ký không hợp lệ")
                    return
                try:
                    day = dt.date.fromisoformat(query.get("date", ""))
                except ValueError:
                    self._page(400, "Ngày không hợp lệ")
                    return
                self._send(200, pay.settlement_csv(day), "text/csv")
            elif parts.path == "/_control":
                self._json(200, pay.state())
            else:
                self._page(404, "Không tìm thấy")

        def do_POST(self) -> None:
            body = self._body()
            path = urlsplit(self.path).path
            if path == "/pay/complete":
                form = dict(parse_qsl(body.decode(errors="replace")))
                order = pay.complete(form.get("order_id", ""), form.get("action", ""))
                if order is None:
                    self._page(404, "Không có đơn hàng")
                    return
                pay.after_completion(order)
                target = order.params["return_url"]
                joiner = "&" if "?" in target else "?"
                location = f"{target}{joiner}{urlencode(pay.result(order))}"
                self._send(303, "", "text/plain", Location=location)
                return
            try:
                options = json.loads(body or b"{}")
                if not isinstance(options, dict):
                    raise ValueError("a JSON object is expected")
                if path == "/_control":
                    pay.control(
                        notify=options.get("notify"),
                        duplicate=options.get("duplicate"),
                        tamper=options.get("tamper"),
                        delay_ms=options.get("delay_ms"),
                    )
                    self._json(200, pay.state())
                elif path == "/_control/notify":
                    sent = pay.notify(
                        str(options.get("order_id", "")),
                        tamper=options.get("tamper"),
                        times=int(options.get("times", 1)),
                    )
                    self._json(200, [{"status": s.status, "answer": s.answer} for s in sent])
                elif path == "/_control/settlement":
                    pay.control_settlement(drop=options.get("drop"), add=options.get("add"))
                    self._json(200, {"ok": True})
                else:
                    self._json(404, {"error": "not found"})
            except (TypeError, ValueError, KeyError) as exc:
                self._json(400, {"error": str(exc)})

    return Handler
