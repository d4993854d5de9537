"""Extraction rules for agreements, their parties and partners.

Each test runs a short hand-written page through the extractor (GiNZA needed), names one general
construction and checks what the extractor makes of it."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("ginza")

from tests.extract_pages import agreements_of, extract_page, names_of, ties_of


def test_clauses_sharing_their_subject_share_the_parties(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "長野県と浙江省は1990年に友好提携を締結し、2019年には環境分野の協力を進める覚書を締結した。\n",
    )
    places = names_of(facts, "place")
    both = {places["長野県"], places["浙江省"]}
    parties = agreements_of(facts)
    assert len(parties) == 2 and all(p == both for p in parties.values())


def test_an_agreement_reached_is_an_agreement(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "共通点の多い群馬県と四川省は、1987年に姉妹提携に至った。\n")
    places = names_of(facts, "place")
    assert list(agreements_of(facts).values()) == [{places["群馬県"], places["四川省"]}]


def test_a_pair_named_before_a_quoted_agreement_signs_it(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "2001年に岡山県と江西省が提携して以来、鳥取県と吉林省の「環境と観光分野における協力覚書」締結で5件目となる。\n",
    )
    places = names_of(facts, "place")
    assert {places["鳥取県"], places["吉林省"]} in list(agreements_of(facts).values())
    assert not any(places["岡山県"] in p and places["鳥取県"] in p for p in agreements_of(facts).values())


def test_a_state_named_with_an_equals_sign_and_its_ministry_are_read_whole(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "長野県は、ドイツのノルトライン・ヴェストファーレン州経済・産業・気候保護・エネルギー省と、精密機械分野の"
        "交流に関する趣意書に署名した。ザクセン=アンハルト州とも協議を進める。\n",
    )
    places, orgs = names_of(facts, "place"), names_of(facts, "organisation")
    assert "ザクセン=アンハルト州" in places  # the gazetteer spells it with ・
    ministry = orgs["ノルトライン・ヴェストファーレン州経済・産業・気候保護・エネルギー省"]
    assert (ministry, places["ノルトライン・ヴェストファーレン州"]) in ties_of(facts, "part_of")
    parties = {p for p, _a in ties_of(facts, "party_to")}
    assert {places["長野県"], ministry} <= parties  # 趣意書: a letter of intent


def test_a_region_named_with_equals_signs_is_read_whole(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "京都府は、フランスのブルゴーニュ=フランシュ=コンテ地域圏と、ワイン産業の交流に関する覚書に署名した。\n",
    )
    places = names_of(facts, "place")
    assert "ブルゴーニュ=フランシュ=コンテ地域圏" in places
    assert "フランシュ=コンテ地域圏" not in places and "コンテ地域圏" not in places


def test_both_sides_as_the_subject_of_a_signing_are_the_pair_named_before(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "富山県と遼寧省の友好提携40周年を祝う式典が瀋陽市で開かれた。"
        "式典に先立ち、両者は環境分野の協力に関する覚書に調印した。\n",
    )
    places = names_of(facts, "place")
    agreements = {e["id"]: e for e in facts["entities"] if e["type"] == "agreement" and e["kind"] == "mou"}
    assert len(agreements) == 1
    (mou,) = agreements
    assert {p for p, a in ties_of(facts, "party_to") if a == mou} == {places["富山県"], places["遼寧省"]}


def test_bodies_with_no_legal_suffix_sign(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "静岡県とSkyDrive社は空飛ぶクルマの実装に向けた連携協定を締結した。\n"
        "また、県はエアモビリティ協会と覚書を交わした。\n",
    )
    places, orgs = names_of(facts, "place"), names_of(facts, "organisation")
    assert {places["静岡県"], orgs["SkyDrive"]} in agreements_of(facts).values()
    assert {places["静岡県"], orgs["エアモビリティ協会"]} in agreements_of(facts).values()


def test_a_person_working_with_a_body_is_no_partner_of_it(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "大阪大学の山田一郎教授は、ミュンヘン工科大学と協力して新素材を研究している。\n")
    bodies, persons = names_of(facts, "organisation"), names_of(facts, "person")
    assert (persons["山田一郎"], bodies["大阪大学"]) in ties_of(facts, "works_for")
    assert not {pair for pair in ties_of(facts, "partner_of") if persons["山田一郎"] in pair}


def test_a_pair_before_an_agreement_stated_as_a_noun_signs_it(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "9月3日、カナダのマニトバ州政府庁舎ではマニトバ州と岩手県花巻市の間における観光覚書の署名式が開かれた。\n"
        "今年は福井県と浙江省の経済交流協定締結から10年になる。\n",
    )
    places = names_of(facts, "place")
    agreements = list(agreements_of(facts).values())
    assert {places["マニトバ州"], places["花巻市"]} in agreements  # the prefecture only locates the city
    assert {places["福井県"], places["浙江省"]} in agreements
    assert not any("カナダ" in places and places["カナダ"] in p for p in agreements)


def test_the_same_parties_signing_in_two_years_made_two_agreements(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "2015年に、高知県とアチェ州の間で教育交流に関する覚書が締結された。\n"
        "2019年10月、高知県とアチェ州は防災協力に関する覚書を締結した。\n"
        "2021年に高知県が覚書締結先の機関に行った調査では、交流は順調である。\n",
    )
    places = names_of(facts, "place")
    both = {places["高知県"], places["アチェ州"]}
    parties = agreements_of(facts)
    assert list(parties.values()) == [both, both]
    signed = sorted(str(e.get("signed")) for e in facts["entities"] if e["type"] == "agreement")
    assert signed == ["2015", "2019-10"]  # the survey of the counterpart (締結先) signs nothing


def test_a_bare_agreement_word_is_the_named_agreement_of_the_same_parties(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "岐阜県と高山市がボローニャ市と協定締結\n\n"
        "岐阜県と高山市は2024年5月2日、イタリアのボローニャ市と友好交流協定を締結した。\n"
        "県は1990年にも同市と文化協定を結んでいる。\n",
    )
    places = names_of(facts, "place")
    signed = {e["name"]["ja"]: str(e.get("signed")) for e in facts["entities"] if e["type"] == "agreement"}
    parties = agreements_of(facts)
    three = {places["岐阜県"], places["高山市"], places["ボローニャ市"]}
    # the headline's 協定 is the friendship agreement; the one signed in 1990 is another
    assert sorted(map(sorted, parties.values())) == sorted(
        map(sorted, [three, {places["岐阜県"], places["ボローニャ市"]}])
    )
    assert sorted(signed.values()) == ["1990", "2024-05-02"]


def test_the_signing_clauses_subject_and_its_counterparts_sign(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "静岡県ではこれまで唯一、浜松市がロチェスター市と2005年に「友好都市協定」を締結している。\n"
        "なお、県と市が一緒に海外の自治体と締結するのは、2010年4月に愛媛県・松山市が済州市と「観光交流覚書」を"
        "締結して以来となる。\n"
        "台南市政府は10日、長崎県佐世保市および平戸市と「観光連携に関する覚書」を締結した。\n",
    )
    places = names_of(facts, "place")
    assert sorted(map(sorted, agreements_of(facts).values())) == sorted(
        map(
            sorted,
            [
                {places["浜松市"], places["ロチェスター市"]},  # not the prefecture named as the scope
                {places["愛媛県"], places["松山市"], places["済州市"]},  # not the earlier clause's 県
                {places["台南市"], places["佐世保市"], places["平戸市"]},  # one agreement, not one per city
            ],
        )
    )


def test_only_bodies_sign_and_a_signing_agreed_on_is_dated_when_it_is_done(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "2023年8月、愛知県の大村秀章知事はビクトリア州を訪問し、「観光協力に関する覚書」を締結することで合意した。\n"
        "2024年1月、愛知県とビクトリア州は正式に同覚書を締結した。\n"
        "2015年、本学の田中一郎教授がトロント大学のジョン・スミス教授と共同研究協定を締結した。\n",
    )
    places = names_of(facts, "place")
    agreements = [e for e in facts["entities"] if e["type"] == "agreement"]
    # one agreement, signed when it was signed, not when the signing was agreed on; researchers sign for no one
    assert [str(e.get("signed")) for e in agreements] == ["2024-01"]
    assert list(agreements_of(facts).values()) == [{places["愛知県"], places["ビクトリア州"]}]
    visit = extract_page(tmp_path, "佐藤花子教授は4月にカナダを訪問した。その際、2019年5月に協定を締結した。\n")
    assert not agreements_of(visit)  # the visitor heads no body: no party


def test_a_friendship_partner_named_in_apposition(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "石川県の馳浩知事は10日、同県の友好提携都市、フランスのオクシタニー州を来月訪問すると発表した。\n"
        "金沢市の姉妹都市であるナンシー市の代表団も来日した。\n",
    )
    places = names_of(facts, "place")
    parties = list(agreements_of(facts).values())
    assert {places["石川県"], places["オクシタニー州"]} in parties  # not France, which only locates it
    assert {places["金沢市"], places["ナンシー市"]} in parties
    assert len(parties) == 2


def test_a_proper_noun_coordinated_with_a_signing_party_is_a_body(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "ノキアと仙台市は、5Gの活用に関する連携協定を締結した。データとデジタルの活用を進める。\n")
    bodies = names_of(facts, "organisation")
    assert "ノキア" in bodies and "データ" not in bodies
    parties = ties_of(facts, "party_to")
    agreement = next(a for p, a in parties if p == bodies["ノキア"])
    assert (names_of(facts, "place")["仙台市"], agreement) in parties


def test_a_twinning_stated_as_standing_is_a_friendship_agreement(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "金沢市とナンシー市は姉妹都市である。両市は文化交流を続けている。\n")
    places = names_of(facts, "place")
    parties = ties_of(facts, "party_to")
    agreement = next(a for p, a in parties if p == places["金沢市"])
    assert (places["ナンシー市"], agreement) in parties
    agreements = [e for e in facts["entities"] if e["type"] == "agreement"]
    assert [a.get("kind") for a in agreements] == ["friendship"]


def test_a_quoted_body_after_its_kind_signs_and_the_kind_is_no_body(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "信州大学は、ドイツの光技術クラスター「フォトニクスBW」と連携協定を締結した。\n")
    bodies = names_of(facts, "organisation")
    assert "光技術クラスター" not in bodies
    parties = ties_of(facts, "party_to")
    agreement = next(a for p, a in parties if p == bodies["フォトニクスBW"])
    assert (bodies["信州大学"], agreement) in parties


def test_a_latin_name_coordinated_with_a_signing_party_is_a_body(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "Business Sweden Tokyoと広島県は、水素分野に関する覚書を締結した。\n")
    bodies = names_of(facts, "organisation")
    parties = ties_of(facts, "party_to")
    agreement = next(a for p, a in parties if p == bodies["Business Sweden Tokyo"])
    assert (names_of(facts, "place")["広島県"], agreement) in parties


def test_an_unnamed_honbun_signs_with_its_partner_under_the_pages_site(tmp_path: Path) -> None:
    text = (
        "TITLE: 東海海洋大学との大学間協定締結について\n\n"
        "9月2日、本学と東海海洋大学(タイ)との間で大学間協定を締結しました。\n"
    )
    facts = extract_page(tmp_path, "SOURCE: https://www.hokuriku-tech.example/news/1.html\n" + text)
    bodies = names_of(facts, "organisation")
    (agreement,) = [e for e in facts["entities"] if e["type"] == "agreement"]
    assert ties_of(facts, "party_to") == {(bodies["東海海洋大学"], agreement["id"])}
    assert "hokuriku-tech.example" in agreement["name"]["ja"] and "本学" not in bodies
    assert not [e for e in extract_page(tmp_path, text)["entities"] if e["type"] == "agreement"]  # no site, no tie


def test_a_faculty_of_the_named_honbun_is_part_of_it_and_signs_a_faculty_agreement(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "TITLE: 東海海洋大学工学部と部局間協定を締結|北陸工業大学\n\n"
        "本学工学部は5月1日、東海海洋大学工学部と部局間協定を締結しました。"
        "本学工学部の鈴木次郎教授が式に出席しました。本学部の学生も参加しました。\n",
    )
    bodies, persons = names_of(facts, "organisation"), names_of(facts, "person")
    faculty = bodies["北陸工業大学工学部"]
    assert (faculty, bodies["北陸工業大学"]) in ties_of(facts, "part_of")
    (agreement,) = [e["id"] for e in facts["entities"] if e["type"] == "agreement"]
    assert {(faculty, agreement), (bodies["東海海洋大学工学部"], agreement)} <= ties_of(facts, "party_to")
    assert (persons["鈴木次郎"], faculty) in ties_of(facts, "works_for")
    assert not any(n.endswith("部の学生") or n == "北陸工業大学部" for n in bodies)


def test_an_unnamed_honbun_signing_with_two_universities_signs_two_agreements(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "SOURCE: https://www.hokuriku-tech.example/news/2.html\nTITLE: 海外の大学と大学間交流協定を締結\n\n"
        "本学は、東海海洋大学(タイ)及び紅河工科大学(ベトナム)と大学間交流協定を締結しました。\n",
    )
    bodies = names_of(facts, "organisation")
    agreements = {e["id"]: e["name"]["ja"] for e in facts["entities"] if e["type"] == "agreement"}
    parties = ties_of(facts, "party_to")
    assert len(agreements) == 2 and all("hokuriku-tech.example" in n for n in agreements.values())
    assert {a for b, a in parties if b == bodies["東海海洋大学"]} != {a for b, a in parties if b == bodies["紅河工科大学"]}


def test_a_country_before_a_party_says_where_the_party_is(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path,
        "鳥取県とラオス・ルアンパバーン市が観光交流に関する覚書を締結\n"
        "鳥取県は、6月2日、ラオス・ルアンパバーン市との間で観光交流に関する覚書を締結しました。\n",
    )
    places = names_of(facts, "place")
    agreements = [e for e in facts["entities"] if e["type"] == "agreement"]
    assert len(agreements) == 1
    parties = {s for s, _t in ties_of(facts, "party_to")}
    assert parties == {places["鳥取県"], places["ルアンパバーン市"]}
    uni = extract_page(tmp_path, "島根大学は、ラオス・スパヌウォン大学と学術交流協定を締結しました。\n")
    assert "スパヌウォン大学" in names_of(uni, "organisation")
    assert "ラオス・スパヌウォン大学" not in names_of(uni, "organisation")
    two = extract_page(tmp_path, "福岡県は、タイ・ラオス商工会議所と覚書を締結しました。\n")
    assert "タイ・ラオス商工会議所" in names_of(two, "organisation")


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
    facts = extract_page(tmp_path, page)
    places = names_of(facts, "place")
    assert {s for s, _t in ties_of(facts, "party_to")} == {places["福井県"], places["新竹市"]}


def test_an_alliance_in_place_is_no_signing(tmp_path: Path) -> None:
    standing = extract_page(tmp_path, "お知らせ\n福井県は、新竹市と友好提携しており、毎年訪問団を送っている。\n")
    assert not ties_of(standing, "party_to")


@pytest.mark.parametrize(
    "sentence",
    [
        "岐阜県は、「ノルド・アエロ・バレー」(フランス)との間で、相互協力に関する覚書を締結した。",
        "岐阜県は、ノルド・アエロ・バレー(フランス)との間で、相互協力に関する覚書を締結した。",
    ],
)
def test_a_quoted_or_bracketed_partner_before_tono_aida_de_signs(tmp_path: Path, sentence: str) -> None:
    facts = extract_page(tmp_path, f"お知らせ\n{sentence}\n")
    orgs, places = names_of(facts, "organisation"), names_of(facts, "place")
    assert {s for s, _t in ties_of(facts, "party_to")} == {places["岐阜県"], orgs["ノルド・アエロ・バレー"]}


def test_parties_of_a_passive_signing_between_them_and_of_a_three_party_one(tmp_path: Path) -> None:
    passive = extract_page(
        tmp_path, "お知らせ\n2月10日、福島県とブラジル・パラナ州の間で、経済交流に関する覚書が締結されました。\n"
    )
    places = names_of(passive, "place")
    assert {s for s, _t in ties_of(passive, "party_to")} == {places["福島県"], places["パラナ州"]}
    three = extract_page(
        tmp_path, "お知らせ\n宮城県、東北大学、韓国の電子部品研究院の3者は、半導体人材に関する覚書を締結しました。\n"
    )
    orgs, places = names_of(three, "organisation"), names_of(three, "place")
    assert {s for s, _t in ties_of(three, "party_to")} == {places["宮城県"], orgs["東北大学"], orgs["電子部品研究院"]}


def test_what_was_agreed_and_signed_in_one_sentence_is_one_agreement(tmp_path: Path) -> None:
    facts = extract_page(
        tmp_path, "お知らせ\n高知県と台湾・台南市は、観光分野で協力することで合意し、覚書を交わしました。\n"
    )
    assert len([e for e in facts["entities"] if e["type"] == "agreement"]) == 1


def test_a_province_after_its_country_and_a_kind_of_partnership_are_no_ministry_or_place(tmp_path: Path) -> None:
    facts = extract_page(tmp_path, "お知らせ\n静岡県は、1982年から中国浙江省と友好県省関係にあります。\n")
    places, orgs = names_of(facts, "place"), names_of(facts, "organisation")
    assert "浙江省" in places
    assert not any(name.endswith("省") for name in orgs)
    assert "友好県省" not in places


def test_a_pair_with_a_body_of_no_legal_form_as_the_subject_of_a_signing(tmp_path: Path) -> None:
    """「AとBは、(when), …覚書を締結」: B, a katakana name the recogniser does not know, signs with A and is
    the body wherever the page names it again; 「経済団体のトップが」 is no such name."""
    facts = extract_page(
        tmp_path,
        "石川県とフィンランドのビジネス・タンペレは、10月2日、ゲーム産業の交流に関する覚書を締結しました。\n"
        "ビジネス・タンペレのヨハンナ・ラハティネン事務局長が来県しました。\n\n"
        "中海地域の市長会と経済団体のトップが11日、ケララ州の州政府との間で、経済交流に関する覚書を交わす。\n",
    )
    orgs, persons = names_of(facts, "organisation"), names_of(facts, "person")
    assert {names_of(facts, "place")["石川県"], orgs["ビジネス・タンペレ"]} in agreements_of(facts).values()
    assert (persons["ヨハンナ・ラハティネン"], orgs["ビジネス・タンペレ"]) in ties_of(facts, "works_for")
    assert "トップ" not in orgs


def test_a_signing_with_bodies_left_unnamed_takes_no_subject_from_before(tmp_path: Path) -> None:
    """「Aと米国関係機関との覚書締結」 as a heading: A signs with bodies the page does not name, not with the
    prefecture whose governor the sentences before spoke of."""
    facts = extract_page(
        tmp_path,
        "山梨県の望月一郎知事は、米国を訪問しました。\n"
        "訪問先:マサチューセッツ州\n"
        "ライフサイエンス協働機構(LSCO)と米国関係機関との覚書締結\n",
    )
    lsco = names_of(facts, "organisation")["ライフサイエンス協働機構"]
    assert not any(lsco in parties and len(parties) > 1 for parties in agreements_of(facts).values())


def test_a_companys_profile_bracket_names_no_party_and_its_counterpart_is_read(tmp_path: Path) -> None:
    """「株式会社X(本社:…市…区、代表取締役:P)は、Y(ABC)と覚書を締結」: the head office's place signs nothing;
    the counterpart named by its initials in brackets, or by initials run into a katakana word, signs."""
    facts = extract_page(
        tmp_path,
        "株式会社さくらロボティクス(本社:名古屋市中区、代表取締役:水野啓太)は、タイ国営石油会社(PTT)と、"
        "水素製造に関する覚書を締結しました。\n\n"
        "株式会社あおばソフト(本社:仙台市青葉区、代表取締役:菅原浩)は、ベトナムのCMCソフトウェアと"
        "業務提携契約を締結しました。\n\n"
        "株式会社みなとフーズ(本社:神戸市中央区、代表取締役:北野誠)は、タイの大手食品会社と覚書を締結しました。\n",
    )
    orgs, places = names_of(facts, "organisation"), names_of(facts, "place")
    agreements = list(agreements_of(facts).values())
    assert {orgs["さくらロボティクス"], orgs["PTT"]} in agreements
    assert {orgs["あおばソフト"], orgs["CMCソフトウェア"]} in agreements
    signed = {p for parties in agreements for p in parties}
    assert not {key for name, key in places.items() if name.endswith("区")} & signed


def test_names_joined_by_a_dot_in_a_headline_are_the_parties_not_one_body(tmp_path: Path) -> None:
    """「A県・B大学・C大学が…」: a headline listing complete names with ・ names each party, and no body of all."""
    facts = extract_page(
        tmp_path,
        "宮城県・東北大学・ミュンヘン工科大学が三者協定を締結\n\n"
        "宮城県、東北大学及びドイツのミュンヘン工科大学の3者は、4月8日、量子技術の研究協力に関する協定を締結した。\n",
    )
    orgs, places = names_of(facts, "organisation"), names_of(facts, "place")
    assert not any("・" in name for name in orgs)
    three = {places["宮城県"], orgs["東北大学"], orgs["ミュンヘン工科大学"]}
    assert list(agreements_of(facts).values()) == [three]


def test_a_country_locating_one_of_the_listed_counterparts_ends_no_list(tmp_path: Path) -> None:
    """「AはB及びドイツのCと…協定を締結」: the country only says where C is; B still signs, with A and C."""
    facts = extract_page(
        tmp_path,
        "香川県は、5月20日、香川大学及びオランダのデルフト工科大学と、防災技術の研究に関する協定を締結した。\n",
    )
    orgs, places = names_of(facts, "organisation"), names_of(facts, "place")
    assert list(agreements_of(facts).values()) == [
        {places["香川県"], orgs["香川大学"], orgs["デルフト工科大学"]}
    ]


def test_a_count_of_parties_in_digits_keeps_one_agreement(tmp_path: Path) -> None:
    """「本学はA及びBと3者協定を締結」: three parties counted in digits sign one agreement, not one per partner."""
    facts = extract_page(
        tmp_path,
        "SOURCE: https://www.seto-univ.example/news/8.html\nTITLE: 3者協定の締結\n\n"
        "本学は、7月3日、マラヤ大学及び株式会社ペナン精機と、材料工学分野の3者協定を締結しました。\n",
    )
    orgs = names_of(facts, "organisation")
    assert list(agreements_of(facts).values()) == [{orgs["マラヤ大学"], orgs["ペナン精機"]}]


def test_a_country_run_into_its_state_and_a_department_names_the_states_department(tmp_path: Path) -> None:
    """「米国X州農務局」: the country says where the state is; the body is X州農務局, the one the title names, while
    a body of one country in another country's city (「日本ソウル商工会議所」) keeps its whole name."""
    facts = extract_page(
        tmp_path,
        "静岡市経済局とオレゴン州農務局が覚書\n\n"
        "静岡市経済局は、米国オレゴン州農務局との間で、農産物の輸出促進に関する覚書を締結した。"
        "式には日本ソウル商工会議所の代表も出席した。\n",
    )
    orgs = names_of(facts, "organisation")
    assert "米国オレゴン州農務局" not in orgs and "日本ソウル商工会議所" in orgs
    assert list(agreements_of(facts).values()) == [{orgs["静岡市経済局"], orgs["オレゴン州農務局"]}]


