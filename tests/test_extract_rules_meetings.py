"""Extraction rules for visits, courtesy calls, meetings and events, and who organised, attended or
spoke at them.

Each test runs a short hand-written page through the extractor (GiNZA needed), names one general
construction and checks what the extractor makes of it."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("ginza")

from tests.extract_pages import agreements_of, extract_page, names_of, ties_of


def test_a_conference_hall_is_no_event(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "北九州市は大連市の代表団を迎えた。会場の北九州国際会議場には市民約200名が来場した。\n")
    assert "北九州国際会議場" not in names_of(facts, "event")


def test_a_visit_to_the_pages_own_prefecture_names_no_host(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "岐阜県は海外との交流を進めている。\n"
        "5月10日、フランスのリヨン市からジャン・デュポン市長が来県し、企業を視察した。\n"
        "翌日、県庁を訪れたアンナ・シュミット大使は観光について説明した。\n",
    )
    places, persons = names_of(facts, "place"), names_of(facts, "person")
    visits = ties_of(facts, "visited")
    assert (persons["ジャン・デュポン"], places["岐阜県"]) in visits
    assert (persons["アンナ・シュミット"], places["岐阜県"]) in visits


def test_a_courtesy_call_on_a_person_and_a_meeting_with_several(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "佐賀県の山口祥義知事は3日、ピーター・ミラー州首相(61)とマリア・ロッシ総領事と会談した。\n"
        "同日、ハンス・ベッカー大使が山口祥義知事を表敬訪問した。\n",
    )
    persons = names_of(facts, "person")
    met = ties_of(facts, "met_with") | {(b, a) for a, b in ties_of(facts, "met_with")}
    assert (persons["山口祥義"], persons["ピーター・ミラー"]) in met
    assert (persons["山口祥義"], persons["マリア・ロッシ"]) in met
    # a courtesy call visits the body the person heads and meets the person
    assert (persons["ハンス・ベッカー"], names_of(facts, "place")["佐賀県"]) in ties_of(facts, "visited")
    assert (persons["ハンス・ベッカー"], persons["山口祥義"]) in met


def test_an_autonomous_province_in_katakana_and_a_school_called_back_by_doko(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "採択ペア\n1. 松本市 ― イタリア・ボルツァーノ自治県(山岳観光)\n"
        "信州大学は、タイのチュラロンコン大学サラブリ校と交流協定を結んだ。同校のソムチャイ・ウォン副学長が来学した。\n",
    )
    places, orgs, persons = names_of(facts, "place"), names_of(facts, "organisation"), names_of(facts, "person")
    assert (places["松本市"], places["ボルツァーノ自治県"]) in ties_of(facts, "partner_of")
    assert (persons["ソムチャイ・ウォン"], orgs["チュラロンコン大学サラブリ校"]) in ties_of(facts, "works_for")


def test_each_of_several_bodies_coordinated_before_a_visit_verb_is_visited(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "山形県の訪問団は、9日、ハノイ工科大学、ベトナム国家大学及びダナン大学を訪れた。\n",
    )
    orgs, places = names_of(facts, "organisation"), names_of(facts, "place")
    visited = ties_of(facts, "visited")
    for body in ("ハノイ工科大学", "ベトナム国家大学", "ダナン大学"):
        assert (places["山形県"], orgs[body]) in visited


def test_a_group_led_by_a_person_and_called_back_by_ikko_travels_with_its_leader(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "高松市 国際交流課\n\n"
        "ペルー・リマ市のホセ・ガルシア副市長を団長とする経済視察団一行12名が、4月8日に本市を訪問しました。\n"
        "一行は、大西秀人市長を表敬訪問しました。\n",
    )
    persons, places = names_of(facts, "person"), names_of(facts, "place")
    met = ties_of(facts, "met_with") | {(b, a) for a, b in ties_of(facts, "met_with")}
    assert (persons["ホセ・ガルシア"], places["高松市"]) in ties_of(facts, "visited")
    assert (persons["ホセ・ガルシア"], persons["大西秀人"]) in met


def test_a_bare_post_as_subject_is_the_person_named_before_in_that_post(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "大分県 国際政策課\n代表団を率いたのは、ザンビア共和国のピーター・ムレンガ商業担当大臣である。\n\n"
        "同大臣は翌日、広瀬勝貞知事と面談し、大分大学を視察した。\n",
    )
    persons, orgs = names_of(facts, "person"), names_of(facts, "organisation")
    met = ties_of(facts, "met_with") | {(b, a) for a, b in ties_of(facts, "met_with")}
    assert (persons["ピーター・ムレンガ"], persons["広瀬勝貞"]) in met
    assert (persons["ピーター・ムレンガ"], orgs["大分大学"]) in ties_of(facts, "visited")


def test_people_coordinated_before_the_subject_of_a_visit_each_visited(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "デビッド・ブラウン教授、エマ・ウィルソン准教授及びジョン・テイラー講師は、6月2日に広島大学を訪れた。\n",
    )
    persons, orgs = names_of(facts, "person"), names_of(facts, "organisation")
    visited = ties_of(facts, "visited")
    for person in ("デビッド・ブラウン", "エマ・ウィルソン", "ジョン・テイラー"):
        assert (persons[person], orgs["広島大学"]) in visited


def test_a_visit_to_the_pages_prefecture_named_as_a_noun_in_a_heading(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "チリ・バルパライソ州政府代表団の来県について\n鳥取県 通商物流課\n\n"
        "バルパライソ州政府の代表団は、11日に鳥取大学を視察した。\n",
    )
    places = names_of(facts, "place")
    assert (places["バルパライソ州"], places["鳥取県"]) in ties_of(facts, "visited")


def test_the_host_named_after_a_group_led_by_a_mayor_is_no_visitor(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "台中市の林佳龍市長が率いる訪問団が熊本市を訪れ、大西一史市長と会談した。\n",
    )
    places, persons = names_of(facts, "place"), names_of(facts, "person")
    visited = ties_of(facts, "visited")
    assert (persons["林佳龍"], places["熊本市"]) in visited
    assert (persons["大西一史"], places["熊本市"]) not in visited


def test_two_people_as_the_subject_of_a_meeting_met(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "岐阜県の古田肇知事とフランスのリヨン市のジャン・デュポン市長が10日、県庁で会談した。\n"
        "後藤三男(ごとう・みつお)町長は、台湾の町とオンラインで会談した。\n",
    )
    persons = names_of(facts, "person")
    met = ties_of(facts, "met_with") | {(b, a) for a, b in ties_of(facts, "met_with")}
    assert (persons["古田肇"], persons["ジャン・デュポン"]) in met
    assert not any(persons["後藤三男"] in pair for pair in met)  # a reading in brackets is no second person


def test_a_plan_that_is_signed_is_no_event(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "2018年5月、両市は高知市において「高知・ナント姉妹都市交流協力計画2019年〜2021年」に調印した。\n"
        "また、「日仏観光交流フォーラム」を高知市で開催した。\n",
    )
    events = set(names_of(facts, "event"))
    assert "日仏観光交流フォーラム" in events
    assert not any(name.startswith("高知・ナント") for name in events)


def test_visits_are_read_from_the_verbs_subject_and_coordinated_objects(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "長野県の阿部守一知事は、経済団体の代表らとともに、8月5日から、"
        "タイのバンコク都とチェンマイ県、ベトナムのハノイ市を訪問した。\n",
    )
    places, persons = names_of(facts, "place"), names_of(facts, "person")
    visits = ties_of(facts, "visited")
    for host in ("バンコク都", "チェンマイ県", "ハノイ市"):
        assert (persons["阿部守一"], places[host]) in visits


def test_a_bare_event_word_stands_for_the_event_named_before_it(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "岡山県は5月20日、「日独水素ビジネスセミナー」を開催した。"
        "昨年派遣した「ドイツ水素産業ミッション」の成果を紹介する催しである。\n"
        "セミナーでは、岡山大学の田中一郎教授と川崎重工業の佐藤次郎部長が講演した。\n",
    )
    events, persons = names_of(facts, "event"), names_of(facts, "person")
    talks = ties_of(facts, "spoke_at")
    for speaker in ("田中一郎", "佐藤次郎"):
        assert (persons[speaker], events["日独水素ビジネスセミナー"]) in talks
        assert (persons[speaker], events["ドイツ水素産業ミッション"]) not in talks


def test_a_body_named_before_its_co_organisers_role_organised_the_event(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "6月3日、東北経済連合会主催、仙台観光国際協会及びみやぎ産業振興機構共催で「東北水素フォーラム」を開催した。\n",
    )
    bodies, events = names_of(facts, "organisation"), names_of(facts, "event")
    hosts = ties_of(facts, "organised")
    for body in ("東北経済連合会", "仙台観光国際協会", "みやぎ産業振興機構"):
        assert (bodies[body], events["東北水素フォーラム"]) in hosts


def test_an_event_named_by_its_purpose_is_found_where_it_is_held_or_sent(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "北海道は来月、水素分野の経済交流使節団を派遣する。\n"
        "また、札幌市では12月に環境技術ビジネス商談会が開催される。\n",
    )
    events = names_of(facts, "event")
    assert "経済交流使節団" in events
    assert "環境技術ビジネス商談会" in events


def test_a_name_ending_in_a_word_for_something_held_is_an_event(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "愛媛県は松山市とともに、来春開幕の「2030瀋陽国際園芸博覧会」へ愛媛の庭を出品する。\n")
    assert "瀋陽国際園芸博覧会" not in names_of(facts, "organisation")


def test_a_common_word_the_recogniser_calls_a_person_is_no_one(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "式典には両国の関係者が出席し、両国首相が祝辞を述べた。\n")
    assert "両国" not in names_of(facts, "person")


def test_a_mission_sent_abroad_is_organised_by_its_sender_and_visits_its_goal(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "青森県は9月、タイのチェンマイ県に農業ミッションを派遣した。"
        "農業ミッションには県内の生産者が参加し、山本三郎副知事が団長を務めた。"
        "一行はチェンマイ県人民委員会を表敬し、チェンマイ大学を視察した。\n",
    )
    events, places = names_of(facts, "event"), names_of(facts, "place")
    mission = events["農業ミッション"]
    assert len({i for i in events.values()}) == 1
    assert (places["青森県"], mission) in ties_of(facts, "organised")
    assert (places["青森県"], places["チェンマイ県"]) in ties_of(facts, "visited")
    assert (names_of(facts, "person")["山本三郎"], mission) in ties_of(facts, "attended")
    assert (places["青森県"], names_of(facts, "organisation")["チェンマイ大学"]) in ties_of(facts, "visited")
    assert "チェンマイ県人民委員会" not in events


def test_a_tour_of_a_bodys_site_is_a_visit_to_the_body(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "長野県の視察団は、プラハ市内の日立製作所の工場を見学した。\n")
    assert (names_of(facts, "place")["長野県"], names_of(facts, "organisation")["日立製作所"]) in ties_of(
        facts, "visited"
    )


def test_an_exchange_of_views_with_someone_is_a_meeting(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "中村六郎市長は、オークランド市のフィル・ゴフ氏と意見交換を行った。\n")
    persons = names_of(facts, "person")
    assert (persons["中村六郎"], persons["フィル・ゴフ"]) in ties_of(facts, "met_with")


def test_the_subject_of_a_relative_clause_does_not_hold_the_event(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "森ビルが運営する「六本木イノベーションクラブ」は、5月10日に「アジア起業家フォーラム」を開催した。\n",
    )
    event = names_of(facts, "event")["アジア起業家フォーラム"]
    bodies = names_of(facts, "organisation")
    assert (bodies["六本木イノベーションクラブ"], event) in ties_of(facts, "organised")
    assert (bodies.get("森ビル"), event) not in ties_of(facts, "organised")


def test_a_citys_government_building_names_the_city_not_a_place_called_shiseifu(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "山口太郎知事は台中市政府庁舎で林佳龍同市長と会談した。\n")
    places = names_of(facts, "place")
    assert "市政府" not in places
    assert (names_of(facts, "person")["林佳龍"], places["台中"]) in ties_of(facts, "works_for")


def test_a_delegation_sent_under_a_leader_visits_its_goal(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "岩手県は、達増拓也知事を団長とする訪問団をベトナムのフエ省に派遣した。\n")
    places, persons = names_of(facts, "place"), names_of(facts, "person")
    assert {(places["岩手県"], places["フエ省"]), (persons["達増拓也"], places["フエ省"])} <= ties_of(facts, "visited")


def test_a_courtesy_call_received_is_a_meeting_and_a_visit_to_the_hosts_body(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path, "福島県の内堀雅雄知事は3日、ベトナム・ドンナイ省のボー・タン・ドゥック委員長の表敬訪問を受けた。\n"
    )
    places, persons = names_of(facts, "place"), names_of(facts, "person")
    assert (persons["内堀雅雄"], persons["ボー・タン・ドゥック"]) in ties_of(facts, "met_with")
    assert (persons["ボー・タン・ドゥック"], places["福島県"]) in ties_of(facts, "visited")


def test_a_meeting_marked_tomo_is_a_meeting_too(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "鈴木英敬知事は、タイのスリヤ工業大臣と会談した。また、在大阪タイ総領事館のナロン・サシトン総領事とも懇談した。\n",
    )
    persons = names_of(facts, "person")
    assert (persons["鈴木英敬"], persons["ナロン・サシトン"]) in ties_of(facts, "met_with")


def test_a_co_organiser_counts_when_the_event_is_held_online_or_at_a_venue(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "富山県は、株式会社ホクリクエナジーとの共催で「北陸蓄電池ウェビナー」をオンラインで開催します。\n"
        "石川県は、フランスのブルターニュ地域圏と共同で「日仏海洋技術フォーラム」を金沢市内にて開催した。\n",
    )
    bodies, places, events = names_of(facts, "organisation"), names_of(facts, "place"), names_of(facts, "event")
    hosts = ties_of(facts, "organised")
    assert (bodies["ホクリクエナジー"], events["北陸蓄電池ウェビナー"]) in hosts
    assert (places["ブルターニュ地域圏"], events["日仏海洋技術フォーラム"]) in hosts


def test_bodies_named_in_quotes_before_the_topic_marker_host_the_event(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "北陸銀行が運営するビジネスコミュニティ「北陸起業家クラブ」と産学連携プラットフォーム「HIA(Hokuriku Innovation Alliance)」は、"
        "10月2日に「北欧ヘルステック交流会」を共催しました。\n",
    )
    bodies, events = names_of(facts, "organisation"), names_of(facts, "event")
    hosts = ties_of(facts, "organised")
    assert (bodies["北陸起業家クラブ"], events["北欧ヘルステック交流会"]) in hosts
    assert (bodies["Hokuriku Innovation Alliance"], events["北欧ヘルステック交流会"]) in hosts


def test_a_delegation_named_by_its_sender_visits_through_its_bare_ikko(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "中国・江蘇省の経済交流団(団長:馬欣・江蘇省副省長)が来県しました。\n"
        "一行は、県内の造船企業や広島県立総合技術研究所を視察したほか、広島大学では学生と交流しました。\n",
    )
    places, bodies = names_of(facts, "place"), names_of(facts, "organisation")
    visits = ties_of(facts, "visited")
    assert (places["江蘇省"], bodies["広島県立総合技術研究所"]) in visits
    assert not any(v == bodies.get("広島大学") for v, _h in visits)  # 「広島大学では」 heads another clause
    assert (names_of(facts, "person")["馬欣"], places["江蘇省"]) in ties_of(facts, "works_for")
    assert "江蘇省副省" not in places


def test_an_event_held_jointly_or_opened_names_its_hosts(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "鳥取県と江原道は10月5日、第5回日韓自治体交流セミナーを共同開催した。\n\n"
        "島根県は江蘇省と共同で8月に「日中環境技術交流会」を開いた。\n",
    )
    places, events = names_of(facts, "place"), names_of(facts, "event")
    hosts = ties_of(facts, "organised")
    for host in ("鳥取県", "江原道"):
        assert (places[host], events["第5回日韓自治体交流セミナー"]) in hosts
    assert (places["江蘇省"], events["日中環境技術交流会"]) in hosts


def test_a_body_the_event_is_held_with_co_hosts_it(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "秋田県は3月4日、タイのチェンマイ県と「日タイ農業ビジネス交流会」を秋田市で開催しました。\n",
    )
    places, events = names_of(facts, "place"), names_of(facts, "event")
    assert (places["チェンマイ県"], events["日タイ農業ビジネス交流会"]) in ties_of(facts, "organised")


def test_an_event_recalled_in_the_sentence_is_not_what_its_subject_holds(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "新潟県は、昨年の「日越経済フォーラム」に参加した企業を招き、「日越ものづくり商談会」を開催した。\n",
    )
    places, events = names_of(facts, "place"), names_of(facts, "event")
    hosts = ties_of(facts, "organised")
    assert (places["新潟県"], events["日越ものづくり商談会"]) in hosts
    assert (places["新潟県"], events["日越経済フォーラム"]) not in hosts


def test_a_programme_item_before_a_speakers_name_is_not_part_of_it(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "SOURCE: https://example.jp/report\nTITLE: 日伊食文化セミナー開催報告\nPUBLISHED: 2024-02-01\n\n"
        "山梨県は1月20日、「日伊食文化セミナー」を開催しました。\n\n"
        "【プログラム】\n"
        "基調講演 小松原健一氏(甲府大学教授)\n"
        "閉会挨拶 西村和子氏(山梨県観光部長)\n",
    )
    persons, events = names_of(facts, "person"), names_of(facts, "event")
    talks = ties_of(facts, "spoke_at")
    for speaker in ("小松原健一", "西村和子"):
        assert (persons[speaker], events["日伊食文化セミナー"]) in talks
    assert not any(name.startswith(("基調講演", "閉会挨拶")) for name in persons)


def test_a_body_an_event_of_a_named_kind_is_held_with_co_hosts_it(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "兵庫県は6月、ワシントン州とオンラインセミナー「日米スタートアップの未来」を共催した。\n")
    places, events = names_of(facts, "place"), names_of(facts, "event")
    assert (places["ワシントン州"], events["日米スタートアップの未来"]) in ties_of(facts, "organised")


def test_a_delegation_named_as_an_event_visits_for_its_sender(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "滋賀県は10月、デンマークに環境ミッションを派遣した。"
        "環境ミッションは、コペンハーゲン大学、ノボノルディスク社、デンマーク工科大学を訪問した。\n",
    )
    place, bodies = names_of(facts, "place")["滋賀県"], names_of(facts, "organisation")
    visits = ties_of(facts, "visited")
    assert {(place, bodies["コペンハーゲン大学"]), (place, bodies["デンマーク工科大学"])} <= visits


def test_a_meeting_stated_as_a_noun_joins_the_two_named(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path, "鳥取県の平井一郎知事とモンゴル・トゥブ県のバトボルド・ガンバト知事との会談が行われました。\n"
    )
    persons = names_of(facts, "person")
    met = ties_of(facts, "met_with") | {(b, a) for a, b in ties_of(facts, "met_with")}
    assert (persons["平井一郎"], persons["バトボルド・ガンバト"]) in met


def test_bodies_that_accompany_a_visit_visit_too(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "群馬県の山田一郎知事は5月、ベトナムのビンズン省を訪問した。訪問には、群馬県商工会議所連合会などが同行した。\n",
    )
    places, bodies = names_of(facts, "place"), names_of(facts, "organisation")
    assert (bodies["群馬県商工会議所連合会"], places["ビンズン省"]) in ties_of(facts, "visited")


def test_the_parties_of_a_signing_at_an_event_attended_it(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "9月8日にワルシャワで開催された「日本・ポーランド地域交流フォーラム」において、"
        "新潟県とポーランドのマウォポルスカ県が観光交流に関する覚書を締結しました。\n",
    )
    event, places = names_of(facts, "event")["日本・ポーランド地域交流フォーラム"], names_of(facts, "place")
    assert {(places["新潟県"], event), (places["マウォポルスカ県"], event)} <= ties_of(facts, "attended")


def test_two_places_meeting_online_met(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "熊本県の大津町は、台湾の台中市とオンラインで会談しました。\n")
    places = names_of(facts, "place")
    met = ties_of(facts, "met_with") | {(b, a) for a, b in ties_of(facts, "met_with")}
    assert (places["大津町"], places["台中市"]) in met
    person = extract_page(tmp_path, "福井県の杉本一郎知事は、フランスのマリー・デュラン市長とオンラインで懇談した。\n")
    persons = names_of(person, "person")
    assert (persons["杉本一郎"], persons["マリー・デュラン"]) in ties_of(person, "met_with")


def test_a_delegation_visiting_the_pages_own_city(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path, "姫路市は海外都市との交流を進めています。\nドイツのマインツ市の代表団が本市を訪問しました。\n"
    )
    places = names_of(facts, "place")
    assert (places["マインツ市"], places["姫路市"]) in ties_of(facts, "visited")


def test_people_attending_an_event_held_in_the_clause_before(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "「日韓海洋産業フォーラム」が釜山で開催され、長崎県の中村二郎知事、全羅南道の金三植副知事らが出席しました。\n",
    )
    event, persons = names_of(facts, "event")["日韓海洋産業フォーラム"], names_of(facts, "person")
    assert {(persons["中村二郎"], event), (persons["金三植"], event)} <= ties_of(facts, "attended")


def test_a_meeting_with_its_topic_between(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path, "松本市の田中三郎市長は、グラーツ市のアンナ・フーバー市長と、観光振興について意見交換を行いました。\n"
    )
    persons = names_of(facts, "person")
    assert (persons["田中三郎"], persons["アンナ・フーバー"]) in ties_of(facts, "met_with")


def test_a_visit_named_as_a_noun_is_its_owners(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path, "岡山県の伊原木一郎知事によるカナダ・アルバータ州訪問では、州政府の幹部と意見を交わしました。\n"
    )
    assert (names_of(facts, "person")["伊原木一郎"], names_of(facts, "place")["アルバータ州"]) in ties_of(facts, "visited")
    located = extract_page(tmp_path, "中国の上海市訪問は来月の予定です。\n")
    places = names_of(located, "place")
    assert (places["中国"], places["上海市"]) not in ties_of(located, "visited")


def test_a_meeting_held_as_the_object_of_a_verb(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "三重県の鈴木五郎知事は、河南省の王六郎省長と県庁で会談を行いました。\n")
    persons = names_of(facts, "person")
    assert (persons["鈴木五郎"], persons["王六郎"]) in ties_of(facts, "met_with")


def test_the_people_attending_a_meeting_met(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "懇談には、高知県の浜田七郎知事とチリ・ロスラゴス州のパブロ・ソト州知事が出席しました。\n")
    persons = names_of(facts, "person")
    met = ties_of(facts, "met_with") | {(b, a) for a, b in ties_of(facts, "met_with")}
    assert (persons["浜田七郎"], persons["パブロ・ソト"]) in met


def test_the_places_a_count_counts_are_each_visited(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "大分県の広瀬九郎知事は、タイ、マレーシア、インドネシアの3か国を訪問しました。\n")
    person, places = names_of(facts, "person")["広瀬九郎"], names_of(facts, "place")
    visits = ties_of(facts, "visited")
    assert {(person, places["タイ"]), (person, places["マレーシア"]), (person, places["インドネシア"])} <= visits


def test_a_delegation_named_after_its_sender_visits_for_it(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "徳島県訪問団は、ドイツのミュンヘン市とニュルンベルク市を訪問しました。\n")
    places = names_of(facts, "place")
    visits = ties_of(facts, "visited")
    assert {(places["徳島県"], places["ミュンヘン市"]), (places["徳島県"], places["ニュルンベルク市"])} <= visits
    assert not any(b == places["徳島県"] for _a, b in visits)  # 「訪問団」 names the group, no visit to 徳島県


def test_attending_part_of_an_event_or_invited_to_it_attends_it(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "岩手県の達増一郎知事は、「日越農業フォーラム」の開会式に出席しました。\n")
    event, person = names_of(facts, "event")["日越農業フォーラム"], names_of(facts, "person")["達増一郎"]
    assert (person, event) in ties_of(facts, "attended")
    invited = extract_page(tmp_path, "岩手県の達増一郎知事は、「日越農業フォーラム」に招かれ、講演しました。\n")
    event, person = names_of(invited, "event")["日越農業フォーラム"], names_of(invited, "person")["達増一郎"]
    assert (person, event) in ties_of(invited, "attended")
    host = extract_page(tmp_path, "岩手県は、ベトナムのグエン・ヴァン・アン大臣を「日越農業フォーラム」に招いた。\n")
    event, place = names_of(host, "event")["日越農業フォーラム"], names_of(host, "place")["岩手県"]
    assert (place, event) not in ties_of(host, "attended")  # the host invites; it is not said to attend


def test_touring_an_exhibition_attends_it(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "富山県の新田一郎知事は、ドイツで開かれた見本市「ハノーバーメッセ2026」を視察しました。\n")
    event, person = names_of(facts, "event")["ハノーバーメッセ2026"], names_of(facts, "person")["新田一郎"]
    assert (person, event) in ties_of(facts, "attended")


def test_the_leader_of_a_visiting_group_visits_with_it(tmp_path: Path) -> None:
    led = extract_page(tmp_path, "栃木県の福田一郎知事率いる訪問団は、ベトナムのビンズン省を訪問しました。\n")
    assert (names_of(led, "person")["福田一郎"], names_of(led, "place")["ビンズン省"]) in ties_of(led, "visited")
    headed = extract_page(tmp_path, "福田一郎知事を団長とする栃木県訪問団は、ベトナムのビンズン省を訪問しました。\n")
    assert (names_of(headed, "person")["福田一郎"], names_of(headed, "place")["ビンズン省"]) in ties_of(headed, "visited")


def test_an_organiser_bracket_after_the_event_it_follows(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "お知らせ\n「九州・インド医療機器商談会」を開催しました(主催:福岡県、共催:北九州市)。\n",
    )
    places, events = names_of(facts, "place"), names_of(facts, "event")
    organised = {s for s, t in ties_of(facts, "organised") if t == events["九州・インド医療機器商談会"]}
    assert organised == {places["福岡県"], places["北九州市"]}


def test_a_visit_to_a_places_government_visits_the_place(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "お知らせ\n山形県の吉村美栄子知事は、2月5日、高雄市政府を訪れた。\n")
    places, persons = names_of(facts, "place"), names_of(facts, "person")
    assert (persons["吉村美栄子"], places["高雄市"]) in ties_of(facts, "visited")


def test_a_quoted_programme_name_is_an_event_whatever_its_words(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "福岡市による起業家育成プログラム「GROWTH LAB FUKUOKA(グロースラボ福岡)」の参加企業が決まった。\n",
    )
    events, orgs = names_of(facts, "event"), names_of(facts, "organisation")
    assert "GROWTH LAB FUKUOKA" in events
    assert events.get("グロースラボ福岡") == events["GROWTH LAB FUKUOKA"]
    assert "GROWTH LAB FUKUOKA" not in orgs and "グロースラボ福岡" not in orgs


def test_an_event_named_after_places_is_still_the_event_attended(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path, "「日本・チリ水産フォーラム」がサンティアゴで開催され、長崎県の大石一郎知事らが出席しました。\n"
    )
    event, person = names_of(facts, "event")["日本・チリ水産フォーラム"], names_of(facts, "person")["大石一郎"]
    assert (person, event) in ties_of(facts, "attended")
    exhibits = extract_page(tmp_path, "長崎県の大石一郎知事は挨拶した。県は「日本・チリ水産博覧会」に県産品を出展した。\n")
    event, person = names_of(exhibits, "event")["日本・チリ水産博覧会"], names_of(exhibits, "person")["大石一郎"]
    assert (person, event) not in ties_of(exhibits, "attended")  # bodies exhibit, not people


def test_touring_an_event_named_after_a_place_visits_no_place(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "熊本県の木村一郎知事は、東京で開かれた「台湾・日本半導体博覧会2026」を視察しました。\n")
    event, person = names_of(facts, "event")["台湾・日本半導体博覧会2026"], names_of(facts, "person")["木村一郎"]
    assert (person, event) in ties_of(facts, "attended")
    assert (person, names_of(facts, "place")["台湾"]) not in ties_of(facts, "visited")


def test_receiving_calling_on_and_talks_with_a_person_are_meetings(tmp_path: Path) -> None:
    pages = [
        "宮崎県の河野二郎知事は、来県したタイ・チェンマイ県のソムチャイ・ウォン知事を県庁に迎えました。\n",
        "宮崎県の河野二郎知事は、チェンマイ県のソムチャイ・ウォン知事を訪ね、今後の交流について話し合いました。\n",
        "宮崎県の河野二郎知事は、チェンマイ県のソムチャイ・ウォン知事と協議を行いました。\n",
        "会談で、宮崎県の河野二郎知事はチェンマイ県のソムチャイ・ウォン知事に対し、観光交流の拡大を提案しました。\n",
    ]
    for page in pages:
        facts = extract_page(tmp_path, page)
        persons = names_of(facts, "person")
        met = ties_of(facts, "met_with") | {(b, a) for a, b in ties_of(facts, "met_with")}
        assert (persons["河野二郎"], persons["ソムチャイ・ウォン"]) in met, page


def test_a_visit_to_a_country_by_its_abbreviation(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path, "北海道は米国との交流を進めている。北海道の鈴木三郎知事は、7月に訪米し、州政府と意見を交わした。\n"
    )
    assert (names_of(facts, "person")["鈴木三郎"], names_of(facts, "place")["米国"]) in ties_of(facts, "visited")
    unnamed = extract_page(tmp_path, "秋田県の佐竹七郎知事は、来月訪中する予定だ。\n")
    assert "中国" not in names_of(unnamed, "place")  # a country the page never names is no place it mentions


def test_the_parts_of_an_event_report_name_its_speakers(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "「日伊デザイン・ウェビナー」開催報告\n札幌市と在日イタリア商工会議所は、「日伊デザイン・ウェビナー」を共同開催しました。"
        "第1部では、ミラノ工科大学のマルコ・ロッシ教授が事例を紹介し、第2部では、北海道大学の高橋健教授が報告しました。\n",
    )
    persons, events = names_of(facts, "person"), names_of(facts, "event")
    spoke = ties_of(facts, "spoke_at")
    event = events["日伊デザイン・ウェビナー"]
    assert {(persons["マルコ・ロッシ"], event), (persons["高橋健"], event)} <= spoke


def test_a_person_speaking_at_an_event_or_its_opening(tmp_path: Path) -> None:
    opening = extract_page(tmp_path, "福島県の内堀三郎知事は、「日本・ドイツ水素フォーラム」の開会式で挨拶した。\n")
    event, person = names_of(opening, "event")["日本・ドイツ水素フォーラム"], names_of(opening, "person")["内堀三郎"]
    assert (person, event) in ties_of(opening, "spoke_at")
    talk = extract_page(tmp_path, "福島県の内堀三郎知事は、ベルリンで開かれた「日独水素サミット」で講演した。\n")
    event, person = names_of(talk, "event")["日独水素サミット"], names_of(talk, "person")["内堀三郎"]
    assert (person, event) in ties_of(talk, "spoke_at")


def test_a_courtesy_call_on_a_person_visits_their_body_and_meets_them(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "お知らせ\nミナスジェライス州のパウロ・シルバ副知事は、10月3日、岐阜県の河合孝憲副知事を表敬訪問しました。\n",
    )
    places, persons = names_of(facts, "place"), names_of(facts, "person")
    visits = ties_of(facts, "visited")
    assert (persons["パウロ・シルバ"], places["岐阜県"]) in visits
    assert not any(t == persons["河合孝憲"] for _s, t in visits)
    assert (persons["パウロ・シルバ"], persons["河合孝憲"]) in ties_of(facts, "met_with")
    roles = {(r["source"], r.get("role")) for r in facts["relations"] if r["type"] == "works_for"}
    assert (persons["河合孝憲"], "副知事") in roles
    bare = extract_page(
        tmp_path,
        "岐阜県からのお知らせ\nミナスジェライス州のパウロ・シルバ副知事が県庁を訪れ、河合孝憲副知事を表敬訪問しました。\n",
    )
    places, persons = names_of(bare, "place"), names_of(bare, "person")
    assert (persons["河合孝憲"], places["岐阜県"]) in ties_of(bare, "works_for")
    assert not any(t == persons["河合孝憲"] for _s, t in ties_of(bare, "visited"))


def test_a_past_post_in_brackets_is_no_employer_and_a_memorial_ceremony_is_an_event(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "友好提携20周年記念式典を開催\n式典には、学会会長であるバトバヤル教授(モンゴル国立大学教授を歴任)が出席した。\n",
    )
    assert "友好提携20周年記念式典" in names_of(facts, "event")
    assert not ties_of(facts, "works_for")


def test_a_legal_form_in_a_speakers_bracket_before_the_employer(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "お知らせ\nパネリスト:山本太郎(株式会社ミライテック代表取締役)が登壇した。\n")
    orgs, persons = names_of(facts, "organisation"), names_of(facts, "person")
    assert (persons["山本太郎"], orgs["ミライテック"]) in ties_of(facts, "works_for")


def test_attending_by_retsuseki_rinseki_or_tachiai_and_the_opening_of_the_event_named_before(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "鳥取県は、9月3日、釜山市で「とっとり観光商談会」を開催しました。\n"
        "商談会には、釜山観光公社のパク・ジフン社長が列席し、在釜山日本国総領事館の大野健総領事が立ち会いました。\n\n"
        "奈良県は、ソウル市で「奈良県物産展」を開催した。\n"
        "開会式には、奈良県の西田一夫副知事のほか、韓国観光公社のチェ・ユナ理事が臨席した。\n",
    )
    events, persons = names_of(facts, "event"), names_of(facts, "person")
    attended = ties_of(facts, "attended")
    fair = events["とっとり観光商談会"]
    assert {(persons["パク・ジフン"], fair), (persons["大野健"], fair)} <= attended
    show = events["奈良県物産展"]
    assert {(persons["チェ・ユナ"], show), (persons["西田一夫"], show)} <= attended


def test_a_group_led_by_a_named_head_meets_as_its_head(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "10月2日、カナダ・ケベック州のマリー・トランブレ州首相を団長とする訪問団が金沢市を訪れ、"
        "村上修市長と会談しました。\n",
    )
    persons = names_of(facts, "person")
    assert (persons["マリー・トランブレ"], persons["村上修"]) in ties_of(facts, "met_with")


def test_a_foreign_city_with_deha_is_where_a_meeting_happens_not_who_meets(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "香川県の池田豊人知事は、5月にスペインのカタルーニャ州を訪問しました。\n"
        "バルセロナでは、サルバドール・イリャ州首相と会談しました。\n",
    )
    persons, places = names_of(facts, "person"), names_of(facts, "place")
    met = ties_of(facts, "met_with")
    assert (persons["池田豊人"], persons["サルバドール・イリャ"]) in met
    assert not any(places["バルセロナ"] in pair for pair in met)


def test_courtesy_calls_as_a_noun_or_a_bare_verb_greetings_and_the_place_visited(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "長野県の阿部守一知事は、5月7日、フィリピンのボンボン・マルコス大統領への表敬訪問を行った。\n\n"
        "翌日、知事はベトナムのファム・ミン・チン首相を表敬した。\n\n"
        "知事は、訪問先のマレーシアで、アンワル・イブラヒム首相の出迎えを受けた。\n"
        "主な日程\n5月12日 ソニー社視察\n",
    )
    persons, places, bodies = names_of(facts, "person"), names_of(facts, "place"), names_of(facts, "organisation")
    met, visited = ties_of(facts, "met_with"), ties_of(facts, "visited")
    governor = persons["阿部守一"]
    assert (governor, persons["ボンボン・マルコス"]) in met  # 「Qへの表敬訪問を行った」
    assert (governor, persons["ファム・ミン・チン"]) in met  # 「Qを表敬した」
    assert (governor, persons["アンワル・イブラヒム"]) in met  # 「Qの出迎えを受けた」
    assert (governor, places["マレーシア"]) in visited  # 「訪問先のマレーシアで」
    assert (governor, bodies["ソニー"]) in visited  # an itinerary row 「ソニー社視察」


def test_attending_framed_by_the_topic_the_sentence_before_or_a_source_with_kara(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "「日星デジタル協力会議」が、6月9日にシンガポールで開催されました。\n"
        "本県からは、田村恵子副知事が出席しました。\n\n"
        "「北欧ヘルスケアセミナー」には、広島大学から木下一郎教授が参加し、研究成果を紹介しました。\n\n"
        "新潟県の花角英世知事は、ソウルで開かれた「日韓知事会議」に出席し、挨拶を行った。\n\n"
        "愛媛県は、台北で「えひめ食の商談会」を開催しました。"
        "商談会には、県内事業者12社と台湾の輸入業者20社が参加しました。\n",
    )
    events, persons, places = names_of(facts, "event"), names_of(facts, "person"), names_of(facts, "place")
    attended = ties_of(facts, "attended")
    assert (persons["田村恵子"], events["日星デジタル協力会議"]) in attended  # the event of the sentence before
    assert (persons["木下一郎"], events["北欧ヘルスケアセミナー"]) in attended  # 「Eには、XからPが参加し、…した」
    assert (persons["花角英世"], events["日韓知事会議"]) in ties_of(facts, "spoke_at")  # 「Eに出席し、挨拶を行った」
    fair = events["えひめ食の商談会"]
    assert (places["台湾"], fair) not in attended  # 「台湾の輸入業者20社」: unnamed importers, not Taiwan
    assert (places["愛媛県"], fair) not in attended  # 「県内事業者」: firms in the prefecture, not the prefecture


def test_people_sent_by_a_body_an_exchange_of_views_and_a_host_marked_mo(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "11月6日、米国のマサチューセッツ工科大学の研究者4名が名古屋大学を訪問した。\n\n"
        "韓国の蔚山広域市のキム・ドゥギョム市長一行が、5月20日に熊本県を訪問し、木村敬知事と意見交換を行いました。"
        "一行は、熊本大学も訪問しました。\n",
    )
    bodies, persons = names_of(facts, "organisation"), names_of(facts, "person")
    visited = ties_of(facts, "visited")
    assert (bodies["マサチューセッツ工科大学"], bodies["名古屋大学"]) in visited  # 「Xの研究者4名が」
    assert (persons["キム・ドゥギョム"], persons["木村敬"]) in ties_of(facts, "met_with")  # 「Qと意見交換を行った」
    assert any(target == bodies["熊本大学"] for _source, target in visited)  # 「熊本大学も訪問」


def test_places_visited_on_the_way_to_a_signing_with_a_named_counterpart_sign_nothing(tmp_path: Path) -> None:
    """「XはA及びBを訪問し、Cと覚書を締結」: C, named with と, is X's counterpart; A and B were only visited."""
    facts = extract_page(
        tmp_path,
        "岐阜県の田中一郎知事は、スペイン及びポルトガルを訪問し、バスク州政府と産業交流に関する覚書を締結した。\n",
    )
    places = names_of(facts, "place")
    assert {places["岐阜県"], places["バスク州"]} in agreements_of(facts).values()
    signed = {p for parties in agreements_of(facts).values() for p in parties}
    assert places["スペイン"] not in signed and places["ポルトガル"] not in signed


