"""API of feedback (PAKN): officers' endpoints under /api/feedback/ (list, detail, one per
action), public ones under /api/public/feedback/ (send, look up, add information, rate, and the
published answers)."""

from __future__ import annotations

from collections.abc import Callable

from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from motcua.accounts.permissions import action_permission
from motcua.agencies.models import Agency
from motcua.audit.services import audit_read
from motcua.feedback import authz, services
from motcua.feedback.access import feedback_access, submission_allowed
from motcua.feedback.models import ClosedReason, Feedback, FeedbackKind
from motcua.feedback.selectors import (
    current_deadline,
    feedback_queue,
    is_overdue,
    masked_contact,
    masked_subject,
    published_feedback,
)
from motcua.feedback.workflow import Action
from motcua.procedures.models import Procedure, ProcedureStatus
from motcua.utils.errors import DomainError
from motcua.utils.ratelimit import client_address

PARSERS = [MultiPartParser, FormParser, JSONParser]
CanWork = action_permission("feedback.work")


# ---- output -----------------------------------------------------------------------------------


class FeedbackListOut(serializers.Serializer):
    code = serializers.CharField()
    subject = serializers.SerializerMethodField(help_text="masked / che thông tin cá nhân")
    kind = serializers.CharField()
    state = serializers.CharField()
    channel = serializers.CharField()
    agency = serializers.CharField(source="agency.code", default=None, allow_null=True)
    procedure = serializers.CharField(source="procedure.code", default=None, allow_null=True)
    submitter = serializers.SerializerMethodField(help_text="masked / che thông tin cá nhân")
    received_at = serializers.DateTimeField()
    due_at = serializers.SerializerMethodField()
    overdue = serializers.SerializerMethodField()
    processed_at = serializers.DateTimeField(allow_null=True)
    published_at = serializers.DateTimeField(allow_null=True)

    def get_subject(self, item) -> str:
        return masked_subject(item)

    def get_submitter(self, item) -> str:
        return masked_contact(item)

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_due_at(self, item) -> str | None:
        due = current_deadline(item)
        return due.isoformat() if due else None

    def get_overdue(self, item) -> bool:
        return is_overdue(item, self.context["now"])


class FeedbackDetailOut(FeedbackListOut):
    subject = serializers.CharField()
    content = serializers.CharField()
    submitter_name = serializers.CharField()
    submitter_phone = serializers.CharField()
    submitter_email = serializers.CharField()
    submitter_address = serializers.CharField()
    info_request = serializers.CharField()
    info_reply = serializers.CharField()
    answer = serializers.CharField()
    return_note = serializers.CharField()
    closed_reason = serializers.CharField()
    duplicate_of = serializers.CharField(source="duplicate_of.code", default=None, allow_null=True)
    public_subject = serializers.CharField()
    public_content = serializers.CharField()
    public_answer = serializers.CharField()
    satisfaction = serializers.CharField()
    allowed_actions = serializers.SerializerMethodField()

    def get_allowed_actions(self, item) -> list[str]:
        return [a.value for a in authz.allowed_actions_for(self.context["user"], item)]


class SenderOut(serializers.Serializer):
    """What the sender sees of their item (after the lookup)."""

    code = serializers.CharField()
    subject = serializers.CharField()
    content = serializers.CharField()
    state = serializers.CharField()
    received_at = serializers.DateTimeField()
    info_request = serializers.CharField()
    answer = serializers.SerializerMethodField()
    published_at = serializers.DateTimeField(allow_null=True)
    satisfaction = serializers.CharField()

    def get_answer(self, item) -> str:
        return item.answer if item.processed_at else ""


class SentOut(SenderOut):
    secret = serializers.CharField(help_text="shown once / chỉ trả về một lần")


class PublishedOut(serializers.Serializer):
    code = serializers.CharField()
    kind = serializers.CharField()
    subject = serializers.CharField(source="public_subject")
    content = serializers.CharField(source="public_content")
    answer = serializers.CharField(source="public_answer")
    agency = serializers.CharField(source="agency.name", default=None, allow_null=True)
    procedure = serializers.CharField(source="procedure.code", default=None, allow_null=True)
    received_at = serializers.DateTimeField()
    published_at = serializers.DateTimeField(allow_null=True)


# ---- input ------------------------------------------------------------------------------------


class FeedbackSendIn(serializers.Serializer):
    subject = serializers.CharField(max_length=services.SUBJECT_MAX)
    content = serializers.CharField(max_length=services.CONTENT_MAX)
    kind = serializers.ChoiceField(choices=FeedbackKind.choices, default=FeedbackKind.REGULATION)
    procedure = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Procedure.objects.filter(status=ProcedureStatus.ACTIVE),
        required=False,
        allow_null=True,
        default=None,
    )
    agency = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Agency.objects.filter(is_active=True),
        required=False,
        allow_null=True,
        default=None,
    )
    submitter_name = serializers.CharField(required=False, allow_blank=True, default="")
    submitter_phone = serializers.CharField(required=False, allow_blank=True, default="")
    submitter_email = serializers.CharField(required=False, allow_blank=True, default="")
    submitter_address = serializers.CharField(required=False, allow_blank=True, default="")
    files = serializers.ListField(child=serializers.FileField(), required=False, default=list)
    website = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="leave empty / để trống"
    )


