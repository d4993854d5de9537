"""Extraction rules for who holds which post where: people and the bodies or places they serve.

Each test runs a short hand-written page through the extractor (GiNZA needed), names one general
construction and checks what the extractor makes of it."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("ginza")

from tests.extract_pages import agreements_of, extract_page, names_of, ties_of


def test_a_foreign_name_before_a_states_post_is_a_person_not_a_place(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "岡山県はインドの州政府経済ミッション(団長:ラジェシュ・クマール州産業大臣)を受け入れた。\n",
    )
    assert not any("クマール" in name for name in names_of(facts, "place"))
    assert "ラジェシュ・クマール" in names_of(facts, "person")


def test_a_family_name_that_is_a_place_before_a_place_and_its_post(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "長崎幸太郎山梨県知事は6月にフランスを訪問し、地域圏議会の議長と会談した。\n")
    assert "長崎幸太郎" in names_of(facts, "person")
    assert "長崎" not in names_of(facts, "place")


def test_a_family_name_alone_before_a_post_is_no_place(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "佐賀県の山口祥義知事はタイのチェンマイ県を訪問した。\n(写真左から)山口知事、県長\n",
    )
    assert "山口祥義" in names_of(facts, "person")
    assert "山口" not in names_of(facts, "place")


def test_initials_and_a_katakana_name_end_where_the_posts_field_begins(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "知事は、インドのタミル・ナドゥ州を訪問し、同州のT.R.B.ラージャー産業大臣と会談した。\n")
    persons = names_of(facts, "person")
    assert "T.R.B.ラージャー" in persons
    assert not any(name.endswith("産業") for name in persons)


def test_fragments_of_posts_and_ordinary_words_are_not_places(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "神戸市の久元市長と阿児和成副市長が出席し、来賓の挨拶があった。両県州の代表も参加した。\n",
    )
    places = set(names_of(facts, "place"))
    assert "神戸市" in places
    assert not places & {"久元市", "和成副市", "来賓", "両県州"}


def test_heads_named_together_serve_the_parties_in_the_order_they_were_named(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "山梨大学とリヨン第一大学は共同研究協定を締結した。協定書には島田真路学長とフレデリック・フルーリー学長が"
        "署名した。\n"
        "その後、山梨大学の学生寮を見学した後、佐藤一郎学長が記者会見に臨んだ。\n",
    )
    orgs, persons = names_of(facts, "organisation"), names_of(facts, "person")
    works = ties_of(facts, "works_for")
    assert (persons["島田真路"], orgs["山梨大学"]) in works
    assert (persons["フレデリック・フルーリー"], orgs["リヨン第一大学"]) in works
    assert (persons["島田真路"], orgs["リヨン第一大学"]) not in works
    assert (persons["佐藤一郎"], orgs["山梨大学"]) in works  # named alone: the body named last


def test_a_governor_heads_a_fu_not_a_body_whose_name_ends_in_seifu(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "大阪府は、南アフリカ共和国ハウテン州政府と、ビジネス交流の促進に関する協力覚書を締結しました。"
        "締結式は府庁で行われ、吉村洋文知事とパニャザ・レスフィ州首相が出席しました。\n",
    )
    persons, places = names_of(facts, "person"), names_of(facts, "place")
    employers = {t for s, t in ties_of(facts, "works_for") if s == persons["吉村洋文"]}
    assert employers == {places["大阪府"]}


def test_chinese_and_korean_names_before_a_post_are_named_in_full(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "会談には石川県の馳浩知事と許昆林省長、周乃翔副省長らが臨んだ。\n"
        "シンポジウムでは、高麗大学の朴賢洙教授、釜山大学の鄭美英准教授が講演した。\n"
        "全羅南道の金英録知事を団長とする代表団が来県した。\n",
    )
    persons, orgs = names_of(facts, "person"), names_of(facts, "organisation")
    assert {"許昆林", "周乃翔", "朴賢洙", "鄭美英", "金英録"} <= set(persons)
    assert not {"昆林", "乃翔"} & set(persons)
    assert (persons["朴賢洙"], orgs["高麗大学"]) in ties_of(facts, "works_for")


def test_a_foreign_companys_japanese_subsidiary_is_a_unit_of_it_not_japan(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "富山県とドイツの電機大手シーメンスは覚書を交わした。式にはシーメンス日本法人のクラウス・ミュラー社長が出席した。\n",
    )
    orgs, persons, places = names_of(facts, "organisation"), names_of(facts, "person"), names_of(facts, "place")
    employers = {t for s, t in ties_of(facts, "works_for") if s == persons["クラウス・ミュラー"]}
    assert employers == {orgs["シーメンス日本法人"]}
    assert "日本" not in places or places["日本"] not in employers


def test_a_deputys_prefix_and_a_bodys_headquarters_are_read_right(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "福岡県上海事務所の所員は、江蘇省商務庁の李明副庁長と懇談した。\n"
        "説明会では、ジェトロ福岡本部の川口真一本部長があいさつした。\n",
    )
    persons, orgs = names_of(facts, "person"), names_of(facts, "organisation")
    assert "李明" in persons and "李明副" not in persons
    assert (persons["川口真一"], orgs["ジェトロ福岡本部"]) in ties_of(facts, "works_for")


def test_full_names_the_dictionary_knows_and_foreign_names_before_a_unit_heads_post(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "石破茂首相と頼清徳総統の会談が報じられた。ジェトロのマイク・フォン局長も同席した。\n",
    )
    persons, orgs = names_of(facts, "person"), names_of(facts, "organisation")
    assert {"石破茂", "頼清徳", "マイク・フォン"} <= set(persons)
    assert "マイク・フォン局" not in orgs


def test_governors_named_together_head_the_places_in_the_order_they_were_named(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "石川県と韓国の全羅北道は友好提携40周年を祝った。式典には馳浩知事と金寛永知事が出席した。\n"
        "富山県と遼寧省の協議には新田八朗知事と王偉中平川市長が臨んだ。\n",
    )
    places, persons = names_of(facts, "place"), names_of(facts, "person")
    works = ties_of(facts, "works_for")
    assert (persons["馳浩"], places["石川県"]) in works
    assert (persons["金寛永"], places["全羅北道"]) in works
    assert (persons["新田八朗"], places["富山県"]) in works  # the next name holds another post


def test_a_name_then_a_places_head_post_works_for_that_place(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "山形県と黒竜江省は覚書を締結した。式では吉村美栄子・山形県知事、佐藤孝弘・山形市長、"
        "土田正剛・東根市長が署名した。\n",
    )
    places, persons = names_of(facts, "place"), names_of(facts, "person")
    works = {(p, q): r.get("role") for r in facts["relations"] if r["type"] == "works_for"
             for p, q in [(r["source"], r["target"])]}
    assert works.get((persons["吉村美栄子"], places["山形県"])) == "県知事"
    assert works.get((persons["佐藤孝弘"], places["山形市"])) == "市長"
    assert works.get((persons["土田正剛"], places["東根市"])) == "市長"
    assert not set(persons) & {"山形", "東根"}
    assert "吉村" not in places  # a family name ending like a village


def test_posts_whose_body_is_named_in_a_neighbouring_construction(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "大分県と台湾の嘉義市は交流会議を開いた。嘉義市側からは、黄敏恵市長が出席した。\n"
        "株式会社ミヤザキ精工は新工場を建設する。宮崎太郎社長は「海外に挑む」と語った。\n",
    )
    places, persons, orgs = names_of(facts, "place"), names_of(facts, "person"), names_of(facts, "organisation")
    works = ties_of(facts, "works_for")
    assert (persons["黄敏恵"], places["嘉義市"]) in works
    assert (persons["宮崎太郎"], orgs["ミヤザキ精工"]) in works


def test_an_assembly_is_a_body_of_its_place_and_its_chair_works_for_it(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "宮城県議会の菅原実議長ら5人が来月、州議会を訪問する。\n")
    orgs, places, persons = names_of(facts, "organisation"), names_of(facts, "place"), names_of(facts, "person")
    assert (orgs["宮城県議会"], places["宮城県"]) in ties_of(facts, "part_of")
    assert (persons["菅原実"], orgs["宮城県議会"]) in ties_of(facts, "works_for")


def test_a_head_signs_for_the_body_they_head(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "神奈川県の黒岩祐治知事は10日、オレゴン州とライフサイエンス分野の覚書を締結した。\n",
    )
    places, persons = names_of(facts, "place"), names_of(facts, "person")
    assert list(agreements_of(facts).values()) == [{places["神奈川県"], places["オレゴン州"]}]
    assert (persons["黒岩祐治"], places["神奈川県"]) in ties_of(facts, "works_for")


def test_a_head_working_with_a_body_makes_their_body_its_partner(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "京都市の山田太郎市長は、「起業家を育てる京都産業振興機構とも連携し、支援を強めたい」と述べた。\n",
    )
    places, orgs = names_of(facts, "place"), names_of(facts, "organisation")
    partners = ties_of(facts, "partner_of") | {(b, a) for a, b in ties_of(facts, "partner_of")}
    assert (places["京都市"], orgs["京都産業振興機構"]) in partners


def test_a_bare_post_as_subject_is_the_person_named_in_it(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "福井県の杉本達治知事は、県内企業の視察団を率いて欧州を回っている。\n"
        "知事は、12日にドイツのバイエルン州政府を、14日にはフランスのリヨン市を訪れた。\n",
    )
    places, persons = names_of(facts, "place"), names_of(facts, "person")
    visits = ties_of(facts, "visited")
    assert (persons["杉本達治"], places["バイエルン州"]) in visits
    assert (persons["杉本達治"], places["リヨン市"]) in visits
    assert (places["福井県"], places["リヨン市"]) not in visits


def test_a_person_works_for_the_body_named_through_their_post(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "交流会には、バイエルン州経済省の参事官(局長級)のハンス・ミュラーさんが出席した。\n")
    bodies, persons = names_of(facts, "organisation"), names_of(facts, "person")
    assert (persons["ハンス・ミュラー"], bodies["バイエルン州経済省"]) in ties_of(facts, "works_for")


def test_two_or_three_kanji_before_a_post_name_a_person(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "静岡県は河北省と覚書を締結した。同省の才利民副省長が署名し、同市の筆頭副市長も出席した。\n",
    )
    places, persons = names_of(facts, "place"), names_of(facts, "person")
    assert (persons["才利民"], places["河北省"]) in ties_of(facts, "works_for")
    assert "筆頭" not in persons


def test_a_clause_between_a_body_and_a_person_is_no_post(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "北陸経済連合会は訪問団を派遣した。同訪問団に参加した大東商事・田中氏が現地の様子を報告した。\n"
        "岐阜県の古田一郎知事は台湾を訪れた。台北市で古田一郎知事は講演した。\n",
    )
    places, persons, bodies = names_of(facts, "place"), names_of(facts, "person"), names_of(facts, "organisation")
    employers = {b for p, b in ties_of(facts, "works_for") if p in (persons["田中"], persons["古田一郎"])}
    # 大東商事・田中氏: the body dotted before the person is theirs; the body that sent the mission is not
    assert employers == {places["岐阜県"], bodies["大東商事"]}
    assert bodies["北陸経済連合会"] not in employers


def test_a_place_between_a_katakana_name_and_its_post_is_no_part_of_the_name(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "知事はセバスチャン・ロドリゲス・ダバオ市長と会談した。翌日はアナ・パラシェ・クイーンズランド州首相と面会した。\n",
    )
    places, persons = names_of(facts, "place"), names_of(facts, "person")
    assert (persons["セバスチャン・ロドリゲス"], places["ダバオ市"]) in ties_of(facts, "works_for")
    assert (persons["アナ・パラシェ"], places["クイーンズランド州"]) in ties_of(facts, "works_for")


def test_a_state_premier_works_for_the_state_named_before(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "知事はクイーンズランド州を訪れ、アナ・パラシェ州首相と会談した。\n")
    places, persons = names_of(facts, "place"), names_of(facts, "person")
    assert (persons["アナ・パラシェ"], places["クイーンズランド州"]) in ties_of(facts, "works_for")


def test_a_foreign_name_before_the_field_of_its_post_is_a_person(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "タイ政府のソムチャイ・ウォン工業大臣が来日した。メディコン・バレー・アライアンス事務局長も講演した。\n",
    )
    persons, bodies = names_of(facts, "person"), names_of(facts, "organisation")
    assert "ソムチャイ・ウォン" in persons
    assert "ソムチャイ・ウォン工業" not in bodies
    assert "メディコン・バレー・アライアンス" not in persons


def test_a_mayors_party_is_the_mayors_town(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "東川町は昨年、大阪駐福岡弁事処の王小明・処長から交流先として台南市を紹介された。\n"
        "2024年1月13日に山本太郎町長一行は台南市を訪問し、友好都市協定を締結した。\n",
    )
    places = names_of(facts, "place")
    # 「町長一行」 is the mayor's party, not the office named before it
    assert list(agreements_of(facts).values()) == [{places["東川町"], places["台南市"]}]


def test_a_name_before_an_ambassadors_posting_is_a_person(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "冒頭、タナカマル駐日パラオ大使が挨拶し、ラウラ・ベルティ駐日イタリア大使も登壇した。\n")
    assert {"タナカマル", "ラウラ・ベルティ"} <= set(names_of(facts, "person"))


def test_a_consul_works_for_no_country_an_ambassador_does(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "来賓\n\n在名古屋フランス総領事 ピエール・デュポン\n\n駐日イタリア大使 ラウラ・ベルティ\n",
    )
    places, persons = names_of(facts, "place"), names_of(facts, "person")
    employers = ties_of(facts, "works_for")
    assert (persons["ピエール・デュポン"], places["フランス"]) not in employers
    assert (persons["ラウラ・ベルティ"], places["イタリア"]) in employers


def test_a_foreign_mayor_named_in_katakana_heads_the_foreign_city(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "松江市とニューオーリンズ市が姉妹都市提携を更新\n\n松江市は5日、更新の調印式を行った。"
        "式には上定昭仁市長とラトーヤ・カントレル市長が出席した。\n",
    )
    places, persons = names_of(facts, "place"), names_of(facts, "person")
    works = ties_of(facts, "works_for")
    assert (persons["ラトーヤ・カントレル"], places["ニューオーリンズ市"]) in works
    assert (persons["上定昭仁"], places["松江市"]) in works


def test_an_affiliation_in_brackets_is_a_body_and_its_heads_post(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "講演はヨハン・ニールセン氏(フィンランド・イノベーションセンター所長)と田中次郎氏(仙台市経済局長)が行った。\n",
    )
    bodies, persons = names_of(facts, "organisation"), names_of(facts, "person")
    assert "フィンランド・イノベーションセンター" not in persons
    works = ties_of(facts, "works_for")
    assert (persons["ヨハン・ニールセン"], bodies["フィンランド・イノベーションセンター"]) in works
    assert "仙台市経済局長" not in bodies


def test_a_post_and_a_dot_between_two_bodies_end_the_first_bodys_name(tmp_path: Path) -> None:
    """One person's two affiliations: 「A センター専務理事・B商工会議所 副会頭 P氏」."""
    facts = extract_page(
        tmp_path,
        "日豪交流ウェビナー\n(1)挨拶 日豪産業協力センター専務理事・在日豪州商工会議所 副会頭 トム・ハリス 氏\n",
    )
    orgs, persons = names_of(facts, "organisation"), names_of(facts, "person")
    assert "日豪産業協力センター" in orgs and "在日豪州商工会議所" in orgs
    assert not any("・" in name for name in orgs)
    works = ties_of(facts, "works_for")
    assert (persons["トム・ハリス"], orgs["日豪産業協力センター"]) in works
    assert (persons["トム・ハリス"], orgs["在日豪州商工会議所"]) in works


