"""Relation and mention rules on short hand-written pages (GiNZA needed): each
test names one general construction and checks what the extractor makes of it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("ginza")

from ingest.extract.documents import read_document
from ingest.extract.gazetteer import base_gazetteer
from ingest.extract.pipeline import Resolver, parse, strip_private, to_facts


def _extract(tmp_path: Path, text: str) -> dict[str, Any]:
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    gaz = base_gazetteer()
    facts, _review = to_facts(parse(read_document(page)), gaz, Resolver(gaz, None))
    return strip_private(facts)


def _names(facts: dict[str, Any], type_: str) -> dict[str, str]:
    """Every name and alias of the entities of one type -> entity id."""
    out = {}
    for e in facts["entities"]:
        if e["type"] == type_:
            for text in [*e["name"].values(), *(a["text"] for a in e.get("aliases", []))]:
                out[text] = e["id"]
    return out


def _ties(facts: dict[str, Any], type_: str) -> set[tuple[str, str]]:
    return {(r["source"], r["target"]) for r in facts["relations"] if r["type"] == type_}


def test_a_country_the_page_never_names_is_not_a_place_found(tmp_path: Path) -> None:
    quiet = _extract(tmp_path, "秋田県の知事は来月、県内の企業を視察する予定です。\n")
    assert "秋田県" in _names(quiet, "place")
    assert "日本" not in _names(quiet, "place")
    named = _extract(tmp_path, "日本の秋田県は来月、県内の企業を視察する予定です。\n")
    assert "日本" in _names(named, "place")


def test_a_lake_named_with_a_suffix_is_no_person(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "滋賀県は米国ミシガン州と水環境に関する覚書を締結した。琵琶湖と五大湖を抱える両地域の交流は長い。\n",
    )
    assert "五大湖" not in _names(facts, "person")
    assert "ミシガン州" in _names(facts, "place")


def test_a_foreign_name_before_a_states_post_is_a_person_not_a_place(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "岡山県はインドの州政府経済ミッション(団長:ラジェシュ・クマール州産業大臣)を受け入れた。\n",
    )
    assert not any("クマール" in name for name in _names(facts, "place"))
    assert "ラジェシュ・クマール" in _names(facts, "person")


def test_a_conference_hall_is_no_event(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "北九州市は大連市の代表団を迎えた。会場の北九州国際会議場には市民約200名が来場した。\n")
    assert "北九州国際会議場" not in _names(facts, "event")


def test_a_kanji_family_name_before_a_katakana_given_name_is_part_of_the_name(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "沖縄県は台湾で商談会を開いた。玉城デニー知事のビデオメッセージが上映された。\n")
    persons = _names(facts, "person")
    assert "玉城デニー" in persons
    assert "デニー" not in persons


def test_a_title_phrase_with_a_particle_is_no_event(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "千葉大学、ドイツ・フライブルク大学と協定\n千葉大学はドイツのフライブルク大学と部局間協定を締結した。\n",
    )
    assert not any("協定" in name for name in _names(facts, "event"))
    assert "フライブルク大学" in _names(facts, "organisation")


def test_a_persons_name_before_a_bodys_ending_names_the_body(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "千葉大学は、ドイツのアルベルト・ルートヴィヒ大学フライブルクと協定を締結した。横手幸太郎学長が出席した。\n",
    )
    persons = _names(facts, "person")
    assert "アルベルト・ルートヴィヒ" not in persons
    assert "横手幸太郎" in persons


def test_a_family_name_that_is_a_place_before_a_place_and_its_post(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "長崎幸太郎山梨県知事は6月にフランスを訪問し、地域圏議会の議長と会談した。\n")
    assert "長崎幸太郎" in _names(facts, "person")
    assert "長崎" not in _names(facts, "place")


def test_who_runs_a_kind_of_body_names_no_body(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "福井県は米国オレゴン州と覚書を交わした。県立の博物館と州立大学の研究者が交流する。\n",
    )
    assert "州立大学" not in _names(facts, "organisation")
    assert "オレゴン州" in _names(facts, "place")


def test_a_family_name_alone_before_a_post_is_no_place(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "佐賀県の山口祥義知事はタイのチェンマイ県を訪問した。\n(写真左から)山口知事、県長\n",
    )
    assert "山口祥義" in _names(facts, "person")
    assert "山口" not in _names(facts, "place")


def test_a_garden_read_as_a_school_is_no_body(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "江蘇省の訪日団は石川県を訪れた。兼六園や金沢21世紀美術館の視察も行われた。\n")
    assert "兼六園" not in _names(facts, "organisation")
    assert "江蘇省" in _names(facts, "place")


def test_the_rest_of_a_hotels_name_is_no_body(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "香川県の知事は台南市の市長と交流協定に署名した。署名式は高松市のJRホテルクレメント高松で行われた。\n",
    )
    assert not any("クレメント" in name for name in _names(facts, "organisation"))
    assert "台南市" in _names(facts, "place")


def test_initials_and_a_katakana_name_end_where_the_posts_field_begins(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "知事は、インドのタミル・ナドゥ州を訪問し、同州のT.R.B.ラージャー産業大臣と会談した。\n")
    persons = _names(facts, "person")
    assert "T.R.B.ラージャー" in persons
    assert not any(name.endswith("産業") for name in persons)


def test_a_place_run_into_a_latin_bodys_name_is_no_department_of_the_place(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "JETRO大阪本部、インド投資セミナーを開催\nJETRO大阪本部は10月、セミナーを開いた。\n")
    assert "大阪本部" not in _names(facts, "organisation")


def test_a_visit_to_the_pages_own_prefecture_names_no_host(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "岐阜県は海外との交流を進めている。\n"
        "5月10日、フランスのリヨン市からジャン・デュポン市長が来県し、企業を視察した。\n"
        "翌日、県庁を訪れたアンナ・シュミット大使は観光について説明した。\n",
    )
    places, persons = _names(facts, "place"), _names(facts, "person")
    visits = _ties(facts, "visited")
    assert (persons["ジャン・デュポン"], places["岐阜県"]) in visits
    assert (persons["アンナ・シュミット"], places["岐阜県"]) in visits


def test_a_courtesy_call_on_a_person_and_a_meeting_with_several(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "佐賀県の山口祥義知事は3日、ピーター・ミラー州首相(61)とマリア・ロッシ総領事と会談した。\n"
        "同日、ハンス・ベッカー大使が山口祥義知事を表敬訪問した。\n",
    )
    persons = _names(facts, "person")
    met = _ties(facts, "met_with") | {(b, a) for a, b in _ties(facts, "met_with")}
    assert (persons["山口祥義"], persons["ピーター・ミラー"]) in met
    assert (persons["山口祥義"], persons["マリア・ロッシ"]) in met
    # a courtesy call visits the body the person heads and meets the person
    assert (persons["ハンス・ベッカー"], _names(facts, "place")["佐賀県"]) in _ties(facts, "visited")
    assert (persons["ハンス・ベッカー"], persons["山口祥義"]) in met


def test_a_known_citys_name_with_a_provinces_ending_is_the_province(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "広島県と済州道は観光交流に関する覚書を締結した。済州道知事が来日した。\n")
    places = _names(facts, "place")
    assert "済州道" in places and "済州" not in places
    (agreement,) = [e["id"] for e in facts["entities"] if e["type"] == "agreement"]
    assert {(places["広島県"], agreement), (places["済州道"], agreement)} <= _ties(facts, "party_to")


def _agreements(facts: dict[str, Any]) -> dict[str, set[str]]:
    """Agreement name -> the ids of its parties."""
    names = {e["id"]: e["name"]["ja"] for e in facts["entities"] if e["type"] == "agreement"}
    out: dict[str, set[str]] = {n: set() for n in names.values()}
    for source, target in _ties(facts, "party_to"):
        out[names[target]].add(source)
    return out


def test_clauses_sharing_their_subject_share_the_parties(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "長野県と浙江省は1990年に友好提携を締結し、2019年には環境分野の協力を進める覚書を締結した。\n",
    )
    places = _names(facts, "place")
    both = {places["長野県"], places["浙江省"]}
    parties = _agreements(facts)
    assert len(parties) == 2 and all(p == both for p in parties.values())


def test_an_agreement_reached_is_an_agreement(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "共通点の多い群馬県と四川省は、1987年に姉妹提携に至った。\n")
    places = _names(facts, "place")
    assert list(_agreements(facts).values()) == [{places["群馬県"], places["四川省"]}]


def test_townships_and_a_village_inside_its_prefectures_token(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "交流の面では、昨年5月に長野県阿智村と南投県埔里鎮が「観光交流に関する覚書」を締結した。\n"
        "また新北市の坪林郷とも交流がある。\n",
    )
    places = _names(facts, "place")
    assert {"阿智村", "埔里鎮", "坪林郷"} <= set(places)
    # the prefecture written only as the village's first part locates it: the full name is the village's alias
    assert places["長野県阿智村"] == places["阿智村"] and "長野県" not in places
    # the coordinated subject signs, not the topic before it nor the places that locate the parties
    assert list(_agreements(facts).values()) == [{places["阿智村"], places["埔里鎮"]}]


def test_a_pair_named_before_a_quoted_agreement_signs_it(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "2001年に岡山県と江西省が提携して以来、鳥取県と吉林省の「環境と観光分野における協力覚書」締結で5件目となる。\n",
    )
    places = _names(facts, "place")
    assert {places["鳥取県"], places["吉林省"]} in list(_agreements(facts).values())
    assert not any(places["岡山県"] in p and places["鳥取県"] in p for p in _agreements(facts).values())


def test_fragments_of_posts_and_ordinary_words_are_not_places(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "神戸市の久元市長と阿児和成副市長が出席し、来賓の挨拶があった。両県州の代表も参加した。\n",
    )
    places = set(_names(facts, "place"))
    assert "神戸市" in places
    assert not places & {"久元市", "和成副市", "来賓", "両県州"}


def test_paired_list_rows_name_partners(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "本年度の採択案件は次のとおり。\n\n"
        "  1. 静岡県-ドイツ・NRW州(医療機器)\n"
        "  2. 福井県 — フランス・リヨン市 (リヨン商工会議所)\n"
        "  3. 長野県南部地域-イタリア・ロンバルディア州(精密機械)\n",
    )
    places, orgs = _names(facts, "place"), _names(facts, "organisation")
    partners = _ties(facts, "partner_of") | {(b, a) for a, b in _ties(facts, "partner_of")}
    assert (places["静岡県"], places["NRW州"]) in partners
    assert (places["福井県"], places["リヨン市"]) in partners
    assert (places["福井県"], orgs["リヨン商工会議所"]) in partners
    assert "長野県南部地域" in places  # an area of a prefecture, named with it
    assert not any(places["ドイツ"] in pair for pair in partners)


def test_a_paired_row_ending_in_an_agreement_names_the_agreement_of_both_sides(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "本県の海外連携先は次のとおりです。\n"
        "・富山県 ― 遼寧省(中国) 友好交流協定\n"
        "・富山県産業創造センター ― マレーシア製造業連盟(FMM) 協力覚書\n",
    )
    places, orgs = _names(facts, "place"), _names(facts, "organisation")
    parties = _ties(facts, "party_to")
    held = {a: {p for p, b in parties if b == a} for _p, a in parties}
    assert {places["富山県"], places["遼寧省"]} in held.values()
    assert {orgs["富山県産業創造センター"], orgs["マレーシア製造業連盟"]} in held.values()


def test_table_rows_under_a_heading_without_a_home_pair_their_own_cells(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "道内自治体の姉妹都市一覧\n"
        "| 道内の市 | 海外の姉妹都市 | 締結年 |\n"
        "| 函館市 | ハリファックス市(カナダ) | 1982年 |\n"
        "| 小樽市 | ナホトカ市(ロシア) | 1966年 |\n",
    )
    places = _names(facts, "place")
    parties = _ties(facts, "party_to")
    held = {a: {p for p, b in parties if b == a} for _p, a in parties}
    assert {places["函館市"], places["ハリファックス市"]} in held.values()
    assert {places["小樽市"], places["ナホトカ市"]} in held.values()
    assert not any(places["函館市"] in sides and places["ナホトカ市"] in sides for sides in held.values())


def test_heads_named_together_serve_the_parties_in_the_order_they_were_named(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "山梨大学とリヨン第一大学は共同研究協定を締結した。協定書には島田真路学長とフレデリック・フルーリー学長が"
        "署名した。\n"
        "その後、山梨大学の学生寮を見学した後、佐藤一郎学長が記者会見に臨んだ。\n",
    )
    orgs, persons = _names(facts, "organisation"), _names(facts, "person")
    works = _ties(facts, "works_for")
    assert (persons["島田真路"], orgs["山梨大学"]) in works
    assert (persons["フレデリック・フルーリー"], orgs["リヨン第一大学"]) in works
    assert (persons["島田真路"], orgs["リヨン第一大学"]) not in works
    assert (persons["佐藤一郎"], orgs["山梨大学"]) in works  # named alone: the body named last


def test_a_governor_heads_a_fu_not_a_body_whose_name_ends_in_seifu(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "大阪府は、南アフリカ共和国ハウテン州政府と、ビジネス交流の促進に関する協力覚書を締結しました。"
        "締結式は府庁で行われ、吉村洋文知事とパニャザ・レスフィ州首相が出席しました。\n",
    )
    persons, places = _names(facts, "person"), _names(facts, "place")
    employers = {t for s, t in _ties(facts, "works_for") if s == persons["吉村洋文"]}
    assert employers == {places["大阪府"]}


def test_a_state_government_after_its_countrys_official_name_is_the_state(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "岐阜県は、ブラジル連邦共和国サンタカタリーナ州政府と、観光交流に関する覚書を取り交わしました。\n",
    )
    places = _names(facts, "place")
    assert "サンタカタリーナ州" in places and "サンタカタリーナ州政府" not in _names(facts, "organisation")
    parties = {p for p, _a in _ties(facts, "party_to")}
    assert {places["岐阜県"], places["サンタカタリーナ州"]} <= parties


def test_chinese_and_korean_names_before_a_post_are_named_in_full(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "会談には石川県の馳浩知事と許昆林省長、周乃翔副省長らが臨んだ。\n"
        "シンポジウムでは、高麗大学の朴賢洙教授、釜山大学の鄭美英准教授が講演した。\n"
        "全羅南道の金英録知事を団長とする代表団が来県した。\n",
    )
    persons, orgs = _names(facts, "person"), _names(facts, "organisation")
    assert {"許昆林", "周乃翔", "朴賢洙", "鄭美英", "金英録"} <= set(persons)
    assert not {"昆林", "乃翔"} & set(persons)
    assert (persons["朴賢洙"], orgs["高麗大学"]) in _ties(facts, "works_for")


def test_a_foreign_name_right_after_a_word_for_a_kind_of_body_is_that_body(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "徳島県は、インドの製薬大手シプラと、創薬人材の交流に関する覚書を締結した。\n"
        "また、ノルウェーの支援機関ノルウェイイノベーションと県内企業の交流を進める。\n"
        "会場には市内のスタートアップカフェや企業コンソーシアムが出展した。\n",
    )
    orgs = _names(facts, "organisation")
    assert {"シプラ", "ノルウェイイノベーション"} <= set(orgs)
    assert not {"カフェ", "コンソーシアム"} & set(orgs)
    parties = {p for p, _a in _ties(facts, "party_to")}
    assert orgs["シプラ"] in parties


def test_a_foreign_companys_japanese_subsidiary_is_a_unit_of_it_not_japan(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "富山県とドイツの電機大手シーメンスは覚書を交わした。式にはシーメンス日本法人のクラウス・ミュラー社長が出席した。\n",
    )
    orgs, persons, places = _names(facts, "organisation"), _names(facts, "person"), _names(facts, "place")
    employers = {t for s, t in _ties(facts, "works_for") if s == persons["クラウス・ミュラー"]}
    assert employers == {orgs["シーメンス日本法人"]}
    assert "日本" not in places or places["日本"] not in employers


def test_a_katakana_name_after_a_post_in_a_table_cell_is_a_person(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "「日本・デンマーク洋上風力ウェビナー」を開催しました。\n"
        "| 時間 | 内容 | 登壇者 |\n"
        "| 10:00 | 基調講演 | デンマーク気候エネルギー省 次官 ソーレン・ハンセン |\n",
    )
    persons, orgs = _names(facts, "person"), _names(facts, "organisation")
    assert (persons["ソーレン・ハンセン"], orgs["デンマーク気候エネルギー省"]) in _ties(facts, "works_for")


def test_a_state_named_with_an_equals_sign_and_its_ministry_are_read_whole(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "長野県は、ドイツのノルトライン・ヴェストファーレン州経済・産業・気候保護・エネルギー省と、精密機械分野の"
        "交流に関する趣意書に署名した。ザクセン=アンハルト州とも協議を進める。\n",
    )
    places, orgs = _names(facts, "place"), _names(facts, "organisation")
    assert "ザクセン=アンハルト州" in places  # the gazetteer spells it with ・
    ministry = orgs["ノルトライン・ヴェストファーレン州経済・産業・気候保護・エネルギー省"]
    assert (ministry, places["ノルトライン・ヴェストファーレン州"]) in _ties(facts, "part_of")
    parties = {p for p, _a in _ties(facts, "party_to")}
    assert {places["長野県"], ministry} <= parties  # 趣意書: a letter of intent


def test_the_last_of_a_counted_list_of_parties_signs_too(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "栃木県は、宇都宮大学、足利大学、白鷗大学の3大学と、観光人材の育成に関する連携協定を締結した。\n",
    )
    orgs = _names(facts, "organisation")
    parties = {p for p, _a in _ties(facts, "party_to")}
    assert {orgs["宇都宮大学"], orgs["足利大学"], orgs["白鷗大学"]} <= parties


def test_a_latin_acronym_after_a_body_word_and_a_long_english_alias_in_brackets(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "岡山県は、マレーシア政府の投資開発庁MIDAと、医療機器分野の交流に関するMOUを締結した。"
        "同県はマレーシア外部貿易開発公社(Malaysia External Trade Development)とも連携している。\n",
    )
    orgs = _names(facts, "organisation")
    assert "MIDA" in orgs and orgs["MIDA"] in {p for p, _a in _ties(facts, "party_to")}
    assert orgs.get("Malaysia External Trade Development") == orgs["マレーシア外部貿易開発公社"]


def test_a_region_named_with_equals_signs_is_read_whole(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "京都府は、フランスのブルゴーニュ=フランシュ=コンテ地域圏と、ワイン産業の交流に関する覚書に署名した。\n",
    )
    places = _names(facts, "place")
    assert "ブルゴーニュ=フランシュ=コンテ地域圏" in places
    assert "フランシュ=コンテ地域圏" not in places and "コンテ地域圏" not in places


def test_a_deputys_prefix_and_a_bodys_headquarters_are_read_right(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "福岡県上海事務所の所員は、江蘇省商務庁の李明副庁長と懇談した。\n"
        "説明会では、ジェトロ福岡本部の川口真一本部長があいさつした。\n",
    )
    persons, orgs = _names(facts, "person"), _names(facts, "organisation")
    assert "李明" in persons and "李明副" not in persons
    assert (persons["川口真一"], orgs["ジェトロ福岡本部"]) in _ties(facts, "works_for")


def test_both_sides_as_the_subject_of_a_signing_are_the_pair_named_before(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "富山県と遼寧省の友好提携40周年を祝う式典が瀋陽市で開かれた。"
        "式典に先立ち、両者は環境分野の協力に関する覚書に調印した。\n",
    )
    places = _names(facts, "place")
    agreements = {e["id"]: e for e in facts["entities"] if e["type"] == "agreement" and e["kind"] == "mou"}
    assert len(agreements) == 1
    (mou,) = agreements
    assert {p for p, a in _ties(facts, "party_to") if a == mou} == {places["富山県"], places["遼寧省"]}


def test_an_autonomous_province_in_katakana_and_a_school_called_back_by_doko(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "採択ペア\n1. 松本市 ― イタリア・ボルツァーノ自治県(山岳観光)\n"
        "信州大学は、タイのチュラロンコン大学サラブリ校と交流協定を結んだ。同校のソムチャイ・ウォン副学長が来学した。\n",
    )
    places, orgs, persons = _names(facts, "place"), _names(facts, "organisation"), _names(facts, "person")
    assert (places["松本市"], places["ボルツァーノ自治県"]) in _ties(facts, "partner_of")
    assert (persons["ソムチャイ・ウォン"], orgs["チュラロンコン大学サラブリ校"]) in _ties(facts, "works_for")


def test_names_the_tagger_marks_before_a_post_are_a_person_whatever_the_entity_label(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "同校のソムチャイ・ウォン校長が来学した。\n")
    assert "ソムチャイ・ウォン" in _names(facts, "person")
    assert "ソムチャイ・ウォン" not in _names(facts, "event")


def test_the_host_named_after_a_group_led_by_a_mayor_is_no_visitor(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "台中市の林佳龍市長が率いる訪問団が熊本市を訪れ、大西一史市長と会談した。\n",
    )
    places, persons = _names(facts, "place"), _names(facts, "person")
    visited = _ties(facts, "visited")
    assert (persons["林佳龍"], places["熊本市"]) in visited
    assert (persons["大西一史"], places["熊本市"]) not in visited


def test_tokyo_is_a_place_and_a_region_joined_by_one_letter_parts_is_read_whole(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "東京都は、フランスのイル=ド=フランス地域圏と都市交通の協力に関する覚書を締結した。小池百合子知事が署名した。\n",
    )
    places, persons = _names(facts, "place"), _names(facts, "person")
    assert (persons["小池百合子"], places["東京都"]) in _ties(facts, "works_for")
    parties = {p for p, _a in _ties(facts, "party_to")}
    assert {places["東京都"], places["イル=ド=フランス地域圏"]} <= parties


def test_full_names_the_dictionary_knows_and_foreign_names_before_a_unit_heads_post(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "石破茂首相と頼清徳総統の会談が報じられた。ジェトロのマイク・フォン局長も同席した。\n",
    )
    persons, orgs = _names(facts, "person"), _names(facts, "organisation")
    assert {"石破茂", "頼清徳", "マイク・フォン"} <= set(persons)
    assert "マイク・フォン局" not in orgs


def test_governors_named_together_head_the_places_in_the_order_they_were_named(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "石川県と韓国の全羅北道は友好提携40周年を祝った。式典には馳浩知事と金寛永知事が出席した。\n"
        "富山県と遼寧省の協議には新田八朗知事と王偉中平川市長が臨んだ。\n",
    )
    places, persons = _names(facts, "place"), _names(facts, "person")
    works = _ties(facts, "works_for")
    assert (persons["馳浩"], places["石川県"]) in works
    assert (persons["金寛永"], places["全羅北道"]) in works
    assert (persons["新田八朗"], places["富山県"]) in works  # the next name holds another post


def test_a_name_then_a_places_head_post_works_for_that_place(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "山形県と黒竜江省は覚書を締結した。式では吉村美栄子・山形県知事、佐藤孝弘・山形市長、"
        "土田正剛・東根市長が署名した。\n",
    )
    places, persons = _names(facts, "place"), _names(facts, "person")
    works = {(p, q): r.get("role") for r in facts["relations"] if r["type"] == "works_for"
             for p, q in [(r["source"], r["target"])]}
    assert works.get((persons["吉村美栄子"], places["山形県"])) == "県知事"
    assert works.get((persons["佐藤孝弘"], places["山形市"])) == "市長"
    assert works.get((persons["土田正剛"], places["東根市"])) == "市長"
    assert not set(persons) & {"山形", "東根"}
    assert "吉村" not in places  # a family name ending like a village


def test_bodies_named_without_a_proper_noun_in_a_bodys_slot(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "山田太郎先生が理事長を務める地域産業技術振興機構は、地元企業を支援している。\n"
        "登壇したのは、ドイツ大使館経済部で参事官を務める川口花子さんと、大阪駐福岡弁事処の王小明・処長。\n",
    )
    orgs, persons = _names(facts, "organisation"), _names(facts, "person")
    works = _ties(facts, "works_for")
    assert (persons["山田太郎"], orgs["地域産業技術振興機構"]) in works
    assert (persons["川口花子"], orgs["ドイツ大使館経済部"]) in works
    assert (orgs["ドイツ大使館経済部"], orgs["ドイツ大使館"]) in _ties(facts, "part_of")
    assert "大阪駐福岡弁事処" in orgs


def test_bodies_with_no_legal_suffix_sign(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "静岡県とSkyDrive社は空飛ぶクルマの実装に向けた連携協定を締結した。\n"
        "また、県はエアモビリティ協会と覚書を交わした。\n",
    )
    places, orgs = _names(facts, "place"), _names(facts, "organisation")
    assert {places["静岡県"], orgs["SkyDrive"]} in _agreements(facts).values()
    assert {places["静岡県"], orgs["エアモビリティ協会"]} in _agreements(facts).values()


def test_posts_whose_body_is_named_in_a_neighbouring_construction(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "大分県と台湾の嘉義市は交流会議を開いた。嘉義市側からは、黄敏恵市長が出席した。\n"
        "株式会社ミヤザキ精工は新工場を建設する。宮崎太郎社長は「海外に挑む」と語った。\n",
    )
    places, persons, orgs = _names(facts, "place"), _names(facts, "person"), _names(facts, "organisation")
    works = _ties(facts, "works_for")
    assert (persons["黄敏恵"], places["嘉義市"]) in works
    assert (persons["宮崎太郎"], orgs["ミヤザキ精工"]) in works


def test_two_people_as_the_subject_of_a_meeting_met(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "岐阜県の古田肇知事とフランスのリヨン市のジャン・デュポン市長が10日、県庁で会談した。\n"
        "後藤三男(ごとう・みつお)町長は、台湾の町とオンラインで会談した。\n",
    )
    persons = _names(facts, "person")
    met = _ties(facts, "met_with") | {(b, a) for a, b in _ties(facts, "met_with")}
    assert (persons["古田肇"], persons["ジャン・デュポン"]) in met
    assert not any(persons["後藤三男"] in pair for pair in met)  # a reading in brackets is no second person


def test_readings_in_brackets_and_prizes_are_not_names(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "菊陽町の後藤三男(ごとう・みつお)町長は、ノーベル賞を受けた研究者と懇談した。\n",
    )
    assert "みつお" not in _names(facts, "person")
    assert "後藤三男" in _names(facts, "person")
    assert "ノーベル賞" not in _names(facts, "organisation")


def test_a_name_made_only_of_places_is_no_body(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "中国河南省の官僚ら12人が19日、三重県の知事を表敬訪問した。\n")
    assert "中国河南省" not in _names(facts, "organisation")
    assert "河南省" in _names(facts, "place")


def test_a_kanji_ministry_is_a_body_and_a_province_a_place(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "経産省の支援を受け、岐阜県は河南省と覚書を締結した。\n")
    assert "経産省" in _names(facts, "organisation") and "経産省" not in _names(facts, "place")
    assert "河南省" in _names(facts, "place")


def test_an_assembly_is_a_body_of_its_place_and_its_chair_works_for_it(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "宮城県議会の菅原実議長ら5人が来月、州議会を訪問する。\n")
    orgs, places, persons = _names(facts, "organisation"), _names(facts, "place"), _names(facts, "person")
    assert (orgs["宮城県議会"], places["宮城県"]) in _ties(facts, "part_of")
    assert (persons["菅原実"], orgs["宮城県議会"]) in _ties(facts, "works_for")


def test_a_head_signs_for_the_body_they_head(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "神奈川県の黒岩祐治知事は10日、オレゴン州とライフサイエンス分野の覚書を締結した。\n",
    )
    places, persons = _names(facts, "place"), _names(facts, "person")
    assert list(_agreements(facts).values()) == [{places["神奈川県"], places["オレゴン州"]}]
    assert (persons["黒岩祐治"], places["神奈川県"]) in _ties(facts, "works_for")


def test_bodies_with_no_suffix_listed_in_the_party_slot_sign(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "熊本市は4月10日、リヨン・メトロポール、九州産業振興協議会、バイオウエストとスタートアップ支援に関するMOU締結を発表した。\n"
        "神戸市は、カナダのスタートアップ支援機関・NBX(ノースブリッジ)と覚書を締結した。\n"
        "また、県は、スタートアップとパートナーシップ協定を締結した。\n",
    )
    places, orgs = _names(facts, "place"), _names(facts, "organisation")
    parties = list(_agreements(facts).values())
    four = {places["熊本市"], orgs["リヨン・メトロポール"], orgs["九州産業振興協議会"], orgs["バイオウエスト"]}
    assert four in parties  # one agreement of the four, not one per counterpart
    assert {places["神戸市"], orgs["NBX"]} in parties
    assert not {"スタートアップ", "MOU"} & set(orgs)


def test_a_head_working_with_a_body_makes_their_body_its_partner(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "京都市の山田太郎市長は、「起業家を育てる京都産業振興機構とも連携し、支援を強めたい」と述べた。\n",
    )
    places, orgs = _names(facts, "place"), _names(facts, "organisation")
    partners = _ties(facts, "partner_of") | {(b, a) for a, b in _ties(facts, "partner_of")}
    assert (places["京都市"], orgs["京都産業振興機構"]) in partners


def test_a_plan_that_is_signed_is_no_event(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "2018年5月、両市は高知市において「高知・ナント姉妹都市交流協力計画2019年〜2021年」に調印した。\n"
        "また、「日仏観光交流フォーラム」を高知市で開催した。\n",
    )
    events = set(_names(facts, "event"))
    assert "日仏観光交流フォーラム" in events
    assert not any(name.startswith("高知・ナント") for name in events)


def test_visits_are_read_from_the_verbs_subject_and_coordinated_objects(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "長野県の阿部守一知事は、経済団体の代表らとともに、8月5日から、"
        "タイのバンコク都とチェンマイ県、ベトナムのハノイ市を訪問した。\n",
    )
    places, persons = _names(facts, "place"), _names(facts, "person")
    visits = _ties(facts, "visited")
    for host in ("バンコク都", "チェンマイ県", "ハノイ市"):
        assert (persons["阿部守一"], places[host]) in visits


def test_a_bare_post_as_subject_is_the_person_named_in_it(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "福井県の杉本達治知事は、県内企業の視察団を率いて欧州を回っている。\n"
        "知事は、12日にドイツのバイエルン州政府を、14日にはフランスのリヨン市を訪れた。\n",
    )
    places, persons = _names(facts, "place"), _names(facts, "person")
    visits = _ties(facts, "visited")
    assert (persons["杉本達治"], places["バイエルン州"]) in visits
    assert (persons["杉本達治"], places["リヨン市"]) in visits
    assert (places["福井県"], places["リヨン市"]) not in visits


def test_a_bare_event_word_stands_for_the_event_named_before_it(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "岡山県は5月20日、「日独水素ビジネスセミナー」を開催した。"
        "昨年派遣した「ドイツ水素産業ミッション」の成果を紹介する催しである。\n"
        "セミナーでは、岡山大学の田中一郎教授と川崎重工業の佐藤次郎部長が講演した。\n",
    )
    events, persons = _names(facts, "event"), _names(facts, "person")
    talks = _ties(facts, "spoke_at")
    for speaker in ("田中一郎", "佐藤次郎"):
        assert (persons[speaker], events["日独水素ビジネスセミナー"]) in talks
        assert (persons[speaker], events["ドイツ水素産業ミッション"]) not in talks


def test_a_body_named_before_its_co_organisers_role_organised_the_event(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "6月3日、東北経済連合会主催、仙台観光国際協会及びみやぎ産業振興機構共催で「東北水素フォーラム」を開催した。\n",
    )
    bodies, events = _names(facts, "organisation"), _names(facts, "event")
    hosts = _ties(facts, "organised")
    for body in ("東北経済連合会", "仙台観光国際協会", "みやぎ産業振興機構"):
        assert (bodies[body], events["東北水素フォーラム"]) in hosts


def test_a_person_works_for_the_body_named_through_their_post(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "交流会には、バイエルン州経済省の参事官(局長級)のハンス・ミュラーさんが出席した。\n")
    bodies, persons = _names(facts, "organisation"), _names(facts, "person")
    assert (persons["ハンス・ミュラー"], bodies["バイエルン州経済省"]) in _ties(facts, "works_for")


def test_an_event_named_by_its_purpose_is_found_where_it_is_held_or_sent(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "北海道は来月、水素分野の経済交流使節団を派遣する。\n"
        "また、札幌市では12月に環境技術ビジネス商談会が開催される。\n",
    )
    events = _names(facts, "event")
    assert "経済交流使節団" in events
    assert "環境技術ビジネス商談会" in events


def test_a_credit_names_no_one_who_took_part(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "宮城県と台南市は10日、観光交流に関する覚書を締結した。(写真:佐藤美咲/東北日報社)\n",
    )
    assert "佐藤美咲" not in _names(facts, "person")
    assert "東北日報社" not in _names(facts, "organisation")
    assert "宮城県" in _names(facts, "place")


def test_a_name_ending_in_a_word_for_something_held_is_an_event(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "愛媛県は松山市とともに、来春開幕の「2030瀋陽国際園芸博覧会」へ愛媛の庭を出品する。\n")
    assert "瀋陽国際園芸博覧会" not in _names(facts, "organisation")


def test_a_person_working_with_a_body_is_no_partner_of_it(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "大阪大学の山田一郎教授は、ミュンヘン工科大学と協力して新素材を研究している。\n")
    bodies, persons = _names(facts, "organisation"), _names(facts, "person")
    assert (persons["山田一郎"], bodies["大阪大学"]) in _ties(facts, "works_for")
    assert not {pair for pair in _ties(facts, "partner_of") if persons["山田一郎"] in pair}


def test_a_university_by_its_short_name(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "筑波大や東北大の研究者が参加し、共同研究を最大限に拡大した。\n")
    bodies = _names(facts, "organisation")
    assert {"筑波大", "東北大"} <= set(bodies)
    assert not {"最大", "拡大"} & set(bodies)


def test_an_office_named_with_its_purpose_is_a_body(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "大阪府は、欧州企業の誘致を担う関西ビジネス推進オフィスを開設した。会員向けのシェアオフィスも設けた。\n",
    )
    bodies = _names(facts, "organisation")
    assert "関西ビジネス推進オフィス" in bodies
    assert "シェアオフィス" not in bodies


def test_a_common_word_the_recogniser_calls_a_person_is_no_one(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "式典には両国の関係者が出席し、両国首相が祝辞を述べた。\n")
    assert "両国" not in _names(facts, "person")


def test_a_name_runs_to_its_reading_or_to_the_kanji_after_a_rare_one(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "県議会の早乙女裕久彦(さおとめ・ゆきひこ)議長が同行した。医学講座の大橋𠮷男教授も講演した。\n",
    )
    persons = _names(facts, "person")
    assert {"早乙女裕久彦", "大橋𠮷男"} <= set(persons)
    assert not {"早乙女裕", "久彦", "大橋"} & set(persons)


def test_a_name_after_a_post_in_a_list_of_signatories(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "署名者\n\nノルマンディー州議長 ミカエル・アラリ\n\n岐阜県知事 山本 太郎\n")
    places, persons = _names(facts, "place"), _names(facts, "person")
    assert (persons["ミカエル・アラリ"], places["ノルマンディー州"]) in _ties(facts, "works_for")
    assert (persons["山本太郎"], places["岐阜県"]) in _ties(facts, "works_for")


def test_a_byline_and_a_mascot_are_no_one(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "市のマスコット「しのぶ」や県の「鳥羽志摩男さん」も登場し、市長は交流を続けたいと述べた。【山本拓也】\n",
    )
    assert not {"しのぶ", "鳥羽志摩男", "志摩男", "山本拓也"} & set(_names(facts, "person"))


def test_part_of_a_katakana_word_is_no_one(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "祭りでは(先住民)ルカイ族の歌と太鼓が披露された。\n")
    assert "ルカ" not in _names(facts, "person")


def test_two_or_three_kanji_before_a_post_name_a_person(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "静岡県は河北省と覚書を締結した。同省の才利民副省長が署名し、同市の筆頭副市長も出席した。\n",
    )
    places, persons = _names(facts, "place"), _names(facts, "person")
    assert (persons["才利民"], places["河北省"]) in _ties(facts, "works_for")
    assert "筆頭" not in persons


def test_a_pair_before_an_agreement_stated_as_a_noun_signs_it(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "9月3日、カナダのマニトバ州政府庁舎ではマニトバ州と岩手県花巻市の間における観光覚書の署名式が開かれた。\n"
        "今年は福井県と浙江省の経済交流協定締結から10年になる。\n",
    )
    places = _names(facts, "place")
    agreements = list(_agreements(facts).values())
    assert {places["マニトバ州"], places["花巻市"]} in agreements  # the prefecture only locates the city
    assert {places["福井県"], places["浙江省"]} in agreements
    assert not any("カナダ" in places and places["カナダ"] in p for p in agreements)


def test_the_same_parties_signing_in_two_years_made_two_agreements(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "2015年に、高知県とアチェ州の間で教育交流に関する覚書が締結された。\n"
        "2019年10月、高知県とアチェ州は防災協力に関する覚書を締結した。\n"
        "2021年に高知県が覚書締結先の機関に行った調査では、交流は順調である。\n",
    )
    places = _names(facts, "place")
    both = {places["高知県"], places["アチェ州"]}
    parties = _agreements(facts)
    assert list(parties.values()) == [both, both]
    signed = sorted(str(e.get("signed")) for e in facts["entities"] if e["type"] == "agreement")
    assert signed == ["2015", "2019-10"]  # the survey of the counterpart (締結先) signs nothing


def test_the_subject_of_a_first_clause_is_shared_by_the_next(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "静岡県は、フランスで開かれた国際食品展「サロン・ド・グルメ2026」に県内企業とともに出展した。"
        "展示会には川村二郎知事も参加し、地元の経済団体のピエール・デュボワ会長と面談した。\n",
    )
    events, persons = _names(facts, "event"), _names(facts, "person")
    fair = events["サロン・ド・グルメ2026"]
    assert (persons["川村二郎"], persons["ピエール・デュボワ"]) in _ties(facts, "met_with")
    assert {(persons["川村二郎"], fair), (_names(facts, "place")["静岡県"], fair)} <= _ties(facts, "attended")


def test_a_mission_sent_abroad_is_organised_by_its_sender_and_visits_its_goal(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "青森県は9月、タイのチェンマイ県に農業ミッションを派遣した。"
        "農業ミッションには県内の生産者が参加し、山本三郎副知事が団長を務めた。"
        "一行はチェンマイ県人民委員会を表敬し、チェンマイ大学を視察した。\n",
    )
    events, places = _names(facts, "event"), _names(facts, "place")
    mission = events["農業ミッション"]
    assert len({i for i in events.values()}) == 1
    assert (places["青森県"], mission) in _ties(facts, "organised")
    assert (places["青森県"], places["チェンマイ県"]) in _ties(facts, "visited")
    assert (_names(facts, "person")["山本三郎"], mission) in _ties(facts, "attended")
    assert (places["青森県"], _names(facts, "organisation")["チェンマイ大学"]) in _ties(facts, "visited")
    assert "チェンマイ県人民委員会" not in events


def test_places_listed_with_ya_are_each_visited(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "田中四郎市長は、ダナン工科大学やフエ医科大学を視察した。\n")
    persons, bodies = _names(facts, "person"), _names(facts, "organisation")
    assert (persons["田中四郎"], bodies["ダナン工科大学"]) in _ties(facts, "visited")
    assert (persons["田中四郎"], bodies["フエ医科大学"]) in _ties(facts, "visited")


def test_the_bodies_listed_under_a_visits_heading_were_visited(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "北欧イノベーション視察ツアー実施報告\n\n"
        "札幌市は、市内の企業6社とともに北欧イノベーション視察ツアーを実施した。\n"
        "【主な訪問先】\n・オスロ大学\n・ノルウェー投資庁\n"
        "参加者は各訪問先で意見を交わした。\n",
    )
    events, bodies, city = _names(facts, "event"), _names(facts, "organisation"), _names(facts, "place")["札幌市"]
    assert "北欧イノベーション視察ツアー" in events and not any("報告" in n for n in events)
    assert (city, events["北欧イノベーション視察ツアー"]) in _ties(facts, "organised")
    assert {(city, bodies["オスロ大学"]), (city, bodies["ノルウェー投資庁"])} <= _ties(facts, "visited")


def test_a_citys_government_cut_from_its_name_stands_for_the_city(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "県は高雄市と覚書を結んだ。知事は高雄市政府庁舎で陳文華同市長と面会した。\n")
    places, persons = _names(facts, "place"), _names(facts, "person")
    assert "市政府" not in places
    assert (persons["陳文華"], places["高雄市"]) in _ties(facts, "works_for")
    # 同市 is the city last named, whatever form of its name was used (高雄 for 高雄市)
    short = _extract(tmp_path, "知事は台湾の高雄を訪れ、陳文華同市長と面会した。\n")
    assert (_names(short, "person")["陳文華"], _names(short, "place")["高雄"]) in _ties(short, "works_for")


def test_a_clause_between_a_body_and_a_person_is_no_post(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "北陸経済連合会は訪問団を派遣した。同訪問団に参加した大東商事・田中氏が現地の様子を報告した。\n"
        "岐阜県の古田一郎知事は台湾を訪れた。台北市で古田一郎知事は講演した。\n",
    )
    places, persons, bodies = _names(facts, "place"), _names(facts, "person"), _names(facts, "organisation")
    employers = {b for p, b in _ties(facts, "works_for") if p in (persons["田中"], persons["古田一郎"])}
    # 大東商事・田中氏: the body dotted before the person is theirs; the body that sent the mission is not
    assert employers == {places["岐阜県"], bodies["大東商事"]}
    assert bodies["北陸経済連合会"] not in employers


def test_a_place_between_a_katakana_name_and_its_post_is_no_part_of_the_name(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "知事はセバスチャン・ロドリゲス・ダバオ市長と会談した。翌日はアナ・パラシェ・クイーンズランド州首相と面会した。\n",
    )
    places, persons = _names(facts, "place"), _names(facts, "person")
    assert (persons["セバスチャン・ロドリゲス"], places["ダバオ市"]) in _ties(facts, "works_for")
    assert (persons["アナ・パラシェ"], places["クイーンズランド州"]) in _ties(facts, "works_for")


def test_a_state_premier_works_for_the_state_named_before(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "知事はクイーンズランド州を訪れ、アナ・パラシェ州首相と会談した。\n")
    places, persons = _names(facts, "place"), _names(facts, "person")
    assert (persons["アナ・パラシェ"], places["クイーンズランド州"]) in _ties(facts, "works_for")


def test_a_tour_of_a_bodys_site_is_a_visit_to_the_body(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "長野県の視察団は、プラハ市内の日立製作所の工場を見学した。\n")
    assert (_names(facts, "place")["長野県"], _names(facts, "organisation")["日立製作所"]) in _ties(
        facts, "visited"
    )


def test_an_exchange_of_views_with_someone_is_a_meeting(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "中村六郎市長は、オークランド市のフィル・ゴフ氏と意見交換を行った。\n")
    persons = _names(facts, "person")
    assert (persons["中村六郎"], persons["フィル・ゴフ"]) in _ties(facts, "met_with")


def test_the_bodies_listed_as_taking_part_attended_the_pages_event(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "日加バイオ交流会2026 開催報告\n\n日加バイオ交流会2026を6月2日に開催しました。\n"
        "【参加団体】\n・トロント大学\n・京都大学\n",
    )
    event = _names(facts, "event")["日加バイオ交流会2026"]
    bodies = _names(facts, "organisation")
    assert {(bodies["トロント大学"], event), (bodies["京都大学"], event)} <= _ties(facts, "attended")


def test_a_company_named_by_its_maker_and_trade(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "住友地所と、ボッシュ電機の工場を視察した。エネルギー産業と電気自動車の展示もあった。\n")
    bodies = _names(facts, "organisation")
    assert {"住友地所", "ボッシュ電機"} <= set(bodies)
    assert not {"エネルギー産業", "電気自動車"} & set(bodies)


def test_the_subject_of_a_relative_clause_does_not_hold_the_event(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "森ビルが運営する「六本木イノベーションクラブ」は、5月10日に「アジア起業家フォーラム」を開催した。\n",
    )
    event = _names(facts, "event")["アジア起業家フォーラム"]
    bodies = _names(facts, "organisation")
    assert (bodies["六本木イノベーションクラブ"], event) in _ties(facts, "organised")
    assert (bodies.get("森ビル"), event) not in _ties(facts, "organised")


def test_a_bare_agreement_word_is_the_named_agreement_of_the_same_parties(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "岐阜県と高山市がボローニャ市と協定締結\n\n"
        "岐阜県と高山市は2024年5月2日、イタリアのボローニャ市と友好交流協定を締結した。\n"
        "県は1990年にも同市と文化協定を結んでいる。\n",
    )
    places = _names(facts, "place")
    signed = {e["name"]["ja"]: str(e.get("signed")) for e in facts["entities"] if e["type"] == "agreement"}
    parties = _agreements(facts)
    three = {places["岐阜県"], places["高山市"], places["ボローニャ市"]}
    # the headline's 協定 is the friendship agreement; the one signed in 1990 is another
    assert sorted(map(sorted, parties.values())) == sorted(
        map(sorted, [three, {places["岐阜県"], places["ボローニャ市"]}])
    )
    assert sorted(signed.values()) == ["1990", "2024-05-02"]


def test_the_signing_clauses_subject_and_its_counterparts_sign(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "静岡県ではこれまで唯一、浜松市がロチェスター市と2005年に「友好都市協定」を締結している。\n"
        "なお、県と市が一緒に海外の自治体と締結するのは、2010年4月に愛媛県・松山市が済州市と「観光交流覚書」を"
        "締結して以来となる。\n"
        "台南市政府は10日、長崎県佐世保市および平戸市と「観光連携に関する覚書」を締結した。\n",
    )
    places = _names(facts, "place")
    assert sorted(map(sorted, _agreements(facts).values())) == sorted(
        map(
            sorted,
            [
                {places["浜松市"], places["ロチェスター市"]},  # not the prefecture named as the scope
                {places["愛媛県"], places["松山市"], places["済州市"]},  # not the earlier clause's 県
                {places["台南市"], places["佐世保市"], places["平戸市"]},  # one agreement, not one per city
            ],
        )
    )


def test_a_foreign_name_before_the_field_of_its_post_is_a_person(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "タイ政府のソムチャイ・ウォン工業大臣が来日した。メディコン・バレー・アライアンス事務局長も講演した。\n",
    )
    persons, bodies = _names(facts, "person"), _names(facts, "organisation")
    assert "ソムチャイ・ウォン" in persons
    assert "ソムチャイ・ウォン工業" not in bodies
    assert "メディコン・バレー・アライアンス" not in persons


def test_a_government_named_after_a_place_the_tagger_knows_is_the_place(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "ウェールズ政府のアラン・ジョーンズ経済大臣が来県した。\n")
    places, persons = _names(facts, "place"), _names(facts, "person")
    assert "ウェールズ政府" not in _names(facts, "organisation")
    assert (persons["アラン・ジョーンズ"], places["ウェールズ"]) in _ties(facts, "works_for")


def test_only_bodies_sign_and_a_signing_agreed_on_is_dated_when_it_is_done(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "2023年8月、愛知県の大村秀章知事はビクトリア州を訪問し、「観光協力に関する覚書」を締結することで合意した。\n"
        "2024年1月、愛知県とビクトリア州は正式に同覚書を締結した。\n"
        "2015年、本学の田中一郎教授がトロント大学のジョン・スミス教授と共同研究協定を締結した。\n",
    )
    places = _names(facts, "place")
    agreements = [e for e in facts["entities"] if e["type"] == "agreement"]
    # one agreement, signed when it was signed, not when the signing was agreed on; researchers sign for no one
    assert [str(e.get("signed")) for e in agreements] == ["2024-01"]
    assert list(_agreements(facts).values()) == [{places["愛知県"], places["ビクトリア州"]}]
    visit = _extract(tmp_path, "佐藤花子教授は4月にカナダを訪問した。その際、2019年5月に協定を締結した。\n")
    assert not _agreements(visit)  # the visitor heads no body: no party


def test_a_mayors_party_is_the_mayors_town(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "東川町は昨年、大阪駐福岡弁事処の王小明・処長から交流先として台南市を紹介された。\n"
        "2024年1月13日に山本太郎町長一行は台南市を訪問し、友好都市協定を締結した。\n",
    )
    places = _names(facts, "place")
    # 「町長一行」 is the mayor's party, not the office named before it
    assert list(_agreements(facts).values()) == [{places["東川町"], places["台南市"]}]


def test_a_state_named_with_its_abbreviation_inside_is_one_place(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "愛知県とノルトライン・ヴェストファーレン(NRW)州の交流は長い。NRW州政府の担当者が来日し、NRW州の企業を紹介した。\n",
    )
    places = _names(facts, "place")
    assert places["ノルトライン・ヴェストファーレン州"] == places["NRW州"]
    assert "NRW州政府" not in _names(facts, "organisation") and "NRW" not in _names(facts, "organisation")


def test_a_katakana_city_the_tokenizer_cuts_is_one_place(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "視察団は、ウェストラント市とオランダ企業庁を訪れた。\n")
    places = _names(facts, "place")
    assert "ウェストラント市" in places and "ラント市" not in places


def test_a_citys_government_building_names_the_city_not_a_place_called_shiseifu(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "山口太郎知事は台中市政府庁舎で林佳龍同市長と会談した。\n")
    places = _names(facts, "place")
    assert "市政府" not in places
    assert (_names(facts, "person")["林佳龍"], places["台中"]) in _ties(facts, "works_for")


def test_a_place_and_a_kind_of_body_describe_bodies_but_name_none(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "同センターはベトナム政府機関が所管し、タイの関係団体や日本企業と連携している。\n")
    assert not {"ベトナム政府機関", "タイの関係団体", "日本企業"} & set(_names(facts, "organisation"))


def test_a_name_before_an_ambassadors_posting_is_a_person(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "冒頭、タナカマル駐日パラオ大使が挨拶し、ラウラ・ベルティ駐日イタリア大使も登壇した。\n")
    assert {"タナカマル", "ラウラ・ベルティ"} <= set(_names(facts, "person"))


def test_a_credit_line_names_no_one_who_took_part(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "福島県は郡山市で水素フォーラムを開いた。\n\n取材・文・写真/小野寺花子\n")
    assert "小野寺花子" not in _names(facts, "person")


def test_a_foreign_name_spelt_two_ways_on_a_page_is_one_person(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "ハノイ市のチャン・ミン・トゥアン副市長が来県した。\n"
        "知事との会見で、チャン・ミン・トゥン副市長は交流の拡大に期待を示した。マリア・ガルシア氏とマリオ・ガルシア氏も同行した。\n",
    )
    persons = _names(facts, "person")
    assert persons["チャン・ミン・トゥアン"] == persons["チャン・ミン・トゥン"]
    assert persons["マリア・ガルシア"] != persons["マリオ・ガルシア"]


def test_a_friendship_partner_named_in_apposition(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "石川県の馳浩知事は10日、同県の友好提携都市、フランスのオクシタニー州を来月訪問すると発表した。\n"
        "金沢市の姉妹都市であるナンシー市の代表団も来日した。\n",
    )
    places = _names(facts, "place")
    parties = list(_agreements(facts).values())
    assert {places["石川県"], places["オクシタニー州"]} in parties  # not France, which only locates it
    assert {places["金沢市"], places["ナンシー市"]} in parties
    assert len(parties) == 2


def test_same_and_a_bodys_ending_is_that_body(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "北陸の企業を支援する「日欧技術交流推進オフィス」の仲介で交流が始まった。\n"
        "同オフィスと富山県は2015年に技術連携に関する覚書を締結している。同年、県は視察団を派遣した。\n",
    )
    places, orgs = _names(facts, "place"), _names(facts, "organisation")
    assert list(_agreements(facts).values()) == [{orgs["日欧技術交流推進オフィス"], places["富山県"]}]


def test_a_body_named_in_quotes_after_its_kind_or_by_a_katakana_name_and_a_body_word(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "石川県は、ドイツのスタートアップ「ルミナ」と連携する。オランダのアグリバレー財団とも協力する。\n",
    )
    assert {"ルミナ", "アグリバレー財団"} <= set(_names(facts, "organisation"))


def test_every_state_is_no_city(tmp_path: Path) -> None:
    assert "全州" not in _names(_extract(tmp_path, "ブラジルでは今年、全州において知事選が行われる。\n"), "place")
    assert "全州市" in _names(_extract(tmp_path, "韓国の全州市とは交流がある。\n"), "place")


def test_a_delegation_sent_under_a_leader_visits_its_goal(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "岩手県は、達増拓也知事を団長とする訪問団をベトナムのフエ省に派遣した。\n")
    places, persons = _names(facts, "place"), _names(facts, "person")
    assert {(places["岩手県"], places["フエ省"]), (persons["達増拓也"], places["フエ省"])} <= _ties(facts, "visited")


def test_a_courtesy_call_received_is_a_meeting_and_a_visit_to_the_hosts_body(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path, "福島県の内堀雅雄知事は3日、ベトナム・ドンナイ省のボー・タン・ドゥック委員長の表敬訪問を受けた。\n"
    )
    places, persons = _names(facts, "place"), _names(facts, "person")
    assert (persons["内堀雅雄"], persons["ボー・タン・ドゥック"]) in _ties(facts, "met_with")
    assert (persons["ボー・タン・ドゥック"], places["福島県"]) in _ties(facts, "visited")


def test_a_universitys_campus_is_a_body(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "セミナーでは、インド工科大学マドラス校のラメシュ・クマール教授が講演した。\n")
    bodies, persons = _names(facts, "organisation"), _names(facts, "person")
    assert (persons["ラメシュ・クマール"], bodies["インド工科大学マドラス校"]) in _ties(facts, "works_for")


def test_a_consul_works_for_no_country_an_ambassador_does(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "来賓\n\n在名古屋フランス総領事 ピエール・デュポン\n\n駐日イタリア大使 ラウラ・ベルティ\n",
    )
    places, persons = _names(facts, "place"), _names(facts, "person")
    employers = _ties(facts, "works_for")
    assert (persons["ピエール・デュポン"], places["フランス"]) not in employers
    assert (persons["ラウラ・ベルティ"], places["イタリア"]) in employers


def test_each_row_under_a_list_of_twinned_regions_is_a_friendship_agreement(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "岡山県の友好提携先\n\n岡山県は、次の地域と友好提携を結んでいます。\n"
        "| 提携先 | 国 | 提携年 |\n| 江西省 | 中国 | 1992年 |\n| ミズーリ州 | アメリカ | 2011年 |\n",
    )
    places = _names(facts, "place")
    parties = _ties(facts, "party_to")
    for partner in ("江西省", "ミズーリ州"):
        agreement = next(a for p, a in parties if p == places[partner])
        assert (places["岡山県"], agreement) in parties
    assert not any(places["中国"] == p or places["アメリカ"] == p for p, _a in parties)


def test_bodies_named_by_an_abbreviation_in_brackets_an_institute_word_or_an_apposition(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "韓国の電子通信研究院(ETRI)、中国科学院、米国のベンチャーキャピタル、スカイ・ブリッジ・ベンチャーズが参加した。\n",
    )
    bodies = _names(facts, "organisation")
    assert {"電子通信研究院", "中国科学院", "スカイ・ブリッジ・ベンチャーズ"} <= set(bodies)
    assert bodies["ETRI"] == bodies["電子通信研究院"]


def test_a_full_name_before_a_body_is_no_part_of_the_body(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "県はベトナム経済視察団(団長・田中誠一北陸ベトナム協会会長)を派遣した。\n")
    bodies, persons = _names(facts, "organisation"), _names(facts, "person")
    assert not [name for name in bodies if "田中誠一" in name]
    assert (persons["田中誠一"], bodies["北陸ベトナム協会"]) in _ties(facts, "works_for")
    assert {b for p, b in _ties(facts, "works_for") if p == persons["田中誠一"]} == {bodies["北陸ベトナム協会"]}


def test_a_katakana_region_glued_to_a_bracket_or_named_with_chiikiken_is_a_place(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "1. 福井県 — スウェーデン・スコーネ県(ライフサイエンス)\n石川県とフランスのブルターニュ地域圏が覚書を締結した。\n",
    )
    places = _names(facts, "place")
    assert {"スコーネ県", "ブルターニュ地域圏"} <= set(places)
    assert (places["福井県"], places["スコーネ県"]) in _ties(facts, "partner_of")


def test_a_word_joined_before_a_countrys_name_names_its_agency(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "ジェトロはビジネス・スウェーデンと連携し、フランス・リヨンで商談会を開いた。\n")
    assert "ビジネス・スウェーデン" in _names(facts, "organisation")
    assert "フランス・リヨン" not in _names(facts, "organisation")


def test_a_proper_noun_coordinated_with_a_signing_party_is_a_body(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "ノキアと仙台市は、5Gの活用に関する連携協定を締結した。データとデジタルの活用を進める。\n")
    bodies = _names(facts, "organisation")
    assert "ノキア" in bodies and "データ" not in bodies
    parties = _ties(facts, "party_to")
    agreement = next(a for p, a in parties if p == bodies["ノキア"])
    assert (_names(facts, "place")["仙台市"], agreement) in parties


def test_a_news_agencys_dateline_names_no_place_of_the_story(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "(高雄 8日 中央社)屏東県と愛媛県は、農業交流に関する覚書を締結した。\n")
    places = _names(facts, "place")
    assert "高雄" not in places and {"屏東県", "愛媛県"} <= set(places)


def test_a_twinning_stated_as_standing_is_a_friendship_agreement(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "金沢市とナンシー市は姉妹都市である。両市は文化交流を続けている。\n")
    places = _names(facts, "place")
    parties = _ties(facts, "party_to")
    agreement = next(a for p, a in parties if p == places["金沢市"])
    assert (places["ナンシー市"], agreement) in parties
    agreements = [e for e in facts["entities"] if e["type"] == "agreement"]
    assert [a.get("kind") for a in agreements] == ["friendship"]


def test_a_numbered_visits_heading_lists_visits_too(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "仙台市は、市内企業とともに北欧視察ツアーを実施した。\n3 主な訪問先\n・オーフス大学\n・デンマーク投資庁\n",
    )
    city, bodies = _names(facts, "place")["仙台市"], _names(facts, "organisation")
    assert {(city, bodies["オーフス大学"]), (city, bodies["デンマーク投資庁"])} <= _ties(facts, "visited")


def test_a_quoted_body_after_its_kind_signs_and_the_kind_is_no_body(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "信州大学は、ドイツの光技術クラスター「フォトニクスBW」と連携協定を締結した。\n")
    bodies = _names(facts, "organisation")
    assert "光技術クラスター" not in bodies
    parties = _ties(facts, "party_to")
    agreement = next(a for p, a in parties if p == bodies["フォトニクスBW"])
    assert (bodies["信州大学"], agreement) in parties


def test_a_titles_site_name_after_its_separator_is_a_clean_name(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "TITLE: ハノイ工科大学と学術交流協定を締結しました|北陸工業大学\n\n本文は短い。\n", encoding="utf-8"
    )
    gaz = base_gazetteer()
    facts = strip_private(to_facts(parse(read_document(page)), gaz, Resolver(gaz, None))[0])
    bodies = _names(facts, "organisation")
    assert "北陸工業大学" in bodies and not any(n.startswith("|") for n in bodies)


def test_honbun_is_the_university_the_title_names_as_its_site_or_signing_subject(tmp_path: Path) -> None:
    site = _extract(
        tmp_path,
        "TITLE: 東海海洋大学と学術交流協定を締結しました|北陸工業大学\n\n"
        "本学は6月5日、タイの東海海洋大学と学術交流協定を締結しました。"
        "協定書には本学の田中一郎学長と東海海洋大学のソムチャイ・ウォン学長が署名しました。\n",
    )
    bodies, persons = _names(site, "organisation"), _names(site, "person")
    (agreement,) = [e["id"] for e in site["entities"] if e["type"] == "agreement"]
    assert {(bodies["北陸工業大学"], agreement), (bodies["東海海洋大学"], agreement)} <= _ties(site, "party_to")
    assert (persons["田中一郎"], bodies["北陸工業大学"]) in _ties(site, "works_for")
    assert "本学" not in bodies
    subject = _extract(
        tmp_path,
        "TITLE: 北陸工業大学、東海海洋大学と覚書を締結\n\n本学は東海海洋大学と覚書を締結しました。\n",
    )
    bodies = _names(subject, "organisation")
    (agreement,) = [e["id"] for e in subject["entities"] if e["type"] == "agreement"]
    assert (bodies["北陸工業大学"], agreement) in _ties(subject, "party_to")
    opening = _extract(
        tmp_path,
        "TITLE: 北陸工業大学 | 東海海洋大学との覚書締結\n\n本学は東海海洋大学と覚書を締結しました。\n",
    )
    bodies = _names(opening, "organisation")
    (agreement,) = [e["id"] for e in opening["entities"] if e["type"] == "agreement"]
    assert (bodies["北陸工業大学"], agreement) in _ties(opening, "party_to")
    college = _extract(
        tmp_path,
        "TITLE: 東海海洋大学と覚書を締結｜北陸工業高等専門学校\n\n本校は東海海洋大学と覚書を締結しました。\n",
    )
    bodies = _names(college, "organisation")
    (agreement,) = [e["id"] for e in college["entities"] if e["type"] == "agreement"]
    assert (bodies["北陸工業高等専門学校"], agreement) in _ties(college, "party_to")


def test_honbun_stays_unnamed_when_the_title_names_only_the_partner(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "TITLE: 東海海洋大学との大学間協定締結について\n\n"
        "本学は東海海洋大学(タイ)と大学間協定を締結しました。"
        "協定書には本学の田中一郎学長と東海海洋大学のソムチャイ・ウォン学長が署名しました。\n",
    )
    bodies, persons = _names(facts, "organisation"), _names(facts, "person")
    assert "本学" not in bodies and set(bodies.values()) == {bodies["東海海洋大学"]}
    employers = {b for a, b in _ties(facts, "works_for") if a == persons["田中一郎"]}
    assert bodies["東海海洋大学"] not in employers  # 本学の学長 is not the partner's president
    assert (persons["ソムチャイ・ウォン"], bodies["東海海洋大学"]) in _ties(facts, "works_for")


def test_a_foreign_mayor_named_in_katakana_heads_the_foreign_city(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "松江市とニューオーリンズ市が姉妹都市提携を更新\n\n松江市は5日、更新の調印式を行った。"
        "式には上定昭仁市長とラトーヤ・カントレル市長が出席した。\n",
    )
    places, persons = _names(facts, "place"), _names(facts, "person")
    works = _ties(facts, "works_for")
    assert (persons["ラトーヤ・カントレル"], places["ニューオーリンズ市"]) in works
    assert (persons["上定昭仁"], places["松江市"]) in works


def test_a_meeting_marked_tomo_is_a_meeting_too(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "鈴木英敬知事は、タイのスリヤ工業大臣と会談した。また、在大阪タイ総領事館のナロン・サシトン総領事とも懇談した。\n",
    )
    persons = _names(facts, "person")
    assert (persons["鈴木英敬"], persons["ナロン・サシトン"]) in _ties(facts, "met_with")


def test_a_latin_name_coordinated_with_a_signing_party_is_a_body(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "Business Sweden Tokyoと広島県は、水素分野に関する覚書を締結した。\n")
    bodies = _names(facts, "organisation")
    parties = _ties(facts, "party_to")
    agreement = next(a for p, a in parties if p == bodies["Business Sweden Tokyo"])
    assert (_names(facts, "place")["広島県"], agreement) in parties


def test_a_proper_noun_a_body_works_with_is_a_body(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "福井県は、ノキアと連携し、港湾の自動化を進める。データとデジタルを活用する。\n")
    bodies = _names(facts, "organisation")
    assert "データ" not in bodies
    assert (_names(facts, "place")["福井県"], bodies["ノキア"]) in _ties(facts, "partner_of")


def test_a_co_organiser_counts_when_the_event_is_held_online_or_at_a_venue(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "富山県は、株式会社ホクリクエナジーとの共催で「北陸蓄電池ウェビナー」をオンラインで開催します。\n"
        "石川県は、フランスのブルターニュ地域圏と共同で「日仏海洋技術フォーラム」を金沢市内にて開催した。\n",
    )
    bodies, places, events = _names(facts, "organisation"), _names(facts, "place"), _names(facts, "event")
    hosts = _ties(facts, "organised")
    assert (bodies["ホクリクエナジー"], events["北陸蓄電池ウェビナー"]) in hosts
    assert (places["ブルターニュ地域圏"], events["日仏海洋技術フォーラム"]) in hosts


def test_bodies_named_in_quotes_before_the_topic_marker_host_the_event(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "北陸銀行が運営するビジネスコミュニティ「北陸起業家クラブ」と産学連携プラットフォーム「HIA(Hokuriku Innovation Alliance)」は、"
        "10月2日に「北欧ヘルステック交流会」を共催しました。\n",
    )
    bodies, events = _names(facts, "organisation"), _names(facts, "event")
    hosts = _ties(facts, "organised")
    assert (bodies["北陸起業家クラブ"], events["北欧ヘルステック交流会"]) in hosts
    assert (bodies["Hokuriku Innovation Alliance"], events["北欧ヘルステック交流会"]) in hosts


def test_an_unnamed_honbun_signs_with_its_partner_under_the_pages_site(tmp_path: Path) -> None:
    text = (
        "TITLE: 東海海洋大学との大学間協定締結について\n\n"
        "9月2日、本学と東海海洋大学(タイ)との間で大学間協定を締結しました。\n"
    )
    facts = _extract(tmp_path, "SOURCE: https://www.hokuriku-tech.example/news/1.html\n" + text)
    bodies = _names(facts, "organisation")
    (agreement,) = [e for e in facts["entities"] if e["type"] == "agreement"]
    assert _ties(facts, "party_to") == {(bodies["東海海洋大学"], agreement["id"])}
    assert "hokuriku-tech.example" in agreement["name"]["ja"] and "本学" not in bodies
    assert not [e for e in _extract(tmp_path, text)["entities"] if e["type"] == "agreement"]  # no site, no tie


def test_a_delegation_named_by_its_sender_visits_through_its_bare_ikko(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "中国・江蘇省の経済交流団(団長:馬欣・江蘇省副省長)が来県しました。\n"
        "一行は、県内の造船企業や広島県立総合技術研究所を視察したほか、広島大学では学生と交流しました。\n",
    )
    places, bodies = _names(facts, "place"), _names(facts, "organisation")
    visits = _ties(facts, "visited")
    assert (places["江蘇省"], bodies["広島県立総合技術研究所"]) in visits
    assert not any(v == bodies.get("広島大学") for v, _h in visits)  # 「広島大学では」 heads another clause
    assert (_names(facts, "person")["馬欣"], places["江蘇省"]) in _ties(facts, "works_for")
    assert "江蘇省副省" not in places


def test_a_faculty_of_the_named_honbun_is_part_of_it_and_signs_a_faculty_agreement(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "TITLE: 東海海洋大学工学部と部局間協定を締結|北陸工業大学\n\n"
        "本学工学部は5月1日、東海海洋大学工学部と部局間協定を締結しました。"
        "本学工学部の鈴木次郎教授が式に出席しました。本学部の学生も参加しました。\n",
    )
    bodies, persons = _names(facts, "organisation"), _names(facts, "person")
    faculty = bodies["北陸工業大学工学部"]
    assert (faculty, bodies["北陸工業大学"]) in _ties(facts, "part_of")
    (agreement,) = [e["id"] for e in facts["entities"] if e["type"] == "agreement"]
    assert {(faculty, agreement), (bodies["東海海洋大学工学部"], agreement)} <= _ties(facts, "party_to")
    assert (persons["鈴木次郎"], faculty) in _ties(facts, "works_for")
    assert not any(n.endswith("部の学生") or n == "北陸工業大学部" for n in bodies)


def test_bodies_on_a_one_line_organiser_row_organised_the_titled_event(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "SOURCE: https://example.jp/notice\nTITLE: 日豪食品商談会のご案内\nPUBLISHED: 2024-05-01\n\n"
        "岐阜県は6月に「日豪食品商談会」を開きます。\n\n"
        "主催:岐阜県、岐阜商工会議所\n"
        "共催:大垣商工会議所/後援:在日オーストラリア大使館\n",
    )
    bodies, events = _names(facts, "organisation"), _names(facts, "event")
    hosts = _ties(facts, "organised")
    for body in ("岐阜商工会議所", "大垣商工会議所"):
        assert (bodies[body], events["日豪食品商談会"]) in hosts
    assert (bodies["在日オーストラリア大使館"], events["日豪食品商談会"]) not in hosts


def test_an_event_held_jointly_or_opened_names_its_hosts(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "鳥取県と江原道は10月5日、第5回日韓自治体交流セミナーを共同開催した。\n\n"
        "島根県は江蘇省と共同で8月に「日中環境技術交流会」を開いた。\n",
    )
    places, events = _names(facts, "place"), _names(facts, "event")
    hosts = _ties(facts, "organised")
    for host in ("鳥取県", "江原道"):
        assert (places[host], events["第5回日韓自治体交流セミナー"]) in hosts
    assert (places["江蘇省"], events["日中環境技術交流会"]) in hosts


def test_a_body_the_event_is_held_with_co_hosts_it(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "秋田県は3月4日、タイのチェンマイ県と「日タイ農業ビジネス交流会」を秋田市で開催しました。\n",
    )
    places, events = _names(facts, "place"), _names(facts, "event")
    assert (places["チェンマイ県"], events["日タイ農業ビジネス交流会"]) in _ties(facts, "organised")


def test_an_unnamed_honbun_signing_with_two_universities_signs_two_agreements(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "SOURCE: https://www.hokuriku-tech.example/news/2.html\nTITLE: 海外の大学と大学間交流協定を締結\n\n"
        "本学は、東海海洋大学(タイ)及び紅河工科大学(ベトナム)と大学間交流協定を締結しました。\n",
    )
    bodies = _names(facts, "organisation")
    agreements = {e["id"]: e["name"]["ja"] for e in facts["entities"] if e["type"] == "agreement"}
    parties = _ties(facts, "party_to")
    assert len(agreements) == 2 and all("hokuriku-tech.example" in n for n in agreements.values())
    assert {a for b, a in parties if b == bodies["東海海洋大学"]} != {a for b, a in parties if b == bodies["紅河工科大学"]}


def test_an_event_recalled_in_the_sentence_is_not_what_its_subject_holds(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "新潟県は、昨年の「日越経済フォーラム」に参加した企業を招き、「日越ものづくり商談会」を開催した。\n",
    )
    places, events = _names(facts, "place"), _names(facts, "event")
    hosts = _ties(facts, "organised")
    assert (places["新潟県"], events["日越ものづくり商談会"]) in hosts
    assert (places["新潟県"], events["日越経済フォーラム"]) not in hosts


def test_a_programme_item_before_a_speakers_name_is_not_part_of_it(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "SOURCE: https://example.jp/report\nTITLE: 日伊食文化セミナー開催報告\nPUBLISHED: 2024-02-01\n\n"
        "山梨県は1月20日、「日伊食文化セミナー」を開催しました。\n\n"
        "【プログラム】\n"
        "基調講演 小松原健一氏(甲府大学教授)\n"
        "閉会挨拶 西村和子氏(山梨県観光部長)\n",
    )
    persons, events = _names(facts, "person"), _names(facts, "event")
    talks = _ties(facts, "spoke_at")
    for speaker in ("小松原健一", "西村和子"):
        assert (persons[speaker], events["日伊食文化セミナー"]) in talks
    assert not any(name.startswith(("基調講演", "閉会挨拶")) for name in persons)


def test_a_body_an_event_of_a_named_kind_is_held_with_co_hosts_it(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "兵庫県は6月、ワシントン州とオンラインセミナー「日米スタートアップの未来」を共催した。\n")
    places, events = _names(facts, "place"), _names(facts, "event")
    assert (places["ワシントン州"], events["日米スタートアップの未来"]) in _ties(facts, "organised")


def test_an_affiliation_in_brackets_is_a_body_and_its_heads_post(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "講演はヨハン・ニールセン氏(フィンランド・イノベーションセンター所長)と田中次郎氏(仙台市経済局長)が行った。\n",
    )
    bodies, persons = _names(facts, "organisation"), _names(facts, "person")
    assert "フィンランド・イノベーションセンター" not in persons
    works = _ties(facts, "works_for")
    assert (persons["ヨハン・ニールセン"], bodies["フィンランド・イノベーションセンター"]) in works
    assert "仙台市経済局長" not in bodies


def test_a_titles_separators_end_a_name_and_a_kind_of_university_is_none(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "北陸工業大学｜国際交流｜ニュース\n\n国立大学として初めて、チュラロンコン大学と覚書を締結した。\n")
    bodies = _names(facts, "organisation")
    assert "北陸工業大学" in bodies and not any("|" in n or "｜" in n for n in bodies)
    assert "国立大学" not in bodies


# -- attendance, meetings and visits ------------------------------------------------------------------------------


def test_bodies_listed_before_a_count_attended_the_event(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "石川県は2月、バンコクで「石川県ものづくり商談会」を開催した。"
        "商談会には、小松製作所、北國銀行など15社が参加した。\n",
    )
    event = _names(facts, "event")["石川県ものづくり商談会"]
    bodies = _names(facts, "organisation")
    assert {(bodies["小松製作所"], event), (bodies["北國銀行"], event)} <= _ties(facts, "attended")


def test_people_listed_under_an_attendees_heading_attended_the_event(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "秋田県は「日豪資源エネルギー会議」を開催しました。\n"
        "出席者:\n・駐日オーストラリア大使館 ピーター・ウォルシュ公使\n・秋田大学 山田花子学長\n・株式会社秋田精工\n",
    )
    event = _names(facts, "event")["日豪資源エネルギー会議"]
    persons, bodies = _names(facts, "person"), _names(facts, "organisation")
    attended = _ties(facts, "attended")
    assert {(persons["ピーター・ウォルシュ"], event), (persons["山田花子"], event)} <= attended
    assert (bodies["秋田精工"], event) in attended
    # an inline list after the heading reads the same
    inline = _extract(
        tmp_path,
        "秋田県は「日豪資源エネルギー会議」を開催しました。\n参加者:秋田大学 山田花子学長、株式会社秋田精工\n",
    )
    event = _names(inline, "event")["日豪資源エネルギー会議"]
    assert (_names(inline, "person")["山田花子"], event) in _ties(inline, "attended")


def test_a_delegation_named_as_an_event_visits_for_its_sender(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "滋賀県は10月、デンマークに環境ミッションを派遣した。"
        "環境ミッションは、コペンハーゲン大学、ノボノルディスク社、デンマーク工科大学を訪問した。\n",
    )
    place, bodies = _names(facts, "place")["滋賀県"], _names(facts, "organisation")
    visits = _ties(facts, "visited")
    assert {(place, bodies["コペンハーゲン大学"]), (place, bodies["デンマーク工科大学"])} <= visits


def test_a_study_group_from_a_city_is_the_citys_not_its_countrys(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path, "韓国の釜山広域市から視察団が来訪し、九州大学と安川電機を視察しました。\n"
    )
    places, bodies = _names(facts, "place"), _names(facts, "organisation")
    visits = _ties(facts, "visited")
    assert (places["釜山広域市"], bodies["九州大学"]) in visits
    assert not any(a == places["韓国"] for a, _b in visits)


def test_a_meeting_stated_as_a_noun_joins_the_two_named(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path, "鳥取県の平井一郎知事とモンゴル・トゥブ県のバトボルド・ガンバト知事との会談が行われました。\n"
    )
    persons = _names(facts, "person")
    met = _ties(facts, "met_with") | {(b, a) for a, b in _ties(facts, "met_with")}
    assert (persons["平井一郎"], persons["バトボルド・ガンバト"]) in met


def test_bodies_that_accompany_a_visit_visit_too(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "群馬県の山田一郎知事は5月、ベトナムのビンズン省を訪問した。訪問には、群馬県商工会議所連合会などが同行した。\n",
    )
    places, bodies = _names(facts, "place"), _names(facts, "organisation")
    assert (bodies["群馬県商工会議所連合会"], places["ビンズン省"]) in _ties(facts, "visited")


def test_the_parties_of_a_signing_at_an_event_attended_it(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "9月8日にワルシャワで開催された「日本・ポーランド地域交流フォーラム」において、"
        "新潟県とポーランドのマウォポルスカ県が観光交流に関する覚書を締結しました。\n",
    )
    event, places = _names(facts, "event")["日本・ポーランド地域交流フォーラム"], _names(facts, "place")
    assert {(places["新潟県"], event), (places["マウォポルスカ県"], event)} <= _ties(facts, "attended")


def test_two_places_meeting_online_met(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "熊本県の大津町は、台湾の台中市とオンラインで会談しました。\n")
    places = _names(facts, "place")
    met = _ties(facts, "met_with") | {(b, a) for a, b in _ties(facts, "met_with")}
    assert (places["大津町"], places["台中市"]) in met
    person = _extract(tmp_path, "福井県の杉本一郎知事は、フランスのマリー・デュラン市長とオンラインで懇談した。\n")
    persons = _names(person, "person")
    assert (persons["杉本一郎"], persons["マリー・デュラン"]) in _ties(person, "met_with")


def test_a_delegation_visiting_the_pages_own_city(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path, "姫路市は海外都市との交流を進めています。\nドイツのマインツ市の代表団が本市を訪問しました。\n"
    )
    places = _names(facts, "place")
    assert (places["マインツ市"], places["姫路市"]) in _ties(facts, "visited")


def test_people_attending_an_event_held_in_the_clause_before(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "「日韓海洋産業フォーラム」が釜山で開催され、長崎県の中村二郎知事、全羅南道の金三植副知事らが出席しました。\n",
    )
    event, persons = _names(facts, "event")["日韓海洋産業フォーラム"], _names(facts, "person")
    assert {(persons["中村二郎"], event), (persons["金三植"], event)} <= _ties(facts, "attended")


def test_a_meeting_with_its_topic_between(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path, "松本市の田中三郎市長は、グラーツ市のアンナ・フーバー市長と、観光振興について意見交換を行いました。\n"
    )
    persons = _names(facts, "person")
    assert (persons["田中三郎"], persons["アンナ・フーバー"]) in _ties(facts, "met_with")


def test_a_visit_named_as_a_noun_is_its_owners(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path, "岡山県の伊原木一郎知事によるカナダ・アルバータ州訪問では、州政府の幹部と意見を交わしました。\n"
    )
    assert (_names(facts, "person")["伊原木一郎"], _names(facts, "place")["アルバータ州"]) in _ties(facts, "visited")
    located = _extract(tmp_path, "中国の上海市訪問は来月の予定です。\n")
    places = _names(located, "place")
    assert (places["中国"], places["上海市"]) not in _ties(located, "visited")


def test_the_list_after_a_sentence_announcing_it(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "長野県の阿部二郎知事は、次の機関を訪問しました。\n・ミュンヘン工科大学\n・バイエルン州経済省\n",
    )
    person, bodies = _names(facts, "person")["阿部二郎"], _names(facts, "organisation")
    assert {(person, bodies["ミュンヘン工科大学"]), (person, bodies["バイエルン州経済省"])} <= _ties(facts, "visited")
    fair = _extract(
        tmp_path, "「ぐんま食品商談会2026」を開催しました。以下の企業が参加しました。\n・赤城食品株式会社\n・上州醸造株式会社\n"
    )
    event, bodies = _names(fair, "event")["ぐんま食品商談会2026"], _names(fair, "organisation")
    assert {(bodies["赤城食品株式会社"], event), (bodies["上州醸造株式会社"], event)} <= _ties(fair, "attended")


def test_a_prefecture_written_only_before_its_town_is_no_place_of_the_page(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "秋田県由利本荘町と台南市の永康区が観光分野の交流覚書を締結した。\n"
        "式には両地域の代表が出席した。\n",
    )
    places = _names(facts, "place")
    assert "由利本荘町" in places and "秋田県由利本荘町" in places  # the full name is the town's alias
    assert places["秋田県由利本荘町"] == places["由利本荘町"]
    assert "秋田県" not in places
    named = _extract(
        tmp_path,
        "秋田県由利本荘町と台南市の永康区が観光分野の交流覚書を締結した。\n"
        "秋田県も両地域の交流を支援する。\n",
    )
    assert "秋田県" in _names(named, "place")  # named on its own, it is a place of the page


def test_a_government_word_cut_from_its_place_is_no_place(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "山形県の知事と酒田市長が訪台し、台南市政府庁舎で黄偉哲市長と会談した。\n",
    )
    places = _names(facts, "place")
    assert "市政府" not in places and "州政府" not in places
    assert "台南市" in places or "台南" in places


def test_a_programme_row_serves_the_body_before_a_bracketed_country_and_lists_colleagues(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "【プログラム】\n"
        "・講演① ノルテック・クラスター (デンマーク) 事業開発マネージャー ヨハン・ベルグ 氏\n"
        "・講演② ヴェルデ研究所 主任研究員 マリア・ロッシ氏(イタリア) 研究員 ルカ・ビアンキ氏(イタリア)\n",
    )
    orgs, persons = _names(facts, "organisation"), _names(facts, "person")
    works = _ties(facts, "works_for")
    assert (persons["ヨハン・ベルグ"], orgs["ノルテック・クラスター"]) in works
    assert (persons["マリア・ロッシ"], orgs["ヴェルデ研究所"]) in works
    assert (persons["ルカ・ビアンキ"], orgs["ヴェルデ研究所"]) in works
    roles = {(r["source"], r.get("role")) for r in facts["relations"] if r["type"] == "works_for"}
    assert (persons["ルカ・ビアンキ"], "研究員") in roles
    assert not any(t == _names(facts, "place").get("デンマーク") for _s, t in works)


def test_a_post_and_a_dot_between_two_bodies_end_the_first_bodys_name(tmp_path: Path) -> None:
    """One person's two affiliations: 「A センター専務理事・B商工会議所 副会頭 P氏」."""
    facts = _extract(
        tmp_path,
        "日豪交流ウェビナー\n(1)挨拶 日豪産業協力センター専務理事・在日豪州商工会議所 副会頭 トム・ハリス 氏\n",
    )
    orgs, persons = _names(facts, "organisation"), _names(facts, "person")
    assert "日豪産業協力センター" in orgs and "在日豪州商工会議所" in orgs
    assert not any("・" in name for name in orgs)
    works = _ties(facts, "works_for")
    assert (persons["トム・ハリス"], orgs["日豪産業協力センター"]) in works
    assert (persons["トム・ハリス"], orgs["在日豪州商工会議所"]) in works


