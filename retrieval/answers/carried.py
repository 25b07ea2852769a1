"""The texts a plan gives one unit to carry out: "Kế hoạch 556 giao Sở Nông nghiệp và Môi trường tiếp tục thực
hiện những nghị quyết nào?" asks the resolutions named in that unit's own tasks, not the plan's grounds.

    carried_out(q, ctx, doc)  # Draft | None
"""

from __future__ import annotations

from core.types import Document
from retrieval.answers import duties
from retrieval.answers.context import Context
from retrieval.answers.evidence import Draft, Evidence, doc_name
from retrieval.answers.question import Question, has
from retrieval.answers.registry import asked_for, line_of, own_bodies, warnings, written
from retrieval.lexicon import lexicon
from retrieval.units_catalog import UnitCatalog


def carried_out(q: Question, ctx: Context, doc: Document) -> Draft | None:
    """The texts (of the kinds and issuer asked) that the sections giving a unit the question names its tasks
    name, each with its line, when the question asks them with a verb of carrying out (lexicon ``titles_asked``
    ``cited_by_verbs``: "thực hiện", "triển khai"); None when it names no unit of ``doc`` or those sections name
    no such text (the plan's grounds are asked then)."""
    if not has(q.key, *lexicon().titles_asked["cited_by_verbs"]):
        return None
    tasks = duties.gather(q, ctx)
    own = [e for e in tasks.evidence if e.doc_id == doc.doc_id] if tasks is not None else []
    if not own:
        return None
    found = []
    for entry in asked_for(q, ctx.index.entries_citing(doc.doc_id), own_bodies(doc, q)):
        for task in own:
            if (where := line_of(doc, entry, prefer=task.section, within=task.section)) is not None:
                found.append((entry, *where))
                break
    if not found:
        return None
    found.sort(key=lambda f: f[2].start)  # as the document names them
    # each task sentence after the last text it names, as the plan words them ("Kế hoạch 310/KH-UBND ngày
    # 21/8/2024"): a citation string is the registry's words
    last = {line.start: i for i, (_, _, line) in enumerate(found)}
    words = [written(doc, entry, line) for entry, _, line in found]
    evidence = [
        Evidence(
            doc.doc_id,
            section,
            "",
            [line],
            statements=[f"- {words[i]} {{n}}"],
            show_lines=last[line.start] == i and words[i] == entry.citation,
        )
        for i, (entry, section, line) in enumerate(found)
    ]
    legal = [entry for entry, _, _ in found]
    named = UnitCatalog(ctx.index.catalog, ctx.analyzer).find(q.text, focus=[doc.doc_id])
    unit = named[0].name if named else own[0].heading or "đơn vị được hỏi"  # as the plan names it
    intro = f"{doc_name(doc)} giao {unit} thực hiện {len(evidence)} văn bản:"
    return Draft(evidence, intro=intro, legal=legal, notes=warnings(legal), group_by_doc=False)