def test_a_katakana_surname_before_a_governors_post_is_a_person(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "出席者:福井県 杉本知事、オレゴン州 ケイシー知事\n"
        "また、パリ市長からも祝辞が寄せられた。\n",
    )
    persons, orgs, places = names_of(facts, "person"), names_of(facts, "organisation"), names_of(facts, "place")
    assert "ケイシー" in persons and "ケイシー" not in orgs
    assert "パリ" not in persons and ("パリ" in places or "パリ市" in places)  # the head of a place, not someone


def test_a_post_and_a_colon_name_the_holder(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "お知らせ\n佐賀大学(学長:受田浩之)は、3月5日、ベトナムのフエ大学と大学間交流協定を締結しました。\n"
        "訪問団(団長:山口祥義、副団長:ジョン・ミラー)は翌日帰国した。\n",
    )
    orgs, persons = names_of(facts, "organisation"), names_of(facts, "person")
    assert {"受田浩之", "山口祥義", "ジョン・ミラー"} <= set(persons)
    roles = {(r["source"], r["target"], r.get("role")) for r in facts["relations"] if r["type"] == "works_for"}
    assert (persons["受田浩之"], orgs["佐賀大学"], "学長") in roles


def test_provinces_ending_in_do_and_heads_of_a_place_named_in_their_own_script(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "お知らせ\n島根県は、韓国慶尚北道と友好協定を締結しました。締結式には丸山達也知事と慶尚北道の李哲雨知事が出席した。\n",
    )
    places, persons = names_of(facts, "place"), names_of(facts, "person")
    assert "慶尚北道" in places
    works = ties_of(facts, "works_for")
    assert (persons["李哲雨"], places["慶尚北道"]) in works
    mongol = extract_page(
        tmp_path,
        "お知らせ\n島根県は、モンゴル国ウムヌゴビ県と覚書を締結しました。"
        "署名は丸山達也知事とツェンド・バトエルデネ県知事が行いました。\n",
    )
    places, persons = names_of(mongol, "place"), names_of(mongol, "person")
    works = ties_of(mongol, "works_for")
    assert (persons["ツェンド・バトエルデネ"], places["ウムヌゴビ県"]) in works
    assert (persons["丸山達也"], places["島根県"]) in works


