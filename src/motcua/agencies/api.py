"""API of the organisation tree (read for officers)."""

from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.permissions import AllowAny

from motcua.agencies.models import Agency


class AgencyOut(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.CharField()
    parent_code = serializers.CharField(source="parent.code", allow_null=True, default=None)
    is_active = serializers.BooleanField()
    successor_code = serializers.CharField(source="successor.code", allow_null=True, default=None)


@extend_schema(tags=["public"])
class PublicAgencyList(generics.ListAPIView):
    """Danh sách cơ quan, đơn vị / the province's agencies (public information)."""

    permission_classes = [AllowAny]
    authentication_classes: list = []
    serializer_class = AgencyOut

    def get_queryset(self):
        queryset = Agency.objects.select_related("parent", "successor")
        if kind := self.request.query_params.get("kind"):
            queryset = queryset.filter(kind=kind)
        return queryset