def test_a_company_with_its_legal_form_before_its_heads_post_in_a_speakers_bracket(tmp_path: Path) -> None:
    """「P(株式会社X代表取締役)」, X an ordinary word the tagger does not mark as a name: the company is X."""
    facts = extract_page(tmp_path, "基調講演:川村恵子(株式会社グローバルリンク代表取締役)\n")
    orgs, persons = names_of(facts, "organisation"), names_of(facts, "person")
    assert (persons["川村恵子"], orgs["グローバルリンク"]) in ties_of(facts, "works_for")


def test_the_leader_of_a_mission_named_before_it_or_in_a_bracket_takes_part(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "群馬県は、山本一太知事を団長とする「群馬県タイ経済ミッション」を、8月にバンコクへ派遣しました。\n\n"
        "「栃木県ベトナム経済交流ミッション」(団長:福田富一知事)は、ハノイ市を訪問しました。\n",
    )
    events, persons = names_of(facts, "event"), names_of(facts, "person")
    attended = ties_of(facts, "attended")
    assert (persons["山本一太"], events["群馬県タイ経済ミッション"]) in attended
    assert (persons["福田富一"], events["栃木県ベトナム経済交流ミッション"]) in attended


def test_a_paragraph_opening_with_a_quoted_mission_keeps_its_subject(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "石川県の経済ミッション\n\n「石川県台湾経済交流ミッション」(団長:馳浩知事)が、台中市を訪問しました。\n",
    )
    persons, places = names_of(facts, "person"), names_of(facts, "place")
    assert (persons["馳浩"], places["台中市"]) in ties_of(facts, "visited")