@pytest.mark.parametrize(
    "sentence",
    [
        "福井県と公益財団法人ふくい産業支援センターは、9月9日、ベトナムのダナン工科大学と人材交流に関する覚書を締結した。",
        "福井県と株式会社ふくい産業支援センターの間の覚書の締結式には、ダナン工科大学の学長も同席した。",
    ],
)
def test_a_legal_form_before_a_coordinated_partys_name_joins_it_to_the_party_before(
    tmp_path: Path, sentence: str
) -> None:
    """「AとB法人Xは」, 「Aと株式会社Xの間の覚書」: the legal form written before X's name stands between the
    two names and does not part them."""
    facts = extract_page(tmp_path, sentence + "\n")
    orgs, places = names_of(facts, "organisation"), names_of(facts, "place")
    pair = {places["福井県"], orgs["ふくい産業支援センター"]}
    assert any(pair <= parties for parties in agreements_of(facts).values())


def test_both_sides_are_the_pair_named_before_not_the_country_a_name_starts_with(tmp_path: Path) -> None:
    """「AとX国投資庁は…。両機関は…MoUに署名」: the second side is the agency, not the country its name starts with."""
    facts = extract_page(
        tmp_path,
        "北陸経済連合会とベトナム投資庁は、昨年から協議を続けてきた。\n"
        "両機関は5月9日、ハノイで投資促進に関するMoUに署名した。\n",
    )
    orgs = names_of(facts, "organisation")
    assert list(agreements_of(facts).values()) == [{orgs["北陸経済連合会"], orgs["ベトナム投資庁"]}]


