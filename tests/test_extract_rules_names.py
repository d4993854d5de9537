"""Extraction rules for recognising places, bodies, people and events by their names.

Each test runs a short hand-written page through the extractor (GiNZA needed), names one general
construction and checks what the extractor makes of it."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("ginza")

from tests.extract_pages import agreements_of, extract_page, names_of, ties_of


def test_a_country_the_page_never_names_is_not_a_place_found(tmp_path: Path) -> None:
    quiet = extract_page(tmp_path, "秋田県の知事は来月、県内の企業を視察する予定です。\n")
    assert "秋田県" in names_of(quiet, "place")
    assert "日本" not in names_of(quiet, "place")
    named = extract_page(tmp_path, "日本の秋田県は来月、県内の企業を視察する予定です。\n")
    assert "日本" in names_of(named, "place")


def test_a_lake_named_with_a_suffix_is_no_person(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "滋賀県は米国ミシガン州と水環境に関する覚書を締結した。琵琶湖と五大湖を抱える両地域の交流は長い。\n",
    )
    assert "五大湖" not in names_of(facts, "person")
    assert "ミシガン州" in names_of(facts, "place")


def test_a_kanji_family_name_before_a_katakana_given_name_is_part_of_the_name(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "沖縄県は台湾で商談会を開いた。玉城デニー知事のビデオメッセージが上映された。\n")
    persons = names_of(facts, "person")
    assert "玉城デニー" in persons
    assert "デニー" not in persons


def test_a_persons_name_before_a_bodys_ending_names_the_body(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "千葉大学は、ドイツのアルベルト・ルートヴィヒ大学フライブルクと協定を締結した。横手幸太郎学長が出席した。\n",
    )
    persons = names_of(facts, "person")
    assert "アルベルト・ルートヴィヒ" not in persons
    assert "横手幸太郎" in persons


def test_who_runs_a_kind_of_body_names_no_body(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "福井県は米国オレゴン州と覚書を交わした。県立の博物館と州立大学の研究者が交流する。\n",
    )
    assert "州立大学" not in names_of(facts, "organisation")
    assert "オレゴン州" in names_of(facts, "place")


def test_a_garden_read_as_a_school_is_no_body(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "江蘇省の訪日団は石川県を訪れた。兼六園や金沢21世紀美術館の視察も行われた。\n")
    assert "兼六園" not in names_of(facts, "organisation")
    assert "江蘇省" in names_of(facts, "place")


def test_the_rest_of_a_hotels_name_is_no_body(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "香川県の知事は台南市の市長と交流協定に署名した。署名式は高松市のJRホテルクレメント高松で行われた。\n",
    )
    assert not any("クレメント" in name for name in names_of(facts, "organisation"))
    assert "台南市" in names_of(facts, "place")


def test_a_place_run_into_a_latin_bodys_name_is_no_department_of_the_place(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "JETRO大阪本部、インド投資セミナーを開催\nJETRO大阪本部は10月、セミナーを開いた。\n")
    assert "大阪本部" not in names_of(facts, "organisation")


def test_a_known_citys_name_with_a_provinces_ending_is_the_province(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "広島県と済州道は観光交流に関する覚書を締結した。済州道知事が来日した。\n")
    places = names_of(facts, "place")
    assert "済州道" in places and "済州" not in places
    (agreement,) = [e["id"] for e in facts["entities"] if e["type"] == "agreement"]
    assert {(places["広島県"], agreement), (places["済州道"], agreement)} <= ties_of(facts, "party_to")


def test_townships_and_a_village_inside_its_prefectures_token(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "交流の面では、昨年5月に長野県阿智村と南投県埔里鎮が「観光交流に関する覚書」を締結した。\n"
        "また新北市の坪林郷とも交流がある。\n",
    )
    places = names_of(facts, "place")
    assert {"阿智村", "埔里鎮", "坪林郷"} <= set(places)
    # the prefecture written only as the village's first part locates it: the full name is the village's alias
    assert places["長野県阿智村"] == places["阿智村"] and "長野県" not in places
    # the coordinated subject signs, not the topic before it nor the places that locate the parties
    assert list(agreements_of(facts).values()) == [{places["阿智村"], places["埔里鎮"]}]


def test_a_state_government_after_its_countrys_official_name_is_the_state(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "岐阜県は、ブラジル連邦共和国サンタカタリーナ州政府と、観光交流に関する覚書を取り交わしました。\n",
    )
    places = names_of(facts, "place")
    assert "サンタカタリーナ州" in places and "サンタカタリーナ州政府" not in names_of(facts, "organisation")
    parties = {p for p, _a in ties_of(facts, "party_to")}
    assert {places["岐阜県"], places["サンタカタリーナ州"]} <= parties


def test_a_foreign_name_right_after_a_word_for_a_kind_of_body_is_that_body(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "徳島県は、インドの製薬大手シプラと、創薬人材の交流に関する覚書を締結した。\n"
        "また、ノルウェーの支援機関ノルウェイイノベーションと県内企業の交流を進める。\n"
        "会場には市内のスタートアップカフェや企業コンソーシアムが出展した。\n",
    )
    orgs = names_of(facts, "organisation")
    assert {"シプラ", "ノルウェイイノベーション"} <= set(orgs)
    assert not {"カフェ", "コンソーシアム"} & set(orgs)
    parties = {p for p, _a in ties_of(facts, "party_to")}
    assert orgs["シプラ"] in parties


def test_a_latin_acronym_after_a_body_word_and_a_long_english_alias_in_brackets(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "岡山県は、マレーシア政府の投資開発庁MIDAと、医療機器分野の交流に関するMOUを締結した。"
        "同県はマレーシア外部貿易開発公社(Malaysia External Trade Development)とも連携している。\n",
    )
    orgs = names_of(facts, "organisation")
    assert "MIDA" in orgs and orgs["MIDA"] in {p for p, _a in ties_of(facts, "party_to")}
    assert orgs.get("Malaysia External Trade Development") == orgs["マレーシア外部貿易開発公社"]


def test_tokyo_is_a_place_and_a_region_joined_by_one_letter_parts_is_read_whole(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "東京都は、フランスのイル=ド=フランス地域圏と都市交通の協力に関する覚書を締結した。小池百合子知事が署名した。\n",
    )
    places, persons = names_of(facts, "place"), names_of(facts, "person")
    assert (persons["小池百合子"], places["東京都"]) in ties_of(facts, "works_for")
    parties = {p for p, _a in ties_of(facts, "party_to")}
    assert {places["東京都"], places["イル=ド=フランス地域圏"]} <= parties


def test_bodies_named_without_a_proper_noun_in_a_bodys_slot(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "山田太郎先生が理事長を務める地域産業技術振興機構は、地元企業を支援している。\n"
        "登壇したのは、ドイツ大使館経済部で参事官を務める川口花子さんと、大阪駐福岡弁事処の王小明・処長。\n",
    )
    orgs, persons = names_of(facts, "organisation"), names_of(facts, "person")
    works = ties_of(facts, "works_for")
    assert (persons["山田太郎"], orgs["地域産業技術振興機構"]) in works
    assert (persons["川口花子"], orgs["ドイツ大使館経済部"]) in works
    assert (orgs["ドイツ大使館経済部"], orgs["ドイツ大使館"]) in ties_of(facts, "part_of")
    assert "大阪駐福岡弁事処" in orgs


def test_readings_in_brackets_and_prizes_are_not_names(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "菊陽町の後藤三男(ごとう・みつお)町長は、ノーベル賞を受けた研究者と懇談した。\n",
    )
    assert "みつお" not in names_of(facts, "person")
    assert "後藤三男" in names_of(facts, "person")
    assert "ノーベル賞" not in names_of(facts, "organisation")


def test_a_name_made_only_of_places_is_no_body(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "中国河南省の官僚ら12人が19日、三重県の知事を表敬訪問した。\n")
    assert "中国河南省" not in names_of(facts, "organisation")
    assert "河南省" in names_of(facts, "place")


def test_a_kanji_ministry_is_a_body_and_a_province_a_place(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "経産省の支援を受け、岐阜県は河南省と覚書を締結した。\n")
    assert "経産省" in names_of(facts, "organisation") and "経産省" not in names_of(facts, "place")
    assert "河南省" in names_of(facts, "place")


def test_a_credit_names_no_one_who_took_part(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "宮城県と台南市は10日、観光交流に関する覚書を締結した。(写真:佐藤美咲/東北日報社)\n",
    )
    assert "佐藤美咲" not in names_of(facts, "person")
    assert "東北日報社" not in names_of(facts, "organisation")
    assert "宮城県" in names_of(facts, "place")


def test_a_university_by_its_short_name(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "筑波大や東北大の研究者が参加し、共同研究を最大限に拡大した。\n")
    bodies = names_of(facts, "organisation")
    assert {"筑波大", "東北大"} <= set(bodies)
    assert not {"最大", "拡大"} & set(bodies)


def test_an_office_named_with_its_purpose_is_a_body(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "大阪府は、欧州企業の誘致を担う関西ビジネス推進オフィスを開設した。会員向けのシェアオフィスも設けた。\n",
    )
    bodies = names_of(facts, "organisation")
    assert "関西ビジネス推進オフィス" in bodies
    assert "シェアオフィス" not in bodies


def test_a_name_runs_to_its_reading_or_to_the_kanji_after_a_rare_one(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "県議会の早乙女裕久彦(さおとめ・ゆきひこ)議長が同行した。医学講座の大橋𠮷男教授も講演した。\n",
    )
    persons = names_of(facts, "person")
    assert {"早乙女裕久彦", "大橋𠮷男"} <= set(persons)
    assert not {"早乙女裕", "久彦", "大橋"} & set(persons)


def test_a_byline_and_a_mascot_are_no_one(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "市のマスコット「しのぶ」や県の「鳥羽志摩男さん」も登場し、市長は交流を続けたいと述べた。【山本拓也】\n",
    )
    assert not {"しのぶ", "鳥羽志摩男", "志摩男", "山本拓也"} & set(names_of(facts, "person"))


def test_part_of_a_katakana_word_is_no_one(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "祭りでは(先住民)ルカイ族の歌と太鼓が披露された。\n")
    assert "ルカ" not in names_of(facts, "person")


def test_the_subject_of_a_first_clause_is_shared_by_the_next(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "静岡県は、フランスで開かれた国際食品展「サロン・ド・グルメ2026」に県内企業とともに出展した。"
        "展示会には川村二郎知事も参加し、地元の経済団体のピエール・デュボワ会長と面談した。\n",
    )
    events, persons = names_of(facts, "event"), names_of(facts, "person")
    fair = events["サロン・ド・グルメ2026"]
    assert (persons["川村二郎"], persons["ピエール・デュボワ"]) in ties_of(facts, "met_with")
    assert {(persons["川村二郎"], fair), (names_of(facts, "place")["静岡県"], fair)} <= ties_of(facts, "attended")


def test_a_citys_government_cut_from_its_name_stands_for_the_city(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "県は高雄市と覚書を結んだ。知事は高雄市政府庁舎で陳文華同市長と面会した。\n")
    places, persons = names_of(facts, "place"), names_of(facts, "person")
    assert "市政府" not in places
    assert (persons["陳文華"], places["高雄市"]) in ties_of(facts, "works_for")
    # 同市 is the city last named, whatever form of its name was used (高雄 for 高雄市)
    short = extract_page(tmp_path, "知事は台湾の高雄を訪れ、陳文華同市長と面会した。\n")
    assert (names_of(short, "person")["陳文華"], names_of(short, "place")["高雄"]) in ties_of(short, "works_for")


def test_a_company_named_by_its_maker_and_trade(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "住友地所と、ボッシュ電機の工場を視察した。エネルギー産業と電気自動車の展示もあった。\n")
    bodies = names_of(facts, "organisation")
    assert {"住友地所", "ボッシュ電機"} <= set(bodies)
    assert not {"エネルギー産業", "電気自動車"} & set(bodies)


def test_a_government_named_after_a_place_the_tagger_knows_is_the_place(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "ウェールズ政府のアラン・ジョーンズ経済大臣が来県した。\n")
    places, persons = names_of(facts, "place"), names_of(facts, "person")
    assert "ウェールズ政府" not in names_of(facts, "organisation")
    assert (persons["アラン・ジョーンズ"], places["ウェールズ"]) in ties_of(facts, "works_for")


def test_a_state_named_with_its_abbreviation_inside_is_one_place(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "愛知県とノルトライン・ヴェストファーレン(NRW)州の交流は長い。NRW州政府の担当者が来日し、NRW州の企業を紹介した。\n",
    )
    places = names_of(facts, "place")
    assert places["ノルトライン・ヴェストファーレン州"] == places["NRW州"]
    assert "NRW州政府" not in names_of(facts, "organisation") and "NRW" not in names_of(facts, "organisation")


def test_a_katakana_city_the_tokenizer_cuts_is_one_place(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "視察団は、ウェストラント市とオランダ企業庁を訪れた。\n")
    places = names_of(facts, "place")
    assert "ウェストラント市" in places and "ラント市" not in places


def test_a_place_and_a_kind_of_body_describe_bodies_but_name_none(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "同センターはベトナム政府機関が所管し、タイの関係団体や日本企業と連携している。\n")
    assert not {"ベトナム政府機関", "タイの関係団体", "日本企業"} & set(names_of(facts, "organisation"))


def test_a_credit_line_names_no_one_who_took_part(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "福島県は郡山市で水素フォーラムを開いた。\n\n取材・文・写真/小野寺花子\n")
    assert "小野寺花子" not in names_of(facts, "person")


def test_a_foreign_name_spelt_two_ways_on_a_page_is_one_person(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "ハノイ市のチャン・ミン・トゥアン副市長が来県した。\n"
        "知事との会見で、チャン・ミン・トゥン副市長は交流の拡大に期待を示した。マリア・ガルシア氏とマリオ・ガルシア氏も同行した。\n",
    )
    persons = names_of(facts, "person")
    assert persons["チャン・ミン・トゥアン"] == persons["チャン・ミン・トゥン"]
    assert persons["マリア・ガルシア"] != persons["マリオ・ガルシア"]


def test_same_and_a_bodys_ending_is_that_body(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "北陸の企業を支援する「日欧技術交流推進オフィス」の仲介で交流が始まった。\n"
        "同オフィスと富山県は2015年に技術連携に関する覚書を締結している。同年、県は視察団を派遣した。\n",
    )
    places, orgs = names_of(facts, "place"), names_of(facts, "organisation")
    assert list(agreements_of(facts).values()) == [{orgs["日欧技術交流推進オフィス"], places["富山県"]}]


def test_a_body_named_in_quotes_after_its_kind_or_by_a_katakana_name_and_a_body_word(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "石川県は、ドイツのスタートアップ「ルミナ」と連携する。オランダのアグリバレー財団とも協力する。\n",
    )
    assert {"ルミナ", "アグリバレー財団"} <= set(names_of(facts, "organisation"))


def test_every_state_is_no_city(tmp_path: Path) -> None:
    assert "全州" not in names_of(extract_page(tmp_path, "ブラジルでは今年、全州において知事選が行われる。\n"), "place")
    assert "全州市" in names_of(extract_page(tmp_path, "韓国の全州市とは交流がある。\n"), "place")


def test_a_universitys_campus_is_a_body(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "セミナーでは、インド工科大学マドラス校のラメシュ・クマール教授が講演した。\n")
    bodies, persons = names_of(facts, "organisation"), names_of(facts, "person")
    assert (persons["ラメシュ・クマール"], bodies["インド工科大学マドラス校"]) in ties_of(facts, "works_for")


def test_bodies_named_by_an_abbreviation_in_brackets_an_institute_word_or_an_apposition(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "韓国の電子通信研究院(ETRI)、中国科学院、米国のベンチャーキャピタル、スカイ・ブリッジ・ベンチャーズが参加した。\n",
    )
    bodies = names_of(facts, "organisation")
    assert {"電子通信研究院", "中国科学院", "スカイ・ブリッジ・ベンチャーズ"} <= set(bodies)
    assert bodies["ETRI"] == bodies["電子通信研究院"]


def test_a_full_name_before_a_body_is_no_part_of_the_body(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "県はベトナム経済視察団(団長・田中誠一北陸ベトナム協会会長)を派遣した。\n")
    bodies, persons = names_of(facts, "organisation"), names_of(facts, "person")
    assert not [name for name in bodies if "田中誠一" in name]
    assert (persons["田中誠一"], bodies["北陸ベトナム協会"]) in ties_of(facts, "works_for")
    assert {b for p, b in ties_of(facts, "works_for") if p == persons["田中誠一"]} == {bodies["北陸ベトナム協会"]}


def test_a_katakana_region_glued_to_a_bracket_or_named_with_chiikiken_is_a_place(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "1. 福井県 — スウェーデン・スコーネ県(ライフサイエンス)\n石川県とフランスのブルターニュ地域圏が覚書を締結した。\n",
    )
    places = names_of(facts, "place")
    assert {"スコーネ県", "ブルターニュ地域圏"} <= set(places)
    assert (places["福井県"], places["スコーネ県"]) in ties_of(facts, "partner_of")


def test_a_word_joined_before_a_countrys_name_names_its_agency(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "ジェトロはビジネス・スウェーデンと連携し、フランス・リヨンで商談会を開いた。\n")
    assert "ビジネス・スウェーデン" in names_of(facts, "organisation")
    assert "フランス・リヨン" not in names_of(facts, "organisation")


def test_a_news_agencys_dateline_names_no_place_of_the_story(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "(高雄 8日 中央社)屏東県と愛媛県は、農業交流に関する覚書を締結した。\n")
    places = names_of(facts, "place")
    assert "高雄" not in places and {"屏東県", "愛媛県"} <= set(places)


def test_a_proper_noun_a_body_works_with_is_a_body(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "福井県は、ノキアと連携し、港湾の自動化を進める。データとデジタルを活用する。\n")
    bodies = names_of(facts, "organisation")
    assert "データ" not in bodies
    assert (names_of(facts, "place")["福井県"], bodies["ノキア"]) in ties_of(facts, "partner_of")


def test_a_study_group_from_a_city_is_the_citys_not_its_countrys(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path, "韓国の釜山広域市から視察団が来訪し、九州大学と安川電機を視察しました。\n"
    )
    places, bodies = names_of(facts, "place"), names_of(facts, "organisation")
    visits = ties_of(facts, "visited")
    assert (places["釜山広域市"], bodies["九州大学"]) in visits
    assert not any(a == places["韓国"] for a, _b in visits)


def test_a_prefecture_written_only_before_its_town_is_no_place_of_the_page(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "秋田県由利本荘町と台南市の永康区が観光分野の交流覚書を締結した。\n"
        "式には両地域の代表が出席した。\n",
    )
    places = names_of(facts, "place")
    assert "由利本荘町" in places and "秋田県由利本荘町" in places  # the full name is the town's alias
    assert places["秋田県由利本荘町"] == places["由利本荘町"]
    assert "秋田県" not in places
    named = extract_page(
        tmp_path,
        "秋田県由利本荘町と台南市の永康区が観光分野の交流覚書を締結した。\n"
        "秋田県も両地域の交流を支援する。\n",
    )
    assert "秋田県" in names_of(named, "place")  # named on its own, it is a place of the page


def test_a_government_word_cut_from_its_place_is_no_place(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "山形県の知事と酒田市長が訪台し、台南市政府庁舎で黄偉哲市長と会談した。\n",
    )
    places = names_of(facts, "place")
    assert "市政府" not in places and "州政府" not in places
    assert "台南市" in places or "台南" in places


def test_a_continent_or_an_island_ending_in_shu_is_no_state(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "欧州有数の医療機器メーカーが九州に工場を置き、広州と豪州にも拠点を持つ。\n",
    )
    places = names_of(facts, "place")
    assert "欧州" not in places and "九州" not in places
    assert "広州" in places and "豪州" in places  # known cities and countries written X州 stay places


def test_a_group_led_by_a_person_acts_as_that_person(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path, "オレゴン州のジョン・ミラー上院議員ら訪問団一行が来県し、石井八郎知事と懇談しました。\n"
    )
    persons = names_of(facts, "person")
    met = ties_of(facts, "met_with") | {(b, a) for a, b in ties_of(facts, "met_with")}
    assert (persons["ジョン・ミラー"], persons["石井八郎"]) in met


def test_a_katakana_states_government_is_the_state_and_a_field_with_sho_is_a_ministry(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "岩手県は、スイス連邦ヴォー州政府と林業分野の連携協定を締結した。"
        "署名式には達増拓也知事と同州農業省のマリア・フーバー大臣が出席した。\n",
    )
    places, orgs, persons = names_of(facts, "place"), names_of(facts, "organisation"), names_of(facts, "person")
    assert "ヴォー州" in places and "ヴォー州政府" not in orgs
    assert {places["岩手県"], places["ヴォー州"]} <= {s for s, _t in ties_of(facts, "party_to")}
    assert "農業省" in orgs and "農業省" not in places
    assert (persons["マリア・フーバー"], orgs["農業省"]) in ties_of(facts, "works_for")


def test_a_proper_noun_dotted_before_a_person_is_their_body(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "視察団に同行した伊藤忠・森川氏が現地の物流網について報告した。\n"
        "福井県・杉本知事も同席した。\n",
    )
    orgs, places = names_of(facts, "organisation"), names_of(facts, "place")
    assert "伊藤忠" in orgs
    assert "福井県" in places and "福井県" not in orgs


def test_a_place_name_that_begins_a_shrines_or_castles_name_is_no_place(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "一行は翌日、出雲大社と松江城を見学し、島根県庁を訪れた。\n")
    places = names_of(facts, "place")
    assert "出雲" not in places and "松江" not in places
    assert "島根県" in places


def test_a_latin_place_name_ending_a_longer_english_name_is_no_place(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "訪問先:\n‐Dutch Energy Delta ダッチ・エナジー・デルタ\n‐Rotterdam Port 視察\n‐Osaka Kobe 連絡事務所\n",
    )
    places = names_of(facts, "place")
    assert "Delta" not in places and "デルタ" not in places
    assert "Rotterdam" in places and "Kobe" in places  # a name that starts, or a known place before it


def test_dousha_is_the_company_the_text_made_its_topic(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "お知らせ\n株式会社ミナトテックは、ドイツのヘルマン・ゾーネ社と販売提携を結んだ。"
        "同社の佐藤健一社長は欧州展開を急ぐと述べた。\n",
    )
    orgs, persons = names_of(facts, "organisation"), names_of(facts, "person")
    works = ties_of(facts, "works_for")
    assert (persons["佐藤健一"], orgs["ミナトテック"]) in works
    assert (persons["佐藤健一"], orgs["ヘルマン・ゾーネ"]) not in works


def test_dou_and_a_kind_of_region_is_the_region_named_before(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "お知らせ\n石川県は、フランスのオクシタニー地域圏と覚書を締結した。"
        "式には同地域圏のピエール・ルグラン議長が出席した。\n",
    )
    places, persons = names_of(facts, "place"), names_of(facts, "person")
    assert (persons["ピエール・ルグラン"], places["オクシタニー地域圏"]) in ties_of(facts, "works_for")


def test_a_bodys_name_run_into_a_katakana_name_before_an_abbreviation_is_one_name(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "鳥取県は、山陰経済協会ダナン(SEAD)との間で観光交流の覚書を締結した。\n",
    )
    orgs = names_of(facts, "organisation")
    assert "山陰経済協会ダナン" in orgs and orgs["SEAD"] == orgs["山陰経済協会ダナン"]
    assert "山陰経済協会" not in orgs


def test_a_country_and_its_quarter_tagged_as_a_body_is_an_area(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "吉林省は中国東北部における物流の拠点であり、長春市など8市から構成される。\n")
    places, orgs = names_of(facts, "place"), names_of(facts, "organisation")
    assert "中国東北部" in places and "中国東北部" not in orgs


def test_a_bare_group_word_is_the_group_named_before(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "秋田県訪問団は、ロシアのハバロフスク地方を訪問しました。秋田県商工会議所連合会も参加しました。\n"
        "訪問団は、次の機関を訪問しました。\n・極東国立大学\n・ハバロフスク商工会議所\n",
    )
    place, bodies = names_of(facts, "place")["秋田県"], names_of(facts, "organisation")
    visits = ties_of(facts, "visited")
    assert {(place, bodies["極東国立大学"]), (place, bodies["ハバロフスク商工会議所"])} <= visits


def test_a_place_and_ordinary_words_tagged_as_a_body_name_no_body(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "2027年の横浜園芸博覧会におけるベルギー園芸の参画を目指す。\n"
        "県内の農業ベンチャーである株式会社グリーンリンク福井は、州の食品クラスターに加盟した。\n",
    )
    orgs = names_of(facts, "organisation")
    assert "ベルギー園芸" not in orgs
    assert "グリーンリンク福井" in orgs  # a legal form before it says it is a company


def test_a_city_peoples_committee_is_the_city_the_gazetteer_knows_without_its_shi(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "お知らせ\n横浜市は、ベトナムのダナン市人民委員会と技術協力覚書を更新しました。\n")
    places = names_of(facts, "place")
    assert "ダナン市人民委員会" not in names_of(facts, "organisation")
    assert {s for s, _t in ties_of(facts, "party_to")} == {places["横浜市"], places["ダナン"]}


def test_a_name_two_places_of_a_page_share_is_left_to_neither(tmp_path: Path) -> None:
    both = extract_page(tmp_path, "静岡県と静岡市は、浙江省と友好交流協定を締結した。\n")
    places = names_of(both, "place")
    assert places["静岡県"] != places["静岡市"]
    assert "Shizuoka" not in places and "静岡" not in places  # the gazetteer's bare name fits both
    alone = extract_page(tmp_path, "静岡市は、浙江省と友好交流協定を締結した。\n")
    assert names_of(alone, "place").get("Shizuoka") == names_of(alone, "place")["静岡市"]


def test_a_countrys_quarter_dotted_before_its_state_only_locates_it(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "鳥取県はブラジル南部・パラナ州の州政府と覚書を交わした。ドイツ北部の港湾都市とも交流がある。\n")
    places = names_of(facts, "place")
    assert "パラナ州" in places and "ブラジル南部" not in places
    assert "ドイツ北部" in places  # a quarter spoken of on its own is a place of the page


def test_a_latin_name_whose_community_a_page_names_is_a_body(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "森ビルが運営するARK HILLS LABのビジネスコミュニティ「六本木イノベーション会」と連携した。"
        "Rubyのコミュニティとも交流した。\n",
    )
    orgs = names_of(facts, "organisation")
    assert "ARK HILLS LAB" in orgs
    assert "Ruby" not in orgs  # one Latin word before a community may be a language or a product


def test_a_bodys_short_name_in_brackets_stands_alone_for_it_later(tmp_path: Path) -> None:
    """「X公社(HTAI)と覚書…HTAIのP社長」: the short name written alone is the body named in full."""
    facts = extract_page(
        tmp_path,
        "山梨県は、ヘッセン州貿易投資振興公社(HTAI)と、水素分野の交流に関する覚書を締結しました。\n"
        "HTAIのマルティン・ケラー社長は「山梨との協力を進めたい」と述べました。\n",
    )
    persons, orgs = names_of(facts, "person"), names_of(facts, "organisation")
    assert (persons["マルティン・ケラー"], orgs["ヘッセン州貿易投資振興公社"]) in ties_of(facts, "works_for")


def test_a_company_named_with_its_legal_form_after_the_name_is_the_company_named_without(tmp_path: Path) -> None:
    """A title 「Xと協定」 and a body 「X株式会社と…協定を締結」 speak of one company, and one agreement."""
    facts = extract_page(
        tmp_path,
        "浜松市、ヤマト精機と連携協定\n\n"
        "浜松市は、ヤマト精機株式会社と、ものづくり人材の育成に関する連携協定を締結しました。\n",
    )
    orgs = [e for e in facts["entities"] if e["type"] == "organisation"]
    assert len(orgs) == 1
    assert len(agreements_of(facts)) == 1


def test_a_sentence_or_a_name_broken_over_lines_is_read_whole(tmp_path: Path) -> None:
    """Text taken from a PDF breaks lines inside a sentence (after a particle) and inside a katakana name
    (after its ・): the signing and the name are read across the break; a heading is not joined."""
    facts = extract_page(
        tmp_path,
        "大学間協定の締結\n\n"
        "岐阜大学は、令和6年7月1日、ベトナムのダナン工科大学と\n"
        "学術交流協定を締結しました。\n"
        "署名式には、ダナン工科大学のグエン・\n"
        "ヴァン・ミン学長が出席しました。\n",
    )
    orgs, persons = names_of(facts, "organisation"), names_of(facts, "person")
    assert {orgs["岐阜大学"], orgs["ダナン工科大学"]} in agreements_of(facts).values()
    assert (persons["グエン・ヴァン・ミン"], orgs["ダナン工科大学"]) in ties_of(facts, "works_for")


def test_a_tagged_family_and_given_name_past_four_characters(tmp_path: Path) -> None:
    """「出席者:石川県知事 佐藤光一郎、…」: a family name and a three-kanji given name the tagger marks are one person."""
    facts = extract_page(tmp_path, "出席者:石川県知事 佐藤光一郎、ザクセン州首相 ミヒャエル・クレッチマー\n")
    persons = names_of(facts, "person")
    assert "佐藤光一郎" in persons and "光一郎" not in names_of(facts, "organisation")
    assert (persons["佐藤光一郎"], names_of(facts, "place")["石川県"]) in ties_of(facts, "works_for")


def test_a_katakana_firm_named_by_its_plural_business_word_is_a_body(tmp_path: Path) -> None:
    """「P氏(ハリス・アンド・パートナーズ CEO)」: a katakana name ending in パートナーズ/システムズ is a firm, no person."""
    facts = extract_page(tmp_path, "講演:エマ・ハリス氏(ハリス・アンド・パートナーズ CEO)\n")
    orgs, persons = names_of(facts, "organisation"), names_of(facts, "person")
    assert "ハリス・アンド・パートナーズ" not in persons
    assert (persons["エマ・ハリス"], orgs["ハリス・アンド・パートナーズ"]) in ties_of(facts, "works_for")


def test_a_non_profits_legal_form_makes_a_body_of_ordinary_words(tmp_path: Path) -> None:
    """「NPO法人X」, 「一般社団法人X」 with X of ordinary words (交流ネット, 共創ラボ): the legal form names a body."""
    facts = extract_page(tmp_path, "NPO法人日越交流ネットの川口久美理事長が挨拶しました。\n")
    persons, orgs = names_of(facts, "person"), names_of(facts, "organisation")
    assert (persons["川口久美"], orgs["日越交流ネット"]) in ties_of(facts, "works_for")


def test_a_place_run_into_a_bodys_name_is_no_place_of_the_page(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "横浜ライフサイエンスセンターは、米国ボストンのBioVentures Bostonと連携覚書を締結しました。\n"
        "署名式には在大阪中国総領事館の領事も出席しました。\n",
    )
    places = names_of(facts, "place")
    assert "ボストン" in places and "中国" in places
    assert "横浜" not in places and "大阪" not in places
    assert "横浜ライフサイエンスセンター" in names_of(facts, "organisation")


def test_the_place_of_an_office_stays_a_place(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "式典には、北海道ソウル事務所の朴智英所長が出席しました。\n")
    assert "ソウル" in names_of(facts, "place")


def test_a_graduate_university_is_one_body(tmp_path: Path) -> None:
    """「X大学院大学」: 大学院 is one word; the name holds no university X大学 with a unit 院大学."""
    facts = extract_page(tmp_path, "北陸先端技術大学院大学は、タイのマヒドン大学と学術交流協定を締結した。\n")
    orgs = names_of(facts, "organisation")
    assert "北陸先端技術大学" not in orgs
    assert list(agreements_of(facts).values()) == [{orgs["北陸先端技術大学院大学"], orgs["マヒドン大学"]}]


def test_a_latin_full_name_before_an_honorific_or_a_post_is_whole(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path, "セミナーでは、Sophie LambertディレクターとJohn Paul Walker氏がオランダの事例を紹介した。\n"
    )
    persons = names_of(facts, "person")
    assert "Sophie Lambert" in persons and "John Paul Walker" in persons
    assert "Walker" not in persons