def test_a_departments_head_serves_the_department_of_the_body(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "お知らせ\nパネルには、神戸商工会議所国際部長の山下一郎氏、ラオス駐日大使館の"
        "ソムサック・インタソン特命全権大使、在日オランダ大使館のヤン・デ・フリース上席商務官が参加した。\n",
    )
    orgs, persons = names_of(facts, "organisation"), names_of(facts, "person")
    works = ties_of(facts, "works_for")
    assert (persons["山下一郎"], orgs["神戸商工会議所国際部"]) in works
    assert (orgs["神戸商工会議所国際部"], orgs["神戸商工会議所"]) in ties_of(facts, "part_of")
    assert {"ソムサック・インタソン", "ヤン・デ・フリース"} <= set(persons)


def test_a_name_then_a_body_then_an_academic_or_company_post(tmp_path: Path) -> None:
    """「P・X大学教授」 and a list row 「P X社 代表取締役」: the body between the name and the post employs P."""
    facts = extract_page(
        tmp_path,
        "講演では、佐藤健一・名古屋大学教授が水素研究の動向を紹介した。\n\n"
        "【来訪者】\n・ペーター・ホフマン ザクセン州経済振興公社 代表\n",
    )
    persons, orgs = names_of(facts, "person"), names_of(facts, "organisation")
    ties = ties_of(facts, "works_for")
    assert (persons["佐藤健一"], orgs["名古屋大学"]) in ties
    assert (persons["ペーター・ホフマン"], orgs["ザクセン州経済振興公社"]) in ties