def test_a_katakana_surname_before_a_governors_post_is_a_person(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "出席者:福井県 杉本知事、オレゴン州 ケイシー知事\n"
        "また、パリ市長からも祝辞が寄せられた。\n",
    )
    persons, orgs, places = _names(facts, "person"), _names(facts, "organisation"), _names(facts, "place")
    assert "ケイシー" in persons and "ケイシー" not in orgs
    assert "パリ" not in persons and ("パリ" in places or "パリ市" in places)  # the head of a place, not someone


def test_a_continent_or_an_island_ending_in_shu_is_no_state(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "欧州有数の医療機器メーカーが九州に工場を置き、広州と豪州にも拠点を持つ。\n",
    )
    places = _names(facts, "place")
    assert "欧州" not in places and "九州" not in places
    assert "広州" in places and "豪州" in places  # known cities and countries written X州 stay places


def test_names_listed_before_a_kind_of_body_are_bodies(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "大連ではSEEEDやMakeblock、RoboMasterのようなハードウェア企業が育っている。\n"
        "講演はHaxLabという杭州のコワーキングスペースで行われた。\n"
        "ロボットやドローンなどの分野でも連携する。\n",
    )
    orgs = _names(facts, "organisation")
    assert {"SEEED", "Makeblock", "RoboMaster", "HaxLab"} <= set(orgs)
    assert "ロボット" not in orgs and "ドローン" not in orgs  # common words listed before no body


