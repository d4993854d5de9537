"""How much a view draws, in a module of its own: the command line names these limits in its
options without loading the page builders (pyvis, jinja2) until a view is asked for."""

from __future__ import annotations

MAX_NODES = 10_000  # most entities one page draws; the page says what was left out
CONTEXT_PER_NODE = 4  # surrounding entities drawn (faded) around each entity on an introduction path
