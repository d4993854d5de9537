"""Extraction rules for relations a page states through its layout: titles, lists, table and programme rows.

Each test runs a short hand-written page through the extractor (GiNZA needed), names one general
construction and checks what the extractor makes of it."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("ginza")

from ingest.extract.documents import read_document
from ingest.extract.gazetteer import base_gazetteer
from ingest.extract.pipeline import Resolver, parse, strip_private, to_facts
from tests.extract_pages import agreements_of, extract_page, names_of, ties_of


def test_a_title_phrase_with_a_particle_is_no_event(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "千葉大学、ドイツ・フライブルク大学と協定\n千葉大学はドイツのフライブルク大学と部局間協定を締結した。\n",
    )
    assert not any("協定" in name for name in names_of(facts, "event"))
    assert "フライブルク大学" in names_of(facts, "organisation")


def test_paired_list_rows_name_partners(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "本年度の採択案件は次のとおり。\n\n"
        "  1. 静岡県-ドイツ・NRW州(医療機器)\n"
        "  2. 福井県 — フランス・リヨン市 (リヨン商工会議所)\n"
        "  3. 長野県南部地域-イタリア・ロンバルディア州(精密機械)\n",
    )
    places, orgs = names_of(facts, "place"), names_of(facts, "organisation")
    partners = ties_of(facts, "partner_of") | {(b, a) for a, b in ties_of(facts, "partner_of")}
    assert (places["静岡県"], places["NRW州"]) in partners
    assert (places["福井県"], places["リヨン市"]) in partners
    assert (places["福井県"], orgs["リヨン商工会議所"]) in partners
    assert "長野県南部地域" in places  # an area of a prefecture, named with it
    assert not any(places["ドイツ"] in pair for pair in partners)


def test_a_paired_row_ending_in_an_agreement_names_the_agreement_of_both_sides(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "本県の海外連携先は次のとおりです。\n"
        "・富山県 ― 遼寧省(中国) 友好交流協定\n"
        "・富山県産業創造センター ― マレーシア製造業連盟(FMM) 協力覚書\n",
    )
    places, orgs = names_of(facts, "place"), names_of(facts, "organisation")
    parties = ties_of(facts, "party_to")
    held = {a: {p for p, b in parties if b == a} for _p, a in parties}
    assert {places["富山県"], places["遼寧省"]} in held.values()
    assert {orgs["富山県産業創造センター"], orgs["マレーシア製造業連盟"]} in held.values()


def test_table_rows_under_a_heading_without_a_home_pair_their_own_cells(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "道内自治体の姉妹都市一覧\n"
        "| 道内の市 | 海外の姉妹都市 | 締結年 |\n"
        "| 函館市 | ハリファックス市(カナダ) | 1982年 |\n"
        "| 小樽市 | ナホトカ市(ロシア) | 1966年 |\n",
    )
    places = names_of(facts, "place")
    parties = ties_of(facts, "party_to")
    held = {a: {p for p, b in parties if b == a} for _p, a in parties}
    assert {places["函館市"], places["ハリファックス市"]} in held.values()
    assert {places["小樽市"], places["ナホトカ市"]} in held.values()
    assert not any(places["函館市"] in sides and places["ナホトカ市"] in sides for sides in held.values())


def test_a_katakana_name_after_a_post_in_a_table_cell_is_a_person(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "「日本・デンマーク洋上風力ウェビナー」を開催しました。\n"
        "| 時間 | 内容 | 登壇者 |\n"
        "| 10:00 | 基調講演 | デンマーク気候エネルギー省 次官 ソーレン・ハンセン |\n",
    )
    persons, orgs = names_of(facts, "person"), names_of(facts, "organisation")
    assert (persons["ソーレン・ハンセン"], orgs["デンマーク気候エネルギー省"]) in ties_of(facts, "works_for")


def test_the_last_of_a_counted_list_of_parties_signs_too(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "栃木県は、宇都宮大学、足利大学、白鷗大学の3大学と、観光人材の育成に関する連携協定を締結した。\n",
    )
    orgs = names_of(facts, "organisation")
    parties = {p for p, _a in ties_of(facts, "party_to")}
    assert {orgs["宇都宮大学"], orgs["足利大学"], orgs["白鷗大学"]} <= parties


def test_names_the_tagger_marks_before_a_post_are_a_person_whatever_the_entity_label(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "同校のソムチャイ・ウォン校長が来学した。\n")
    assert "ソムチャイ・ウォン" in names_of(facts, "person")
    assert "ソムチャイ・ウォン" not in names_of(facts, "event")


def test_bodies_with_no_suffix_listed_in_the_party_slot_sign(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "熊本市は4月10日、リヨン・メトロポール、九州産業振興協議会、バイオウエストとスタートアップ支援に関するMOU締結を発表した。\n"
        "神戸市は、カナダのスタートアップ支援機関・NBX(ノースブリッジ)と覚書を締結した。\n"
        "また、県は、スタートアップとパートナーシップ協定を締結した。\n",
    )
    places, orgs = names_of(facts, "place"), names_of(facts, "organisation")
    parties = list(agreements_of(facts).values())
    four = {places["熊本市"], orgs["リヨン・メトロポール"], orgs["九州産業振興協議会"], orgs["バイオウエスト"]}
    assert four in parties  # one agreement of the four, not one per counterpart
    assert {places["神戸市"], orgs["NBX"]} in parties
    assert not {"スタートアップ", "MOU"} & set(orgs)


def test_a_name_after_a_post_in_a_list_of_signatories(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "署名者\n\nノルマンディー州議長 ミカエル・アラリ\n\n岐阜県知事 山本 太郎\n")
    places, persons = names_of(facts, "place"), names_of(facts, "person")
    assert (persons["ミカエル・アラリ"], places["ノルマンディー州"]) in ties_of(facts, "works_for")
    assert (persons["山本太郎"], places["岐阜県"]) in ties_of(facts, "works_for")


def test_places_listed_with_ya_are_each_visited(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "田中四郎市長は、ダナン工科大学やフエ医科大学を視察した。\n")
    persons, bodies = names_of(facts, "person"), names_of(facts, "organisation")
    assert (persons["田中四郎"], bodies["ダナン工科大学"]) in ties_of(facts, "visited")
    assert (persons["田中四郎"], bodies["フエ医科大学"]) in ties_of(facts, "visited")


def test_the_bodies_listed_under_a_visits_heading_were_visited(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "北欧イノベーション視察ツアー実施報告\n\n"
        "札幌市は、市内の企業6社とともに北欧イノベーション視察ツアーを実施した。\n"
        "【主な訪問先】\n・オスロ大学\n・ノルウェー投資庁\n"
        "参加者は各訪問先で意見を交わした。\n",
    )
    events, bodies, city = names_of(facts, "event"), names_of(facts, "organisation"), names_of(facts, "place")["札幌市"]
    assert "北欧イノベーション視察ツアー" in events and not any("報告" in n for n in events)
    assert (city, events["北欧イノベーション視察ツアー"]) in ties_of(facts, "organised")
    assert {(city, bodies["オスロ大学"]), (city, bodies["ノルウェー投資庁"])} <= ties_of(facts, "visited")


def test_the_bodies_listed_as_taking_part_attended_the_pages_event(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "日加バイオ交流会2026 開催報告\n\n日加バイオ交流会2026を6月2日に開催しました。\n"
        "【参加団体】\n・トロント大学\n・京都大学\n",
    )
    event = names_of(facts, "event")["日加バイオ交流会2026"]
    bodies = names_of(facts, "organisation")
    assert {(bodies["トロント大学"], event), (bodies["京都大学"], event)} <= ties_of(facts, "attended")


def test_the_rows_of_a_schedule_are_visits_of_whoever_the_page_reports_travelling(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "パラナ州のマリア・シルバ副知事が、9月2日に富山県を訪れた。\n\n【日程】\n"
        "9月2日 富山県庁表敬訪問\n9月3日 富山大学視察、株式会社不二越訪問\n",
    )
    persons, orgs = names_of(facts, "person"), names_of(facts, "organisation")
    visited = ties_of(facts, "visited")
    assert (persons["マリア・シルバ"], orgs["富山大学"]) in visited
    assert (persons["マリア・シルバ"], orgs["不二越"]) in visited  # 「…訪問」 is no part of the company's name


def test_the_visits_column_of_a_table_names_what_was_visited(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "熊本大学の教員5名が、3月4日から6日まで台湾を訪問した。\n\n"
        "| 日付 | 訪問先 | 目的 |\n| --- | --- | --- |\n"
        "| 3月4日 | 国立成功大学 | 共同研究の打合せ |\n| 3月5日 | 鴻海精密工業 | 工場見学 |\n",
    )
    orgs = names_of(facts, "organisation")
    visited = ties_of(facts, "visited")
    assert (orgs["熊本大学"], orgs["国立成功大学"]) in visited
    assert (orgs["熊本大学"], orgs["鴻海精密工業"]) in visited


def test_each_row_under_a_list_of_twinned_regions_is_a_friendship_agreement(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "岡山県の友好提携先\n\n岡山県は、次の地域と友好提携を結んでいます。\n"
        "| 提携先 | 国 | 提携年 |\n| 江西省 | 中国 | 1992年 |\n| ミズーリ州 | アメリカ | 2011年 |\n",
    )
    places = names_of(facts, "place")
    parties = ties_of(facts, "party_to")
    for partner in ("江西省", "ミズーリ州"):
        agreement = next(a for p, a in parties if p == places[partner])
        assert (places["岡山県"], agreement) in parties
    assert not any(places["中国"] == p or places["アメリカ"] == p for p, _a in parties)


def test_a_numbered_visits_heading_lists_visits_too(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "仙台市は、市内企業とともに北欧視察ツアーを実施した。\n3 主な訪問先\n・オーフス大学\n・デンマーク投資庁\n",
    )
    city, bodies = names_of(facts, "place")["仙台市"], names_of(facts, "organisation")
    assert {(city, bodies["オーフス大学"]), (city, bodies["デンマーク投資庁"])} <= ties_of(facts, "visited")


def test_a_titles_site_name_after_its_separator_is_a_clean_name(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "TITLE: ハノイ工科大学と学術交流協定を締結しました|北陸工業大学\n\n本文は短い。\n", encoding="utf-8"
    )
    gaz = base_gazetteer()
    facts = strip_private(to_facts(parse(read_document(page)), gaz, Resolver(gaz, None))[0])
    bodies = names_of(facts, "organisation")
    assert "北陸工業大学" in bodies and not any(n.startswith("|") for n in bodies)


def test_honbun_is_the_university_the_title_names_as_its_site_or_signing_subject(tmp_path: Path) -> None:
    site = extract_page(
        tmp_path,
        "TITLE: 東海海洋大学と学術交流協定を締結しました|北陸工業大学\n\n"
        "本学は6月5日、タイの東海海洋大学と学術交流協定を締結しました。"
        "協定書には本学の田中一郎学長と東海海洋大学のソムチャイ・ウォン学長が署名しました。\n",
    )
    bodies, persons = names_of(site, "organisation"), names_of(site, "person")
    (agreement,) = [e["id"] for e in site["entities"] if e["type"] == "agreement"]
    assert {(bodies["北陸工業大学"], agreement), (bodies["東海海洋大学"], agreement)} <= ties_of(site, "party_to")
    assert (persons["田中一郎"], bodies["北陸工業大学"]) in ties_of(site, "works_for")
    assert "本学" not in bodies
    subject = extract_page(
        tmp_path,
        "TITLE: 北陸工業大学、東海海洋大学と覚書を締結\n\n本学は東海海洋大学と覚書を締結しました。\n",
    )
    bodies = names_of(subject, "organisation")
    (agreement,) = [e["id"] for e in subject["entities"] if e["type"] == "agreement"]
    assert (bodies["北陸工業大学"], agreement) in ties_of(subject, "party_to")
    opening = extract_page(
        tmp_path,
        "TITLE: 北陸工業大学 | 東海海洋大学との覚書締結\n\n本学は東海海洋大学と覚書を締結しました。\n",
    )
    bodies = names_of(opening, "organisation")
    (agreement,) = [e["id"] for e in opening["entities"] if e["type"] == "agreement"]
    assert (bodies["北陸工業大学"], agreement) in ties_of(opening, "party_to")
    college = extract_page(
        tmp_path,
        "TITLE: 東海海洋大学と覚書を締結｜北陸工業高等専門学校\n\n本校は東海海洋大学と覚書を締結しました。\n",
    )
    bodies = names_of(college, "organisation")
    (agreement,) = [e["id"] for e in college["entities"] if e["type"] == "agreement"]
    assert (bodies["北陸工業高等専門学校"], agreement) in ties_of(college, "party_to")


def test_honbun_stays_unnamed_when_the_title_names_only_the_partner(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "TITLE: 東海海洋大学との大学間協定締結について\n\n"
        "本学は東海海洋大学(タイ)と大学間協定を締結しました。"
        "協定書には本学の田中一郎学長と東海海洋大学のソムチャイ・ウォン学長が署名しました。\n",
    )
    bodies, persons = names_of(facts, "organisation"), names_of(facts, "person")
    assert "本学" not in bodies and set(bodies.values()) == {bodies["東海海洋大学"]}
    employers = {b for a, b in ties_of(facts, "works_for") if a == persons["田中一郎"]}
    assert bodies["東海海洋大学"] not in employers  # 本学の学長 is not the partner's president
    assert (persons["ソムチャイ・ウォン"], bodies["東海海洋大学"]) in ties_of(facts, "works_for")


def test_bodies_on_a_one_line_organiser_row_organised_the_titled_event(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "SOURCE: https://example.jp/notice\nTITLE: 日豪食品商談会のご案内\nPUBLISHED: 2024-05-01\n\n"
        "岐阜県は6月に「日豪食品商談会」を開きます。\n\n"
        "主催:岐阜県、岐阜商工会議所\n"
        "共催:大垣商工会議所/後援:在日オーストラリア大使館\n",
    )
    bodies, events = names_of(facts, "organisation"), names_of(facts, "event")
    hosts = ties_of(facts, "organised")
    for body in ("岐阜商工会議所", "大垣商工会議所"):
        assert (bodies[body], events["日豪食品商談会"]) in hosts
    assert (bodies["在日オーストラリア大使館"], events["日豪食品商談会"]) not in hosts


def test_a_titles_separators_end_a_name_and_a_kind_of_university_is_none(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "北陸工業大学｜国際交流｜ニュース\n\n国立大学として初めて、チュラロンコン大学と覚書を締結した。\n")
    bodies = names_of(facts, "organisation")
    assert "北陸工業大学" in bodies and not any("|" in n or "｜" in n for n in bodies)
    assert "国立大学" not in bodies


def test_bodies_listed_before_a_count_attended_the_event(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "石川県は2月、バンコクで「石川県ものづくり商談会」を開催した。"
        "商談会には、小松製作所、北國銀行など15社が参加した。\n",
    )
    event = names_of(facts, "event")["石川県ものづくり商談会"]
    bodies = names_of(facts, "organisation")
    assert {(bodies["小松製作所"], event), (bodies["北國銀行"], event)} <= ties_of(facts, "attended")


def test_people_listed_under_an_attendees_heading_attended_the_event(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "秋田県は「日豪資源エネルギー会議」を開催しました。\n"
        "出席者:\n・駐日オーストラリア大使館 ピーター・ウォルシュ公使\n・秋田大学 山田花子学長\n・株式会社秋田精工\n",
    )
    event = names_of(facts, "event")["日豪資源エネルギー会議"]
    persons, bodies = names_of(facts, "person"), names_of(facts, "organisation")
    attended = ties_of(facts, "attended")
    assert {(persons["ピーター・ウォルシュ"], event), (persons["山田花子"], event)} <= attended
    assert (bodies["秋田精工"], event) in attended
    # an inline list after the heading reads the same
    inline = extract_page(
        tmp_path,
        "秋田県は「日豪資源エネルギー会議」を開催しました。\n参加者:秋田大学 山田花子学長、株式会社秋田精工\n",
    )
    event = names_of(inline, "event")["日豪資源エネルギー会議"]
    assert (names_of(inline, "person")["山田花子"], event) in ties_of(inline, "attended")


def test_the_list_after_a_sentence_announcing_it(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "長野県の阿部二郎知事は、次の機関を訪問しました。\n・ミュンヘン工科大学\n・バイエルン州経済省\n",
    )
    person, bodies = names_of(facts, "person")["阿部二郎"], names_of(facts, "organisation")
    assert {(person, bodies["ミュンヘン工科大学"]), (person, bodies["バイエルン州経済省"])} <= ties_of(facts, "visited")
    fair = extract_page(
        tmp_path, "「ぐんま食品商談会2026」を開催しました。以下の企業が参加しました。\n・赤城食品株式会社\n・上州醸造株式会社\n"
    )
    event, bodies = names_of(fair, "event")["ぐんま食品商談会2026"], names_of(fair, "organisation")
    assert {(bodies["赤城食品株式会社"], event), (bodies["上州醸造株式会社"], event)} <= ties_of(fair, "attended")


def test_a_programme_row_serves_the_body_before_a_bracketed_country_and_lists_colleagues(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "【プログラム】\n"
        "・講演① ノルテック・クラスター (デンマーク) 事業開発マネージャー ヨハン・ベルグ 氏\n"
        "・講演② ヴェルデ研究所 主任研究員 マリア・ロッシ氏(イタリア) 研究員 ルカ・ビアンキ氏(イタリア)\n",
    )
    orgs, persons = names_of(facts, "organisation"), names_of(facts, "person")
    works = ties_of(facts, "works_for")
    assert (persons["ヨハン・ベルグ"], orgs["ノルテック・クラスター"]) in works
    assert (persons["マリア・ロッシ"], orgs["ヴェルデ研究所"]) in works
    assert (persons["ルカ・ビアンキ"], orgs["ヴェルデ研究所"]) in works
    roles = {(r["source"], r.get("role")) for r in facts["relations"] if r["type"] == "works_for"}
    assert (persons["ルカ・ビアンキ"], "研究員") in roles
    assert not any(t == names_of(facts, "place").get("デンマーク") for _s, t in works)


def test_names_listed_before_a_kind_of_body_are_bodies(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "大連ではSEEEDやMakeblock、RoboMasterのようなハードウェア企業が育っている。\n"
        "講演はHaxLabという杭州のコワーキングスペースで行われた。\n"
        "ロボットやドローンなどの分野でも連携する。\n",
    )
    orgs = names_of(facts, "organisation")
    assert {"SEEED", "Makeblock", "RoboMaster", "HaxLab"} <= set(orgs)
    assert "ロボット" not in orgs and "ドローン" not in orgs  # common words listed before no body


def test_an_office_listed_after_another_bodys_office_is_that_bodys(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "一行は滞在中、日本韓国交流協会釜山事務所、韓国貿易センター釜山事務所を訪れた。\n",
    )
    orgs = names_of(facts, "organisation")
    assert "韓国貿易センター釜山事務所" in orgs
    assert not any(n.startswith("日本韓国交流協会韓国") for n in orgs)


def test_co_hosts_listed_before_kyousai_de_and_a_date_before_the_holding_verb(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "お知らせ\nジェトロ福岡は、福岡県、北九州市と共催で、「九州・インド医療機器商談会」を3月4日に開催しました。\n",
    )
    orgs, places, events = names_of(facts, "organisation"), names_of(facts, "place"), names_of(facts, "event")
    event = events["九州・インド医療機器商談会"]
    organised = {s for s, t in ties_of(facts, "organised") if t == event}
    assert {orgs["ジェトロ福岡"], places["福岡県"], places["北九州市"]} <= organised
    assert (orgs["ジェトロ福岡"], orgs["ジェトロ"]) in ties_of(facts, "part_of")


def test_a_labelled_row_pairs_a_prefecture_with_a_region_after_its_country(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "地域間交流支援事業\n実施地域:富山県 - ノルウェー・トロンデラーグ地域\n実施機関:富山県新世紀産業機構\n",
    )
    places = names_of(facts, "place")
    assert (places["富山県"], places["トロンデラーグ地域"]) in ties_of(facts, "partner_of")


def test_a_table_row_of_attendees_attended_the_pages_event(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "日韓観光交流会を開催しました\n\n| 項目 | 内容 |\n| --- | --- |\n| 名称 | 日韓観光交流会 |\n"
        "| 参加者 | 釜山観光公社 キム・ミンジュン社長、福岡大学 山本太郎学長 |\n| 参加団体 | 九州観光機構、福岡商工会議所 |\n",
    )
    event, persons, bodies = names_of(facts, "event")["日韓観光交流会"], names_of(facts, "person"), names_of(facts, "organisation")
    attended = ties_of(facts, "attended")
    assert {(persons["キム・ミンジュン"], event), (persons["山本太郎"], event)} <= attended
    assert {(bodies["九州観光機構"], event), (bodies["福岡商工会議所"], event)} <= attended
    assert (bodies["福岡大学"], event) not in attended  # the person listed attended, for their body


def test_programme_rows_with_abbreviations_in_brackets(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "日越経済協力フォーラム2025\n日時:2025年7月1日\n主催:日本貿易振興機構(ジェトロ)\n共催:ベトナム計画投資省(MPI)\n"
        "登壇者:グエン・チー・ズン大臣(MPI)、石黒憲彦理事長(ジェトロ)\n",
    )
    orgs, persons, events = names_of(facts, "organisation"), names_of(facts, "person"), names_of(facts, "event")
    event = events["日越経済協力フォーラム2025"]
    assert (orgs["ベトナム計画投資省"], event) in ties_of(facts, "organised")
    assert (persons["グエン・チー・ズン"], orgs["ベトナム計画投資省"]) in ties_of(facts, "works_for")


def test_the_rows_of_a_courtesy_call_notice_meet_and_visit(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "ベトナム商工省副大臣の知事表敬について\n"
        "1 日時 令和7年6月3日(火)午後2時\n"
        "2 来訪者 ベトナム商工省 グエン・シン・ニャット・タン副大臣 ほか3名\n"
        "3 対応者\n"
        "石川県知事 馳浩\n"
        "4 内容 県内企業との交流について懇談\n",
    )
    persons, places = names_of(facts, "person"), names_of(facts, "place")
    guest = persons["グエン・シン・ニャット・タン"]
    assert (guest, persons["馳浩"]) in ties_of(facts, "met_with")
    assert (guest, places["石川県"]) in ties_of(facts, "visited")


def test_a_blank_line_between_a_partner_heading_and_its_table(tmp_path: Path) -> None:
    """「X県は、次の地域と姉妹提携を結んでいます。」, a blank line, then the rows: each row is still a partner."""
    facts = extract_page(
        tmp_path,
        "山形県の海外交流\n\n山形県は、次の地域と姉妹提携を結んでいます。\n\n"
        "| 提携年 | 地域 |\n| 1993年 | 中国・黒竜江省 |\n| 2005年 | ドイツ・ザクセン州 |\n",
    )
    places = names_of(facts, "place")
    parties = list(agreements_of(facts).values())
    assert {places["山形県"], places["黒竜江省"]} in parties and {places["山形県"], places["ザクセン州"]} in parties


def test_each_row_under_a_heading_that_lists_agreements_is_an_agreement_of_the_home(tmp_path: Path) -> None:
    """「X市が締結している覚書は次のとおりです。」 over a table or a dated list: each row is an agreement between
    the heading's body and the row's partner, of the kind the row names or else the heading's."""
    facts = extract_page(
        tmp_path,
        "高松市の国際協力\n\n高松市が海外の都市と締結している覚書は次のとおりです。\n"
        "| 2017年6月1日 | 台湾・基隆市 | 港湾交流に関する覚書 |\n| 2022年3月9日 | タイ・チェンライ市 | 観光分野の協力協定 |\n\n"
        "また、高松市は以下の機関とも協定を結んでいます。\n・2020年 フランスのナント大学\n",
    )
    places, orgs = names_of(facts, "place"), names_of(facts, "organisation")
    kinds = {e["name"]["ja"]: e["kind"] for e in facts["entities"] if e["type"] == "agreement"}
    parties = {frozenset(p): kinds[n] for n, p in agreements_of(facts).items()}
    home = places["高松市"]
    assert parties[frozenset({home, places["基隆市"]})] == "mou"
    assert parties[frozenset({home, places["チェンライ市"]})] == "cooperation"
    assert parties[frozenset({home, orgs["ナント大学"]})] == "cooperation"