def test_a_meeting_held_as_the_object_of_a_verb(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "三重県の鈴木五郎知事は、河南省の王六郎省長と県庁で会談を行いました。\n")
    persons = _names(facts, "person")
    assert (persons["鈴木五郎"], persons["王六郎"]) in _ties(facts, "met_with")


def test_the_people_attending_a_meeting_met(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "懇談には、高知県の浜田七郎知事とチリ・ロスラゴス州のパブロ・ソト州知事が出席しました。\n")
    persons = _names(facts, "person")
    met = _ties(facts, "met_with") | {(b, a) for a, b in _ties(facts, "met_with")}
    assert (persons["浜田七郎"], persons["パブロ・ソト"]) in met


def test_a_group_led_by_a_person_acts_as_that_person(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path, "オレゴン州のジョン・ミラー上院議員ら訪問団一行が来県し、石井八郎知事と懇談しました。\n"
    )
    persons = _names(facts, "person")
    met = _ties(facts, "met_with") | {(b, a) for a, b in _ties(facts, "met_with")}
    assert (persons["ジョン・ミラー"], persons["石井八郎"]) in met


def test_a_country_before_a_party_says_where_the_party_is(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "鳥取県とラオス・ルアンパバーン市が観光交流に関する覚書を締結\n"
        "鳥取県は、6月2日、ラオス・ルアンパバーン市との間で観光交流に関する覚書を締結しました。\n",
    )
    places = _names(facts, "place")
    agreements = [e for e in facts["entities"] if e["type"] == "agreement"]
    assert len(agreements) == 1
    parties = {s for s, _t in _ties(facts, "party_to")}
    assert parties == {places["鳥取県"], places["ルアンパバーン市"]}
    uni = _extract(tmp_path, "島根大学は、ラオス・スパヌウォン大学と学術交流協定を締結しました。\n")
    assert "スパヌウォン大学" in _names(uni, "organisation")
    assert "ラオス・スパヌウォン大学" not in _names(uni, "organisation")
    two = _extract(tmp_path, "福岡県は、タイ・ラオス商工会議所と覚書を締結しました。\n")
    assert "タイ・ラオス商工会議所" in _names(two, "organisation")


