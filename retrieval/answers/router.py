"""The strategies in the order they are tried; the first that gathers evidence answers (routes as data).

A route is (name, when, strategy, checked): ``when`` says whether the question is one the strategy serves,
``checked`` whether its evidence goes through the refusal check (a section the question names, a header fact,
a citation are exact; the text found by search is not). A draft marked final with no evidence ends the routing
as a refusal with its reason (a header fact the named document does not state is not searched for).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from retrieval.answers import bases, content, definition, duties, facts, listing, refs
from retrieval.answers.context import Context
from retrieval.answers.evidence import Draft
from retrieval.answers.question import Question


class Route(NamedTuple):
    name: str
    when: Callable[[Question], bool]
    gather: Callable[[Question, Context], Draft | None]
    checked: bool


ROUTES: tuple[Route, ...] = (
    Route("section", lambda q: any(r != "preamble" for r in q.refs), refs.gather, False),
    Route(
        "legal_bases",
        bases.serves,
        bases.gather,
        False,
    ),
    Route("fact", lambda q: bool(q.facts or q.weak or q.role), facts.gather, False),
    Route("definition", lambda q: q.definition is not None, definition.gather, False),
    Route("gist", lambda q: q.asking("gist"), definition.gist, False),
    Route("duties", lambda q: q.asking("duty"), duties.gather, False),
    Route("catalog", lambda q: q.asking("catalog"), listing.gather, False),
    Route("content", lambda q: True, content.gather, True),
)