def test_a_bare_heads_post_is_not_of_the_body_named_with_another_head(tmp_path: Path) -> None:
    """「A市長はXのB市長と署名」: X has its head named with it, so A heads the city named before;
    「C学長がベトナムを訪れ、D学長と」: a name in kanji heads the university named in kanji."""
    facts = extract_page(
        tmp_path,
        "仙台市と台南市は、文化交流に関する協定を締結した。\n"
        "郡和子市長は台南市の黄偉哲市長とともに協定書に署名した。\n\n"
        "信州大学とベトナム国家大学ハノイ校は、学術交流協定を更新した。\n"
        "中村宗一郎学長がハノイを訪れ、レ・クアン学長と協定書に署名した。\n",
    )
    persons, places, orgs = names_of(facts, "person"), names_of(facts, "place"), names_of(facts, "organisation")
    ties = ties_of(facts, "works_for")
    assert (persons["郡和子"], places["仙台市"]) in ties
    assert (persons["郡和子"], places["台南市"]) not in ties
    assert (persons["中村宗一郎"], orgs["信州大学"]) in ties
    assert (persons["中村宗一郎"], orgs["ベトナム国家大学ハノイ校"]) not in ties


def test_a_family_name_or_a_bare_post_stands_for_the_person_named_in_full(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "島根県の丸山達也知事は、観光振興に取り組んでいる。\n"
        "4月8日、ポーランドのアンナ・コワルスカ駐日大使が来庁し、知事と面談した。\n"
        "翌日、コワルスカ大使は松江市を訪れ、上定昭仁市長と懇談した。\n\n"
        "6月2日、丸山知事は、チェコのヤン・ノヴァーク駐日大使と会談した。\n",
    )
    persons = names_of(facts, "person")
    met = ties_of(facts, "met_with")
    governor = persons["丸山達也"]
    assert (persons["アンナ・コワルスカ"], governor) in met  # 「知事と面談」: the page's own governor
    assert (persons["アンナ・コワルスカ"], persons["上定昭仁"]) in met  # 「コワルスカ大使は」
    assert (governor, persons["ヤン・ノヴァーク"]) in met  # 「丸山知事は」
    assert (persons["アンナ・コワルスカ"], names_of(facts, "place")["島根県"]) in ties_of(facts, "visited")


