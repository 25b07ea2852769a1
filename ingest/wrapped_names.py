"""Names and phrases a hard wrap cut in two: which capitalised words a document writes side by side, and which
word triples it writes unbroken, so that ``ingest.normalize`` re-joins a line the wrap broke inside one ("… tỉnh
Đồng" / "Nai …", "Điều 1. Chuyển Trường Đại học" / "Công nghiệp Hà Nội …")."""

from __future__ import annotations

import functools
from itertools import pairwise


def name_pairs(lines: list[str]) -> frozenset[tuple[str, str]]:
    """Pairs of capitalised words written side by side within a line: the document's own multi-word names."""
    pairs: set[tuple[str, str]] = set()
    for line in lines:
        words = [w.strip(',.;:()“”"') for w in line.split()]
        titled = [title_word(w) for w in words]
        for (a, ta), (b, tb) in pairwise(zip(words, titled, strict=True)):
            if ta and tb:
                pairs.add((a, b))
    return frozenset(pairs)


class Unbroken:
    """The word triples a document writes within one line, read once and only when asked: a capitalised line
    continues an article heading when the words either side of the break are written unbroken elsewhere ("Điều 1.
    Chuyển Trường Đại học" / "Công nghiệp Hà Nội thành …", where "Đại học Công" and "học Công nghiệp" are)."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines

    @functools.cached_property
    def _triples(self) -> frozenset[tuple[str, str, str]]:
        out: set[tuple[str, str, str]] = set()
        for line in self._lines:
            words = line.split()
            out.update(zip(words, words[1:], words[2:], strict=False))
        return frozenset(out)

    def across(self, prev: str, line: str) -> bool:
        """Whether the three words either side of the break between ``prev`` and ``line`` are written unbroken."""
        before, after = prev.split()[-2:], line.split()[:2]
        if len(before) < 2 or len(after) < 2:
            return False
        return (before[0], before[1], after[0]) in self._triples and (before[1], after[0], after[1]) in self._triples


@functools.lru_cache(maxsize=1 << 16)
def title_word(word: str) -> bool:
    """ "Đồng", "Nam": a capitalised word (not an abbreviation in capitals)."""
    return len(word) >= 2 and word[0].isupper() and word[1:].isalpha() and word[1:].islower()


def name_cut(prev: str, line: str) -> bool:
    """A list of names after a colon cut inside a name: ``prev`` ends with capitalised words after its last colon
    ("… gồm 09 phường: Hai Bà"), ``line`` opens with a capitalised word and a comma ("Trưng, Cửa Nam, …")."""
    _, colon, listed = prev.rpartition(":")
    first = line.split(" ", 1)[0]
    names = listed.replace(",", " ").split()
    return bool(colon and names and all(title_word(w) for w in names) and first.endswith(",")) and title_word(
        first[:-1]
    )
