"""What the store holds, in words a reader is told: how many documents of each kind, the topic most titles share,
and example questions drawn from the documents (for greetings, refusals and the help text of every door).

    ov = engine.overview()
    ov.covers()     # "Các văn bản đang có (5 kế hoạch, 1 thông tư) nói về phong trào toàn dân bảo vệ an ninh Tổ quốc."
    ov.examples[0]  # "Phòng Quản trị phải làm gì?"
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from core.text import fold_key

#: Asked when the documents give nothing better (a deadline question every plan of the corpus answers).
DEFAULT_EXAMPLES = (
    "Phòng Công tác sinh viên phải làm gì?",
    "Báo cáo sơ kết 6 tháng nộp trước ngày nào?",
    "Kế hoạch của Trường Cao đẳng Lào Cai căn cứ những văn bản nào?",
)
MAX_TITLES = 2000  # titles read for the shared topic (in id order): enough to find it, bounded at 10,000 plans
MIN_WORDS, MAX_WORDS = 3, 12  # length of the shared phrase, in words
_WORD = re.compile(r"[^\W_]+")
# a phrase never ends on a word that leads into what follows ("… Tổ quốc năm" 2026, "… của" …), folded
_OPEN_ENDS = frozenset("nam cua va trong tren tai cho ve o theo voi de cac nhung thuc hien".split())


@dataclass
class Overview:
    """Counts by kind, the shared topic (or None) and three example questions."""

    counts: list[tuple[str, int]] = field(default_factory=list)
    topic: str | None = None
    examples: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)

    def kinds(self) -> str:
        """ "5 kế hoạch, 1 thông tư" """
        return ", ".join(f"{n} {kind.lower()}" for kind, n in self.counts)

    def covers(self) -> str:
        """One line saying what the documents cover."""
        if not self.counts:
            return "Chưa có văn bản nào."
        about = f" nói về {self.topic}" if self.topic else ""
        return f"Các văn bản đang có ({self.kinds()}){about}."


def build(
    doc_types: Sequence[str | None], titles: Sequence[str | None], units: Sequence[str], issuers: Sequence[str]
) -> Overview:
    """The overview from the catalog's columns: every document's type and title, unit names and plan issuers."""
    counts = Counter(t or "Văn bản" for t in doc_types).most_common()
    return Overview(
        counts=counts, topic=shared_topic([t for t in titles if t][:MAX_TITLES]), examples=examples(units, issuers)
    )


def examples(units: Sequence[str], issuers: Sequence[str]) -> list[str]:
    """Three example questions: a unit's duties, a deadline, a plan's legal bases."""
    out = []
    if units:
        out.append(f"{units[0]} phải làm gì?")
    out.append(DEFAULT_EXAMPLES[1])
    if issuers:
        out.append(f"Kế hoạch của {issuers[0]} căn cứ những văn bản nào?")
    return (out + [q for q in DEFAULT_EXAMPLES if q not in out])[:3]


def shared_topic(titles: Sequence[str]) -> str | None:
    """The phrase (3 to 12 words) at least half of the titles hold, the one covering most title words (titles
    holding it times its length; the longer on a tie), as the title with the fewest capitals writes it; None when
    no phrase is shared that widely."""
    if len(titles) < 2:
        return None
    words = [_WORD.findall(t) for t in titles]
    folded = [[fold_key(w) for w in ws] for ws in words]
    need = max(2, math.ceil(len(titles) / 2))
    best: tuple[int, int, tuple[str, ...]] | None = None
    for n in range(MIN_WORDS, MAX_WORDS + 1):
        seen: Counter[tuple[str, ...]] = Counter()
        for fs in folded:
            seen.update({tuple(fs[i : i + n]) for i in range(len(fs) - n + 1)})
        for gram, count in seen.items():
            if (
                count >= need
                and gram[-1] not in _OPEN_ENDS
                and gram[0] not in _OPEN_ENDS
                and (best is None or (count * n, n) > best[:2])
            ):
                best = (count * n, n, gram)
    if best is None:
        return None
    n, gram = best[1], best[2]
    forms = [
        " ".join(ws[i : i + n])
        for ws, fs in zip(words, folded)
        for i in range(len(fs) - n + 1)
        if tuple(fs[i : i + n]) == gram
    ]
    form = min(forms, key=lambda f: sum(ch.isupper() for ch in f))
    first, _, rest = form.partition(" ")
    return (first.lower() if first[1:].islower() or len(first) == 1 else first) + (f" {rest}" if rest else "")