def test_a_person_whose_post_names_its_portfolio_is_the_subject_carried_on(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "カナダ・オンタリオ州のエミリー・クラーク経済開発大臣が来日した。大臣は9日、名古屋大学を訪問した。\n",
    )
    persons, orgs = names_of(facts, "person"), names_of(facts, "organisation")
    assert (persons["エミリー・クラーク"], orgs["名古屋大学"]) in ties_of(facts, "visited")


def test_people_from_a_list_of_bodies_attend_for_each_body(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "佐賀大学は、10月4日、「日越農業イノベーションシンポジウム」を開催しました。"
        "シンポジウムには、ベトナム国家農業大学、佐賀県、株式会社唐津テックなどの関係者約90名が参加しました。\n",
    )
    orgs, places = names_of(facts, "organisation"), names_of(facts, "place")
    event = names_of(facts, "event")["日越農業イノベーションシンポジウム"]
    attended = ties_of(facts, "attended")
    assert (orgs["ベトナム国家農業大学"], event) in attended
    assert (places["佐賀県"], event) in attended
    assert (orgs["唐津テック"], event) in attended


def test_a_department_of_a_prefecture_holds_the_event_with_its_partner(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "秋田県観光文化部は、6月14日、台湾の台南市と共同で「秋田・台南観光交流セミナー」を開催しました。\n"
        "秋田県北部の観光地も紹介されました。\n",
    )
    orgs, places = names_of(facts, "organisation"), names_of(facts, "place")
    event = names_of(facts, "event")["秋田・台南観光交流セミナー"]
    organised = ties_of(facts, "organised")
    assert (orgs["秋田県観光文化部"], event) in organised
    assert (places["台南市"], event) in organised
    assert "秋田県北部" not in orgs