def test_a_katakana_states_government_is_the_state_and_a_field_with_sho_is_a_ministry(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "岩手県は、スイス連邦ヴォー州政府と林業分野の連携協定を締結した。"
        "署名式には達増拓也知事と同州農業省のマリア・フーバー大臣が出席した。\n",
    )
    places, orgs, persons = _names(facts, "place"), _names(facts, "organisation"), _names(facts, "person")
    assert "ヴォー州" in places and "ヴォー州政府" not in orgs
    assert {places["岩手県"], places["ヴォー州"]} <= {s for s, _t in _ties(facts, "party_to")}
    assert "農業省" in orgs and "農業省" not in places
    assert (persons["マリア・フーバー"], orgs["農業省"]) in _ties(facts, "works_for")


def test_a_proper_noun_dotted_before_a_person_is_their_body(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "視察団に同行した伊藤忠・森川氏が現地の物流網について報告した。\n"
        "福井県・杉本知事も同席した。\n",
    )
    orgs, places = _names(facts, "organisation"), _names(facts, "place")
    assert "伊藤忠" in orgs
    assert "福井県" in places and "福井県" not in orgs


def test_a_place_name_that_begins_a_shrines_or_castles_name_is_no_place(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "一行は翌日、出雲大社と松江城を見学し、島根県庁を訪れた。\n")
    places = _names(facts, "place")
    assert "出雲" not in places and "松江" not in places
    assert "島根県" in places


