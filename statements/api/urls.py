"""/api/: the router's endpoints, the OpenAPI schema and its browsable docs page."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from statements.api import views

router = DefaultRouter(trailing_slash=True)
router.include_format_suffixes = False
router.register("quotes", views.QuoteViewSet, basename="api-quote")
router.register("articles", views.ArticleViewSet, basename="api-article")
router.register("speakers", views.SpeakerViewSet, basename="api-speaker")
router.register("rounds", views.RoundViewSet, basename="api-round")
router.register("dialogues", views.DialogueViewSet, basename="api-dialogue")
router.register("themes", views.ThemeViewSet, basename="api-theme")
router.register("outlets", views.OutletViewSet, basename="api-outlet")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    *router.urls,
]