def test_a_family_name_that_is_also_a_place_before_a_given_name_and_a_post(tmp_path: Path) -> None:
    """「三重県の長崎健太郎知事」: 長崎 is the family name of the governor, not the city, before a given name and a post."""
    facts = extract_page(tmp_path, "三重県の長崎健太郎知事は、台湾を訪問しました。\n")
    persons, places = names_of(facts, "person"), names_of(facts, "place")
    assert "長崎" not in places
    assert (persons["長崎健太郎"], places["三重県"]) in ties_of(facts, "works_for")


def test_the_head_named_in_a_companys_profile_bracket_works_for_it(tmp_path: Path) -> None:
    """「株式会社X(本社:…、代表取締役:P)は」: the post and its holder listed after the head office's place."""
    facts = extract_page(
        tmp_path,
        "株式会社ことりデザイン(本社:福岡市博多区、代表取締役:原田真一)は、台湾のデザイン協会と覚書を締結しました。\n",
    )
    persons, orgs = names_of(facts, "person"), names_of(facts, "organisation")
    assert (persons["原田真一"], orgs["ことりデザイン"]) in ties_of(facts, "works_for")


def test_a_deputys_post_after_a_body_in_brackets_ends_the_bodys_name(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "訪問団には、甲斐由美氏(宮崎大学副学長)と日高誠氏(宮崎県商工会議所連合会副会長)が加わった。\n")
    persons, bodies = names_of(facts, "person"), names_of(facts, "organisation")
    assert (persons["甲斐由美"], bodies["宮崎大学"]) in ties_of(facts, "works_for")


