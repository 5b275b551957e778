"""What synthetic articles point to, through the ORM (thousands of rows, not millions): the
reference records and themes of fixtures/reference.json, and the synthetic cast (outlets,
speakers, dialogues, rounds) matched to real records by name."""

import json

from django.conf import settings

from statements.synth.records import PREFIX
from statements.synth.themes import reference_themes


def ensure_reference():
    """On a database without any of the reference records, load fixtures/reference.json, as
    ``seed`` would: otherwise synthetic speakers could take reference names ("Chinese
    delegation") and a later ``seed`` would fail on them. A database holding some reference
    records is left as it is, so nothing an archivist edited is overwritten."""
    from django.core.management import call_command

    from statements.models import Dialogue, Outlet, Speaker

    path = settings.BASE_DIR / "fixtures" / "reference.json"
    slugs = {}
    for record in json.loads(path.read_text(encoding="utf-8")):
        slugs.setdefault(record["model"], []).append(record["fields"].get("slug"))
    present = (
        Speaker.objects.filter(slug__in=slugs.get("statements.speaker", [])).exists()
        or Outlet.objects.filter(slug__in=slugs.get("statements.outlet", [])).exists()
        or Dialogue.objects.filter(slug__in=slugs.get("statements.dialogue", [])).exists()
    )
    if not present:
        call_command("loaddata", path, verbosity=0)


def ensure_themes():
    """The reference themes exist (created from the fixture when missing, never changed)."""
    from statements.models import Theme

    for slug, (name, description, keywords) in reference_themes().items():
        if (
            not Theme.objects.filter(slug=slug).exists()
            and not Theme.objects.filter(name=name).exists()
        ):
            Theme.objects.create(slug=slug, name=name, description=description, keywords=keywords)
    return {t.slug: (t.id, t.keyword_list) for t in Theme.objects.all()}


def store_cast(cast, report):
    """Outlets, speakers, dialogues and rounds through the ORM (thousands of rows, not
    millions); existing synthetic records are reused, real ones matched by name. Returns slug ->
    id maps."""
    from statements.models import Dialogue, DialogueRound, Outlet, Speaker

    def upsert(model, items, build, name_attr="name"):
        ids = dict(model.objects.filter(slug__startswith=PREFIX).values_list("slug", "id"))
        real = dict(model.objects.exclude(slug__startswith=PREFIX).values_list(name_attr, "id"))
        new = []
        for item in items:
            if item.slug in ids:
                continue
            if getattr(item, name_attr) in real:
                ids[item.slug] = real[getattr(item, name_attr)]
                continue
            new.append(build(item))
        model.objects.bulk_create(new, batch_size=1000)
        report.created[model._meta.model_name] = len(new)
        ids.update(dict(model.objects.filter(slug__startswith=PREFIX).values_list("slug", "id")))
        return ids

    outlets = upsert(
        Outlet,
        cast.outlets,
        lambda o: Outlet(slug=o.slug, name=o.name, country=o.country, url=o.url),
    )
    speakers = upsert(
        Speaker,
        cast.speakers,
        lambda s: Speaker(
            slug=s.slug,
            name=s.name,
            kind=s.kind,
            country=s.country,
            title=s.title,
            native_name=s.native_name,
            aliases="\n".join(s.aliases),
            outlet_id=outlets.get(s.outlet),
        ),
    )
    dialogues = upsert(
        Dialogue,
        cast.dialogues,
        lambda d: Dialogue(
            slug=d.slug,
            name=d.name,
            parties=f"{d.parties[0].name}, {d.parties[1].name}",
            established=d.established,
            description=f"A standing {d.kind.lower()} between {d.parties[0].name} and "
            f"{d.parties[1].name}, begun in {d.established}.",
            aliases="\n".join(d.aliases),
        ),
    )
    taken = set(DialogueRound.objects.values_list("dialogue_id", "start_date"))
    existing = set(
        DialogueRound.objects.filter(slug__startswith=PREFIX).values_list("slug", flat=True)
    )
    new_rounds = []
    for r in cast.rounds:
        key = (dialogues[r.dialogue.slug], r.start)
        if r.slug in existing or key in taken:
            continue
        taken.add(key)
        new_rounds.append(
            DialogueRound(
                slug=r.slug,
                dialogue_id=key[0],
                ordinal=r.ordinal,
                location=r.location,
                start_date=r.start,
                end_date=r.end,
                summary=r.summary,
            )
        )
    DialogueRound.objects.bulk_create(new_rounds, batch_size=1000)
    report.created["dialogueround"] = len(new_rounds)
    rounds = dict(DialogueRound.objects.filter(slug__startswith=PREFIX).values_list("slug", "id"))
    created = {r.slug for r in new_rounds}
    Chair = DialogueRound.co_chairs.through
    Chair.objects.bulk_create(
        [
            Chair(dialogueround_id=rounds[r.slug], speaker_id=speakers[s])
            for r in cast.rounds
            if r.slug in created
            for s in dict.fromkeys(r.co_chairs)
        ],
        batch_size=1000,
    )
    return outlets, speakers, rounds
