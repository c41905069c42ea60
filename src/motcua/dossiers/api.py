"""API of dossiers: officers' endpoints under /api/dossiers/ (one per service), public ones
under /api/public/dossiers/ (submit, lookup, supplement, evaluation)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import serializers, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from motcua.accounts.models import User
from motcua.accounts.permissions import action_permission
from motcua.agencies.models import Agency
from motcua.audit.services import audit_read
from motcua.dossiers import authz, services
from motcua.dossiers.access import dossier_access, submission_allowed
from motcua.dossiers.applicant import applicant_clean
from motcua.dossiers.models import (
    SCORED_INDICATORS,
    ApplicantKind,
    Dossier,
    DossierDocument,
    EvaluationSource,
    ReturnMethod,
)
from motcua.dossiers.selectors import (
    deadline_text,
    dossiers_in_order,
    dossiers_visible_to,
    mask,
    personal_numbers,
    work_list,
)
from motcua.dossiers.workflow import Action, Channel, State
from motcua.procedures.models import Procedure
from motcua.utils.dates import validate_date_in_range
from motcua.utils.errors import DomainError
from motcua.utils.formatting import vn_number
from motcua.utils.pagination import CappedPaginator
from motcua.utils.ratelimit import client_address
from motcua.utils.schema import ErrorSerializer
from motcua.utils.uploads import file_download, stored_or_pending_download

# ---- output -------------------------------------------------------------------------------


class StepOut(serializers.Serializer):
    order = serializers.IntegerField()
    name = serializers.CharField()
    agency = serializers.CharField(source="agency.name")
    role = serializers.CharField()
    assignee = serializers.CharField(source="assignee.username", allow_null=True, default=None)
    started_at = serializers.DateTimeField(allow_null=True)
    due_at = serializers.DateTimeField(allow_null=True)
    finished_at = serializers.DateTimeField(allow_null=True)
    timing = serializers.CharField()


class EventOut(serializers.Serializer):
    at = serializers.DateTimeField()
    action = serializers.CharField()
    from_state = serializers.IntegerField(allow_null=True)
    to_state = serializers.IntegerField()
    note = serializers.CharField()
    actor = serializers.SerializerMethodField()

    def get_actor(self, event) -> str:
        return (
            event.actor.get_full_name() or event.actor.username
            if event.actor
            else (event.actor_label)
        )


class DossierComponentOut(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    original_name = serializers.CharField()
    size = serializers.IntegerField()
    digitized = serializers.BooleanField()
    reused = serializers.BooleanField()


class DocumentOut(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    form_set = serializers.CharField()
    form_number = serializers.CharField()
    title = serializers.CharField()
    created_at = serializers.DateTimeField()


class DossierListOut(serializers.Serializer):
    code = serializers.CharField()
    procedure_code = serializers.CharField(source="procedure.code")
    procedure_name = serializers.CharField(source="procedure.name")
    agency_code = serializers.CharField(source="agency.code")
    receiving_agency_code = serializers.CharField(source="receiving_agency.code")
    current_agency_code = serializers.CharField(source="current_agency.code")
    channel = serializers.CharField()
    state = serializers.IntegerField()
    state_label = serializers.CharField(source="get_state_display")
    outcome = serializers.CharField()
    applicant_name = serializers.CharField()
    applicant_phone = serializers.SerializerMethodField()
    submitted_at = serializers.DateTimeField(allow_null=True)
    received_at = serializers.DateTimeField(allow_null=True)
    due_at = serializers.DateTimeField(allow_null=True)
    ended_at = serializers.DateTimeField(allow_null=True)
    returned_at = serializers.DateTimeField(allow_null=True)

    def get_applicant_phone(self, dossier) -> str:
        return mask(dossier.applicant_phone)


class DossierDetailOut(DossierListOut):
    """Hồ sơ như người hỏi được xem: số định danh, điện thoại che bớt trừ với cán bộ bộ phận
    tiếp nhận và cơ quan giải quyết; ``allowed_actions``: các thao tác được làm lúc này. / A
    dossier as the requesting officer may see it: ID and phone numbers masked except for the
    receiving desk and the competent agency; ``allowed_actions``: what they may do now."""

    # The masking rule is the dossier page's (selectors.personal_numbers); allowed_actions are
    # the page's buttons (authz.allowed_actions_for).

    applicant_kind = serializers.CharField()
    applicant_id_number = serializers.SerializerMethodField()
    applicant_phone = serializers.SerializerMethodField()
    applicant_address = serializers.CharField()
    applicant_email = serializers.CharField()
    deadline_explanation = serializers.SerializerMethodField()
    promised_at = serializers.DateTimeField(allow_null=True)
    fee_vnd = serializers.IntegerField()
    paid_at = serializers.DateTimeField(allow_null=True)
    result_note = serializers.CharField()
    components = DossierComponentOut(many=True)
    steps = StepOut(many=True)
    events = EventOut(many=True)
    documents = DocumentOut(many=True)

    allowed_actions = serializers.SerializerMethodField(
        help_text="Các thao tác người dùng được thực hiện lúc này / the actions the requesting "
        "officer may take now (the buttons of the dossier page)"
    )

    def get_deadline_explanation(self, dossier) -> str:
        return deadline_text(dossier)

    def _user(self):
        request = self.context.get("request")
        return getattr(request, "user", None)

    def get_applicant_id_number(self, dossier) -> str:
        return personal_numbers(self._user(), dossier)["id_number"]

    def get_applicant_phone(self, dossier) -> str:
        return personal_numbers(self._user(), dossier)["phone"]

    def get_allowed_actions(self, dossier) -> list[str]:
        return [action.value for action in authz.allowed_actions_for(self._user(), dossier)]


class PublicDossierOut(serializers.Serializer):
    """What the applicant sees: no internal notes, personal numbers masked."""

    code = serializers.CharField()
    procedure_name = serializers.CharField(source="procedure.name")
    agency_name = serializers.CharField(source="agency.name")
    state = serializers.IntegerField()
    state_label = serializers.CharField(source="get_state_display")
    applicant_name = serializers.CharField()
    applicant_phone = serializers.SerializerMethodField()
    submitted_at = serializers.DateTimeField(allow_null=True)
    received_at = serializers.DateTimeField(allow_null=True)
    due_at = serializers.DateTimeField(allow_null=True)
    promised_at = serializers.DateTimeField(allow_null=True)
    ended_at = serializers.DateTimeField(allow_null=True)
    returned_at = serializers.DateTimeField(allow_null=True)
    deadline_explanation = serializers.SerializerMethodField()
    needed_from_applicant = serializers.SerializerMethodField()
    timeline = serializers.SerializerMethodField()

    def get_applicant_phone(self, dossier) -> str:
        return mask(dossier.applicant_phone)

    def get_deadline_explanation(self, dossier) -> str:
        return deadline_text(dossier)

    def get_needed_from_applicant(self, dossier) -> str:
        if dossier.state == State.AWAITING_SUPPLEMENT:
            request = dossier.supplements.filter(supplied_at__isnull=True).first()
            return request.items if request else ""
        if dossier.state == State.AWAITING_PAYMENT:
            return f"Nộp phí, lệ phí: {vn_number(dossier.fee_vnd)} đồng"
        return ""

    def get_timeline(self, dossier) -> list[dict]:
        """State changes only: internal steps (assignment, handovers) are the agency's own."""
        return [
            {"at": e.at.isoformat(), "state": e.to_state, "state_label": State(e.to_state).label}
            for e in dossier.events.all()
            if e.from_state != e.to_state
        ]


