"""Introduction paths as the user reads them: steps between actors, each actor with its unit.

A node path is cut where it moves inside one actor (``queries.actors``): those moves are no
step; the run of nodes becomes one actor shown with its unit and staff ("Mie Prefecture
(International Strategy Division · Sakamoto Katsuaki)"). What remains are the steps: a
direct tie, two actors meeting at one agreement or event, or a place reaching an
organisation located in it ("FBRI, in Kobe"). People are named with their employer and role;
an alumna is an alumna, not a member; ties resting only on inferred evidence are marked, and
undated ties say when they were documented. A unit located in another country than its body
(an office abroad: CLAIR's Paris office, JETRO's Dalian office) is marked with that country
wherever it is named ("CLAIR Paris office, in France"; 「パリ事務所〔在フランス〕」), the
countries read from ``located_in`` through ``queries.geo``.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from graph.dates import earliest
from graph.model import EntityType, Source
from graph.registry import MEETING_POINTS, RELATION_TYPES
from graph.rows import EntityRow, RelationRow
from queries import ranking
from queries.actors import Actors
from queries.geo import Geography
from queries.results import EntityRef, IntroductionPath, RelationRef, SourceRef, Step
from queries.view import GraphView

_BOTH_EN = {
    "party_to": "are both parties to",
    "spoke_at": "both spoke at",
    "attended": "both attended",
    "organised": "both organised",
    "established": "both established",
}
_BOTH_JA = {
    "party_to": "の締結当事者",
    "spoke_at": "で登壇",
    "attended": "に参加",
    "organised": "を主催",
    "established": "を設立",
}


@dataclass(frozen=True)
class Located:
    """A place reaching an organisation located in it: a step only at a path's end."""

    place: str
    org: str
    relation: RelationRow
    strength: float


CountryOf = Callable[[str], EntityRow | None]


def _nowhere(_node: str) -> EntityRow | None:
    return None


def country_of(view: GraphView) -> CountryOf:
    """An entity's country (its place row) as ``queries.geo`` finds it on ``view``; None when unknown."""
    geo = Geography.of(view)

    def country(node: str) -> EntityRow | None:
        found = geo.country(node)
        return geo.entity(found) if found else None

    return country


@dataclass
class PathGraph:
    """What explaining a path reads: entities, sources, edges' relations, actor membership,
    and where entities are (``country``: to mark offices abroad)."""

    entities: Mapping[str, EntityRow]
    sources: Mapping[str, Source]
    relations: Callable[[str, str], list[tuple[RelationRow, float]]]
    actors: Actors
    located: Mapping[frozenset[str], Located]
    degree: Callable[[str], int]
    country: CountryOf = _nowhere

    def is_meeting(self, node: str) -> bool:
        return self.entities[node].type in MEETING_POINTS

    def inside(self, u: str, v: str) -> bool:
        return frozenset((u, v)) not in self.located and self.actors.inside(u, v)

    def edge_strength(self, u: str, v: str) -> float:
        """A tie's strength; a move inside one actor weighs its evidence only (no type factor)."""
        found = self.located.get(frozenset((u, v)))
        if found is not None:
            return found.strength
        strength = self.relations(u, v)[0][1]
        if self.actors.inside(u, v):
            return max(r.confidence for r, _ in self.relations(u, v))
        return strength

    def half(self, u: str, v: str, meeting_half: int) -> int:
        if frozenset((u, v)) in self.located:
            return 2
        return 0 if self.actors.inside(u, v) else meeting_half

    def intermediaries(self, path: Sequence[str]) -> list[str]:
        """Actors between the ends: not meeting points, not inside either end's actor."""
        a, b = path[0], path[-1]
        return [n for n in path[1:-1]
                if not self.is_meeting(n) and not self.actors.same(a, n) and not self.actors.same(b, n)]

    def hub_factor(self, path: Sequence[str]) -> float:
        return math.prod(ranking.hub_factor(self.degree(n)) for n in self.intermediaries(path))

    def abroad(self, node: str) -> EntityRow | None:
        """The country of an organisation unit located outside its body's country (an office abroad),
        else None; nothing is marked when either country is unknown."""
        entity = self.entities.get(node)
        if entity is None or entity.type is not EntityType.ORGANISATION:
            return None
        bodies = self.actors.roots(node) - {node}
        here = self.country(node) if bodies else None
        if here is None:
            return None
        homes = {c.id if c is not None else None for c in map(self.country, sorted(bodies))}
        return None if None in homes or here.id in homes else here


def _name(entity: EntityRow, lang: str) -> str:
    return entity.name(lang)


def _unit(pg: PathGraph, node: str, lang: str, alone: bool = False) -> str:
    """A unit by name, marked with its country when it is an office abroad: inside a parenthesis
    ("CLAIR Paris office, in France"; 「パリ事務所〔在フランス〕」) or ``alone`` ("JETRO Dalian (in China)")."""
    name = _name(pg.entities[node], lang)
    country = pg.abroad(node)
    if country is None:
        return name
    if lang == "ja":
        return f"{name}〔在{_name(country, lang)}〕"
    return f"{name} (in {_name(country, lang)})" if alone else f"{name}, in {_name(country, lang)}"


