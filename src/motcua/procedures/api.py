"""API of the procedure catalog: public reads (/api/public/procedures/) and officers' management
(/api/procedures/, /api/decisions/, /api/shortenings/)."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from motcua.accounts.permissions import action_permission
from motcua.agencies.models import Agency
from motcua.procedures.models import (
    DayUnit,
    Decision,
    DecisionKind,
    Level,
    OnlineLevel,
    Procedure,
    ProcedureStatus,
    ProcedureVersion,
    Shortening,
)
from motcua.procedures.selectors import procedure_search
from motcua.procedures.services import decision_save, procedure_save, shortening_save

# ---- output serializers -------------------------------------------------------------------


class ComponentOut(serializers.Serializer):
    name = serializers.CharField()
    originals = serializers.IntegerField()
    copies = serializers.IntegerField()
    required = serializers.BooleanField()
    form_name = serializers.CharField()


class ProcedureListOut(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    level = serializers.CharField()
    field = serializers.CharField()
    authority = serializers.CharField()
    agency_code = serializers.CharField(source="agency.code", allow_null=True, default=None)
    agency_name = serializers.CharField(source="agency.name", allow_null=True, default=None)
    processing_days = serializers.DecimalField(max_digits=6, decimal_places=1, allow_null=True)
    day_unit = serializers.CharField()
    online_level = serializers.CharField()
    national_portal = serializers.BooleanField()
    fee_vnd = serializers.IntegerField()
    status = serializers.CharField()
    version = serializers.IntegerField()


class ProcedureDetailOut(ProcedureListOut):
    decision_number = serializers.CharField(source="decision.number", allow_null=True, default=None)
    steps = serializers.CharField()
    submission_methods = serializers.CharField()
    legal_basis = serializers.CharField()
    result = serializers.CharField()
    requirements = serializers.CharField()
    components = ComponentOut(many=True)


class VersionOut(serializers.Serializer):
    number = serializers.IntegerField()
    valid_from = serializers.DateTimeField()
    decision_number = serializers.CharField(source="decision.number", allow_null=True, default=None)
    snapshot = serializers.JSONField()


class DecisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Decision
        fields = ["id", "number", "date", "kind", "title"]


class ShorteningOut(serializers.Serializer):
    id = serializers.IntegerField()
    procedure_code = serializers.CharField(source="procedure.code")
    decision_number = serializers.CharField(source="decision.number")
    days_before = serializers.DecimalField(max_digits=6, decimal_places=1)
    days_after = serializers.DecimalField(max_digits=6, decimal_places=1)
    annual_dossiers = serializers.IntegerField()


# ---- input serializers --------------------------------------------------------------------


class ComponentIn(serializers.Serializer):
    name = serializers.CharField(max_length=1000)
    originals = serializers.IntegerField(min_value=0, default=1)
    copies = serializers.IntegerField(min_value=0, default=0)
    required = serializers.BooleanField(default=True)
    form_name = serializers.CharField(max_length=255, allow_blank=True, default="")


class ProcedureIn(serializers.Serializer):
    name = serializers.CharField(max_length=1000)
    level = serializers.ChoiceField(choices=Level.choices)
    field = serializers.CharField(max_length=255, allow_blank=True, default="")
    authority = serializers.ChoiceField(choices=[("central", "central"), ("local", "local")])
    agency_code = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Agency.objects.all(),
        source="agency",
        allow_null=True,
        default=None,
    )
    processing_days = serializers.DecimalField(
        max_digits=6,
        decimal_places=1,
        min_value=0,
        allow_null=True,
        default=None,
    )
    day_unit = serializers.ChoiceField(choices=DayUnit.choices, default=DayUnit.WORKING)
    online_level = serializers.ChoiceField(choices=OnlineLevel.choices, default=OnlineLevel.NONE)
    national_portal = serializers.BooleanField(default=False)
    fee_vnd = serializers.IntegerField(min_value=0, default=0)
    status = serializers.ChoiceField(
        choices=ProcedureStatus.choices, default=ProcedureStatus.ACTIVE
    )
    decision_number = serializers.SlugRelatedField(
        slug_field="number",
        queryset=Decision.objects.all(),
        source="decision",
        allow_null=True,
        default=None,
    )
    steps = serializers.CharField(allow_blank=True, default="")
    submission_methods = serializers.CharField(allow_blank=True, default="")
    legal_basis = serializers.CharField(allow_blank=True, default="")
    result = serializers.CharField(allow_blank=True, default="")
    requirements = serializers.CharField(allow_blank=True, default="")
    components = ComponentIn(many=True, required=False)

    def validate(self, attrs):
        if attrs["level"] == Level.PROVINCE and attrs.get("agency") is None:
            raise serializers.ValidationError(
                {"agency_code": "Bắt buộc với thủ tục cấp tỉnh / required for province level"}
            )
        return attrs


class ProcedureCreateIn(ProcedureIn):
    code = serializers.CharField(max_length=64)

    def validate_code(self, value):
        if Procedure.objects.filter(code=value).exists():
            raise serializers.ValidationError("Mã thủ tục đã tồn tại / code already exists")
        return value


class ShorteningIn(serializers.Serializer):
    procedure_code = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Procedure.objects.all(),
        source="procedure",
    )
    decision_number = serializers.SlugRelatedField(
        slug_field="number",
        queryset=Decision.objects.all(),
        source="decision",
    )
    days_before = serializers.DecimalField(max_digits=6, decimal_places=1, min_value=0)
    days_after = serializers.DecimalField(max_digits=6, decimal_places=1, min_value=0)
    annual_dossiers = serializers.IntegerField(min_value=0)

    def validate(self, attrs):
        if attrs["days_after"] >= attrs["days_before"]:
            raise serializers.ValidationError(
                {"days_after": "Phải nhỏ hơn thời hạn trước / must be less than days_before"}
            )
        if Shortening.objects.filter(
            procedure=attrs["procedure"], decision=attrs["decision"]
        ).exists():
            raise serializers.ValidationError(
                "Thủ tục đã có trong quyết định này / already shortened by this decision"
            )
        return attrs


def _save(code: str, data: dict, actor) -> Procedure:
    components = data.pop("components", None)
    procedure, _changed = procedure_save(
        code=code,
        values=data,
        components=components,
        actor=actor,
    )
    return procedure


SEARCH_PARAMETERS = [
    OpenApiParameter(
        "q", str, description="Từ khóa, có hoặc không dấu / words, with or without diacritics"
    ),
    OpenApiParameter("level", str, enum=[c for c, _ in Level.choices]),
    OpenApiParameter("field", str),
    OpenApiParameter("agency", str, description="Mã định danh cơ quan / agency code"),
    OpenApiParameter("online_level", str, enum=[c for c, _ in OnlineLevel.choices]),
]


def _searched(request, *, include_abolished: bool):
    params = request.query_params
    procedures = procedure_search(
        query=params.get("q", ""),
        level=params.get("level") or None,
        field=params.get("field") or None,
        online_level=params.get("online_level") or None,
        include_abolished=include_abolished,
    )
    if agency_code := params.get("agency"):
        procedures = procedures.filter(agency__code=agency_code)
    return procedures


# ---- public -------------------------------------------------------------------------------


@extend_schema(tags=["public"], parameters=SEARCH_PARAMETERS)
class PublicProcedureList(generics.ListAPIView):
    """Tra cứu thủ tục hành chính đang áp dụng / search the catalog of active procedures."""

    permission_classes = [AllowAny]
    authentication_classes: list = []
    serializer_class = ProcedureListOut

    def get_queryset(self):
        return _searched(self.request, include_abolished=False)


@extend_schema(tags=["public"])
class PublicProcedureDetail(generics.RetrieveAPIView):
    """Chi tiết thủ tục / a procedure with its components."""

    permission_classes = [AllowAny]
    authentication_classes: list = []
    serializer_class = ProcedureDetailOut
    lookup_field = "code"

    def get_queryset(self):
        return Procedure.objects.select_related("agency", "decision").prefetch_related("components")


# ---- officers -----------------------------------------------------------------------------

CanView = action_permission("catalog.view_private")
CanManage = action_permission("catalog.manage")


@extend_schema(tags=["catalog"])
class ProcedureListCreate(APIView):
    # Also tells the OpenAPI document that the list is a paginated envelope.
    pagination_class = generics.GenericAPIView.pagination_class

    def get_permissions(self):
        return [CanManage()] if self.request.method == "POST" else [CanView()]

    @extend_schema(parameters=SEARCH_PARAMETERS, responses=ProcedureListOut(many=True))
    def get(self, request):
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(_searched(request, include_abolished=True), request)
        return paginator.get_paginated_response(ProcedureListOut(page, many=True).data)

    @extend_schema(request=ProcedureCreateIn, responses={201: ProcedureDetailOut})
    def post(self, request):
        data = ProcedureCreateIn(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        procedure = _save(values.pop("code"), values, request.user)
        return Response(ProcedureDetailOut(procedure).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["catalog"])
class ProcedureDetail(APIView):
    def get_permissions(self):
        return [CanView()] if self.request.method == "GET" else [CanManage()]

    def _get(self, code: str) -> Procedure:
        return get_object_or_404(
            Procedure.objects.select_related("agency", "decision").prefetch_related("components"),
            code=code,
        )

    @extend_schema(responses=ProcedureDetailOut)
    def get(self, request, code: str):
        return Response(ProcedureDetailOut(self._get(code)).data)

    @extend_schema(request=ProcedureIn, responses=ProcedureDetailOut)
    def put(self, request, code: str):
        self._get(code)
        data = ProcedureIn(data=request.data)
        data.is_valid(raise_exception=True)
        procedure = _save(code, dict(data.validated_data), request.user)
        return Response(ProcedureDetailOut(self._get(procedure.code)).data)


@extend_schema(tags=["catalog"])
class ProcedureVersionList(generics.ListAPIView):
    """Các phiên bản của thủ tục / the versions of a procedure, newest first."""

    permission_classes = [CanView]
    serializer_class = VersionOut

    def get_queryset(self):
        procedure = get_object_or_404(Procedure, code=self.kwargs["code"])
        return ProcedureVersion.objects.filter(procedure=procedure).select_related("decision")


class DecisionIn(serializers.Serializer):
    number = serializers.CharField(max_length=64)
    date = serializers.DateField()
    kind = serializers.ChoiceField(choices=DecisionKind.choices)
    title = serializers.CharField(max_length=500, allow_blank=True, default="")
    file = serializers.FileField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Văn bản đính kèm, PDF hoặc DOCX (multipart) / attached text, PDF or DOCX",
    )


def _decision_saved(request, decision: Decision | None, *, partial: bool = False) -> Decision:
    data = DecisionIn(data=request.data, partial=partial)
    data.is_valid(raise_exception=True)
    values = dict(data.validated_data)
    upload = values.pop("file", None)
    return decision_save(decision=decision, values=values, file=upload, actor=request.user)


@extend_schema(tags=["catalog"])
class DecisionListCreate(generics.ListAPIView):
    queryset = Decision.objects.all()
    serializer_class = DecisionSerializer

    def get_permissions(self):
        if self.request.method == "POST":
            return [action_permission("decision.manage")()]
        return [CanView()]

    @extend_schema(request=DecisionIn, responses={201: DecisionSerializer})
    def post(self, request):
        decision = _decision_saved(request, None)
        return Response(DecisionSerializer(decision).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["catalog"])
class DecisionDetail(generics.RetrieveAPIView):
    queryset = Decision.objects.all()
    serializer_class = DecisionSerializer
    http_method_names = ["get", "put", "patch"]

    def get_permissions(self):
        if self.request.method == "GET":
            return [CanView()]
        return [action_permission("decision.manage")()]

    @extend_schema(request=DecisionIn, responses=DecisionSerializer)
    def put(self, request, pk: int):
        decision = _decision_saved(request, self.get_object())
        return Response(DecisionSerializer(decision).data)

    @extend_schema(request=DecisionIn, responses=DecisionSerializer)
    def patch(self, request, pk: int):
        decision = _decision_saved(request, self.get_object(), partial=True)
        return Response(DecisionSerializer(decision).data)


@extend_schema(tags=["catalog"])
class ShorteningListCreate(APIView):
    pagination_class = generics.GenericAPIView.pagination_class

    def get_permissions(self):
        if self.request.method == "POST":
            return [action_permission("shortening.manage")()]
        return [CanView()]

    @extend_schema(responses=ShorteningOut(many=True))
    def get(self, request):
        paginator = self.pagination_class()
        queryset = Shortening.objects.select_related("procedure", "decision").order_by("id")
        page = paginator.paginate_queryset(queryset, request)
        return paginator.get_paginated_response(ShorteningOut(page, many=True).data)

    @extend_schema(request=ShorteningIn, responses={201: ShorteningOut})
    def post(self, request):
        data = ShorteningIn(data=request.data)
        data.is_valid(raise_exception=True)
        shortening = shortening_save(values=dict(data.validated_data), actor=request.user)
        return Response(ShorteningOut(shortening).data, status=status.HTTP_201_CREATED)