def test_a_title_naming_a_party_by_the_abbreviation_the_text_gives_it_states_one_agreement(tmp_path: Path) -> None:
    """「AとKRICTが覚書」 over 「A県は、韓国化学研究院(KRICT)と…覚書を締結」: the abbreviation in the title is the
    body named in full below, so the page states one agreement, not two."""
    facts = extract_page(
        tmp_path,
        "富山県とKRICTが覚書を締結\n\n"
        "富山県は、4月17日、韓国化学研究院(KRICT)と、医薬品素材の研究協力に関する覚書を締結した。\n",
    )
    orgs, places = names_of(facts, "organisation"), names_of(facts, "place")
    assert orgs["KRICT"] == orgs["韓国化学研究院"]
    assert list(agreements_of(facts).values()) == [{places["富山県"], orgs["韓国化学研究院"]}]


def test_the_date_of_a_signing_clause_before_a_renewed_agreement_is_when_it_was_signed(tmp_path: Path) -> None:
    """「2012年に締結した協定を更新した」: 2012 is when the agreement was signed, not when it was renewed."""
    facts = extract_page(
        tmp_path, "岐阜大学は、ドイツのミュンスター大学と2012年に締結した学術交流協定を更新した。\n"
    )
    (agreement,) = [e for e in facts["entities"] if e["type"] == "agreement"]
    assert agreement.get("signed") == "2012" and "2012" not in agreement.get("renewed", [])