def _who(pg: PathGraph, node: str, lang: str) -> str:
    """A person with employer and role; anyone else by name (an office abroad with its country)."""
    entity = pg.entities[node]
    if entity.type is not EntityType.PERSON:
        return _unit(pg, node, lang, alone=True)
    job = pg.actors.role(node)
    if job is None or job[0] not in pg.entities:
        return _name(entity, lang)
    employer = _unit(pg, job[0], lang)
    role = job[1]
    if lang == "ja":
        return f"{_name(entity, lang)}({employer}{' ' + role if role else ''})"
    return f"{_name(entity, lang)} ({role + ', ' if role else ''}{employer})"


def _documented(pg: PathGraph, rel: RelationRow) -> str | None:
    dates = [pg.sources[e.source].published for e in rel.evidence if e.source in pg.sources]
    years = sorted(str(earliest(d).year) for d in dates if d)
    return years[0] if years else None


def _held(meeting: EntityRow) -> str:
    if meeting.type is EntityType.AGREEMENT and meeting.signed:
        return f" (signed {meeting.signed})"
    if meeting.type is EntityType.EVENT and meeting.start:
        return f" (held {meeting.start})"
    return ""


def _when(pg: PathGraph, rel: RelationRow, meeting: EntityRow | None) -> str:
    if rel.valid_from and rel.valid_to:
        return f" ({rel.valid_from} to {rel.valid_to})"
    if rel.valid_from:
        return f" (since {rel.valid_from})"
    if rel.valid_to:
        return f" (until {rel.valid_to})"
    if meeting is not None and _held(meeting):
        return _held(meeting)
    year = _documented(pg, rel)
    return f" (undated, documented {year})" if year else " (undated)"


def _verb(rel: RelationRow, lang: str) -> str:
    alumni = rel.type == "member_of" and bool(rel.role) and "alumn" in (rel.role or "").lower()
    if alumni:
        return "studied at" if lang == "en" else "の卒業生"
    rt = RELATION_TYPES[rel.type]
    return rt.label_en if lang == "en" else rt.label_ja


def _refs(pg: PathGraph, u: str, v: str) -> list[RelationRef]:
    return [RelationRef.of(rel, s) for rel, s in pg.relations(u, v)]


def _sources(pg: PathGraph, rels: Sequence[RelationRef]) -> tuple[SourceRef, ...]:
    ids = sorted({s for r in rels for s in r.sources})
    return tuple(SourceRef.of(pg.sources[i]) for i in ids if i in pg.sources)


def _inferred(rels: Sequence[RelationRef]) -> bool:
    return any(ranking.inferred(r.confidence) for r in rels)


def _mark(text: str, inferred: bool, lang: str) -> str:
    if not inferred:
        return text
    return f"{text} [inferred]" if lang == "en" else f"{text}【推定】"


def _direct(pg: PathGraph, u: str, v: str) -> Step:
    located = pg.located.get(frozenset((u, v)))
    if located is not None:
        org, place = pg.entities[located.org], pg.entities[located.place]
        rel = RelationRef.of(located.relation, located.strength)
        inferred = _inferred([rel])
        return Step(
            start=EntityRef.of(pg.entities[u]), end=EntityRef.of(pg.entities[v]), via=None, relations=(rel,),
            strength=round(located.strength, 6), date=None,
            text_en=_mark(f"{_name(org, 'en')}, in {_name(place, 'en')}", inferred, "en"),
            text_ja=_mark(f"{_name(place, 'ja')}の{_name(org, 'ja')}", inferred, "ja"),
            sources=_sources(pg, [rel]), kind="located_in", inferred=inferred,
        )
    rels = _refs(pg, u, v)
    best, _ = pg.relations(u, v)[0]
    src, tgt = best.source, best.target
    role = f" as {best.role}" if best.role and best.type != "member_of" else ""
    when = _when(pg, best, None)
    inferred = _inferred(rels[:1])
    text_en = f"{_who(pg, src, 'en')} {_verb(best, 'en')} {_who(pg, tgt, 'en')}{role}{when}"
    text_ja = f"{_who(pg, src, 'ja')}は{_who(pg, tgt, 'ja')}{_verb(best, 'ja')}"
    return Step(
        start=EntityRef.of(pg.entities[u]), end=EntityRef.of(pg.entities[v]), via=None, relations=tuple(rels),
        strength=round(pg.edge_strength(u, v), 6), date=best.valid_from,
        text_en=_mark(text_en, inferred, "en"), text_ja=_mark(text_ja, inferred, "ja"),
        sources=_sources(pg, rels), kind="tie", inferred=inferred,
    )