# ---- input --------------------------------------------------------------------------------


class ApplicantIn(serializers.Serializer):
    """The applicant's fields; their rules are those of ``applicant.applicant_clean``."""

    applicant_kind = serializers.ChoiceField(choices=ApplicantKind.choices, default="person")
    # Blank is let through to ``validate`` so that all the applicant's errors come together.
    applicant_name = serializers.CharField(max_length=255, allow_blank=True)
    applicant_id_number = serializers.CharField(
        max_length=32, required=False, default="", allow_blank=True
    )
    applicant_address = serializers.CharField(
        max_length=500, required=False, default="", allow_blank=True
    )
    applicant_phone = serializers.CharField(max_length=32, allow_blank=True)
    applicant_email = serializers.CharField(
        max_length=254, required=False, default="", allow_blank=True
    )

    def validate(self, attrs: dict) -> dict:
        try:
            self._applicant = applicant_clean(attrs)
        except DomainError as exc:
            raise serializers.ValidationError(exc.details) from exc
        return attrs

    def applicant(self) -> services.ApplicantData:
        return self._applicant


class SubmitIn(ApplicantIn):
    procedure_code = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Procedure.objects.all(),
        source="procedure",
    )
    agency_code = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Agency.objects.all(),
        source="agency",
        required=False,
        allow_null=True,
        default=None,
    )
    files = serializers.ListField(child=serializers.FileField(), required=False, default=list)
    names = serializers.ListField(
        child=serializers.CharField(max_length=1000), required=False, default=list
    )


