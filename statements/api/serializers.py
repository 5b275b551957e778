"""How each record reads in the API, the dump (``dumparchive``) and the JSON exports.

Related records are nested as small references (slug, name, permalink) so that a client
never needs a second request to label a row; each reference's slug is its stable id.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from statements.models import (
    Article,
    Carrier,
    Dialogue,
    DialogueRound,
    Outlet,
    Quote,
    Speaker,
    Theme,
)


@extend_schema_field(OpenApiTypes.URI)
class PermalinkField(serializers.Field):
    """The record's page on the archive, absolute when a request is at hand."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, obj):
        # A page of quotes names the same speakers, articles and rounds many times over:
        # each is reversed once per response (reverse() was a third of a dump's time).
        known = self.context.setdefault("permalinks", {})
        key = (type(obj), obj.pk)
        if key not in known:
            url = obj.get_absolute_url()
            request = self.context.get("request")
            known[key] = request.build_absolute_uri(url) if request is not None else url
        return known[key]


class OutletRef(serializers.ModelSerializer):
    class Meta:
        model = Outlet
        fields = ["slug", "name", "country"]


class ThemeRef(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["slug", "name"]


class SpeakerRef(serializers.ModelSerializer):
    permalink = PermalinkField()

    class Meta:
        model = Speaker
        fields = ["slug", "name", "kind", "country", "permalink"]


class DialogueRef(serializers.ModelSerializer):
    class Meta:
        model = Dialogue
        fields = ["slug", "name"]


class RoundRef(serializers.ModelSerializer):
    dialogue = DialogueRef()
    label = serializers.CharField(read_only=True)
    permalink = PermalinkField()

    class Meta:
        model = DialogueRound
        fields = ["slug", "label", "dialogue", "start_date", "end_date", "permalink"]


class ArticleRef(serializers.ModelSerializer):
    outlet = OutletRef(allow_null=True)
    permalink = PermalinkField()
    source_url = serializers.CharField(source="url")

    class Meta:
        model = Article
        fields = ["slug", "title", "outlet", "published_on", "source_url", "permalink"]


class QuoteSerializer(serializers.ModelSerializer):
    permalink = PermalinkField()
    speaker = SpeakerRef()
    article = ArticleRef()
    round = RoundRef(allow_null=True)
    themes = ThemeRef(many=True)
    reviewed = serializers.BooleanField(source="is_reviewed")

    class Meta:
        model = Quote
        fields = [
            "id",
            "permalink",
            "text",
            "kind",
            "said_on",
            "speaker",
            "speaker_role",
            "article",
            "start",
            "end",
            "round",
            "themes",
            "reviewed",
            "relayed_by",
            "provenance",
        ]


class CarrierRef(serializers.ModelSerializer):
    """Another outlet's copy of the article (a syndicated story): who, when, where."""

    outlet = OutletRef(allow_null=True)
    source_url = serializers.CharField(source="url")

    class Meta:
        model = Carrier
        fields = ["outlet", "title", "published_on", "source_url"]


class ArticleSerializer(serializers.ModelSerializer):
    permalink = PermalinkField()
    outlet = OutletRef(allow_null=True)
    source_url = serializers.CharField(source="url")
    rounds = RoundRef(many=True)
    themes = ThemeRef(many=True)
    carriers = CarrierRef(many=True)
    quote_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Article
        fields = [
            "id",
            "slug",
            "permalink",
            "title",
            "outlet",
            "published_on",
            "published_on_inferred",
            "dateline",
            "source_url",
            "rounds",
            "themes",
            "carriers",
            "quote_count",
            "provenance",
        ]


class ArticleDetailSerializer(ArticleSerializer):
    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body"]


class SpeakerSerializer(serializers.ModelSerializer):
    permalink = PermalinkField()
    outlet = OutletRef(allow_null=True)
    aliases = serializers.ListField(source="alias_list", child=serializers.CharField())
    quote_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Speaker
        fields = [
            "id",
            "slug",
            "permalink",
            "name",
            "kind",
            "country",
            "title",
            "native_name",
            "aliases",
            "outlet",
            "quote_count",
        ]


class RoundSerializer(serializers.ModelSerializer):
    permalink = PermalinkField()
    label = serializers.CharField(read_only=True)
    dialogue = DialogueRef()
    co_chairs = SpeakerRef(many=True)
    quote_count = serializers.IntegerField(read_only=True)
    article_count = serializers.IntegerField(read_only=True)
    reviewed = serializers.BooleanField(source="is_reviewed")

    class Meta:
        model = DialogueRound
        fields = [
            "id",
            "slug",
            "permalink",
            "label",
            "dialogue",
            "ordinal",
            "location",
            "start_date",
            "end_date",
            "co_chairs",
            "summary",
            "quote_count",
            "article_count",
            "reviewed",
        ]


class DialogueSerializer(serializers.ModelSerializer):
    permalink = PermalinkField()
    parties = serializers.ListField(source="party_list", child=serializers.CharField())
    aliases = serializers.ListField(source="alias_list", child=serializers.CharField())
    round_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Dialogue
        fields = [
            "id",
            "slug",
            "permalink",
            "name",
            "parties",
            "established",
            "description",
            "aliases",
            "round_count",
        ]


class ThemeSerializer(serializers.ModelSerializer):
    permalink = PermalinkField()
    quote_count = serializers.IntegerField(read_only=True)
    article_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Theme
        fields = ["id", "slug", "permalink", "name", "description", "quote_count", "article_count"]


class OutletSerializer(serializers.ModelSerializer):
    articles = serializers.SerializerMethodField()
    source_url = serializers.CharField(source="url")
    aliases = serializers.ListField(source="alias_list", child=serializers.CharField())
    article_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Outlet
        fields = [
            "id",
            "slug",
            "name",
            "country",
            "source_url",
            "aliases",
            "articles",
            "article_count",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_articles(self, outlet):
        """The outlet's articles on the archive (it has no page of its own)."""
        url = outlet.get_absolute_url()
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request is not None else url
