"""A bare post standing for the person the page named in it: 「大臣は」, 「同総領事が」."""

from __future__ import annotations

import re

from ingest.extract.lexicon import TITLES
from ingest.extract.mentions import Mention
from ingest.extract.rules.model import PERSON

# Posts read elsewhere as their place's head (「知事は」 is the page's prefecture acting) are left out.
_PLACE_HEADS = frozenset({"知事", "県知事", "市長", "省長", "州首相"})
_POSTS = "|".join(sorted((t for t in TITLES if t not in _PLACE_HEADS), key=len, reverse=True))
BARE_POST = re.compile(r"(?<![\u4e00-\u9fff\u30a1-\u30fa\u30fc・A-Za-z])(?:同)?(?P<post>" + _POSTS + r")(?=は|が)")


def bare_posts(text: str, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """Each 「(同)大臣は」 with the person it stands for: the last one named before it in a post ending so
    (「P経済開発大臣」, 「大臣 P」), as (a mention of the bare post, the person's mention)."""
    people = [m for m in mentions if m.type is PERSON and m.source != "alias" and m.length]
    out = []
    for hit in BARE_POST.finditer(text):
        if any(m.start <= hit.start() < m.end for m in mentions):
            continue
        post = re.escape(hit.group("post"))
        held = [
            p
            for p in people
            if p.end <= hit.start()
            and (
                re.match(r"[\u4e00-\u9fff]{0,8}?" + post + r"(?![\u4e00-\u9fff])", text[p.end : p.end + 12])
                or re.search(post + r"[\s・]?$", text[max(0, p.start - 12) : p.start])
            )
        ]
        if held:
            copy = Mention(hit.start(), hit.end(), hit.group(), PERSON, held[-1].kind, "alias", confidence=0.55)
            out.append((copy, held[-1]))
    return out
