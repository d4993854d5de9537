"""Predicate arguments from GiNZA's dependency parse.

Surface patterns see only what lies next to a verb; the parse links a verb
to its subject, object and obliques however far apart they stand and
whatever sits between (dates, places, relative clauses). Japanese marks
each argument with a case particle (が/は, を, に, と, で), and GiNZA
attaches coordinated nouns (「AとBが」, 「A、B、Cを」) as ``nmod`` children of
the last one, marked by と or a comma: :func:`conjuncts` reads them back.

Everything here works on tokens and character offsets; which mentions the
offsets stand for is the rules' business.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

_PHRASE_DEPS = frozenset({"compound", "flat", "fixed", "nummod", "amod"})
_COORDINATORS = frozenset({"と", "や", "、", ",", "及び", "および", "並びに", "・"})
_ARG_DEPS = frozenset({"nsubj", "obj", "obl", "iobj", "nmod", "csubj"})
_CLAUSE_DEPS = frozenset({"advcl", "conj", "ccomp"})


@dataclass(frozen=True)
class Arg:
    """One argument of a predicate: its head token, the particles marking it and its span."""

    head: Any  # spacy Token
    dep: str
    cases: tuple[str, ...]
    start: int  # characters of the noun phrase, particles left out
    end: int


def dep_label(token: Any) -> str:
    """The token's dependency label (GiNZA without its bunsetu recogniser writes "obl_bunsetu")."""
    return str(token.dep_).split("_", 1)[0]


_dep = dep_label


# Particles the tokenizer can leave joined: 「…総領事とも懇談」 is と + も.
_JOINED_CASES = {
    "とも": ("と", "も"),
    "にも": ("に", "も"),
    "へも": ("へ", "も"),
    "では": ("で", "は"),
    "とは": ("と", "は"),
}


def cases(token: Any) -> tuple[str, ...]:
    """The particles attached to ``token`` (「式典には」 -> に, は)."""
    out: list[str] = []
    for c in token.children:
        if _dep(c) in ("case", "mark"):
            out += _JOINED_CASES.get(c.text, (c.text,))
    return tuple(out)


def phrase(token: Any) -> tuple[int, int]:
    """Character span of the noun phrase ``token`` heads: its compound run, no particles."""
    doc = token.doc
    if token.text.isspace():
        # 「\n「E」(団長:P)が」: the parser can make a paragraph's line break the head of the phrase after it
        right = [c for c in token.children if c.i > token.i and _dep(c) in _PHRASE_DEPS]
        if right:
            last = right[-1]
            start = next((t.idx for t in doc[token.i + 1 : last.i + 1] if not t.is_punct), last.idx)
            return start, last.idx + len(last.text)
    chain = {token.i}
    left = token.i
    while left > 0 and doc[left - 1].head.i in chain and _dep(doc[left - 1]) in _PHRASE_DEPS:
        left -= 1
        chain.add(left)
    while left < token.i and doc[left].text.isspace():
        left += 1  # a line break the parser hung on the phrase
    return doc[left].idx, token.idx + len(token.text)


def _coordinated(token: Any) -> bool:
    marks = [c.text for c in token.children if _dep(c) in ("case", "punct", "cc")]
    return bool(marks) and marks[-1] in _COORDINATORS and "の" not in marks


def _exemplifies(token: Any) -> bool:
    """「A、BなどN社」: names marked by など (not 「Aなどの」, a kind) stand for the count they head."""
    marks = cases(token)
    return bool(marks) and marks[-1] in ("など", "等") and "の" not in marks


def conjuncts(token: Any) -> list[Any]:
    """``token`` and the nouns coordinated with it: 「AとBの C」 under C reaches A through B,
    「A、BなどN社」 under 社 reaches A and B, 「A、B、Cの3か国」 under か国 reaches A, B and C."""
    out = [token]
    # 「A、B、Cの3か国」: a bare count counts what its の-modifiers list (not 「Xの輸入業者30社」, a kind of thing)
    counted = any(_dep(c) == "nummod" for c in token.children) and not any(
        _dep(c) == "compound" and c.pos_ in ("NOUN", "PROPN") for c in token.children
    )
    stack = [c for c in token.children if _dep(c) == "nmod"]
    while stack:
        child = stack.pop()
        listed = counted and child.head.i == token.i and "の" in cases(child)  # the things a count counts
        if _coordinated(child) or _exemplifies(child) or listed:
            out.append(child)
            stack += [c for c in child.children if _dep(c) == "nmod"]
        elif "の" in cases(child):  # 「米国のB市」: a modifier of a conjunct, look inside it
            stack += [c for c in child.children if _dep(c) == "nmod" and _coordinated(c)]
    return sorted(out, key=lambda t: t.i)


def arguments(verb: Any) -> list[Arg]:
    """The verb's own arguments, in text order."""
    args = []
    for c in verb.children:
        dep = _dep(c)
        if dep in _ARG_DEPS:
            start, end = phrase(c)
            args.append(Arg(c, dep, cases(c), start, end))
    return sorted(args, key=lambda a: a.head.i)


def _own_subject(verb: Any) -> Arg | None:
    for a in arguments(verb):
        # 「本県からは、Pが出席」: a source marked から (より) is where the subject comes from, not the subject
        if a.dep == "nsubj" or (a.dep in ("obl", "nmod") and set(a.cases) & {"は", "が"}
                                and not set(a.cases) & {"に", "で", "から", "より"}):
            return a
    return None


def subject_of(verb: Any) -> tuple[Arg | None, Any | None]:
    """The verb's subject, else its clause's (「Aは、Bを訪れ、Cと面会した」 share A).

    A verb in a relative clause (「Bを訪問したA」) describes the noun it modifies:
    that noun is returned second.
    """
    seen = 0
    while seen < 6:
        own = _own_subject(verb)
        if own is not None:
            return own, None
        # 「Aも参加し、Bと面談した」: the chained clause before the verb names the subject they share
        for clause in sorted((c for c in verb.children if _dep(c) == "advcl" and c.i < verb.i), key=lambda c: c.i):
            own = _own_subject(clause)
            if own is not None:
                return own, None
        dep = _dep(verb)
        if dep == "acl":
            return None, verb.head
        if dep not in _CLAUSE_DEPS or verb.head is verb:
            return None, None
        verb = verb.head
        seen += 1
    return None, None


def predicates(doc: Any, groups: dict[str, frozenset[str]]) -> dict[str, list[Any]]:
    """Per group, the tokens whose lemma or text is one of its words (one pass over ``doc``)."""
    out: dict[str, list[Any]] = {name: [] for name in groups}
    for token in doc:
        for name, words in groups.items():
            if token.lemma_ in words or token.text in words:
                out[name].append(token)
    return out
