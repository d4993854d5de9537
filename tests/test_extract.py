"""Extraction building blocks that need no NLP model: reading, normalising,
dates, gazetteer and scoring."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import Batch, Entity, EntityRecord, EntityType, Evidence, Name, Relation
from ingest.extract.documents import DocumentError, iter_documents, read_document
from ingest.extract.evaluate import evaluate
from ingest.extract.jdates import find_dates
from ingest.extract.normalise import normalise_name, normalise_text

DOCS = Path(__file__).parent / "fixtures" / "docs"


def test_normalise_folds_width_and_drops_furigana_and_markup() -> None:
    text = normalise_text(
        "２０１８年、大連（だいれん）市へ。[浙江省](https://x.example/z) ![](https://x.example/a.jpg)写真 **重要**"
    )
    assert "2018年" in text
    assert "大連市" in text and "だいれん" not in text
    assert "浙江省" in text and "https" not in text
    assert "**" not in text and "![" not in text
    assert normalise_name(" 撫順（ぶじゅん）市 ") == "撫順市"


@pytest.mark.parametrize(
    ("text", "ref", "iso"),
    [
        ("2018年5月8日に締結", None, "2018-05-08"),
        ("令和元年6月1日", None, "2019-06-01"),
        ("平成30年", None, "2018"),
        ("昭和58年に友好提携", None, "1983"),
        ("昨年11月に覚書", "2021-04-10", "2020-11"),
        ("来年には", "2016-12", "2017"),
        ("6月24日に開催", "2023-07-01", "2023-06-24"),
        ("on June 18, 2019", None, "2019-06-18"),
        ("2022/02/18", None, "2022-02-18"),
    ],
)
def test_dates_become_iso(text: str, ref: str | None, iso: str) -> None:
    assert [d.iso for d in find_dates(text, ref)][:1] == [iso]


def test_relative_dates_need_a_document_date() -> None:
    assert find_dates("昨年11月に覚書", None) == []


def test_front_matter_is_the_source_and_tables_become_fields() -> None:
    doc = read_document(DOCS / "fukui_zhejiang.md")
    assert doc.source.title == "福井県と浙江省が経済交流に関する覚書を締結"
    assert doc.source.published == "2021-04-10"
    assert doc.source.url == "https://example.org/news/fukui-zhejiang"
    assert doc.fields["覚書締結日"] == "2020年11月18日"
    assert "杭州市" in doc.text and "こうしゅう" not in doc.text
    # An image keeps its caption as a line of its own; the markup and address go.
    assert "署名式の様子" in doc.text.split("\n")
    assert "signing.jpg" not in doc.text and "![" not in doc.text


def test_shift_jis_html_is_decoded_with_metadata() -> None:
    doc = read_document(DOCS / "webinar_sjis.html")
    assert doc.source.title == "医療機器連携ウェビナーを開催しました"
    assert doc.source.published == "2022-03-01"
    assert doc.source.url == "https://example.org/webinar-fi"
    assert "2022年2月10日" in doc.text  # full-width digits folded
    assert doc.fields["日時"] == "2022年2月10日"


def test_matrices_become_per_column_marks(tmp_path: Path) -> None:
    path = tmp_path / "m.txt"
    path.write_text("支援\na. 相談窓口\tb. 再生医療\tc. 創薬\n-\t○\t-\n", encoding="utf-8")
    (matrix,) = read_document(path).matrices
    assert dict(zip(matrix.labels, matrix.marks, strict=True)) == {
        "a. 相談窓口": False,
        "b. 再生医療": True,
        "c. 創薬": False,
    }


def test_a_bad_document_is_reported_not_raised() -> None:
    results = dict(iter_documents([DOCS]))
    assert isinstance(results[DOCS / "broken.txt"], DocumentError)
    assert not isinstance(results[DOCS / "fukui_zhejiang.md"], DocumentError)


def test_a_country_name_with_a_note_in_brackets_gives_whole_names_only() -> None:
    from ingest.extract.gazetteer import base_gazetteer

    gaz = base_gazetteer()
    cocos = gaz.lookup("ココス諸島")
    assert cocos is not None and cocos.kind == "country"
    assert gaz.lookup("キーリング諸島") is cocos
    assert gaz.lookup("諸島") is None  # 「太平洋諸島センター」 names no country
    assert gaz.lookup("仏領") is None
    assert gaz.lookup("韓国") is gaz.lookup("大韓民国") is not None


def test_a_country_is_named_by_its_everyday_name_in_each_language() -> None:
    from graph.model import Lang
    from ingest.extract.gazetteer import base_gazetteer

    gaz = base_gazetteer()
    taiwan, korea, iran = gaz.lookup("台湾"), gaz.lookup("韓国"), gaz.lookup("イラン")
    assert taiwan is not None and korea is not None and iran is not None
    assert taiwan.primary(Lang.ZH) == "台湾"  # not the ISO list's 中国台湾省, which stays an alias
    assert gaz.lookup("中国台湾省") is taiwan
    assert korea.primary(Lang.ZH) == "韩国"
    assert iran.primary(Lang.JA) == "イラン"  # the ISO name イラン・イスラム共和国 is an alias
    assert gaz.lookup("イラン・イスラム共和国") is iran
    assert gaz.lookup("エストニア共和国") is gaz.lookup("エストニア") is not None  # the official name, as pages write it


def test_gazetteer_meets_variant_characters() -> None:
    from ingest.extract.gazetteer import base_gazetteer

    gaz = base_gazetteer()
    dalian = gaz.lookup("大連市")
    assert dalian is not None and dalian.type is EntityType.PLACE and dalian.kind == "city"
    assert gaz.lookup("大连") is dalian
    liaoning = gaz.lookup("遼寧省")
    assert liaoning is not None and liaoning.kind == "region" and liaoning.iso_code == "CN-LN"
    kanagawa = gaz.lookup("神奈川県")
    assert kanagawa is not None and kanagawa.iso_code == "JP-14"
    assert gaz.lookup("JETRO") is gaz.lookup("日本貿易振興機構")


def _entity(ident: str, type_: EntityType, *names: str, kind: str | None = None) -> EntityRecord:
    return EntityRecord(entity=Entity(id=ident, type=type_, kind=kind, names=tuple(Name(text=n) for n in names)))


def _rel(type_: str, a: str, b: str) -> Relation:
    return Relation(id=f"{type_}{a}{b}", type=type_, source=a, target=b, evidence=(Evidence(source="s"),))


def test_evaluate_matches_by_any_name_and_counts_by_type() -> None:
    gold = Batch(
        entities=[
            _entity("g1", EntityType.ORGANISATION, "日本貿易振興機構", "JETRO", kind="agency"),
            _entity("g2", EntityType.PLACE, "大連市", kind="city"),
            _entity("g3", EntityType.PERSON, "山田太郎"),
        ],
        relations=[_rel("located_in", "g1", "g2"), _rel("works_for", "g3", "g1")],
    )
    predicted = Batch(
        entities=[
            _entity("p1", EntityType.ORGANISATION, "JETRO", kind="agency"),
            _entity("p2", EntityType.PLACE, "大連", "大連市", kind="city"),
            _entity("p3", EntityType.PLACE, "日本", kind="country"),
        ],
        relations=[_rel("located_in", "p1", "p2"), _rel("located_in", "p2", "p3")],
    )
    report = evaluate(gold, predicted)
    assert report.entities["organisation"].tp == 1
    assert report.entities["place"].tp == 1 and report.entities["place"].fp == 1
    assert report.entities["person"].fn == 1
    assert report.relations["located_in"].tp == 1 and report.relations["located_in"].fp == 1
    assert report.relations["works_for"].fn == 1
    total = report.total(report.entities)
    assert total.precision == pytest.approx(2 / 3) and total.recall == pytest.approx(2 / 3)


def test_evaluate_never_matches_on_a_substring() -> None:
    gold = Batch(entities=[_entity("g", EntityType.ORGANISATION, "神戸医療産業都市推進機構", kind="agency")])
    predicted = Batch(entities=[_entity("p", EntityType.ORGANISATION, "推進機構", kind="agency")])
    assert evaluate(gold, predicted).entities["organisation"].tp == 0


def test_resolution_uses_whole_names_and_flags_near_misses(tmp_path: Path) -> None:
    from graph.embedded import EmbeddedStore
    from graph.model import Source
    from ingest.extract.gazetteer import with_store
    from ingest.extract.resolve import Status, StoreResolver

    stored = Entity(
        id="organisation:kobe-fbri",
        type=EntityType.ORGANISATION,
        kind="research_institute",
        names=(Name(text="神戸医療産業都市推進機構"), Name(text="FBRI")),
    )
    with EmbeddedStore(tmp_path / "s.sqlite") as store:
        store.write(Batch(sources=[Source(id="s", title="t")], entities=[EntityRecord(entity=stored, sources=("s",))]))
        resolver = StoreResolver(with_store(store), store)
        org = EntityType.ORGANISATION
        alias = resolver.resolve(org, ["FBRI"], None)
        assert (alias.id, alias.status) == (stored.id, Status.MATCHED)  # an alias resolves
        near = resolver.resolve(org, ["神戸医療産業都市推進機関"], None)
        assert near.id != stored.id and near.status is Status.UNCERTAIN  # a near miss is never merged …
        assert [c.id for c in near.candidates] == [stored.id]  # … but offered for review
        bare = resolver.resolve(org, ["推進機構"], None)
        assert bare.id != stored.id and bare.status is Status.NEW  # nor a bare substring


def test_bracketed_abbreviation_picked_by_the_ner_becomes_an_alias() -> None:
    from graph.model import EntityType
    from ingest.extract.mentions import Mention, capture_aliases

    text = "サンプル・テクノロジー・グループ(STG)は、リヨン・ビオポール(フランス)と連携した。"
    org = Mention(0, 16, "サンプル・テクノロジー・グループ", EntityType.ORGANISATION, "company", "suffix")
    abbr = Mention(17, 20, "STG", EntityType.ORGANISATION, None, "ner")
    other = Mention(23, 32, "リヨン・ビオポール", EntityType.ORGANISATION, "cluster", "suffix")
    country = Mention(33, 37, "フランス", EntityType.PLACE, "country", "gazetteer")
    mentions = [org, abbr, other, country]
    capture_aliases(text, mentions)
    assert org.aliases == ["STG"]
    assert abbr not in mentions  # one body, not two
    assert other.aliases == [] and country in mentions  # a country in brackets stays an entity
