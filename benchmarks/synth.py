"""Seeded synthetic plans for benchmarks: real sections of the corpus, recombined, with other names.

Each synthetic plan takes the header, preamble and closing of one real plan,
its "MỤC ĐÍCH" and "TỔ CHỨC THỰC HIỆN" parts from any plan, and its middle
parts (tasks, measures) drawn from all plans, renumbered I, II, III… in order.
Places, the school and its units get names drawn from fixed lists, and the
plan a number of its own. The same seed gives the same files, so runs are
comparable:

    python -m benchmarks.synth OUT_DIR --plans 1000 --seed 7
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from core.text import fold_key
from ingest.pipeline import parse_bytes

# names the real plans use for their place and province -> the role a synthetic name takes
_PLACES = {"Sóc Trăng": "local", "Lào Cai": "local", "Cam Ranh": "local", "Mỹ Tú": "local", "Kiên Hải": "local"}
_PROVINCES = {"Cần Thơ": "province", "Khánh Hòa": "province", "An Giang": "province"}
_FIRST = "An Bình Phú Tân Long Hòa Thạnh Phước Đông Tây Vĩnh Hưng Mỹ Lộc Thuận Quảng Hải Sơn Trà Ninh".split()
_SECOND = "Giang Điền Yên Lâm Thành Xuân Hà Định Khê Lợi Đức Trung Phong Thủy Châu Hiệp Lạc Mỹ Tiến Hội".split()
# equivalent names of a unit, as different schools call it
_UNITS = [
    ["Phòng Công tác sinh viên", "Phòng Công tác học sinh, sinh viên", "Phòng Chính trị và Công tác sinh viên"],
    ["Phòng Đào tạo", "Phòng Quản lý đào tạo", "Phòng Đào tạo và Khảo thí"],
    ["Phòng Quản trị", "Phòng Hành chính - Quản trị", "Phòng Quản trị thiết bị"],
    ["Đoàn Thanh niên", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn trường"],
]
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
_MARKER = re.compile(r"^[IVX]+(?=\s*[.:/-])")
_NUMBER = re.compile(r"(Số:?\s*)\d*\s*/\s*(KH)")


@dataclass(frozen=True)
class _Plan:
    head: str
    aims: str
    middle: list[str]
    running: str  # "TỔ CHỨC THỰC HIỆN"
    after: list[str]  # parts after it (KINH PHÍ, CHẾ ĐỘ BÁO CÁO)
    tail: str


def _split(path: Path) -> _Plan:
    doc = parse_bytes(path.name, path.read_bytes())
    tops = [s for s in doc.sections if s.parent is None]
    texts = [doc.text[s.start : s.end].strip() for s in tops]
    run = next(i for i, s in enumerate(tops) if fold_key(s.heading).startswith("to chuc thuc hien"))
    return _Plan(
        head=doc.text[: tops[0].start].strip(),
        aims=texts[0],
        middle=texts[1:run],
        running=texts[run],
        after=texts[run + 1 :],
        tail=doc.text[tops[-1].end :].strip(),
    )


def _name(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_SECOND)}"


def _rename(text: str, names: dict[str, str]) -> str:
    """Replace every name in one pass (longest first), so a new name is never renamed again."""
    table = names | {old.upper(): new.upper() for old, new in names.items()}
    pattern = re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)))
    return pattern.sub(lambda m: table[m.group(0)], text)


def plans(corpus: Path, n: int, seed: int = 0) -> Iterator[tuple[str, str]]:
    """(doc_id, text) of ``n`` synthetic plans recombined from the plans in ``corpus``."""
    sources = [_split(p) for p in sorted(corpus.glob("*")) if p.suffix in (".txt", ".md", ".docx", ".pdf")]
    if not sources:
        raise ValueError(f"no plans in {corpus}")
    middles = [m for s in sources for m in s.middle]
    rng = random.Random(seed)
    for i in range(n):
        base = rng.choice(sources)
        parts = [rng.choice(sources).aims]
        parts += rng.sample(middles, max(1, len(base.middle)))
        parts += [rng.choice(sources).running, *base.after]
        body = "\n".join(_MARKER.sub(_ROMAN[j], p, count=1) for j, p in enumerate(parts))
        local, province = _name(rng), _name(rng)
        names = {old: local for old in _PLACES} | {old: province for old in _PROVINCES}
        for variants in _UNITS:
            pick = rng.choice(variants)
            names |= {v: pick for v in variants if v != pick}
        text = _rename(f"{base.head}\n{body}\n{base.tail}", names)
        text = _NUMBER.sub(lambda m: f"{m.group(1)}{rng.randint(1, 400)}/{m.group(2)}", text, count=1)
        yield f"synth-{seed}-{i:05d}", text


def write(corpus: Path, out: Path, n: int, seed: int = 0) -> list[Path]:
    """Write ``n`` synthetic plans as .txt files into ``out``; returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc_id, text in plans(corpus, n, seed):
        path = out / f"{doc_id}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    args = parser.parse_args()
    print(f"{len(write(args.corpus, args.out, args.plans, args.seed))} plans in {args.out}")


if __name__ == "__main__":
    main()