def test_a_korean_university_named_with_daigakko_is_the_body_a_professor_serves(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "パネル討論には金成俊氏(ソウル大学校教授)が参加しました。\n")
    persons, bodies = names_of(facts, "person"), names_of(facts, "organisation")
    assert (persons["金成俊"], bodies["ソウル大学校"]) in ties_of(facts, "works_for")
    assert "ソウル" not in names_of(facts, "place")


def test_a_given_name_run_into_the_place_ending_of_a_mayors_post(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "知事は台湾の台中市を訪れ、盧秀燕市長と観光交流について意見を交わした。\n")
    persons, places = names_of(facts, "person"), names_of(facts, "place")
    assert "盧秀燕" in persons and "盧秀" not in persons
    assert (persons["盧秀燕"], places["台中市"]) in ties_of(facts, "works_for")


def test_a_bare_heads_post_serves_the_body_the_sentence_named_before(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "市長は韓国の光州テクノパークを訪れ、朴成民院長から入居企業の説明を受けた。\n")
    persons, bodies = names_of(facts, "person"), names_of(facts, "organisation")
    assert (persons["朴成民"], bodies["光州テクノパーク"]) in ties_of(facts, "works_for")


def test_a_bare_heads_post_after_a_body_whose_head_is_named_is_not_that_bodys(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "知事は中部経済連合会の水野明久会長と懇談し、続いて佐藤一郎会長とも面談した。\n")
    persons, bodies = names_of(facts, "person"), names_of(facts, "organisation")
    assert (persons["水野明久"], bodies["中部経済連合会"]) in ties_of(facts, "works_for")
    assert (persons["佐藤一郎"], bodies["中部経済連合会"]) not in ties_of(facts, "works_for")