def test_the_party_of_a_person_with_their_post_travels_with_the_person(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "6月3日、ペルー生産省のカルロス・ロペス副大臣ら一行が金沢市を訪れ、村山卓市長と面談した。\n",
    )
    persons, places, orgs = names_of(facts, "person"), names_of(facts, "place"), names_of(facts, "organisation")
    visited = ties_of(facts, "visited")
    assert (persons["カルロス・ロペス"], places["金沢市"]) in visited
    assert (orgs["ペルー生産省"], places["金沢市"]) not in visited


def test_joining_an_event_past_a_note_in_brackets(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "長崎県の佐藤花子副知事は、5月9日、福岡市で開かれた「九州・ベトナム投資フォーラム」"
        "(主催:九州経済連合会)に出席し、県の取り組みを紹介した。\n",
    )
    person = names_of(facts, "person")["佐藤花子"]
    event = names_of(facts, "event")["九州・ベトナム投資フォーラム"]
    assert (person, event) in ties_of(facts, "attended")
    assert (names_of(facts, "organisation")["九州経済連合会"], event) in ties_of(facts, "organised")


def test_a_reception_named_in_the_title_and_called_back_by_its_kind(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "鹿児島市・パース市姉妹都市提携50周年記念レセプションの開催\n\n"
        "鹿児島市は、4月20日、パース市との姉妹都市提携50周年を記念するレセプションを市内で開催しました。"
        "レセプションには、パース市のバジル・ジモフ市長、鹿児島商工会議所の岩崎芳太郎会頭らが出席しました。\n",
    )
    events, persons = names_of(facts, "event"), names_of(facts, "person")
    event = events["鹿児島市・パース市姉妹都市提携50周年記念レセプション"]
    attended = ties_of(facts, "attended")
    assert (persons["バジル・ジモフ"], event) in attended
    assert (persons["岩崎芳太郎"], event) in attended
    assert (names_of(facts, "place")["鹿児島市"], event) in ties_of(facts, "organised")