def test_a_latin_place_name_ending_a_longer_english_name_is_no_place(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "訪問先:\n‐Dutch Energy Delta ダッチ・エナジー・デルタ\n‐Rotterdam Port 視察\n‐Osaka Kobe 連絡事務所\n",
    )
    places = _names(facts, "place")
    assert "Delta" not in places and "デルタ" not in places
    assert "Rotterdam" in places and "Kobe" in places  # a name that starts, or a known place before it


def test_an_office_listed_after_another_bodys_office_is_that_bodys(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "一行は滞在中、日本韓国交流協会釜山事務所、韓国貿易センター釜山事務所を訪れた。\n",
    )
    orgs = _names(facts, "organisation")
    assert "韓国貿易センター釜山事務所" in orgs
    assert not any(n.startswith("日本韓国交流協会韓国") for n in orgs)


def test_the_places_a_count_counts_are_each_visited(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "大分県の広瀬九郎知事は、タイ、マレーシア、インドネシアの3か国を訪問しました。\n")
    person, places = _names(facts, "person")["広瀬九郎"], _names(facts, "place")
    visits = _ties(facts, "visited")
    assert {(person, places["タイ"]), (person, places["マレーシア"]), (person, places["インドネシア"])} <= visits


def test_a_delegation_named_after_its_sender_visits_for_it(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "徳島県訪問団は、ドイツのミュンヘン市とニュルンベルク市を訪問しました。\n")
    places = _names(facts, "place")
    visits = _ties(facts, "visited")
    assert {(places["徳島県"], places["ミュンヘン市"]), (places["徳島県"], places["ニュルンベルク市"])} <= visits
    assert not any(b == places["徳島県"] for _a, b in visits)  # 「訪問団」 names the group, no visit to 徳島県


