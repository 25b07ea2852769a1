"""Blank forms (the parser's "Mẫu 02" sections of an appendix: "Mẫu số 02 / Kính gửi: … / Họ và tên: ……") leave
their figures blank ("ngày …/…/2025", "…………tài khoản") while their words echo the procedure they serve ("đề nghị
khôi phục, cấp lại mật khẩu …"), so a question asking when or how much of that procedure matches them as well as
the article that says it. Such a question is answered from the sections that are not forms first, unless it asks
for a form (lexicon ``forms.asked``: "dùng mẫu nào", "mẫu số mấy"); asked what a request must hold ("đề nghị cấp
mới … cần ghi những thông tin gì"), a form answers as it ranks.
"""

from __future__ import annotations

import re

from retrieval.answers.context import Context
from retrieval.answers.question import Question, has
from retrieval.lexicon import lexicon
from retrieval.search import SectionHit

#: A part of a section id the parser gives a blank form: "Mẫu 02" ("Mẫu số 02" over a letterhead or "Kính gửi"),
#: not "Mẫu biểu 01", an appendix a plan may fill with its own table of tasks or targets.
_FORM_PART = re.compile(r"Mẫu \d")


def _form_id(section_id: str) -> bool:
    return any(_FORM_PART.match(part) for part in section_id.split("."))


def is_form(ctx: Context, hit: SectionHit) -> bool:
    """Whether a section is a blank form, a part of one ("Phụ lục.Mẫu 02", "Phụ lục I.Mẫu 01.1") or an appendix
    holding forms only (its list of them: "DANH MỤC BIỂU MẪU")."""
    if _form_id(hit.section):
        return True
    doc = ctx.index.get(hit.doc_id)
    children = [s.id for s in doc.children(hit.section)] if doc is not None else []
    return bool(children) and all(map(_form_id, children))


def forms_last(q: Question, ctx: Context, hits: list[SectionHit], docs: list[str] | None) -> list[SectionHit]:
    """The sections found for a question asking when or how much, forms after the others unless the question asks
    for a form; when every section found is a form, the best others within ``given_depth`` of the same documents
    come first."""
    if not hits or not is_form(ctx, hits[0]) or has(q.key, *lexicon().forms_asked):
        return hits
    others = [h for h in hits if not is_form(ctx, h)]
    if not others:
        others = [h for h in ctx.sections(q, ctx.policy.answer.given_depth, docs=docs) if not is_form(ctx, h)]
    kept = {(h.doc_id, h.section) for h in others}
    return others + [h for h in hits if (h.doc_id, h.section) not in kept]