class FeedbackSecretIn(serializers.Serializer):
    secret = serializers.CharField(max_length=20)


class FeedbackReplyIn(FeedbackSecretIn):
    reply = serializers.CharField(max_length=services.CONTENT_MAX)


class FeedbackRateIn(FeedbackSecretIn):
    satisfied = serializers.BooleanField()


class FeedbackEmpty(serializers.Serializer):
    pass


class FeedbackClassifyIn(serializers.Serializer):
    kind = serializers.ChoiceField(choices=FeedbackKind.choices)


class FeedbackCloseIn(serializers.Serializer):
    reason = serializers.ChoiceField(
        choices=[c for c in ClosedReason.values if c != ClosedReason.DUPLICATE]
    )
    answer = serializers.CharField(required=False, allow_blank=True, default="")


class FeedbackMergeIn(serializers.Serializer):
    into = serializers.SlugRelatedField(
        slug_field="code", queryset=Feedback.objects.filter(imported=False)
    )


class FeedbackRequestInfoIn(serializers.Serializer):
    request = serializers.CharField()


class FeedbackAssignIn(serializers.Serializer):
    agency = serializers.SlugRelatedField(
        slug_field="code", queryset=Agency.objects.filter(is_active=True)
    )


class FeedbackDraftIn(serializers.Serializer):
    answer = serializers.CharField()


class FeedbackReturnIn(serializers.Serializer):
    note = serializers.CharField()


class FeedbackPublishIn(serializers.Serializer):
    public_subject = serializers.CharField()
    public_content = serializers.CharField()
    public_answer = serializers.CharField()


# ---- officers ---------------------------------------------------------------------------------


class FeedbackPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


def _visible(request, code: str) -> Feedback:
    items = authz.visible_feedback(request.user)
    return get_object_or_404(items.select_related("agency", "procedure", "duplicate_of"), code=code)


def _detail(request, item: Feedback) -> dict:
    audit_read(request, action="feedback.read_contact", target=item)
    context = {"now": timezone.now(), "user": request.user}
    return dict(FeedbackDetailOut(item, context=context).data)


@extend_schema(tags=["feedback"])
class FeedbackList(APIView):
    """Hàng đợi phản ánh, kiến nghị: quá hạn trước, rồi theo hạn; thông tin cá nhân được che."""

    permission_classes = [CanWork]
    pagination_class = FeedbackPagination

    @extend_schema(
        parameters=[
            OpenApiParameter("state", str),
            OpenApiParameter("kind", str),
            OpenApiParameter("overdue", bool),
            OpenApiParameter("q", str),
        ],
        responses=FeedbackListOut(many=True),
    )
    def get(self, request):
        now = timezone.now()
        items = feedback_queue(
            authz.visible_feedback(request.user),
            now=now,
            state=request.query_params.get("state", "")[:20],
            kind=request.query_params.get("kind", "")[:20],
            overdue=request.query_params.get("overdue", "") in ("1", "true"),
            query=request.query_params.get("q", "")[:100],
        )
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(items, request, view=self)
        data = FeedbackListOut(page, many=True, context={"now": now}).data
        return paginator.get_paginated_response(data)


@extend_schema(tags=["feedback"])
class FeedbackDetail(APIView):
    """Một phản ánh, kiến nghị với đầy đủ thông tin liên hệ (mỗi lần đọc được ghi nhật ký)."""

    permission_classes = [CanWork]

    @extend_schema(responses=FeedbackDetailOut)
    def get(self, request, code: str):
        return Response(_detail(request, _visible(request, code)))


def _action_view(
    action: Action, serializer: type[serializers.Serializer], run: Callable, doc: str
) -> type[APIView]:
    @extend_schema(
        tags=["feedback"],
        request=serializer,
        responses=FeedbackDetailOut,
        operation_id=f"feedback_{action.value}",
        description=doc,
    )
    def post(self, request, code: str):
        item = _visible(request, code)
        # Who may act is answered before the input is read; the service checks again.
        authz.check(action, actor=request.user, feedback=item)
        data = serializer(data=request.data)
        data.is_valid(raise_exception=True)
        updated = run(actor=request.user, feedback=item, **data.validated_data)
        return Response(_detail(request, updated))

    return type(
        f"Feedback_{action.value}",
        (APIView,),
        {"permission_classes": [CanWork], "parser_classes": PARSERS, "post": post, "__doc__": doc},
    )


