"""Small fixture graphs for the query tests, written into real embedded stores.

The fixture mirrors the shape of the seed (a prefecture pair with two
agreements, a webinar series joining a Japanese prefecture and a Kobe cluster
through speakers and an organiser) with our own wording. No tests here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.embedded import EmbeddedStore
from graph.ids import relation_id
from graph.model import Batch, Entity, EntityRecord, EntityType, Evidence, Lang, Name, NameKind, Relation, Source

SOURCES = [
    Source(id="doc-webinars", title="Webinar series report", url="https://example.org/webinars", published="2022-04-01"),
    Source(id="doc-kanagawa", title="Partner region profile", url="https://example.org/liaoning", published="2019-06-01"),
    Source(id="doc-old", title="An old newsletter", published="2016-01-10"),
]


def entity(
    ident: str, type_: str, kind: str | None, en: str, ja: str | None = None, aliases: tuple[str, ...] = (), **extra: Any
) -> EntityRecord:
    names = [Name(text=en, lang=Lang.EN, kind=NameKind.PRIMARY)]
    if ja:
        names.append(Name(text=ja, lang=Lang.JA, kind=NameKind.PRIMARY))
    names += [Name(text=a, lang=Lang.UND, kind=NameKind.ALIAS) for a in aliases]
    return EntityRecord(
        entity=Entity(id=ident, type=EntityType(type_), kind=kind, names=tuple(names), **extra),
        sources=("doc-webinars",),
    )


def relation(
    type_: str,
    source: str,
    target: str,
    doc: str = "doc-webinars",
    confidence: float = 1.0,
    role: str | None = None,
    valid_from: str | None = None,
    valid_to: str | None = None,
) -> Relation:
    return Relation(
        id=relation_id(type_, source, target, role),
        type=type_,
        source=source,
        target=target,
        role=role,
        valid_from=valid_from,
        valid_to=valid_to,
        evidence=(Evidence(source=doc, confidence=confidence),),
    )


def fixture_batch() -> Batch:
    ents = [
        entity("place:japan", "place", "country", "Japan", "日本", iso_code="JP"),
        entity("place:china", "place", "country", "China", "中国", iso_code="CN"),
        entity("place:germany", "place", "country", "Germany", "ドイツ", iso_code="DE"),
        entity("place:spain", "place", "country", "Spain", "スペイン", iso_code="ES"),
        entity("place:kanagawa", "place", "region", "Kanagawa Prefecture", "神奈川県", ("Kanagawa",)),
        entity("place:liaoning", "place", "region", "Liaoning Province", "遼寧省", ("Liaoning",)),
        entity("place:dalian", "place", "city", "Dalian", "大連市"),
        entity("place:mie", "place", "region", "Mie Prefecture", "三重県", ("Mie",)),
        entity("place:basque", "place", "region", "Basque Country", "バスク州"),
        entity("place:hyogo", "place", "region", "Hyogo Prefecture", "兵庫県"),
        entity("place:kobe", "place", "city", "Kobe", "神戸市"),
        entity("place:shizuoka", "place", "region", "Shizuoka Prefecture", "静岡県"),
        entity("org:u-shizuoka", "organisation", "university", "University of Shizuoka", "静岡県立大学"),
        entity("org:fbri", "organisation", "cluster", "Kobe Biomedical Innovation Cluster", "神戸医療産業都市推進機構",
               ("FBRI",)),
        entity("org:clair", "organisation", "agency", "CLAIR", "自治体国際化協会"),
        entity("org:lsn", "organisation", "cluster", "Life Science Nord", "ライフ・サイエンス・ノルド"),
        entity("org:kanagawa-office", "organisation", "government_body", "Kanagawa Liaison Office", "神奈川県事務所"),
        entity("person:sasayama", "person", None, "Mikiko Sasayama", "笹山美紀子"),
        entity("person:niemann", "person", None, "Sarah Niemann", "サラ・ニーマン"),
        entity("person:mie-officer", "person", None, "Mie Officer", "三重県職員"),
        entity("person:basque-officer", "person", None, "Basque Officer", "バスク州職員"),
        entity("event:webinar-feb", "event", "webinar", "Webinar on medical clusters", "医療ウェビナー",
               start="2022-02-18"),
        entity("event:webinar-mar", "event", "webinar", "Webinar on Mie and Basque", "三重バスクウェビナー",
               start="2022-03-10"),
        entity("agreement:mou-2018", "agreement", "mou", "Kanagawa-Liaoning MOU 2018", "神奈川遼寧覚書2018",
               signed="2018-05-08"),
        entity("agreement:friendship-1983", "agreement", "friendship", "Kanagawa-Liaoning friendship", "友好提携",
               signed="1983-08-05"),
        entity("sector:healthcare", "sector", None, "Healthcare", "医療"),
    ]
    rels = [
        relation("located_in", "place:kanagawa", "place:japan"),
        relation("located_in", "place:mie", "place:japan"),
        relation("located_in", "place:hyogo", "place:japan"),
        relation("located_in", "place:shizuoka", "place:japan"),
        relation("located_in", "place:kobe", "place:hyogo"),
        relation("located_in", "place:liaoning", "place:china"),
        relation("located_in", "place:dalian", "place:liaoning"),
        relation("located_in", "place:basque", "place:spain"),
        relation("located_in", "org:fbri", "place:kobe"),
        relation("located_in", "org:clair", "place:japan"),
        relation("located_in", "org:lsn", "place:germany"),
        relation("located_in", "org:kanagawa-office", "place:dalian"),
        relation("located_in", "org:u-shizuoka", "place:shizuoka"),
        relation("part_of", "org:kanagawa-office", "place:kanagawa", doc="doc-kanagawa"),
        relation("focuses_on", "org:fbri", "sector:healthcare"),
        relation("focuses_on", "org:lsn", "sector:healthcare"),
        relation("focuses_on", "event:webinar-feb", "sector:healthcare"),
        relation("works_for", "person:sasayama", "org:fbri", role="coordinator"),
        relation("works_for", "person:niemann", "org:lsn"),
        relation("works_for", "person:mie-officer", "place:mie"),
        relation("works_for", "person:basque-officer", "place:basque"),
        relation("organised", "org:clair", "event:webinar-feb"),
        relation("organised", "org:clair", "event:webinar-mar"),
        relation("spoke_at", "person:sasayama", "event:webinar-feb"),
        relation("spoke_at", "person:niemann", "event:webinar-feb"),
        relation("spoke_at", "person:mie-officer", "event:webinar-mar"),
        relation("spoke_at", "person:basque-officer", "event:webinar-mar"),
        relation("partner_of", "place:mie", "place:basque", confidence=0.9),
        relation("party_to", "place:kanagawa", "agreement:mou-2018", doc="doc-kanagawa", valid_from="2018-05-08"),
        relation("party_to", "place:liaoning", "agreement:mou-2018", doc="doc-kanagawa", valid_from="2018-05-08"),
        relation("party_to", "place:kanagawa", "agreement:friendship-1983", doc="doc-old", valid_from="1983-08-05"),
        relation("party_to", "place:liaoning", "agreement:friendship-1983", doc="doc-old", valid_from="1983-08-05"),
    ]
    return Batch(sources=list(SOURCES), entities=ents, relations=rels)


def fixture_store(tmp_path: Path) -> EmbeddedStore:
    store = EmbeddedStore(tmp_path / "fixture.sqlite")
    store.write(fixture_batch())
    return store
