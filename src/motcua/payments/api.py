"""The public API of online payment (under ``/api/public/payments/``): an application (the
province's mobile app, the national portal's) starts the payment of a dossier it can prove
access to, and sends its user to the platform's page it gets back. The result comes back the
usual way: the browser to ``/thanh-toan/ket-qua/``, the platform's notification to ``notify/``."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from motcua.dossiers.api import SecretIn, looked_up
from motcua.payments import services
from motcua.payments.selectors import dossier_balance
from motcua.payments.views import _absolute


class PaymentStartIn(SecretIn):
    amount = serializers.IntegerField(
        required=False,
        min_value=1,
        help_text="Số tiền (đồng); mặc định: số còn phải nộp / amount (VND); default: what is due",
    )


class PaymentStartOut(serializers.Serializer):
    order_number = serializers.CharField()
    amount = serializers.IntegerField()
    due = serializers.IntegerField(help_text="còn phải nộp trước khoản này / due before it")
    redirect_url = serializers.URLField(help_text="trang thanh toán / the platform's page")


@extend_schema(tags=["public"])
class PublicPaymentStart(APIView):
    """Bắt đầu thanh toán trực tuyến phí, lệ phí của hồ sơ đang chờ thực hiện nghĩa vụ tài
    chính; trả về địa chỉ trang thanh toán của Nền tảng thanh toán. Bấm lại khi đơn hàng cùng
    số tiền còn chờ thì dùng lại đơn hàng đó."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(request=PaymentStartIn, responses={201: PaymentStartOut})
    def post(self, request, code: str):
        data = PaymentStartIn(data=request.data)
        data.is_valid(raise_exception=True)
        dossier = looked_up(request, code, data.validated_data["secret"])
        due = dossier_balance(dossier).due
        now = timezone.now()
        payment = services.payment_start(
            dossier=dossier, amount=data.validated_data.get("amount"), now=now
        )
        url = services.payment_redirect_url(
            payment=payment,
            return_url=_absolute("payment-return"),
            notify_url=_absolute("payment-notify"),
            now=now,
        )
        out = {
            "order_number": payment.order_number,
            "amount": payment.amount,
            "due": due,
            "redirect_url": url,
        }
        return Response(PaymentStartOut(out).data, status=201)
