"""Throughput of the extractor against raw GiNZA on the same text, in one run."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ingest.extract.documents import Document, iter_documents
from ingest.extract.gazetteer import base_gazetteer
from ingest.extract.pipeline import Resolver, load_nlp, parse, to_facts


@dataclass(frozen=True)
class Bench:
    chars: int
    ginza_seconds: float
    extract_seconds: float

    @property
    def ginza_rate(self) -> float:
        return self.chars / self.ginza_seconds

    @property
    def extract_rate(self) -> float:
        return self.chars / self.extract_seconds

    @property
    def ratio(self) -> float:
        return self.extract_rate / self.ginza_rate

    def __str__(self) -> str:
        return (
            f"raw GiNZA: {self.ginza_rate:,.0f} chars/s; kizuna-extract: {self.extract_rate:,.0f} chars/s; "
            f"ratio {self.ratio:.2f} ({self.chars:,} chars)"
        )


def bench(paths: Iterable[str | Path], rounds: int = 1) -> Bench:
    """Raw ``spacy.load("ja_ginza")`` parsing vs the whole extraction, same texts."""
    import spacy

    documents = [d for _p, d in iter_documents(paths) if isinstance(d, Document)]
    chars = sum(len(d.text) for d in documents) * rounds
    raw = spacy.load("ja_ginza")
    load_nlp()
    gaz = base_gazetteer()
    raw(documents[0].text[:200])  # warm both pipelines
    load_nlp()(documents[0].text[:200])
    # The two are timed document by document, one after the other, so a machine whose load changes during
    # the run slows both alike instead of whichever phase it happened to fall on.
    ginza = extract = 0.0
    for _ in range(rounds):
        start = time.perf_counter()
        resolver = Resolver(gaz, None)
        extract += time.perf_counter() - start
        for d in documents:
            start = time.perf_counter()
            raw(d.text)
            ginza += time.perf_counter() - start
            start = time.perf_counter()
            to_facts(parse(d), gaz, resolver)
            extract += time.perf_counter() - start
    return Bench(chars, ginza, extract)