def _meeting(pg: PathGraph, u: str, m: str, v: str) -> Step:
    left, right = _refs(pg, u, m), _refs(pg, m, v)
    (lrel, _), (rrel, _) = pg.relations(u, m)[0], pg.relations(m, v)[0]
    meet = pg.entities[m]
    when = _held(meet) or _when(pg, lrel, None)
    a, b = _who(pg, u, "en"), _who(pg, v, "en")
    aj, bj = _who(pg, u, "ja"), _who(pg, v, "ja")
    if lrel.type == rrel.type:
        text_en = f"{a} and {b} {_BOTH_EN.get(lrel.type, 'are both linked to')} {_name(meet, 'en')}{when}"
        text_ja = f"{aj}と{bj}はともに{_name(meet, 'ja')}{_BOTH_JA.get(lrel.type, 'に関与')}"
    else:
        text_en = f"{a} {_verb(lrel, 'en')} {_name(meet, 'en')}{when}, and {b} {_verb(rrel, 'en')} it"
        text_ja = f"{aj}は{_name(meet, 'ja')}{_verb(lrel, 'ja')}、{bj}は同じ{_name(meet, 'ja')}{_verb(rrel, 'ja')}"
    rels = (*left, *right)
    inferred = _inferred([left[0], right[0]])
    strength = pg.edge_strength(u, m) * pg.edge_strength(m, v)
    date = meet.signed if meet.type is EntityType.AGREEMENT else meet.start
    return Step(
        start=EntityRef.of(pg.entities[u]), end=EntityRef.of(pg.entities[v]), via=EntityRef.of(meet),
        relations=rels, strength=round(strength, 6), date=date,
        text_en=_mark(text_en, inferred, "en"), text_ja=_mark(text_ja, inferred, "ja"),
        sources=_sources(pg, rels), kind="meeting", inferred=inferred,
    )


def _actor_line(pg: PathGraph, segment: Sequence[str], lang: str) -> str:
    """One actor with its units: the body first, then units and staff in path order."""
    if len(segment) == 1:
        return _who(pg, segment[0], lang)
    roots = pg.actors.roots(segment[0])
    head = next((n for n in segment if n in roots), segment[0])
    units = [_unit(pg, n, lang) for n in segment if n != head]
    return f"{_unit(pg, head, lang)} ({' · '.join(units)})"


_NO_INTRODUCTION_JA = "紹介は不要です(組織の中でお尋ねください)。"


def _same_actor_note(pg: PathGraph, path: Sequence[str], lang: str) -> str:
    """What a path without steps means: both ends belong to one actor, so nobody needs to introduce them."""
    a, b = pg.entities[path[0]], pg.entities[path[-1]]
    shared = sorted(pg.actors.roots(path[0]) & pg.actors.roots(path[-1]))
    body = next((pg.entities[r] for r in shared if r in pg.entities), None)
    if body is not None and body.id in (a.id, b.id):
        other = b if body.id == a.id else a
        if lang == "ja":
            return f"{_name(other, lang)}は{_name(body, lang)}に属しています。{_NO_INTRODUCTION_JA}"
        return f"{_name(other, lang)} belongs to {_name(body, lang)}: no introduction is needed (ask within it)."
    if lang == "ja":
        where = f"同じ組織({_name(body, lang)})" if body is not None else "同じ組織"
        return f"{_name(a, lang)}と{_name(b, lang)}は{where}に属しています。{_NO_INTRODUCTION_JA}"
    where = f"the same actor, {_name(body, lang)}" if body is not None else "the same actor"
    return (f"{_name(a, lang)} and {_name(b, lang)} belong to {where}: no introduction is needed "
            f"(ask within it).")


def explain(pg: PathGraph, path: Sequence[str], rank: int) -> IntroductionPath:
    """Worded steps of a node path: inside-actor moves folded into actors, meeting points into steps."""
    steps: list[Step] = []
    segments: list[list[str]] = [[path[0]]]
    i, last = 0, len(path) - 1
    while i < last:
        u, v = path[i], path[i + 1]
        if pg.inside(u, v):
            segments[-1].append(v)
            i += 1
            continue
        if pg.is_meeting(v) and i + 1 < last and not pg.is_meeting(u):
            steps.append(_meeting(pg, u, v, path[i + 2]))
            segments.append([path[i + 2]])
            i += 2
        else:
            steps.append(_direct(pg, u, v))
            segments.append([v])
            i += 1
    strength = math.prod(pg.edge_strength(u, v) for u, v in itertools.pairwise(path)) * pg.hub_factor(path)
    weakest = min(range(len(steps)), key=lambda j: (steps[j].strength, j)) if steps else 0
    if len(segments) > 1:
        segments[-1].reverse()  # the target's actor reads from the target inwards
    summary_en = " → ".join(_actor_line(pg, s, "en") for s in segments)
    summary_ja = " → ".join(_actor_line(pg, s, "ja") for s in segments)
    return IntroductionPath(
        rank=rank,
        strength=round(float(strength), 6),
        hops=len(steps),
        nodes=tuple(EntityRef.of(pg.entities[n]) for n in path),
        steps=tuple(steps),
        label=ranking.label(strength),
        weakest_step=weakest + 1 if steps else None,
        inferred=any(s.inferred for s in steps),
        summary_en=summary_en,
        summary_ja=summary_ja,
        same_actor=not steps,
        note_en="" if steps else _same_actor_note(pg, path, "en"),
        note_ja="" if steps else _same_actor_note(pg, path, "ja"),
    )