@pytest.mark.parametrize(
    "page",
    [
        "福井県と台湾・新竹市が友好提携\n両地域は半導体分野で交流を進める。\n",
        "福井県、新竹市と連携協定(3月)\n両地域は半導体分野で交流を進める。\n",
        "お知らせ\n福井県は、新竹市と友好提携した。\n",
        "お知らせ\n福井県は、新竹市と業務提携契約をいたしました。\n",
    ],
)
def test_an_agreement_made_without_a_signing_verb(tmp_path: Path, page: str) -> None:
    """A headline that ends with the agreement, and an alliance said by its own verb (提携した)."""
    facts = _extract(tmp_path, page)
    places = _names(facts, "place")
    assert {s for s, _t in _ties(facts, "party_to")} == {places["福井県"], places["新竹市"]}


def test_an_alliance_in_place_is_no_signing(tmp_path: Path) -> None:
    standing = _extract(tmp_path, "お知らせ\n福井県は、新竹市と友好提携しており、毎年訪問団を送っている。\n")
    assert not _ties(standing, "party_to")


def test_dousha_is_the_company_the_text_made_its_topic(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "お知らせ\n株式会社ミナトテックは、ドイツのヘルマン・ゾーネ社と販売提携を結んだ。"
        "同社の佐藤健一社長は欧州展開を急ぐと述べた。\n",
    )
    orgs, persons = _names(facts, "organisation"), _names(facts, "person")
    works = _ties(facts, "works_for")
    assert (persons["佐藤健一"], orgs["ミナトテック"]) in works
    assert (persons["佐藤健一"], orgs["ヘルマン・ゾーネ"]) not in works


def test_dou_and_a_kind_of_region_is_the_region_named_before(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "お知らせ\n石川県は、フランスのオクシタニー地域圏と覚書を締結した。"
        "式には同地域圏のピエール・ルグラン議長が出席した。\n",
    )
    places, persons = _names(facts, "place"), _names(facts, "person")
    assert (persons["ピエール・ルグラン"], places["オクシタニー地域圏"]) in _ties(facts, "works_for")


def test_attending_part_of_an_event_or_invited_to_it_attends_it(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "岩手県の達増一郎知事は、「日越農業フォーラム」の開会式に出席しました。\n")
    event, person = _names(facts, "event")["日越農業フォーラム"], _names(facts, "person")["達増一郎"]
    assert (person, event) in _ties(facts, "attended")
    invited = _extract(tmp_path, "岩手県の達増一郎知事は、「日越農業フォーラム」に招かれ、講演しました。\n")
    event, person = _names(invited, "event")["日越農業フォーラム"], _names(invited, "person")["達増一郎"]
    assert (person, event) in _ties(invited, "attended")
    host = _extract(tmp_path, "岩手県は、ベトナムのグエン・ヴァン・アン大臣を「日越農業フォーラム」に招いた。\n")
    event, place = _names(host, "event")["日越農業フォーラム"], _names(host, "place")["岩手県"]
    assert (place, event) not in _ties(host, "attended")  # the host invites; it is not said to attend


def test_touring_an_exhibition_attends_it(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "富山県の新田一郎知事は、ドイツで開かれた見本市「ハノーバーメッセ2026」を視察しました。\n")
    event, person = _names(facts, "event")["ハノーバーメッセ2026"], _names(facts, "person")["新田一郎"]
    assert (person, event) in _ties(facts, "attended")


def test_the_leader_of_a_visiting_group_visits_with_it(tmp_path: Path) -> None:
    led = _extract(tmp_path, "栃木県の福田一郎知事率いる訪問団は、ベトナムのビンズン省を訪問しました。\n")
    assert (_names(led, "person")["福田一郎"], _names(led, "place")["ビンズン省"]) in _ties(led, "visited")
    headed = _extract(tmp_path, "福田一郎知事を団長とする栃木県訪問団は、ベトナムのビンズン省を訪問しました。\n")
    assert (_names(headed, "person")["福田一郎"], _names(headed, "place")["ビンズン省"]) in _ties(headed, "visited")


def test_co_hosts_listed_before_kyousai_de_and_a_date_before_the_holding_verb(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "お知らせ\nジェトロ福岡は、福岡県、北九州市と共催で、「九州・インド医療機器商談会」を3月4日に開催しました。\n",
    )
    orgs, places, events = _names(facts, "organisation"), _names(facts, "place"), _names(facts, "event")
    event = events["九州・インド医療機器商談会"]
    organised = {s for s, t in _ties(facts, "organised") if t == event}
    assert {orgs["ジェトロ福岡"], places["福岡県"], places["北九州市"]} <= organised
    assert (orgs["ジェトロ福岡"], orgs["ジェトロ"]) in _ties(facts, "part_of")


def test_an_organiser_bracket_after_the_event_it_follows(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "お知らせ\n「九州・インド医療機器商談会」を開催しました(主催:福岡県、共催:北九州市)。\n",
    )
    places, events = _names(facts, "place"), _names(facts, "event")
    organised = {s for s, t in _ties(facts, "organised") if t == events["九州・インド医療機器商談会"]}
    assert organised == {places["福岡県"], places["北九州市"]}


def test_a_visit_to_a_places_government_visits_the_place(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "お知らせ\n山形県の吉村美栄子知事は、2月5日、高雄市政府を訪れた。\n")
    places, persons = _names(facts, "place"), _names(facts, "person")
    assert (persons["吉村美栄子"], places["高雄市"]) in _ties(facts, "visited")


def test_a_post_and_a_colon_name_the_holder(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "お知らせ\n佐賀大学(学長:受田浩之)は、3月5日、ベトナムのフエ大学と大学間交流協定を締結しました。\n"
        "訪問団(団長:山口祥義、副団長:ジョン・ミラー)は翌日帰国した。\n",
    )
    orgs, persons = _names(facts, "organisation"), _names(facts, "person")
    assert {"受田浩之", "山口祥義", "ジョン・ミラー"} <= set(persons)
    roles = {(r["source"], r["target"], r.get("role")) for r in facts["relations"] if r["type"] == "works_for"}
    assert (persons["受田浩之"], orgs["佐賀大学"], "学長") in roles


def test_provinces_ending_in_do_and_heads_of_a_place_named_in_their_own_script(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "お知らせ\n島根県は、韓国慶尚北道と友好協定を締結しました。締結式には丸山達也知事と慶尚北道の李哲雨知事が出席した。\n",
    )
    places, persons = _names(facts, "place"), _names(facts, "person")
    assert "慶尚北道" in places
    works = _ties(facts, "works_for")
    assert (persons["李哲雨"], places["慶尚北道"]) in works
    mongol = _extract(
        tmp_path,
        "お知らせ\n島根県は、モンゴル国ウムヌゴビ県と覚書を締結しました。"
        "署名は丸山達也知事とツェンド・バトエルデネ県知事が行いました。\n",
    )
    places, persons = _names(mongol, "place"), _names(mongol, "person")
    works = _ties(mongol, "works_for")
    assert (persons["ツェンド・バトエルデネ"], places["ウムヌゴビ県"]) in works
    assert (persons["丸山達也"], places["島根県"]) in works


def test_a_bodys_name_run_into_a_katakana_name_before_an_abbreviation_is_one_name(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "鳥取県は、山陰経済協会ダナン(SEAD)との間で観光交流の覚書を締結した。\n",
    )
    orgs = _names(facts, "organisation")
    assert "山陰経済協会ダナン" in orgs and orgs["SEAD"] == orgs["山陰経済協会ダナン"]
    assert "山陰経済協会" not in orgs


def test_a_quoted_programme_name_is_an_event_whatever_its_words(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "福岡市による起業家育成プログラム「GROWTH LAB FUKUOKA(グロースラボ福岡)」の参加企業が決まった。\n",
    )
    events, orgs = _names(facts, "event"), _names(facts, "organisation")
    assert "GROWTH LAB FUKUOKA" in events
    assert events.get("グロースラボ福岡") == events["GROWTH LAB FUKUOKA"]
    assert "GROWTH LAB FUKUOKA" not in orgs and "グロースラボ福岡" not in orgs


def test_a_country_and_its_quarter_tagged_as_a_body_is_an_area(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "吉林省は中国東北部における物流の拠点であり、長春市など8市から構成される。\n")
    places, orgs = _names(facts, "place"), _names(facts, "organisation")
    assert "中国東北部" in places and "中国東北部" not in orgs


def test_an_event_named_after_places_is_still_the_event_attended(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path, "「日本・チリ水産フォーラム」がサンティアゴで開催され、長崎県の大石一郎知事らが出席しました。\n"
    )
    event, person = _names(facts, "event")["日本・チリ水産フォーラム"], _names(facts, "person")["大石一郎"]
    assert (person, event) in _ties(facts, "attended")
    exhibits = _extract(tmp_path, "長崎県の大石一郎知事は挨拶した。県は「日本・チリ水産博覧会」に県産品を出展した。\n")
    event, person = _names(exhibits, "event")["日本・チリ水産博覧会"], _names(exhibits, "person")["大石一郎"]
    assert (person, event) not in _ties(exhibits, "attended")  # bodies exhibit, not people


