"""Model validation: the schema rejects what it must, with messages naming why."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from graph.dates import earliest, latest, parse_partial_date, valid_on
from graph.errors import InvalidFact
from graph.ids import entity_id, relation_id
from graph.model import Entity, EntityType, Evidence, Name, Relation
from graph.names import name_key
from graph.registry import RELATION_TYPES, check_endpoints, relation_type


def place(pid: str, kind: str = "region") -> Entity:
    return Entity(id=pid, type=EntityType.PLACE, kind=kind, names=(Name(text=pid),))


def org(oid: str) -> Entity:
    return Entity(id=oid, type=EntityType.ORGANISATION, kind="company", names=(Name(text=oid),))


@pytest.mark.parametrize("text", ["2018", "2018-05", "2018-05-08"])
def test_partial_dates_accepted(text: str) -> None:
    assert parse_partial_date(text) == text


@pytest.mark.parametrize(
    ("text", "message"),
    [("2018-13", "month 13"), ("2018-02-30", "day is out of range"), ("May 2018", "malformed"), ("18-05", "malformed")],
)
def test_malformed_dates_rejected(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_partial_date(text)


def test_partial_date_intervals() -> None:
    assert earliest("2018") == dt.date(2018, 1, 1)
    assert latest("2018-02") == dt.date(2018, 2, 28)
    assert valid_on("2018", None, dt.date(2018, 1, 1))
    assert not valid_on("2018-05-08", None, dt.date(2018, 5, 7))
    assert not valid_on(None, "2017", dt.date(2018, 1, 1))


def test_unknown_relation_type_names_the_allowed_ones() -> None:
    with pytest.raises(InvalidFact, match="unknown relation type 'friends_with'; allowed: attended"):
        relation_type("friends_with")


def test_wrong_endpoint_types() -> None:
    with pytest.raises(InvalidFact, match="works_for cannot have a organisation as source"):
        check_endpoints("works_for", org("org:a"), org("org:b"))
    check_endpoints("located_in", place("place:dalian", "city"), place("place:liaoning"))


def test_places_act_as_governments_but_areas_do_not() -> None:
    agreement = Entity(id="agreement:x", type=EntityType.AGREEMENT, kind="mou", names=(Name(text="X"),))
    check_endpoints("party_to", place("place:kanagawa"), agreement)
    with pytest.raises(InvalidFact, match="governs nothing"):
        check_endpoints("party_to", place("place:zone", "area"), agreement)


def test_entity_kind_and_fields_checked() -> None:
    with pytest.raises(ValidationError, match="unknown organisation kind 'bank'"):
        Entity(id="org:x", type=EntityType.ORGANISATION, kind="bank", names=(Name(text="X"),))
    with pytest.raises(ValidationError, match="organisation needs a kind"):
        Entity(id="org:x", type=EntityType.ORGANISATION, names=(Name(text="X"),))
    with pytest.raises(ValidationError, match="field 'signed' belongs to agreement"):
        Entity(id="org:x", type=EntityType.ORGANISATION, kind="company", names=(Name(text="X"),), signed="2018")
    with pytest.raises(ValidationError, match="has no letters"):
        Name(text="・・・")


def test_relation_dates_and_confidence_checked() -> None:
    ev = (Evidence(source="d"),)
    with pytest.raises(ValidationError, match="before valid_from"):
        Relation(id="r", type="party_to", source="a", target="b", valid_from="2019", valid_to="2018", evidence=ev)
    with pytest.raises(ValidationError, match="less than or equal to 1"):
        Evidence(source="d", confidence=1.5)
    with pytest.raises(ValidationError, match="at least 1 item"):
        Relation(id="r", type="party_to", source="a", target="b", evidence=())


def test_partial_dates_compare_by_the_interval_they_cover() -> None:
    """An event dated "2018" may end on any day of 2018, so a start of 2018-05-31 is not after it."""
    event = Entity(id="event:x", type=EntityType.EVENT, kind="meeting", names=(Name(text="X"),),
                   start="2018-05-31", end="2018")
    assert event.end == "2018"
    Relation(id="r", type="party_to", source="a", target="b", valid_from="2018-05-08", valid_to="2018-05",
             evidence=(Evidence(source="d"),))
    with pytest.raises(ValidationError, match="ends \\(2018-05\\) before it starts \\(2018-06\\)"):
        Entity(id="event:x", type=EntityType.EVENT, kind="meeting", names=(Name(text="X"),),
               start="2018-06", end="2018-05")


def test_ids_are_deterministic_and_symmetric() -> None:
    assert entity_id("organisation", "ＪＥＴＲＯ") == entity_id("organisation", "jetro")
    assert relation_id("partner_of", "a", "b") == relation_id("partner_of", "b", "a")
    assert relation_id("visited", "a", "b") != relation_id("visited", "b", "a")


def test_name_keys_fold_variants_width_and_spacing() -> None:
    assert name_key("遼寧省") == name_key("辽宁省")
    assert name_key("澤") == name_key("沢")
    assert name_key("Ｋａｎａｇａｗａ Prefecture") == name_key("kanagawa  prefecture")
    assert name_key("静岡県") != name_key("静岡県立大学")


def test_registry_marks_ties_and_context() -> None:
    assert RELATION_TYPES["party_to"].tie and RELATION_TYPES["party_to"].strength == 1.0
    assert not RELATION_TYPES["located_in"].tie
    assert not RELATION_TYPES["focuses_on"].tie
    strengths = [RELATION_TYPES[t].strength for t in ("party_to", "partner_of", "works_for", "spoke_at", "visited")]
    assert strengths == sorted(strengths, reverse=True)