def test_a_head_does_not_head_the_place_they_visit(tmp_path: Path) -> None:
    """「A市とB市は…。P市長がB市を訪問」: a bare 市長 heads a city named before, never the one the head visits."""
    facts = extract_page(
        tmp_path,
        "高崎市と台湾の台中市は、2016年に友好交流協定を締結しました。\n"
        "9月3日、富岡賢治市長が台中市を訪問し、交流の拡大について意見を交わしました。\n",
    )
    persons, places = names_of(facts, "person"), names_of(facts, "place")
    works = ties_of(facts, "works_for")
    assert (persons["富岡賢治"], places["高崎市"]) in works and (persons["富岡賢治"], places["台中市"]) not in works


def test_a_post_named_by_the_bodys_last_word_heads_that_body(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "副知事は遼寧省商務庁を訪問し、趙志遠庁長と貿易促進について協議した。\n")
    persons, bodies = names_of(facts, "person"), names_of(facts, "organisation")
    assert (persons["趙志遠"], bodies["遼寧省商務庁"]) in ties_of(facts, "works_for")


def test_same_and_a_one_character_body_ending_stands_for_the_body_named_before(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path, "視察団は遼寧省商務庁を訪れた。\n同庁の趙志遠副庁長から省内の投資環境について説明があった。\n"
    )
    persons, bodies = names_of(facts, "person"), names_of(facts, "organisation")
    assert (persons["趙志遠"], bodies["遼寧省商務庁"]) in ties_of(facts, "works_for")


def test_a_latin_name_before_no_and_a_person_is_the_body_they_serve(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "当日は、Enterprise SingaporeのTan Wei Mingディレクター、Business FranceのMarie Dubois氏が登壇しました。\n",
    )
    persons, bodies = names_of(facts, "person"), names_of(facts, "organisation")
    assert (persons["Tan Wei Ming"], bodies["Enterprise Singapore"]) in ties_of(facts, "works_for")
    assert (persons["Marie Dubois"], bodies["Business France"]) in ties_of(facts, "works_for")
