"""The strategies in the order they are tried; the first that gathers evidence answers (routes as data).

A route is (name, when, strategy, checked, placed): ``when`` says whether the question is one the strategy serves,
``checked`` whether its evidence goes through the refusal check (a section the question names, a header fact,
a citation are exact; the text found by search is not), ``placed`` whether it goes through the place checks alone
(a unit's duties are exact, but "Sở Nội vụ Thanh Hóa …" is not answered from another province's plan, nor "Sở Nội
vụ Đắk Lắk … trong kế hoạch chuyển đổi số giao thông" from a plan of the province on another topic when another
province's plan is titled so),
``of_documents`` whether its evidence is documents' own facts (then a local body named asks for its own document). A draft marked final with no evidence ends the routing
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
    placed: bool = False
    of_documents: bool = False  # its evidence is documents' own facts (header, signature): see refusal.elsewhere


ROUTES: tuple[Route, ...] = (
    Route("section", lambda q: any(r != "preamble" for r in q.refs), refs.gather, False),
    Route(
        "legal_bases",
        bases.serves,
        bases.gather,
        False,
    ),
    Route("fact", lambda q: bool(q.facts or q.weak or q.role), facts.gather, False, placed=True, of_documents=True),
    Route("definition", lambda q: q.definition is not None, definition.gather, False),
    Route("gist", lambda q: q.asking("gist"), definition.gist, False),
    Route("duties", lambda q: q.asking("duty"), duties.gather, False, placed=True),
    Route("catalog", lambda q: q.asking("catalog"), listing.gather, False),
    Route("content", lambda q: True, content.gather, True),
)