S = services
ENDPOINTS: dict[Action, tuple[type[serializers.Serializer], Callable, str]] = {
    Action.CLASSIFY: (FeedbackClassifyIn, S.feedback_classify, "Phân loại (văn phòng UBND tỉnh)"),
    Action.CLOSE: (
        FeedbackCloseIn,
        S.feedback_close,
        "Không phải PAKN: hướng dẫn theo luật và đóng",
    ),
    Action.MERGE: (FeedbackMergeIn, S.feedback_merge, "Gộp vào phản ánh trùng"),
    Action.REQUEST_INFO: (
        FeedbackRequestInfoIn,
        S.feedback_request_info,
        "Yêu cầu bổ sung thông tin",
    ),
    Action.ASSIGN: (FeedbackAssignIn, S.feedback_assign, "Chuyển cơ quan xử lý"),
    Action.DRAFT: (FeedbackDraftIn, S.feedback_draft, "Dự thảo trả lời, trình lãnh đạo"),
    Action.APPROVE: (FeedbackEmpty, S.feedback_approve, "Lãnh đạo duyệt trả lời"),
    Action.RETURN: (FeedbackReturnIn, S.feedback_return, "Lãnh đạo trả lại dự thảo"),
    Action.PUBLISH: (FeedbackPublishIn, S.feedback_publish_answer, "Công khai kết quả (đã che)"),
}
ACTIONS = {action: _action_view(action, *spec) for action, spec in ENDPOINTS.items()}


# ---- public -----------------------------------------------------------------------------------


@extend_schema(tags=["public"])
class PublicSend(APIView):
    """Gửi phản ánh, kiến nghị (không cần tài khoản). Trả về mã và mã bí mật để tra cứu."""

    permission_classes = [AllowAny]
    authentication_classes: list = []
    parser_classes = PARSERS

    @extend_schema(request=FeedbackSendIn, responses={201: SentOut})
    def post(self, request):
        data = FeedbackSendIn(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        if v["website"]:
            raise DomainError(
                "Không gửi được phản ánh.", "The feedback was refused.", "rejected", 400
            )
        submission_allowed(client=client_address(request))
        sent = services.feedback_submit(
            subject=v["subject"],
            content=v["content"],
            kind=v["kind"],
            procedure=v["procedure"],
            agency=v["agency"],
            contact=services.Contact(
                name=v["submitter_name"],
                phone=v["submitter_phone"],
                email=v["submitter_email"],
                address=v["submitter_address"],
            ),
            attachments=v["files"],
        )
        out = {**SenderOut(sent.feedback).data, "secret": sent.secret}
        return Response(out, status=status.HTTP_201_CREATED)


def _looked_up(request, code: str, secret: str) -> Feedback:
    return feedback_access(code=code, secret=secret, client=client_address(request))


@extend_schema(tags=["public"])
class PublicLookup(APIView):
    """Tra cứu phản ánh đã gửi bằng mã và mã bí mật."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(request=FeedbackSecretIn, responses=SenderOut)
    def post(self, request, code: str):
        data = FeedbackSecretIn(data=request.data)
        data.is_valid(raise_exception=True)
        return Response(SenderOut(_looked_up(request, code, data.validated_data["secret"])).data)


@extend_schema(tags=["public"])
class PublicReply(APIView):
    """Bổ sung thông tin theo yêu cầu."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(request=FeedbackReplyIn, responses=SenderOut)
    def post(self, request, code: str):
        data = FeedbackReplyIn(data=request.data)
        data.is_valid(raise_exception=True)
        item = _looked_up(request, code, data.validated_data["secret"])
        item = services.feedback_provide_info(feedback=item, reply=data.validated_data["reply"])
        return Response(SenderOut(item).data)


@extend_schema(tags=["public"])
class PublicRate(APIView):
    """Đánh giá mức độ hài lòng với kết quả trả lời đã công khai."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(request=FeedbackRateIn, responses=SenderOut)
    def post(self, request, code: str):
        data = FeedbackRateIn(data=request.data)
        data.is_valid(raise_exception=True)
        item = _looked_up(request, code, data.validated_data["secret"])
        item = services.feedback_rate(feedback=item, satisfied=data.validated_data["satisfied"])
        return Response(SenderOut(item).data)


@extend_schema(tags=["public"])
class PublicPublished(APIView):
    """Các kết quả trả lời đã công khai (đã che thông tin cá nhân); tìm có dấu hoặc không dấu."""

    permission_classes = [AllowAny]
    authentication_classes: list = []
    pagination_class = FeedbackPagination

    @extend_schema(
        parameters=[OpenApiParameter("q", str), OpenApiParameter("procedure", str)],
        responses=PublishedOut(many=True),
    )
    def get(self, request):
        items = published_feedback(
            request.query_params.get("q", "")[:200],
            procedure=request.query_params.get("procedure", "")[:64],
        )
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(items, request, view=self)
        return paginator.get_paginated_response(PublishedOut(page, many=True).data)