def test_a_bare_group_word_is_the_group_named_before(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "秋田県訪問団は、ロシアのハバロフスク地方を訪問しました。秋田県商工会議所連合会も参加しました。\n"
        "訪問団は、次の機関を訪問しました。\n・極東国立大学\n・ハバロフスク商工会議所\n",
    )
    place, bodies = _names(facts, "place")["秋田県"], _names(facts, "organisation")
    visits = _ties(facts, "visited")
    assert {(place, bodies["極東国立大学"]), (place, bodies["ハバロフスク商工会議所"])} <= visits


def test_touring_an_event_named_after_a_place_visits_no_place(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "熊本県の木村一郎知事は、東京で開かれた「台湾・日本半導体博覧会2026」を視察しました。\n")
    event, person = _names(facts, "event")["台湾・日本半導体博覧会2026"], _names(facts, "person")["木村一郎"]
    assert (person, event) in _ties(facts, "attended")
    assert (person, _names(facts, "place")["台湾"]) not in _ties(facts, "visited")


def test_a_place_and_ordinary_words_tagged_as_a_body_name_no_body(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "2027年の横浜園芸博覧会におけるベルギー園芸の参画を目指す。\n"
        "県内の農業ベンチャーである株式会社グリーンリンク福井は、州の食品クラスターに加盟した。\n",
    )
    orgs = _names(facts, "organisation")
    assert "ベルギー園芸" not in orgs
    assert "グリーンリンク福井" in orgs  # a legal form before it says it is a company


@pytest.mark.parametrize(
    "sentence",
    [
        "岐阜県は、「ノルド・アエロ・バレー」(フランス)との間で、相互協力に関する覚書を締結した。",
        "岐阜県は、ノルド・アエロ・バレー(フランス)との間で、相互協力に関する覚書を締結した。",
    ],
)
def test_a_quoted_or_bracketed_partner_before_tono_aida_de_signs(tmp_path: Path, sentence: str) -> None:
    facts = _extract(tmp_path, f"お知らせ\n{sentence}\n")
    orgs, places = _names(facts, "organisation"), _names(facts, "place")
    assert {s for s, _t in _ties(facts, "party_to")} == {places["岐阜県"], orgs["ノルド・アエロ・バレー"]}


def test_a_labelled_row_pairs_a_prefecture_with_a_region_after_its_country(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "地域間交流支援事業\n実施地域:富山県 - ノルウェー・トロンデラーグ地域\n実施機関:富山県新世紀産業機構\n",
    )
    places = _names(facts, "place")
    assert (places["富山県"], places["トロンデラーグ地域"]) in _ties(facts, "partner_of")


def test_receiving_calling_on_and_talks_with_a_person_are_meetings(tmp_path: Path) -> None:
    pages = [
        "宮崎県の河野二郎知事は、来県したタイ・チェンマイ県のソムチャイ・ウォン知事を県庁に迎えました。\n",
        "宮崎県の河野二郎知事は、チェンマイ県のソムチャイ・ウォン知事を訪ね、今後の交流について話し合いました。\n",
        "宮崎県の河野二郎知事は、チェンマイ県のソムチャイ・ウォン知事と協議を行いました。\n",
        "会談で、宮崎県の河野二郎知事はチェンマイ県のソムチャイ・ウォン知事に対し、観光交流の拡大を提案しました。\n",
    ]
    for page in pages:
        facts = _extract(tmp_path, page)
        persons = _names(facts, "person")
        met = _ties(facts, "met_with") | {(b, a) for a, b in _ties(facts, "met_with")}
        assert (persons["河野二郎"], persons["ソムチャイ・ウォン"]) in met, page


def test_parties_of_a_passive_signing_between_them_and_of_a_three_party_one(tmp_path: Path) -> None:
    passive = _extract(
        tmp_path, "お知らせ\n2月10日、福島県とブラジル・パラナ州の間で、経済交流に関する覚書が締結されました。\n"
    )
    places = _names(passive, "place")
    assert {s for s, _t in _ties(passive, "party_to")} == {places["福島県"], places["パラナ州"]}
    three = _extract(
        tmp_path, "お知らせ\n宮城県、東北大学、韓国の電子部品研究院の3者は、半導体人材に関する覚書を締結しました。\n"
    )
    orgs, places = _names(three, "organisation"), _names(three, "place")
    assert {s for s, _t in _ties(three, "party_to")} == {places["宮城県"], orgs["東北大学"], orgs["電子部品研究院"]}


def test_what_was_agreed_and_signed_in_one_sentence_is_one_agreement(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path, "お知らせ\n高知県と台湾・台南市は、観光分野で協力することで合意し、覚書を交わしました。\n"
    )
    assert len([e for e in facts["entities"] if e["type"] == "agreement"]) == 1


def test_a_city_peoples_committee_is_the_city_the_gazetteer_knows_without_its_shi(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "お知らせ\n横浜市は、ベトナムのダナン市人民委員会と技術協力覚書を更新しました。\n")
    places = _names(facts, "place")
    assert "ダナン市人民委員会" not in _names(facts, "organisation")
    assert {s for s, _t in _ties(facts, "party_to")} == {places["横浜市"], places["ダナン"]}


def test_a_visit_to_a_country_by_its_abbreviation(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path, "北海道は米国との交流を進めている。北海道の鈴木三郎知事は、7月に訪米し、州政府と意見を交わした。\n"
    )
    assert (_names(facts, "person")["鈴木三郎"], _names(facts, "place")["米国"]) in _ties(facts, "visited")
    unnamed = _extract(tmp_path, "秋田県の佐竹七郎知事は、来月訪中する予定だ。\n")
    assert "中国" not in _names(unnamed, "place")  # a country the page never names is no place it mentions


def test_a_departments_head_serves_the_department_of_the_body(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "お知らせ\nパネルには、神戸商工会議所国際部長の山下一郎氏、ラオス駐日大使館の"
        "ソムサック・インタソン特命全権大使、在日オランダ大使館のヤン・デ・フリース上席商務官が参加した。\n",
    )
    orgs, persons = _names(facts, "organisation"), _names(facts, "person")
    works = _ties(facts, "works_for")
    assert (persons["山下一郎"], orgs["神戸商工会議所国際部"]) in works
    assert (orgs["神戸商工会議所国際部"], orgs["神戸商工会議所"]) in _ties(facts, "part_of")
    assert {"ソムサック・インタソン", "ヤン・デ・フリース"} <= set(persons)


def test_a_table_row_of_attendees_attended_the_pages_event(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "日韓観光交流会を開催しました\n\n| 項目 | 内容 |\n| --- | --- |\n| 名称 | 日韓観光交流会 |\n"
        "| 参加者 | 釜山観光公社 キム・ミンジュン社長、福岡大学 山本太郎学長 |\n| 参加団体 | 九州観光機構、福岡商工会議所 |\n",
    )
    event, persons, bodies = _names(facts, "event")["日韓観光交流会"], _names(facts, "person"), _names(facts, "organisation")
    attended = _ties(facts, "attended")
    assert {(persons["キム・ミンジュン"], event), (persons["山本太郎"], event)} <= attended
    assert {(bodies["九州観光機構"], event), (bodies["福岡商工会議所"], event)} <= attended
    assert (bodies["福岡大学"], event) not in attended  # the person listed attended, for their body


def test_a_name_two_places_of_a_page_share_is_left_to_neither(tmp_path: Path) -> None:
    both = _extract(tmp_path, "静岡県と静岡市は、浙江省と友好交流協定を締結した。\n")
    places = _names(both, "place")
    assert places["静岡県"] != places["静岡市"]
    assert "Shizuoka" not in places and "静岡" not in places  # the gazetteer's bare name fits both
    alone = _extract(tmp_path, "静岡市は、浙江省と友好交流協定を締結した。\n")
    assert _names(alone, "place").get("Shizuoka") == _names(alone, "place")["静岡市"]


def test_the_parts_of_an_event_report_name_its_speakers(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "「日伊デザイン・ウェビナー」開催報告\n札幌市と在日イタリア商工会議所は、「日伊デザイン・ウェビナー」を共同開催しました。"
        "第1部では、ミラノ工科大学のマルコ・ロッシ教授が事例を紹介し、第2部では、北海道大学の高橋健教授が報告しました。\n",
    )
    persons, events = _names(facts, "person"), _names(facts, "event")
    spoke = _ties(facts, "spoke_at")
    event = events["日伊デザイン・ウェビナー"]
    assert {(persons["マルコ・ロッシ"], event), (persons["高橋健"], event)} <= spoke


def test_a_person_speaking_at_an_event_or_its_opening(tmp_path: Path) -> None:
    opening = _extract(tmp_path, "福島県の内堀三郎知事は、「日本・ドイツ水素フォーラム」の開会式で挨拶した。\n")
    event, person = _names(opening, "event")["日本・ドイツ水素フォーラム"], _names(opening, "person")["内堀三郎"]
    assert (person, event) in _ties(opening, "spoke_at")
    talk = _extract(tmp_path, "福島県の内堀三郎知事は、ベルリンで開かれた「日独水素サミット」で講演した。\n")
    event, person = _names(talk, "event")["日独水素サミット"], _names(talk, "person")["内堀三郎"]
    assert (person, event) in _ties(talk, "spoke_at")


def test_a_countrys_quarter_dotted_before_its_state_only_locates_it(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "鳥取県はブラジル南部・パラナ州の州政府と覚書を交わした。ドイツ北部の港湾都市とも交流がある。\n")
    places = _names(facts, "place")
    assert "パラナ州" in places and "ブラジル南部" not in places
    assert "ドイツ北部" in places  # a quarter spoken of on its own is a place of the page


def test_a_latin_name_whose_community_a_page_names_is_a_body(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "森ビルが運営するARK HILLS LABのビジネスコミュニティ「六本木イノベーション会」と連携した。"
        "Rubyのコミュニティとも交流した。\n",
    )
    orgs = _names(facts, "organisation")
    assert "ARK HILLS LAB" in orgs
    assert "Ruby" not in orgs  # one Latin word before a community may be a language or a product


def test_a_courtesy_call_on_a_person_visits_their_body_and_meets_them(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "お知らせ\nミナスジェライス州のパウロ・シルバ副知事は、10月3日、岐阜県の河合孝憲副知事を表敬訪問しました。\n",
    )
    places, persons = _names(facts, "place"), _names(facts, "person")
    visits = _ties(facts, "visited")
    assert (persons["パウロ・シルバ"], places["岐阜県"]) in visits
    assert not any(t == persons["河合孝憲"] for _s, t in visits)
    assert (persons["パウロ・シルバ"], persons["河合孝憲"]) in _ties(facts, "met_with")
    roles = {(r["source"], r.get("role")) for r in facts["relations"] if r["type"] == "works_for"}
    assert (persons["河合孝憲"], "副知事") in roles
    bare = _extract(
        tmp_path,
        "岐阜県からのお知らせ\nミナスジェライス州のパウロ・シルバ副知事が県庁を訪れ、河合孝憲副知事を表敬訪問しました。\n",
    )
    places, persons = _names(bare, "place"), _names(bare, "person")
    assert (persons["河合孝憲"], places["岐阜県"]) in _ties(bare, "works_for")
    assert not any(t == persons["河合孝憲"] for _s, t in _ties(bare, "visited"))


def test_a_province_after_its_country_and_a_kind_of_partnership_are_no_ministry_or_place(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "お知らせ\n静岡県は、1982年から中国浙江省と友好県省関係にあります。\n")
    places, orgs = _names(facts, "place"), _names(facts, "organisation")
    assert "浙江省" in places
    assert not any(name.endswith("省") for name in orgs)
    assert "友好県省" not in places


def test_programme_rows_with_abbreviations_in_brackets(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "日越経済協力フォーラム2025\n日時:2025年7月1日\n主催:日本貿易振興機構(ジェトロ)\n共催:ベトナム計画投資省(MPI)\n"
        "登壇者:グエン・チー・ズン大臣(MPI)、石黒憲彦理事長(ジェトロ)\n",
    )
    orgs, persons, events = _names(facts, "organisation"), _names(facts, "person"), _names(facts, "event")
    event = events["日越経済協力フォーラム2025"]
    assert (orgs["ベトナム計画投資省"], event) in _ties(facts, "organised")
    assert (persons["グエン・チー・ズン"], orgs["ベトナム計画投資省"]) in _ties(facts, "works_for")


def test_a_past_post_in_brackets_is_no_employer_and_a_memorial_ceremony_is_an_event(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "友好提携20周年記念式典を開催\n式典には、学会会長であるバトバヤル教授(モンゴル国立大学教授を歴任)が出席した。\n",
    )
    assert "友好提携20周年記念式典" in _names(facts, "event")
    assert not _ties(facts, "works_for")


def test_a_legal_form_in_a_speakers_bracket_before_the_employer(tmp_path: Path) -> None:
    facts = _extract(tmp_path, "お知らせ\nパネリスト:山本太郎(株式会社ミライテック代表取締役)が登壇した。\n")
    orgs, persons = _names(facts, "organisation"), _names(facts, "person")
    assert (persons["山本太郎"], orgs["ミライテック"]) in _ties(facts, "works_for")


def test_a_name_then_a_body_then_an_academic_or_company_post(tmp_path: Path) -> None:
    """「P・X大学教授」 and a list row 「P X社 代表取締役」: the body between the name and the post employs P."""
    facts = _extract(
        tmp_path,
        "講演では、佐藤健一・名古屋大学教授が水素研究の動向を紹介した。\n\n"
        "【来訪者】\n・ペーター・ホフマン ザクセン州経済振興公社 代表\n",
    )
    persons, orgs = _names(facts, "person"), _names(facts, "organisation")
    ties = _ties(facts, "works_for")
    assert (persons["佐藤健一"], orgs["名古屋大学"]) in ties
    assert (persons["ペーター・ホフマン"], orgs["ザクセン州経済振興公社"]) in ties


def test_a_bare_heads_post_is_not_of_the_body_named_with_another_head(tmp_path: Path) -> None:
    """「A市長はXのB市長と署名」: X has its head named with it, so A heads the city named before;
    「C学長がベトナムを訪れ、D学長と」: a name in kanji heads the university named in kanji."""
    facts = _extract(
        tmp_path,
        "仙台市と台南市は、文化交流に関する協定を締結した。\n"
        "郡和子市長は台南市の黄偉哲市長とともに協定書に署名した。\n\n"
        "信州大学とベトナム国家大学ハノイ校は、学術交流協定を更新した。\n"
        "中村宗一郎学長がハノイを訪れ、レ・クアン学長と協定書に署名した。\n",
    )
    persons, places, orgs = _names(facts, "person"), _names(facts, "place"), _names(facts, "organisation")
    ties = _ties(facts, "works_for")
    assert (persons["郡和子"], places["仙台市"]) in ties
    assert (persons["郡和子"], places["台南市"]) not in ties
    assert (persons["中村宗一郎"], orgs["信州大学"]) in ties
    assert (persons["中村宗一郎"], orgs["ベトナム国家大学ハノイ校"]) not in ties


def test_a_pair_with_a_body_of_no_legal_form_as_the_subject_of_a_signing(tmp_path: Path) -> None:
    """「AとBは、(when), …覚書を締結」: B, a katakana name the recogniser does not know, signs with A and is
    the body wherever the page names it again; 「経済団体のトップが」 is no such name."""
    facts = _extract(
        tmp_path,
        "石川県とフィンランドのビジネス・タンペレは、10月2日、ゲーム産業の交流に関する覚書を締結しました。\n"
        "ビジネス・タンペレのヨハンナ・ラハティネン事務局長が来県しました。\n\n"
        "中海地域の市長会と経済団体のトップが11日、ケララ州の州政府との間で、経済交流に関する覚書を交わす。\n",
    )
    orgs, persons = _names(facts, "organisation"), _names(facts, "person")
    assert {_names(facts, "place")["石川県"], orgs["ビジネス・タンペレ"]} in _agreements(facts).values()
    assert (persons["ヨハンナ・ラハティネン"], orgs["ビジネス・タンペレ"]) in _ties(facts, "works_for")
    assert "トップ" not in orgs


