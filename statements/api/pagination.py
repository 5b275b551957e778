"""Page links for the API, paged the way the pages are (statements.pagination.ArchivePaginator).

A list counts at most 10,000 rows and says ``count_capped`` past that; a search ranks every
match and reads a page's rows with their rank computed for them alone, as the pages do;
``next`` and ``previous`` are full URLs keeping every filter.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from statements.pagination import PAGE_SIZE, ArchivePaginator


class ArchivePagination(PageNumberPagination):
    django_paginator_class = ArchivePaginator
    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = 100
    last_page_strings = ()

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None or raw == "":
            return self.page_size
        try:
            size = int(raw)
        except ValueError:
            size = 0
        if not 1 <= size <= self.max_page_size:
            raise ValidationError(
                {"page_size": [f"A whole number from 1 to {self.max_page_size}."]}
            )
        return size

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        paginator = self.django_paginator_class(queryset, self.get_page_size(request))
        filterset = getattr(view, "filterset", None)
        paginator.rows_for_keys = getattr(filterset, "rows_for_keys", None)
        number = request.query_params.get(self.page_query_param) or 1
        try:
            self.page = paginator.page(number)
        except PageNotAnInteger:
            raise ValidationError({"page": ["A whole number, 1 or more."]}) from None
        except EmptyPage:
            raise NotFound(
                {"page": [f"There is no page {str(number)[:20]} of this list."]}
            ) from None
        return list(self.page)

    def get_paginated_response(self, data):
        paginator = self.page.paginator
        return Response(
            {
                "count": min(paginator.count, paginator.count_limit),
                "count_capped": paginator.is_capped,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        described = super().get_paginated_response_schema(schema)
        described["required"] = ["count", "count_capped", "next", "previous", "results"]
        described["properties"]["count_capped"] = {
            "type": "boolean",
            "description": "More rows match than `count` says (it counts to 10,000).",
        }
        return described