def test_each_person_of_a_list_split_inside_a_mayors_post_attends(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "富山市は、5月8日、「富山・ケンブリッジ水素フォーラム」を開催しました。"
        "フォーラムには、ケンブリッジ市のジョン・ハリス市長、富山大学の佐藤和夫学長らが出席しました。\n",
    )
    persons = names_of(facts, "person")
    event = names_of(facts, "event")["富山・ケンブリッジ水素フォーラム"]
    attended = ties_of(facts, "attended")
    assert (persons["ジョン・ハリス"], event) in attended
    assert (persons["佐藤和夫"], event) in attended


def test_the_pages_own_prefecture_holds_an_event_said_held_by_the_prefecture(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "宮崎県は、タイの旅行会社6社を招き、県内の観光地を紹介した。"
        "2日目には県主催の「みやざき観光商談会」が開かれ、県内の宿泊施設20社が参加した。\n",
    )
    event = names_of(facts, "event")["みやざき観光商談会"]
    assert (names_of(facts, "place")["宮崎県"], event) in ties_of(facts, "organised")


def test_people_named_by_what_they_are_attend_for_the_body_they_come_from(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "徳島大学は、9月12日、「日タイ薬学シンポジウム」を開催しました。"
        "シンポジウムには、タイのチェンマイ大学から研究者8名が参加し、徳島文理大学からも関係者が出席しました。\n",
    )
    orgs = names_of(facts, "organisation")
    event = names_of(facts, "event")["日タイ薬学シンポジウム"]
    attended = ties_of(facts, "attended")
    assert (orgs["チェンマイ大学"], event) in attended
    assert (orgs["徳島文理大学"], event) in attended


