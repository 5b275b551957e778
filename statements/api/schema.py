"""The OpenAPI description of the API's answers, including its errors.

drf-spectacular describes each view's 200 from its serializer; this adds what bad input
gets (docs/api.md): a 400 whose keys are the parameters at fault, a 404, and a 429 when a
client is over its rate.
"""

from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.drainage import has_override, set_override
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers

PARAMETER_ERRORS = {
    "type": "object",
    "description": "Each parameter at fault, with what is wrong with its value.",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}
DETAIL = inline_serializer("Detail", {"detail": serializers.CharField()})


class ArchiveAutoSchema(AutoSchema):
    def get_response_serializers(self):
        return {200: super().get_response_serializers(), 404: DETAIL, 429: DETAIL}

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if self._is_list_view():
            responses["400"] = self._get_response_for_code(
                OpenApiResponse(response=PARAMETER_ERRORS), "400", direction=direction
            )
        # A page past the end of a list names the parameter too.
        if "404" in responses:
            responses["404"]["content"]["application/json"]["schema"] = {
                "oneOf": [
                    responses["404"]["content"]["application/json"]["schema"],
                    PARAMETER_ERRORS,
                ]
            }
        return responses


class SlugFilterExtension(DjangoFilterExtension):
    """The pages' FilterSets choose records by slug (``speaker=anna-weber``), some through
    a method of their own, which drf-spectacular cannot type by itself: a slug is a string."""

    target_class = "statements.api.views.ArchiveFilterBackend"
    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        chosen_by = filter_field.extra.get("to_field_name")
        if chosen_by == "slug" and not has_override(filter_field, "field"):
            set_override(filter_field, "field", OpenApiTypes.STR)
        return super().resolve_filter_field(
            auto_schema, model, filterset_class, field_name, filter_field
        )
