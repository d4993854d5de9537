"""Relation rules over recognised mentions, sentence by sentence.

Each rule reads the surface between mentions (particles, titles, keywords)
rather than any particular name: affiliation (「A県 B部 課長 C氏」), agreements
(覚書/MOU/協定… with 締結/調印/署名/更新 and coordinated parties), visits,
event speakers and organisers, founding, located-in and sectors. In-document
coreference (同社, 同省, 代表団 …) points back to the last fitting entity.
"""

from ingest.extract.rules.builder import extract_relations
from ingest.extract.rules.model import Extraction, Fact, LocalEntity

__all__ = ["Extraction", "Fact", "LocalEntity", "extract_relations"]