def test_the_leader_named_after_the_word_for_leader_joins_the_mission(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "新潟市は、10月7日から11日まで、ベトナムへ「新潟食品輸出視察団」を派遣しました。"
        "団長は新潟商工会議所の小林正樹副会頭が務めました。\n",
    )
    event = names_of(facts, "event")["新潟食品輸出視察団"]
    assert (names_of(facts, "person")["小林正樹"], event) in ties_of(facts, "attended")


def test_a_person_before_a_body_and_its_post_is_the_subject_who_meets(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "高橋健太・北斗電機株式会社社長は、大邱テクノパークを訪れ、金在勲院長と会談した。\n")
    persons, bodies = names_of(facts, "person"), names_of(facts, "organisation")
    met = ties_of(facts, "met_with")
    assert (persons["高橋健太"], persons["金在勲"]) in met
    assert (bodies["北斗電機株式会社"], persons["金在勲"]) not in met


def test_companies_of_a_country_attend_not_the_country(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "岡山県は、11月6日、「岡山・ベトナム食品商談会」を開催した。"
        "商談会には、ベトナム企業12社と県内の食品メーカー8社が参加した。ベトナム商工会議所も参加した。\n",
    )
    event = names_of(facts, "event")["岡山・ベトナム食品商談会"]
    attended = ties_of(facts, "attended")
    assert (names_of(facts, "place")["ベトナム"], event) not in attended
    assert (names_of(facts, "organisation")["ベトナム商工会議所"], event) in attended