def test_attending_by_retsuseki_rinseki_or_tachiai_and_the_opening_of_the_event_named_before(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "鳥取県は、9月3日、釜山市で「とっとり観光商談会」を開催しました。\n"
        "商談会には、釜山観光公社のパク・ジフン社長が列席し、在釜山日本国総領事館の大野健総領事が立ち会いました。\n\n"
        "奈良県は、ソウル市で「奈良県物産展」を開催した。\n"
        "開会式には、奈良県の西田一夫副知事のほか、韓国観光公社のチェ・ユナ理事が臨席した。\n",
    )
    events, persons = _names(facts, "event"), _names(facts, "person")
    attended = _ties(facts, "attended")
    fair = events["とっとり観光商談会"]
    assert {(persons["パク・ジフン"], fair), (persons["大野健"], fair)} <= attended
    show = events["奈良県物産展"]
    assert {(persons["チェ・ユナ"], show), (persons["西田一夫"], show)} <= attended


def test_a_group_led_by_a_named_head_meets_as_its_head(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "10月2日、カナダ・ケベック州のマリー・トランブレ州首相を団長とする訪問団が金沢市を訪れ、"
        "村上修市長と会談しました。\n",
    )
    persons = _names(facts, "person")
    assert (persons["マリー・トランブレ"], persons["村上修"]) in _ties(facts, "met_with")


def test_a_family_name_or_a_bare_post_stands_for_the_person_named_in_full(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "島根県の丸山達也知事は、観光振興に取り組んでいる。\n"
        "4月8日、ポーランドのアンナ・コワルスカ駐日大使が来庁し、知事と面談した。\n"
        "翌日、コワルスカ大使は松江市を訪れ、上定昭仁市長と懇談した。\n\n"
        "6月2日、丸山知事は、チェコのヤン・ノヴァーク駐日大使と会談した。\n",
    )
    persons = _names(facts, "person")
    met = _ties(facts, "met_with")
    governor = persons["丸山達也"]
    assert (persons["アンナ・コワルスカ"], governor) in met  # 「知事と面談」: the page's own governor
    assert (persons["アンナ・コワルスカ"], persons["上定昭仁"]) in met  # 「コワルスカ大使は」
    assert (governor, persons["ヤン・ノヴァーク"]) in met  # 「丸山知事は」
    assert (persons["アンナ・コワルスカ"], _names(facts, "place")["島根県"]) in _ties(facts, "visited")


def test_a_bodys_short_name_in_brackets_stands_alone_for_it_later(tmp_path: Path) -> None:
    """「X公社(HTAI)と覚書…HTAIのP社長」: the short name written alone is the body named in full."""
    facts = _extract(
        tmp_path,
        "山梨県は、ヘッセン州貿易投資振興公社(HTAI)と、水素分野の交流に関する覚書を締結しました。\n"
        "HTAIのマルティン・ケラー社長は「山梨との協力を進めたい」と述べました。\n",
    )
    persons, orgs = _names(facts, "person"), _names(facts, "organisation")
    assert (persons["マルティン・ケラー"], orgs["ヘッセン州貿易投資振興公社"]) in _ties(facts, "works_for")


def test_a_signing_with_bodies_left_unnamed_takes_no_subject_from_before(tmp_path: Path) -> None:
    """「Aと米国関係機関との覚書締結」 as a heading: A signs with bodies the page does not name, not with the
    prefecture whose governor the sentences before spoke of."""
    facts = _extract(
        tmp_path,
        "山梨県の望月一郎知事は、米国を訪問しました。\n"
        "訪問先:マサチューセッツ州\n"
        "ライフサイエンス協働機構(LSCO)と米国関係機関との覚書締結\n",
    )
    lsco = _names(facts, "organisation")["ライフサイエンス協働機構"]
    assert not any(lsco in parties and len(parties) > 1 for parties in _agreements(facts).values())


def test_a_company_named_with_its_legal_form_after_the_name_is_the_company_named_without(tmp_path: Path) -> None:
    """A title 「Xと協定」 and a body 「X株式会社と…協定を締結」 speak of one company, and one agreement."""
    facts = _extract(
        tmp_path,
        "浜松市、ヤマト精機と連携協定\n\n"
        "浜松市は、ヤマト精機株式会社と、ものづくり人材の育成に関する連携協定を締結しました。\n",
    )
    orgs = [e for e in facts["entities"] if e["type"] == "organisation"]
    assert len(orgs) == 1
    assert len(_agreements(facts)) == 1


def test_a_family_name_that_is_also_a_place_before_a_given_name_and_a_post(tmp_path: Path) -> None:
    """「三重県の長崎健太郎知事」: 長崎 is the family name of the governor, not the city, before a given name and a post."""
    facts = _extract(tmp_path, "三重県の長崎健太郎知事は、台湾を訪問しました。\n")
    persons, places = _names(facts, "person"), _names(facts, "place")
    assert "長崎" not in places
    assert (persons["長崎健太郎"], places["三重県"]) in _ties(facts, "works_for")


def test_a_foreign_city_with_deha_is_where_a_meeting_happens_not_who_meets(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "香川県の池田豊人知事は、5月にスペインのカタルーニャ州を訪問しました。\n"
        "バルセロナでは、サルバドール・イリャ州首相と会談しました。\n",
    )
    persons, places = _names(facts, "person"), _names(facts, "place")
    met = _ties(facts, "met_with")
    assert (persons["池田豊人"], persons["サルバドール・イリャ"]) in met
    assert not any(places["バルセロナ"] in pair for pair in met)


def test_courtesy_calls_as_a_noun_or_a_bare_verb_greetings_and_the_place_visited(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "長野県の阿部守一知事は、5月7日、フィリピンのボンボン・マルコス大統領への表敬訪問を行った。\n\n"
        "翌日、知事はベトナムのファム・ミン・チン首相を表敬した。\n\n"
        "知事は、訪問先のマレーシアで、アンワル・イブラヒム首相の出迎えを受けた。\n"
        "主な日程\n5月12日 ソニー社視察\n",
    )
    persons, places, bodies = _names(facts, "person"), _names(facts, "place"), _names(facts, "organisation")
    met, visited = _ties(facts, "met_with"), _ties(facts, "visited")
    governor = persons["阿部守一"]
    assert (governor, persons["ボンボン・マルコス"]) in met  # 「Qへの表敬訪問を行った」
    assert (governor, persons["ファム・ミン・チン"]) in met  # 「Qを表敬した」
    assert (governor, persons["アンワル・イブラヒム"]) in met  # 「Qの出迎えを受けた」
    assert (governor, places["マレーシア"]) in visited  # 「訪問先のマレーシアで」
    assert (governor, bodies["ソニー"]) in visited  # an itinerary row 「ソニー社視察」


def test_the_rows_of_a_courtesy_call_notice_meet_and_visit(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "ベトナム商工省副大臣の知事表敬について\n"
        "1 日時 令和7年6月3日(火)午後2時\n"
        "2 来訪者 ベトナム商工省 グエン・シン・ニャット・タン副大臣 ほか3名\n"
        "3 対応者\n"
        "石川県知事 馳浩\n"
        "4 内容 県内企業との交流について懇談\n",
    )
    persons, places = _names(facts, "person"), _names(facts, "place")
    guest = persons["グエン・シン・ニャット・タン"]
    assert (guest, persons["馳浩"]) in _ties(facts, "met_with")
    assert (guest, places["石川県"]) in _ties(facts, "visited")


def test_a_sentence_or_a_name_broken_over_lines_is_read_whole(tmp_path: Path) -> None:
    """Text taken from a PDF breaks lines inside a sentence (after a particle) and inside a katakana name
    (after its ・): the signing and the name are read across the break; a heading is not joined."""
    facts = _extract(
        tmp_path,
        "大学間協定の締結\n\n"
        "岐阜大学は、令和6年7月1日、ベトナムのダナン工科大学と\n"
        "学術交流協定を締結しました。\n"
        "署名式には、ダナン工科大学のグエン・\n"
        "ヴァン・ミン学長が出席しました。\n",
    )
    orgs, persons = _names(facts, "organisation"), _names(facts, "person")
    assert {orgs["岐阜大学"], orgs["ダナン工科大学"]} in _agreements(facts).values()
    assert (persons["グエン・ヴァン・ミン"], orgs["ダナン工科大学"]) in _ties(facts, "works_for")


def test_a_tagged_family_and_given_name_past_four_characters(tmp_path: Path) -> None:
    """「出席者:石川県知事 佐藤光一郎、…」: a family name and a three-kanji given name the tagger marks are one person."""
    facts = _extract(tmp_path, "出席者:石川県知事 佐藤光一郎、ザクセン州首相 ミヒャエル・クレッチマー\n")
    persons = _names(facts, "person")
    assert "佐藤光一郎" in persons and "光一郎" not in _names(facts, "organisation")
    assert (persons["佐藤光一郎"], _names(facts, "place")["石川県"]) in _ties(facts, "works_for")


def test_attending_framed_by_the_topic_the_sentence_before_or_a_source_with_kara(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "「日星デジタル協力会議」が、6月9日にシンガポールで開催されました。\n"
        "本県からは、田村恵子副知事が出席しました。\n\n"
        "「北欧ヘルスケアセミナー」には、広島大学から木下一郎教授が参加し、研究成果を紹介しました。\n\n"
        "新潟県の花角英世知事は、ソウルで開かれた「日韓知事会議」に出席し、挨拶を行った。\n\n"
        "愛媛県は、台北で「えひめ食の商談会」を開催しました。"
        "商談会には、県内事業者12社と台湾の輸入業者20社が参加しました。\n",
    )
    events, persons, places = _names(facts, "event"), _names(facts, "person"), _names(facts, "place")
    attended = _ties(facts, "attended")
    assert (persons["田村恵子"], events["日星デジタル協力会議"]) in attended  # the event of the sentence before
    assert (persons["木下一郎"], events["北欧ヘルスケアセミナー"]) in attended  # 「Eには、XからPが参加し、…した」
    assert (persons["花角英世"], events["日韓知事会議"]) in _ties(facts, "spoke_at")  # 「Eに出席し、挨拶を行った」
    fair = events["えひめ食の商談会"]
    assert (places["台湾"], fair) not in attended  # 「台湾の輸入業者20社」: unnamed importers, not Taiwan
    assert (places["愛媛県"], fair) not in attended  # 「県内事業者」: firms in the prefecture, not the prefecture


def test_people_sent_by_a_body_an_exchange_of_views_and_a_host_marked_mo(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "11月6日、米国のマサチューセッツ工科大学の研究者4名が名古屋大学を訪問した。\n\n"
        "韓国の蔚山広域市のキム・ドゥギョム市長一行が、5月20日に熊本県を訪問し、木村敬知事と意見交換を行いました。"
        "一行は、熊本大学も訪問しました。\n",
    )
    bodies, persons = _names(facts, "organisation"), _names(facts, "person")
    visited = _ties(facts, "visited")
    assert (bodies["マサチューセッツ工科大学"], bodies["名古屋大学"]) in visited  # 「Xの研究者4名が」
    assert (persons["キム・ドゥギョム"], persons["木村敬"]) in _ties(facts, "met_with")  # 「Qと意見交換を行った」
    assert any(target == bodies["熊本大学"] for _source, target in visited)  # 「熊本大学も訪問」


def test_places_visited_on_the_way_to_a_signing_with_a_named_counterpart_sign_nothing(tmp_path: Path) -> None:
    """「XはA及びBを訪問し、Cと覚書を締結」: C, named with と, is X's counterpart; A and B were only visited."""
    facts = _extract(
        tmp_path,
        "岐阜県の田中一郎知事は、スペイン及びポルトガルを訪問し、バスク州政府と産業交流に関する覚書を締結した。\n",
    )
    places = _names(facts, "place")
    assert {places["岐阜県"], places["バスク州"]} in _agreements(facts).values()
    signed = {p for parties in _agreements(facts).values() for p in parties}
    assert places["スペイン"] not in signed and places["ポルトガル"] not in signed


def test_a_company_with_its_legal_form_before_its_heads_post_in_a_speakers_bracket(tmp_path: Path) -> None:
    """「P(株式会社X代表取締役)」, X an ordinary word the tagger does not mark as a name: the company is X."""
    facts = _extract(tmp_path, "基調講演:川村恵子(株式会社グローバルリンク代表取締役)\n")
    orgs, persons = _names(facts, "organisation"), _names(facts, "person")
    assert (persons["川村恵子"], orgs["グローバルリンク"]) in _ties(facts, "works_for")


def test_a_katakana_firm_named_by_its_plural_business_word_is_a_body(tmp_path: Path) -> None:
    """「P氏(ハリス・アンド・パートナーズ CEO)」: a katakana name ending in パートナーズ/システムズ is a firm, no person."""
    facts = _extract(tmp_path, "講演:エマ・ハリス氏(ハリス・アンド・パートナーズ CEO)\n")
    orgs, persons = _names(facts, "organisation"), _names(facts, "person")
    assert "ハリス・アンド・パートナーズ" not in persons
    assert (persons["エマ・ハリス"], orgs["ハリス・アンド・パートナーズ"]) in _ties(facts, "works_for")


def test_the_leader_of_a_mission_named_before_it_or_in_a_bracket_takes_part(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "群馬県は、山本一太知事を団長とする「群馬県タイ経済ミッション」を、8月にバンコクへ派遣しました。\n\n"
        "「栃木県ベトナム経済交流ミッション」(団長:福田富一知事)は、ハノイ市を訪問しました。\n",
    )
    events, persons = _names(facts, "event"), _names(facts, "person")
    attended = _ties(facts, "attended")
    assert (persons["山本一太"], events["群馬県タイ経済ミッション"]) in attended
    assert (persons["福田富一"], events["栃木県ベトナム経済交流ミッション"]) in attended


def test_a_paragraph_opening_with_a_quoted_mission_keeps_its_subject(tmp_path: Path) -> None:
    facts = _extract(
        tmp_path,
        "石川県の経済ミッション\n\n「石川県台湾経済交流ミッション」(団長:馳浩知事)が、台中市を訪問しました。\n",
    )
    persons, places = _names(facts, "person"), _names(facts, "place")
    assert (persons["馳浩"], places["台中市"]) in _ties(facts, "visited")


def test_a_companys_profile_bracket_names_no_party_and_its_counterpart_is_read(tmp_path: Path) -> None:
    """「株式会社X(本社:…市…区、代表取締役:P)は、Y(ABC)と覚書を締結」: the head office's place signs nothing;
    the counterpart named by its initials in brackets, or by initials run into a katakana word, signs."""
    facts = _extract(
        tmp_path,
        "株式会社さくらロボティクス(本社:名古屋市中区、代表取締役:水野啓太)は、タイ国営石油会社(PTT)と、"
        "水素製造に関する覚書を締結しました。\n\n"
        "株式会社あおばソフト(本社:仙台市青葉区、代表取締役:菅原浩)は、ベトナムのCMCソフトウェアと"
        "業務提携契約を締結しました。\n\n"
        "株式会社みなとフーズ(本社:神戸市中央区、代表取締役:北野誠)は、タイの大手食品会社と覚書を締結しました。\n",
    )
    orgs, places = _names(facts, "organisation"), _names(facts, "place")
    agreements = list(_agreements(facts).values())
    assert {orgs["さくらロボティクス"], orgs["PTT"]} in agreements
    assert {orgs["あおばソフト"], orgs["CMCソフトウェア"]} in agreements
    signed = {p for parties in agreements for p in parties}
    assert not {key for name, key in places.items() if name.endswith("区")} & signed


def test_the_head_named_in_a_companys_profile_bracket_works_for_it(tmp_path: Path) -> None:
    """「株式会社X(本社:…、代表取締役:P)は」: the post and its holder listed after the head office's place."""
    facts = _extract(
        tmp_path,
        "株式会社ことりデザイン(本社:福岡市博多区、代表取締役:原田真一)は、台湾のデザイン協会と覚書を締結しました。\n",
    )
    persons, orgs = _names(facts, "person"), _names(facts, "organisation")
    assert (persons["原田真一"], orgs["ことりデザイン"]) in _ties(facts, "works_for")


def test_a_non_profits_legal_form_makes_a_body_of_ordinary_words(tmp_path: Path) -> None:
    """「NPO法人X」, 「一般社団法人X」 with X of ordinary words (交流ネット, 共創ラボ): the legal form names a body."""
    facts = _extract(tmp_path, "NPO法人日越交流ネットの川口久美理事長が挨拶しました。\n")
    persons, orgs = _names(facts, "person"), _names(facts, "organisation")
    assert (persons["川口久美"], orgs["日越交流ネット"]) in _ties(facts, "works_for")