class ReceiveIn(SubmitIn):
    channel = serializers.ChoiceField(
        choices=[Channel.DIRECT, Channel.POSTAL], default=Channel.DIRECT
    )
    sets = serializers.IntegerField(min_value=1, max_value=50, default=1)
    note = serializers.CharField(required=False, default="", allow_blank=True)


def components_from(data: dict) -> list[services.ComponentData]:
    names, files = data.get("names") or [], data.get("files") or []
    if len(names) not in (0, len(files)):
        raise DomainError(
            "Số tên giấy tờ và số tệp không khớp.",
            "names and files differ in number.",
            code="invalid",
            status_code=400,
        )
    return [
        services.ComponentData(name=(names[i] if names else f.name), file=f)
        for i, f in enumerate(files)
    ]


class Empty(serializers.Serializer):
    pass


class ReasonIn(serializers.Serializer):
    reason = serializers.CharField()


class NoteIn(serializers.Serializer):
    note = serializers.CharField(required=False, default="", allow_blank=True)


class AssignIn(serializers.Serializer):
    """Only the eligible assignees of the dossier's current step can be named: an unknown
    username and another agency's get the same answer (no probing for usernames)."""

    assignee = serializers.SlugRelatedField(
        slug_field="username",
        queryset=User.objects.none(),
        error_messages={
            "does_not_exist": "Người được phân công không hợp lệ cho bước đang xử lý. / "
            "Not an eligible assignee of the current step.",
            "invalid": "Người được phân công không hợp lệ cho bước đang xử lý. / "
            "Not an eligible assignee of the current step.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = authz.eligible_assignees(self.context.get("dossier"))


class SupplementRequestIn(serializers.Serializer):
    reason = serializers.CharField(required=False, default="", allow_blank=True)
    items = serializers.CharField()


class FilesIn(serializers.Serializer):
    files = serializers.ListField(child=serializers.FileField(), required=False, default=list)
    names = serializers.ListField(
        child=serializers.CharField(max_length=1000), required=False, default=list
    )
    note = serializers.CharField(required=False, default="", allow_blank=True)


class PaymentRequestIn(serializers.Serializer):
    fee_vnd = serializers.IntegerField(min_value=1)


class PaymentIn(serializers.Serializer):
    online = serializers.BooleanField(default=False)


class ApproveIn(serializers.Serializer):
    note = serializers.CharField(required=False, default="", allow_blank=True)
    result_file = serializers.FileField(required=False, allow_null=True, default=None)


class ApologyIn(serializers.Serializer):
    reason = serializers.CharField()
    new_date = serializers.DateTimeField(validators=[validate_date_in_range])


class ReturnIn(serializers.Serializer):
    method = serializers.ChoiceField(choices=ReturnMethod.choices, default=ReturnMethod.DESK)


EvaluationIn = type(
    "EvaluationIn",
    (serializers.Serializer,),
    {
        **{
            name: serializers.IntegerField(min_value=0, max_value=2)
            for name, _ in SCORED_INDICATORS
        },
        "comment": serializers.CharField(required=False, default="", allow_blank=True),
    },
)


def _scores(data: dict) -> dict[str, int]:
    return {name: data[name] for name, _ in SCORED_INDICATORS}


# ---- officers -----------------------------------------------------------------------------

PARSERS = [MultiPartParser, FormParser, JSONParser]
# Every officers' endpoint is dossier work (403 for an editor or a user without a role); the
# action endpoints also pass the transition guards of ``authz.check``.
CanWork = action_permission("dossier.work")


class DossierPagination(PageNumberPagination):
    """Pages of 50 (``page_size`` up to 200). ``count`` stops at 10.000: ``count_capped`` is
    true when there are more (counting a department's every dossier costs more than a page)."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    django_paginator_class = CappedPaginator

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        response.data["count_capped"] = self.page.paginator.capped
        return response

    def get_paginated_response_schema(self, schema):
        described = super().get_paginated_response_schema(schema)
        described["properties"]["count"]["description"] = (
            "Số hồ sơ, tối đa 10.000 / number of dossiers, at most 10,000"
        )
        described["properties"]["count_capped"] = {
            "type": "boolean",
            "description": "Còn hơn 10.000 hồ sơ / there are more than 10,000 dossiers",
        }
        described["required"].append("count_capped")
        return described


@extend_schema(tags=["dossiers"])
class DossierListCreate(APIView):
    """Danh sách hồ sơ trong phạm vi cơ quan; tiếp nhận hồ sơ tại quầy (POST)."""

    parser_classes = PARSERS
    # Also tells the OpenAPI document that the list is a paginated envelope.
    pagination_class = DossierPagination

    def get_permissions(self):
        # Listing is dossier work; counter intake is the desk's (and the service checks it).
        action = "dossier.desk" if self.request.method == "POST" else "dossier.work"
        return [action_permission(action)()]

    @extend_schema(
        parameters=[
            OpenApiParameter("state", int),
            OpenApiParameter("q", str),
            OpenApiParameter("mine", bool),
            OpenApiParameter("overdue", bool),
        ],
        responses=DossierListOut(many=True),
    )
    def get(self, request):
        params = request.query_params
        dossiers = work_list(
            request.user,
            now=timezone.now(),
            state=_int(params.get("state")),
            query=params.get("q", ""),
            only_mine=params.get("mine") in ("1", "true"),
            overdue=params.get("overdue") in ("1", "true"),
        )
        paginator = self.pagination_class()
        page = dossiers_in_order(paginator.paginate_queryset(dossiers, request) or [])
        return paginator.get_paginated_response(DossierListOut(page, many=True).data)

    @extend_schema(request=ReceiveIn, responses={201: DossierDetailOut})
    def post(self, request):
        data = ReceiveIn(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        dossier = services.dossier_receive(
            actor=request.user,
            procedure=v["procedure"],
            applicant=data.applicant(),
            components=components_from(v),
            now=timezone.now(),
            channel=v["channel"],
            agency=v["agency"],
            sets=v["sets"],
            note=v["note"],
        )
        return Response(_detail_data(request, dossier), status=status.HTTP_201_CREATED)


def _int(value) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        raise DomainError(
            "Tham số không hợp lệ.", "Invalid parameter.", code="invalid", status_code=400
        ) from None


def _detail(dossier: Dossier) -> Dossier:
    return (
        Dossier.objects.select_related("procedure", "agency", "receiving_agency", "current_agency")
        .prefetch_related(
            "components", "steps__agency", "steps__assignee", "events__actor", "documents"
        )
        .get(pk=dossier.pk)
    )


def _detail_data(request, dossier: Dossier) -> dict:
    return DossierDetailOut(_detail(dossier), context={"request": request}).data


def visible_dossier(request, code: str) -> Dossier:
    return get_object_or_404(dossiers_visible_to(request.user), code=code)


@extend_schema(tags=["dossiers"])
class DossierDetail(APIView):
    permission_classes = [CanWork]

    @extend_schema(responses=DossierDetailOut)
    def get(self, request, code: str):
        dossier = visible_dossier(request, code)
        audit_read(request, action="dossier.read", target=dossier)
        return Response(_detail_data(request, dossier))


@extend_schema(tags=["dossiers"])
class DossierDocumentFile(APIView):
    """Tải phiếu đã cấp (DOCX hoặc PDF) / download an issued slip."""

    permission_classes = [CanWork]

    @extend_schema(
        responses={
            (200, "application/octet-stream"): bytes,
            503: OpenApiResponse(ErrorSerializer, "Chưa có bản PDF / PDF not available"),
        }
    )
    def get(self, request, code: str, pk: int, fmt: str):
        dossier = visible_dossier(request, code)
        document = get_object_or_404(DossierDocument, dossier=dossier, pk=pk)
        response = document_response(document, fmt)
        audit_read(request, action="dossier.download", target=dossier, file=f"document:{pk}.{fmt}")
        return response


def document_response(document: DossierDocument, fmt: str):
    from motcua.dossiers.slips import slip_pdf
    from motcua.dossiers.slips.issue import slip_file_name

    name = slip_file_name(document, fmt)
    if fmt == "pdf" and document.signed_pdf:  # sealed by the agency: the one that counts
        return file_download(document.signed_pdf, name)
    if fmt == "pdf":
        if slip_pdf(document) is None:
            raise DomainError(
                "Chưa tạo được bản PDF; vui lòng tải bản DOCX.",
                "PDF is not available; download the DOCX.",
                code="pdf_unavailable",
                status_code=503,
            )
        return file_download(document.pdf, name)
    if fmt == "docx":
        return stored_or_pending_download(document.docx, document.content, name)
    raise Http404


def _action_view(
    name: str,
    action: Action,
    serializer: type[serializers.Serializer],
    run: Callable[[object, Dossier, dict, dt.datetime], Dossier],
    doc: str,
) -> type[APIView]:
    @extend_schema(
        tags=["dossiers"],
        request=serializer,
        responses=DossierDetailOut,
        operation_id=f"dossier_{name.replace('-', '_')}",
        description=doc,
    )
    def post(self, request, code: str):
        dossier = visible_dossier(request, code)
        # Who may act is answered before the input is read (a refused user learns nothing
        # from validation errors); the service checks again on the locked dossier.
        authz.check(action, dossier, request.user)
        data = serializer(data=request.data, context={"request": request, "dossier": dossier})
        data.is_valid(raise_exception=True)
        updated = run(request.user, dossier, dict(data.validated_data), timezone.now())
        return Response(_detail_data(request, updated))

    return type(
        f"Dossier_{name}",
        (APIView,),
        {
            "permission_classes": [CanWork],
            "parser_classes": PARSERS,
            "post": post,
            "__doc__": doc,
        },
    )


S = services
# The officers' action endpoints: name → (the action, input, the service call, description).
# Every call gets the acting user, the dossier, the validated input and the current instant.
ENDPOINTS: dict[str, tuple[Action, type[serializers.Serializer], Callable, str]] = {
    "accept": (
        Action.ACCEPT,
        Empty,
        lambda u, d, v, now: S.dossier_accept(actor=u, dossier=d, now=now),
        "Tiếp nhận hồ sơ nộp trực tuyến",
    ),
    "refuse-intake": (
        Action.REFUSE_INTAKE,
        ReasonIn,
        lambda u, d, v, now: S.dossier_refuse_intake(
            actor=u, dossier=d, reason=v["reason"], now=now
        ),
        "Từ chối tiếp nhận (Mẫu 03)",
    ),
    "transfer": (
        Action.TRANSFER,
        Empty,
        lambda u, d, v, now: S.dossier_transfer(actor=u, dossier=d, now=now),
        "Chuyển hồ sơ đến cơ quan giải quyết",
    ),
    "assign": (
        Action.ASSIGN,
        AssignIn,
        lambda u, d, v, now: S.dossier_assign(actor=u, dossier=d, assignee=v["assignee"], now=now),
        "Phân công xử lý",
    ),
    "forward": (
        Action.FORWARD,
        NoteIn,
        lambda u, d, v, now: S.dossier_forward(actor=u, dossier=d, note=v["note"], now=now),
        "Chuyển bước tiếp theo",
    ),
    "request-supplement": (
        Action.REQUEST_SUPPLEMENT,
        SupplementRequestIn,
        lambda u, d, v, now: S.dossier_request_supplement(
            actor=u, dossier=d, reason=v["reason"], items=v["items"], now=now
        ),
        "Yêu cầu bổ sung hồ sơ (Mẫu 02)",
    ),
    "record-supplement": (
        Action.RECORD_SUPPLEMENT,
        FilesIn,
        lambda u, d, v, now: S.dossier_record_supplement(
            actor=u, dossier=d, components=components_from(v), note=v["note"], now=now
        ),
        "Nhận hồ sơ bổ sung",
    ),
    "request-payment": (
        Action.REQUEST_PAYMENT,
        PaymentRequestIn,
        lambda u, d, v, now: S.dossier_request_payment(
            actor=u, dossier=d, fee_vnd=v["fee_vnd"], now=now
        ),
        "Yêu cầu thực hiện nghĩa vụ tài chính",
    ),
    "record-payment": (
        Action.RECORD_PAYMENT,
        PaymentIn,
        lambda u, d, v, now: S.dossier_record_payment(
            actor=u, dossier=d, online=v["online"], now=now
        ),
        "Xác nhận đã nộp phí, lệ phí",
    ),
    "approve": (
        Action.APPROVE,
        ApproveIn,
        lambda u, d, v, now: S.dossier_approve(
            actor=u, dossier=d, note=v["note"], result_file=v["result_file"], now=now
        ),
        "Phê duyệt, cấp kết quả",
    ),
    "refuse": (
        Action.REFUSE,
        ReasonIn,
        lambda u, d, v, now: S.dossier_refuse(actor=u, dossier=d, reason=v["reason"], now=now),
        "Từ chối giải quyết",
    ),
    "stop": (
        Action.STOP,
        ReasonIn,
        lambda u, d, v, now: S.dossier_stop(actor=u, dossier=d, reason=v["reason"], now=now),
        "Dừng xử lý",
    ),
    "withdraw": (
        Action.WITHDRAW,
        ReasonIn,
        lambda u, d, v, now: S.dossier_withdraw(actor=u, dossier=d, reason=v["reason"], now=now),
        "Rút hồ sơ theo đề nghị",
    ),
    "apologise": (
        Action.APOLOGISE,
        ApologyIn,
        lambda u, d, v, now: S.dossier_apologise(
            actor=u, dossier=d, reason=v["reason"], new_date=v["new_date"], now=now
        ),
        "Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)",
    ),
    "return": (
        Action.RETURN_RESULT,
        ReturnIn,
        lambda u, d, v, now: S.dossier_return_result(
            actor=u, dossier=d, method=v["method"], now=now
        ),
        "Trả kết quả",
    ),
    "evaluate": (
        Action.EVALUATE,
        EvaluationIn,
        lambda u, d, v, now: S.dossier_evaluate(
            actor=u, dossier=d, scores=_scores(v), comment=v["comment"], now=now
        ),
        "Đánh giá thay người nộp",
    ),
}
ACTIONS: dict[str, type[APIView]] = {
    name: _action_view(name, *spec) for name, spec in ENDPOINTS.items()
}


# ---- public -------------------------------------------------------------------------------


class SecretIn(serializers.Serializer):
    secret = serializers.RegexField(
        r"^[0-9]{4}$",
        help_text="4 số cuối điện thoại hoặc số định danh / last 4 digits of phone or ID",
        error_messages={
            "invalid": "Nhập đúng 4 chữ số 0–9. / Enter exactly 4 digits 0–9.",
        },
    )


def looked_up(request, code: str, secret: str) -> Dossier:
    """The dossier whose access ``secret`` proves, within the lookup limits (``access.py``):
    a missing code and a wrong secret get the same 404, too many attempts a 429."""
    return dossier_access(code=code, secret=secret, client=client_address(request))


@extend_schema(tags=["public"])
class PublicSubmit(APIView):
    """Nộp hồ sơ trực tuyến. Gửi lại cùng khóa ``Idempotency-Key`` không tạo hồ sơ mới."""

    permission_classes = [AllowAny]
    authentication_classes: list = []
    parser_classes = PARSERS

    @extend_schema(
        request=SubmitIn,
        responses={201: PublicDossierOut},
        parameters=[OpenApiParameter("Idempotency-Key", str, OpenApiParameter.HEADER)],
    )
    def post(self, request):
        data = SubmitIn(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        key = (request.headers.get("Idempotency-Key") or "").strip()[:64] or None
        submission_allowed(client=client_address(request))
        dossier = services.dossier_submit_online(
            procedure=v["procedure"],
            applicant=data.applicant(),
            components=components_from(v),
            now=timezone.now(),
            agency=v["agency"],
            idempotency_key=key,
        )
        # A replay (same key, same request) answers what the first submission answered: the
        # caller sent every piece of it. Another request under the key is a 422 (services).
        return Response(PublicDossierOut(dossier).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["public"])
class PublicLookup(APIView):
    """Tra cứu hồ sơ bằng mã hồ sơ và 4 số cuối điện thoại hoặc số định danh."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(request=SecretIn, responses=PublicDossierOut)
    def post(self, request, code: str):
        data = SecretIn(data=request.data)
        data.is_valid(raise_exception=True)
        dossier = looked_up(request, code, data.validated_data["secret"])
        return Response(PublicDossierOut(dossier).data)


class PublicFilesIn(SecretIn, FilesIn):
    pass


@extend_schema(tags=["public"])
class PublicSupplement(APIView):
    """Nộp hồ sơ bổ sung theo yêu cầu."""

    permission_classes = [AllowAny]
    authentication_classes: list = []
    parser_classes = PARSERS

    @extend_schema(request=PublicFilesIn, responses=PublicDossierOut)
    def post(self, request, code: str):
        data = PublicFilesIn(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        dossier = looked_up(request, code, v["secret"])
        if not v["files"]:
            raise DomainError(
                "Vui lòng đính kèm giấy tờ bổ sung.",
                "Attach the documents.",
                code="invalid",
                status_code=400,
            )
        dossier = services.dossier_record_supplement(
            actor=services.APPLICANT_ACTOR,
            dossier=dossier,
            components=components_from(v),
            note=v["note"],
            now=timezone.now(),
        )
        return Response(PublicDossierOut(dossier).data)


PublicEvaluationIn = type("PublicEvaluationIn", (SecretIn, EvaluationIn), {})


@extend_schema(tags=["public"])
class PublicEvaluation(APIView):
    """Đánh giá việc giải quyết hồ sơ: người nộp chấm 4 chỉ số (0–2 điểm); hệ thống tính 5
    chỉ số còn lại (thời gian, số lần bổ sung, số cơ quan, trực tuyến)."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(
        request=PublicEvaluationIn,
        responses=inline_serializer("EvaluationOut", {"total": serializers.IntegerField()}),
    )
    def post(self, request, code: str):
        data = PublicEvaluationIn(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        dossier = services.dossier_evaluate(
            actor=services.APPLICANT_ACTOR,
            dossier=looked_up(request, code, v["secret"]),
            scores=_scores(v),
            comment=v["comment"],
            now=timezone.now(),
        )
        evaluation = dossier.evaluations.get(source=EvaluationSource.APPLICANT)
        return Response({"total": evaluation.total})
