"""Retrieval: Vietnamese analysis, the store's lifecycle, search behaviour a teacher notices."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from core.errors import StoreLocked, StoreUnavailable
from retrieval.analyzer import Analyzer, token_index
from retrieval.points import point_id
from tests.conftest import CORPUS, REPO, make_settings

# ---------------------------------------------------------------- analysis


def test_unaccented_query_matches_accented_text_and_accents_prefer_exact_forms() -> None:
    a = Analyzer()
    doc = a.tokens("Phòng Công tác sinh viên")
    assert {"f:phong", "f:cong", "F:cong tac", "w:phòng"} <= set(doc)
    assert a.query_tokens("phong cong tac sinh vien") == a.tokens("phong cong tac sinh vien", exact=False, query=True)
    assert not any(t.startswith("w:") for t in a.query_tokens("phong cong tac"))  # no exact forms to prefer
    assert "w:phòng" in a.query_tokens("Phòng công tác")


def test_a_province_typed_without_diacritics_keeps_both_words_a_question_word_folds_to() -> None:
    """ "ha noi": "nói" is a question word ("nói về gì"), Hà Nội is not; the unaccented question has the same
    place terms as the accented one, so its coverage by a Hà Nội document's header is the same."""
    from retrieval.extract import query_terms

    a = Analyzer()
    typed = query_terms(a, "xe may xang co duoc vao vung phat thai thap o ha noi khong")
    accented = query_terms(a, "xe máy xăng có được vào vùng phát thải thấp ở Hà Nội không")
    assert {"f:ha", "f:noi", "F:ha noi"} <= typed.uni | typed.bi
    assert {"f:ha", "f:noi", "F:ha noi"} <= accented.uni | accented.bi
    assert "f:noi" not in query_terms(a, "chi thi 46 noi ve gi").uni  # the question word itself is no term


def test_a_negation_before_a_content_word_is_a_term_and_a_yes_no_frame_is_not() -> None:
    """ "xã không có ma túy": "không có" is what the commune lacks (lexicon ``negations``); "… có … không?" and a
    closing "không có" only frame a yes/no question."""
    from retrieval.extract import query_terms

    a = Analyzer()
    lacking = query_terms(a, "bao nhiêu phần trăm xã không có ma túy")
    assert {"f:khong", "f:co", "F:khong co"} <= lacking.uni | lacking.bi
    assert not {"f:khong", "f:co"} & query_terms(a, "trường có được nghỉ học không").uni
    assert not {"f:khong", "f:co"} & query_terms(a, "xã được hỗ trợ hay không có").uni


def test_a_number_glued_to_a_unit_is_two_words_and_a_model_name_one() -> None:
    a = Analyzer()
    assert {"f:500", "f:mb", "F:500 mb"} <= set(a.tokens("tối thiểu 500MB/hộp thư"))
    assert a.tokens("500MB") == a.tokens("500 MB")
    assert "f:5g" in a.tokens("mạng 5G") and "f:h5n1" in a.tokens("cúm H5N1")  # one letter, or letters first
    assert "L:1242021TTBCA" in a.tokens("Thông tư 124/2021/TT-BCA")


def test_the_days_a_text_states() -> None:
    from retrieval.extract import days_stated, same_day

    assert days_stated("trước ngày 30 tháng 11 hằng năm; từ ngày 01/7/2025") == {(30, 11, None), (1, 7, 2025)}
    assert days_stated("truoc ngay 15 thang 12 nam 2025") == {(15, 12, 2025)}
    assert not days_stated("trực 24/24 giờ, tháng 11/2025, Thông tư 124/2021/TT-BCA")
    assert same_day({(1, 7, 2025)}, {(1, 7, None)}) and not same_day({(1, 7, 2025)}, {(1, 7, 2027)})


def test_abbreviations_expand_both_ways() -> None:
    a = Analyzer({"ANTQ": "an ninh Tổ quốc"})
    query = a.query_tokens("CTSV làm gì")
    assert {"f:cong", "F:cong tac", "F:sinh vien"} <= set(query)
    text = a.tokens("Phòng Công tác sinh viên")
    assert "f:ctsv" in text  # the text's expansion also carries the abbreviation
    assert "f:antq" in a.tokens("bảo vệ an ninh Tổ quốc")
    assert "F:cong an" not in a.tokens("cả trường")  # "cả" is a word, not the abbreviation CA (công an)
    assert "F:cong an" in a.tokens("phối hợp với CA phường")
    # chat shortens the diseases and products a text writes in full (lexicon abbreviations)
    assert {"F:sot xuat", "F:xuat huyet", "F:tay chan", "F:chan mieng"} <= set(a.query_tokens("phòng chống sxh, tcm"))
    assert "F:san pham" in a.query_tokens("bao nhiêu sp ocop")
    assert {"F:chap hanh", "F:thuong vu"} <= set(a.query_tokens("BCH hay BTV họp"))  # Party bodies, not names


def test_an_abbreviation_added_after_its_words_counts_half_in_a_query() -> None:
    a = Analyzer()
    weights = dict(zip(*a.query_vector("cán bộ giáo viên ký cam kết")))
    assert weights[token_index("f:cbgv")] == 0.5 * weights[token_index("f:cam")]
    assert weights[token_index("F:vien cbgv")] == 0.5 * weights[token_index("F:cam ket")]
    assert weights[token_index("F:giao vien")] == weights[token_index("F:cam ket")]  # the words as written
    written = dict(zip(*a.query_vector("nhiệm vụ về KTX")))
    assert written[token_index("f:ktx")] == written[token_index("f:ky")] == written[token_index("f:nhiem")]


def test_a_syllable_written_with_y_or_i_folds_alike() -> None:
    """Vietnamese writes h, k, l, m, s or t and "i" alone with "y" as well ("chiến sĩ"/"chiến sỹ", "tỉ lệ"/"tỷ lệ",
    "kĩ"/"kỹ"): folded, both are one word, written with "y" as the lexicon writes its cues ("ai ký"); not after
    another consonant ("thi", "vi", "chi": names like "Thy", "Vy" stay theirs), not "i" after a vowel."""
    from retrieval.analyzer import fold_word
    from retrieval.answers.phrases import fkey

    assert fold_word("sĩ") == fold_word("sỹ") == "sy" and fold_word("Tỉ") == "Ty" and fold_word("kĩ") == "ky"
    assert [fold_word(w) for w in ("thi", "vi", "chi", "tui", "y", "Vy")] == ["thi", "vi", "chi", "tui", "y", "Vy"]
    assert fkey("Ai kí quyết định 96?") == fkey("Ai ký quyết định 96?") == " ai ky quyet dinh 96 "
    a = Analyzer()
    assert {"f:chien", "f:sy", "F:chien sy"} <= a.terms("cán bộ, chiến sĩ Công an cấp xã")


def test_cached_terms_follow_learned_abbreviations_and_stay_bounded(monkeypatch) -> None:
    a = Analyzer()
    assert "f:ban" not in a.terms("Họp BTC tuần sau")  # BTC is unknown: no expansion
    a.add_abbreviations({"BTC": "Ban tổ chức"})
    assert {"f:ban", "F:ban to"} <= a.terms("Họp BTC tuần sau")  # the cache did not serve the stale set
    monkeypatch.setattr("retrieval.analyzer.TERM_CACHE_TERMS", 12)
    for text in ("một hai ba", "bốn năm sáu", "bảy tám chín"):
        a.terms(text)
    assert a._terms_size <= 12 and "bảy tám chín" in a._terms and "một hai ba" not in a._terms


def test_a_percent_sign_reads_as_phan_tram() -> None:
    a = Analyzer()
    assert {"f:phan", "F:phan tram", "F:70 phan"} <= set(a.tokens("có từ 70% trở lên"))


def test_numbers_written_with_leading_zeros_match_plain_numbers() -> None:
    a = Analyzer()
    assert {"f:6", "F:6 thang", "w:6"} <= set(a.tokens("Báo cáo sơ kết 06 tháng"))
    assert "F:6 thang" in a.query_tokens("bao cao so ket 6 thang")
    assert "f:0" in a.tokens("đạt 0 điểm") and "f:2026" in a.tokens("năm 2026")


def test_units_indexed_by_an_older_analyzer_are_revectorised_at_start(tmp_path: Path, monkeypatch) -> None:
    import re

    from retrieval.engine import build_engine

    def percent_vectors(engine) -> list[bool]:
        """For each unit whose text has a "%": whether its stored vector carries "phần trăm"."""
        out = []
        for _, (indices, _), payload in engine.store.units_with_vectors():
            doc = engine.document(payload["doc_id"])
            if "%" in doc.text[payload["start"] : payload["end"]]:
                out.append(token_index("F:phan tram") in indices)
        return out

    settings = make_settings(tmp_path / "data")
    with monkeypatch.context() as m:  # an older analyzer: no "%" reading, version "1"
        m.setattr("retrieval.analyzer._PERCENT", re.compile(r"(?!)"))
        m.setattr("retrieval.index.ANALYZER_VERSION", "1")
        m.setattr("retrieval.prepared.ANALYZER_VERSION", "1")
        engine = build_engine(settings, embedder=None)
        engine.ingest([CORPUS / "kh-ubnd-kienhai-2026.txt"])
        assert percent_vectors(engine) and not any(percent_vectors(engine))
        engine.close()
    reopened = build_engine(settings, embedder=None)
    try:
        assert all(percent_vectors(reopened)) and percent_vectors(reopened)
    finally:
        reopened.close()


def test_legal_numbers_are_single_tokens_in_every_variant() -> None:
    a = Analyzer()
    doc = set(a.tokens("Căn cứ Thông tư số 124/2021/TT-BCA ngày 28/12/2021"))
    assert {"L:1242021TTBCA", "L:1242021", "L:thong tu 124"} <= doc
    for query in ("124/2021/TT-BCA", "124/2021", "thông tư 124", "thong tu 124"):
        assert doc & {t for t in a.query_tokens(query) if t.startswith("L:")}, query
    assert "L:09CTTW" in a.tokens("Chỉ thị số 09/CT-TW") and "L:09CTTW" in a.tokens("Chỉ thị 09-CT/TW")


def test_so_marking_a_documents_number_in_a_question_is_no_token() -> None:
    """ "thông tư số 05" asks what "thông tư 05" asks; "mẫu số 01" (a form, no document kind) keeps its "số"."""
    a = Analyzer()
    assert a.query_tokens("thông tư số 05 có hiệu lực") == a.query_tokens("thông tư 05 có hiệu lực")
    assert a.query_tokens("ke hoach so 310 giao ai") == a.query_tokens("ke hoach 310 giao ai")
    assert {"f:so", "F:mau so"} <= set(a.query_tokens("mẫu số 01 gồm những gì"))


def test_token_indices_are_stable() -> None:
    assert token_index("f:phong") == 3163063174  # crc32: the same index on every machine, no vocabulary file


# ---------------------------------------------------------------- search


@pytest.mark.parametrize(
    ("query", "doc_id", "section"),
    [
        ("Phòng Công tác sinh viên phải làm gì?", "kh-08-cdcd-soctrang-2026", "III.2"),
        ("phong cong tac sinh vien phai lam gi", "kh-08-cdcd-soctrang-2026", "III.2"),
        ("CTSV trường CĐ Lào Cai", "kh-cdlc-laocai-2026", "IV.2"),
        ("Kiên Hải camera giám sát phần mềm quản lý học sinh", "kh-ubnd-kienhai-2026", "II.6"),
        ("bao cao so ket 6 thang", "kh-ubnd-kienhai-2026", "III.2"),
        ("kinh phí thực hiện Kiên Hải", "kh-ubnd-kienhai-2026", "IV"),
    ],
)
def test_search_finds_the_section(corpus_engine, query: str, doc_id: str, section: str) -> None:
    hit = corpus_engine.search(query, k=3)[0]
    assert (hit.doc_id, hit.section) == (doc_id, section)


def test_a_named_school_restricts_the_search(corpus_engine) -> None:
    hits = corpus_engine.search("Văn phòng trường CĐ Lào Cai có trách nhiệm gì?", k=5)
    assert {h.doc_id for h in hits} == {"kh-cdlc-laocai-2026"}
    assert "IV.1" in [h.section for h in hits[:3]]  # "Văn phòng"; "V" beside it gives Văn phòng the report


def test_filters_and_document_scope(corpus_engine) -> None:
    hits = corpus_engine.search("tuyên truyền pháp luật", k=5, filters={"year": 2023})
    assert hits and {h.doc_id for h in hits} == {"kh-pgddt-camranh-2023"}
    hits = corpus_engine.search("tuyên truyền pháp luật", k=5, doc_ids=["kh-ubnd-kienhai-2026"])
    assert {h.doc_id for h in hits} == {"kh-ubnd-kienhai-2026"}


def test_document_number_queries(corpus_engine, tt124_path: Path) -> None:
    hits = corpus_engine.search("Quyết định 2447/QĐ-TTg", k=3)
    assert (hits[0].doc_id, hits[0].section) == ("kh-cdlc-laocai-2026", "preamble")
    hits = corpus_engine.search("tiêu chí công nhận cơ sở giáo dục đạt tiêu chuẩn", k=3, doc_ids=["tt-124-2021-bca"])
    assert hits[0].section.startswith("Điều 7")


def test_specific_section_ranks_before_its_parent(corpus_engine, tt124_path: Path) -> None:
    hits = corpus_engine.search("mốc thời gian đánh giá đối với khu dân cư", k=5)
    ids = [h.section for h in hits]
    assert ids[0] == "Điều 8.2.a"
    assert "Điều 8.2" not in ids[:1]


def test_every_hit_is_a_unit_of_one_section(corpus_engine) -> None:
    for hit in corpus_engine.search("an ninh trật tự", k=10):
        doc = corpus_engine.document(hit.doc_id)
        assert hit.text == doc.section_text(hit.section, own=True)


# ---------------------------------------------------------------- the store


def test_the_embedded_store_scores_with_qdrants_idf(tmp_path: Path) -> None:
    """Edge ranks sparse queries by Qdrant's IDF-weighted dot product, over live units only: after removals
    (and the vacuum that follows a write batch) the scores equal a brute-force computation."""
    import math
    import random

    from retrieval.edge_store import EdgeStore
    from retrieval.points import UnitPoint

    rng = random.Random(3)
    store = EdgeStore(tmp_path / "edge", dense_dim=None)
    vectors = {}
    points = []
    for i in range(3000):
        toks = sorted(rng.sample(range(60), 8))
        vectors[i] = (toks, [rng.uniform(0.1, 2.0) for _ in toks], f"d{i % 40}")
        points.append(UnitPoint(point_id("p", i), (toks, vectors[i][1]), None, {"doc_id": f"d{i % 40}", "i": i}))
    try:
        store.upsert_units(points)
        gone = rng.sample(range(3000), 2500)
        store.delete_unit_ids([point_id("p", i) for i in gone])
        store.delete_units("d7")
        store.settle()
        for i in gone:
            del vectors[i]
        vectors = {k: v for k, v in vectors.items() if v[2] != "d7"}
        assert store.count_units() == len(vectors)
        query = ([1, 5, 9, 33], [1.0, 0.5, 1.0, 0.8])
        n = len(vectors)
        df = {t: sum(t in v[0] for v in vectors.values()) for t in query[0]}
        expected = {
            i: sum(
                qv * math.log((n - df[t] + 0.5) / (df[t] + 0.5) + 1) * ws[toks.index(t)]
                for t, qv in zip(*query)
                if t in toks
            )
            for i, (toks, ws, _) in vectors.items()
            if any(t in toks for t in query[0])
        }
        got = store.query(sparse=query, dense=None, limit=len(expected) + 5)
        assert {u.payload["i"]: pytest.approx(u.score, rel=1e-4) for u in got} == expected
        only = store.query(sparse=query, dense=None, limit=1000, doc_ids=["d3"])
        assert only and {u.payload["doc_id"] for u in only} == {"d3"}
    finally:
        store.close()


def test_term_statistics_follow_every_put_and_delete(tmp_path: Path) -> None:
    """The catalog's document frequencies equal a count over the stored units after adds, updates, deletes."""
    from collections import Counter

    from ingest.pipeline import build_document
    from retrieval.engine import build_engine

    engine = build_engine(make_settings(tmp_path / "data"), embedder=None)

    def consistent() -> None:
        counted: Counter[int] = Counter()
        n = 0
        for _, (indices, _), _ in engine.store.units_with_vectors():
            counted.update(set(indices))
            n += 1
        weights = engine.index.term_weights()
        assert weights.n == n and len(weights.df) == len(counted)
        assert all(weights.df.get(t) == c for t, c in counted.items())

    try:
        engine.ingest([CORPUS])
        consistent()
        old = engine.document("kh-ubnd-kienhai-2026")
        engine.put(
            build_document(old.doc_id, old.text.replace("camera giám sát", "máy bay không người lái"), digest="v2")
        )
        consistent()
        engine.delete("kh-cdlc-laocai-2026")
        consistent()
        engine.reindex()
        consistent()
    finally:
        engine.close()


def test_reingest_replaces_skips_and_deletes(tmp_path: Path) -> None:
    from retrieval.engine import build_engine

    folder = tmp_path / "docs"
    folder.mkdir()
    src = (CORPUS / "kh-ubnd-kienhai-2026.txt").read_text(encoding="utf-8")
    (folder / "kh-ubnd-kienhai-2026.txt").write_text(src, encoding="utf-8")
    engine = build_engine(make_settings(tmp_path / "data"), embedder=None)
    try:
        assert engine.ingest([folder]).results[0].status == "added"
        units = engine.store.count_units()
        assert engine.ingest([folder]).results[0].status == "unchanged"
        changed = src.replace(
            "Ứng dụng hệ thống camera giám sát tại trường học.", "Lắp đặt hệ thống báo cháy tự động tại trường học."
        )
        (folder / "kh-ubnd-kienhai-2026.txt").write_text(changed, encoding="utf-8")
        assert engine.ingest([folder]).results[0].status == "updated"
        assert engine.store.count_units() == units  # old version's units are gone
        assert "báo cháy tự động" in engine.search("báo cháy tự động", k=1)[0].text
        assert not any(
            "camera giám sát tại trường học" in h.text for h in engine.search("camera giám sát tại trường học", k=5)
        )
        assert engine.delete("kh-ubnd-kienhai-2026")
        assert engine.store.count_units() == 0 and engine.documents() == []
    finally:
        engine.close()


def test_a_failed_replacement_leaves_the_previous_version_searchable(tmp_path: Path) -> None:
    """Units of a new version are written first; the catalog switch commits it. Kill it before the switch."""
    from ingest.pipeline import build_document
    from retrieval.engine import build_engine

    engine = build_engine(make_settings(tmp_path / "data"), embedder=None)
    try:
        engine.ingest([CORPUS / "kh-ubnd-kienhai-2026.txt"])
        old = engine.document("kh-ubnd-kienhai-2026")
        new = build_document(old.doc_id, old.text.replace("camera giám sát", "máy bay không người lái"), digest="v2")

        def boom(*_a: object, **_k: object) -> None:
            raise RuntimeError("disk full")

        engine.index.catalog.commit = boom  # type: ignore[method-assign]
        with pytest.raises(RuntimeError):
            engine.put(new)
        assert engine.document(old.doc_id).content_hash == old.content_hash
        assert not engine.search("máy bay không người lái", k=3) or all(
            "máy bay" not in h.text for h in engine.search("máy bay không người lái", k=3)
        )
    finally:
        engine.close()
    reopened = build_engine(make_settings(tmp_path / "data"), embedder=None)  # start-up removes the orphans
    try:
        assert reopened.document("kh-ubnd-kienhai-2026").content_hash == old.content_hash
        assert reopened.store.count_units() == len([u for u in reopened.index.unitizer(old)])
    finally:
        reopened.close()


def test_a_locked_store_gives_a_clear_error(tmp_path: Path) -> None:
    from retrieval.engine import build_engine

    settings = make_settings(tmp_path / "data")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys,time\nfrom pathlib import Path\nfrom retrieval.edge_store import EdgeStore\n"
            "s=EdgeStore(Path(sys.argv[1]),dense_dim=None)\nprint('ready',flush=True)\ntime.sleep(60)",
            str(settings.edge_path),
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreLocked, match="in use by another cancu process"):
            build_engine(settings, embedder=None)
    finally:
        holder.kill()
        holder.wait()


def test_a_qdrant_server_is_one_setting_away(tmp_path: Path) -> None:
    from retrieval.engine import build_engine

    with pytest.raises(StoreUnavailable, match=r"cannot reach Qdrant at http://127\.0\.0\.1:9"):
        build_engine(make_settings(tmp_path / "data", qdrant_url="http://127.0.0.1:9"), embedder=None)


def test_lexical_path_never_imports_torch(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom pathlib import Path\nfrom core.config import Settings\nfrom retrieval.engine import build_engine\n"
        f"e = build_engine(Settings(_env_file=None, data_dir=Path({str(tmp_path / 'd')!r})))\n"
        f"e.ingest([Path({str(CORPUS / 'kh-ubnd-kienhai-2026.txt')!r})])\n"
        "e.ask('Kiên Hải dùng phần mềm gì?')\n"
        "print('torch' in sys.modules, 'sentence_transformers' in sys.modules)\n"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, env=env, timeout=120)
    assert out.stdout.strip() == "False False", out.stderr


def test_what_headers_are_about_is_kept_across_versions_only_while_the_places_are_the_same() -> None:
    """A new catalog version keeps what the last one read of unchanged headers, unless a document brings a
    place the table lacked: then a header naming it is read again and is about it."""
    from retrieval.catalog_rows import DocHead
    from retrieval.places import Places

    def head(doc_id: str, issuer: str, title: str, place: str | None) -> DocHead:
        return DocHead(doc_id, "plan", "Kế hoạch", "1/KH", None, 2025, None, issuer, place, title)

    school = head("kh-truong", "Trường Tiểu học Số 1", "Kế hoạch an toàn trường học ở Vân Khê", None)
    first = Places.from_heads([school])
    assert first.of_document(school) == set()  # "Vân Khê" is no place the table knows
    same = Places.from_heads([school])
    same.adopt(first, [school])
    assert same.of_document(school) == set() and same == first
    commune = head("kh-xa", "Ủy ban nhân dân xã Vân Khê", "Kế hoạch phòng cháy", "Vân Khê")
    grown = Places.from_heads([school, commune])
    grown.adopt(first, [school, commune])
    assert grown.of_document(school) == {"van khe"}  # read again: the new table names the commune


def test_a_text_names_a_place_as_a_place_after_a_cue_or_in_a_list_of_places() -> None:
    """A national text about the provinces a flood hit names them as places ("tỉnh Gia Lai", "Khánh Hoà, Gia Lai,
    Đắk Lắk"); "tư tưởng Hồ Chí Minh", a university named after its city and a date line do not."""
    from retrieval.places import Places

    places = Places.from_heads([])
    text = (
        "Mưa lớn làm sông ở Đắk Lắk, Khánh Hoà vượt lũ lịch sử. Chi trả gộp lương hưu cho 04 tỉnh Đắk Lắk, Gia Lai,"
        " Khánh Hòa, Lâm Đồng; tái định cư ở xã Đề Gi, tỉnh Gia Lai."
    )
    named = places.named_as_places(text)
    assert (named["gia lai"], named["dak lak"], named.get("ha noi", 0)) == (2, 2, 0)
    other = "Học tập tư tưởng Hồ Chí Minh. Trường Đại học Công nghiệp Hà Nội. Hà Nội, ngày 21 tháng 11 năm 2025"
    assert places.named_as_places(other) == {}


# ---------------------------------------------------------------- layout


def test_no_retrieval_module_is_over_400_lines() -> None:
    """Issue 19's rule for the answer and search code: small modules, each read in one sitting."""
    long = {
        str(p.relative_to(REPO)): n
        for p in sorted((REPO / "retrieval").rglob("*.py"))
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}


def test_copies_of_one_plan_tie_and_are_ranked_by_id_every_time(tmp_path: Path) -> None:
    """Schools copy one template: copies score alike, and which is cited first must not depend on the store's
    internal order (the same question got a refusal in one process and an answer in the next before)."""
    from retrieval.engine import build_engine

    folder = tmp_path / "plans"
    folder.mkdir()
    text = (CORPUS / "kh-ubnd-kienhai-2026.txt").read_text(encoding="utf-8")
    for name in ("kh-c", "kh-a", "kh-b"):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    settings = make_settings(tmp_path / "data")
    question = "Các cơ sở giáo dục báo cáo sơ kết 6 tháng trước ngày nào?"
    firsts = []
    for _ in range(2):
        engine = build_engine(settings, embedder=None)
        try:
            if not len(engine.index):
                engine.ingest([folder])
            answer = engine.ask(question)
            firsts.append([c.doc_id for c in answer.citations])
        finally:
            engine.close()
    assert firsts[0] == firsts[1]
    assert firsts[0][0] == "kh-a"


@pytest.mark.parametrize(
    ("question", "money"),
    [
        ("phi neo dau tai khu neo dau tranh tru bao la bao nhieu?", True),  # "phí", typed without marks
        ("ký túc xá giá bao nhiêu 1 tháng?", True),
        ("co ho tro dong bhyt khong, muc dong bao nhieu?", True),
        ("chi phí tổ chức hội thi là bao nhiêu?", True),
        ("dat phi nong nghiep bao nhieu ha?", False),  # "phi" of "phi nông nghiệp": an area
        ("moi hoc sinh tham gia bao nhieu buoi?", False),  # "gia" of "tham gia": a count
        ("chỉ tiêu trẻ béo phì là bao nhiêu?", False),  # "phì", not "phí"
        ("ti le tre beo phi la bao nhieu?", False),
        ("người già bao nhiêu tuổi thì được hỗ trợ?", False),
    ],
)
def test_a_fee_or_price_asked_by_its_noun_asks_a_sum(question: str, money: bool) -> None:
    """A question asking "phí …", "giá …", "mức đóng …" how much asks a sum of money: it is answered only by a
    line stating one (else refused: the text sets no such fee); "phi nông nghiệp", "tham gia" ask none."""
    from retrieval.answers.question import parse
    from retrieval.lexicon import lexicon

    money_figure = lexicon().amount_kinds["money"].figure
    assert any(f is money_figure for f, _ in parse(question).figures) is money


@pytest.mark.parametrize(
    ("question", "things"),
    [
        ("phi thi sat hach de duoc cap chung chi la bao nhieu", ["thi sat hach de"]),
        ("Lệ phí cấp chứng chỉ hành nghề kiến trúc là bao nhiêu?", ["cap chung chi hanh nghe kien truc"]),
        ("hỗ trợ bao nhiêu tiền mỗi tháng?", []),  # "mỗi tháng" is per what, not what is priced
        ("mail công vụ mỗi người được bao nhiêu dung lượng?", []),  # "dung lượng" is no "lương"
        ("nộp lệ phí bằng tiền mặt được không?", []),  # cash, not a sum
        ("học phí là bao nhiêu một tín chỉ?", ["tin chi"]),  # the unit it is asked per
        # whom it is paid to, within its clause
        ("Mức hỗ trợ hằng tháng cho dân quân thường trực là bao nhiêu?", ["hang thang", "dan quan thuong truc"]),
        ("muc ho tro hang thang cho cong an cap xa, cu the la bn", ["hang thang", "cong an cap xa"]),
        ("mức hỗ trợ theo tháng cho dân quân thường trực là bao nhiêu?", ["dan quan thuong truc"]),
        ("Học phí cho con tôi học lớp 10 là bao nhiêu?", []),  # whom a fee is for, not whom a sum is paid to
        ("Tiền mặt cho hộ nghèo là bao nhiêu?", []),
        ("cơ sở không mua bảo hiểm cháy nổ thì bị phạt bao nhiêu?", ["co so khong mua bao hiem chay no"]),  # the act
    ],
)
def test_what_a_money_question_prices(question: str, things: list[str]) -> None:
    from retrieval.answers.priced import priced
    from retrieval.answers.question import parse

    assert priced(parse(question)) == things


@pytest.mark.parametrize(
    ("question", "texts", "unit"),
    [
        # a price per night asked of a plan that never writes "đêm": it sets no such price
        (
            "kh 77 quy dinh gia phong homestay toi da bao nhieu 1 dem vay ad",
            ["Giá dịch vụ lưu trú theo quy định."],
            "dem",
        ),
        ("giá thuê đất bao nhiêu đ/m2?", ["Tiền thuê đất nộp hằng năm."], "m2"),
        # written in another form: "m³" is a "khối"
        ("gia nuoc sach la bao nhieu tien 1 khoi", ["Công suất 500 m³/ngày đêm."], None),
        ("hỗ trợ bao nhiêu tiền mỗi kg?", ["Mức hỗ trợ (đồng/kg lợn hơi)"], None),
        # a unit every text writes is not among those read ("mỗi tháng"), nor a unit not asked a sum of
        ("hỗ trợ bao nhiêu tiền mỗi tháng?", ["Mức hỗ trợ 500.000 đồng."], None),
        ("em mới chuyển về trường, có phải học bồi dưỡng không?", ["Giáo viên học bồi dưỡng."], None),
        # a folded unit that is another word too: "cá nhân", "chuyên đề" ask no sum per "ca" or "chuyến"
        ("Hỗ trợ bao nhiêu tiền cho mỗi cá nhân đạt giải?", ["Thưởng 5.000.000 đồng cho mỗi cá nhân."], None),
        ("ho tro bao nhieu tien moi chuyen de vay ad", ["Hỗ trợ biên soạn tài liệu."], None),
        ("bồi dưỡng bao nhiêu tiền một ca trực?", ["Bồi dưỡng trực đêm theo ngày."], "ca"),  # typed so, it is one
    ],
)
def test_a_sum_asked_per_a_unit_the_documents_never_write(question: str, texts: list[str], unit: str | None) -> None:
    from retrieval.answers.priced import unstated_unit
    from retrieval.answers.question import parse

    assert unstated_unit(parse(question), lambda: texts) == unit


def test_a_fee_the_asker_pays_is_read_as_named() -> None:
    """ "lệ phí", "học phí" (lexicon ``amount_kinds.money.charged``) must be written by the documents found as they
    are; a benefit paid to the asker ("phụ cấp") is not among them."""
    from retrieval.answers.priced import charged
    from retrieval.answers.question import parse

    assert charged(parse("thi sinh phai nop le phi du thi bao nhieu")) == ["le phi"]
    assert charged(parse("Học phí cho con tôi học lớp 10 là bao nhiêu?")) == ["hoc phi"]
    assert charged(parse("Phụ cấp hàng tháng cho công an xã là bao nhiêu?")) == []


@pytest.mark.parametrize(
    ("question", "asked", "apart"),
    [
        (
            "Con tôi học lớp 10 ở Vĩnh Long, nếu trường chuyển sang học online thì học phí tính thế nào?",
            "nếu trường chuyển sang học online thì học phí tính thế nào",
            False,
        ),
        ("Nhà tôi ở Cần Thơ. Học phí mầm non bao nhiêu?", "Học phí mầm non bao nhiêu", True),
        ("Học phí lớp 10 ở Vĩnh Long, học online thì tính thế nào?", "", False),  # no story told
    ],
)
def test_what_a_question_asks_after_the_askers_story(question: str, asked: str, apart: bool) -> None:
    from retrieval.answers.question import parse

    q = parse(question)
    assert (q.asked, q.told_apart) == (asked, apart)


@pytest.mark.parametrize(
    ("question", "deadline"),
    [
        ("Có 1 module dưới 5 điểm thì em bị tính không hoàn thành à, có phải học lại ko?", False),  # a status
        ("ai có thẩm quyền cấp giấy chứng nhận hoàn thành bồi dưỡng?", False),  # the certificate's name
        ("khối 4 bao nhiêu % học sinh đạt mức hoàn thành tốt môn Tiếng Anh?", False),  # a rating
        ("phải hoàn thành tốt trước ngày nào?", True),
        ("dự án phải hoàn thành khi nào?", True),
        ("nếu không hoàn thành đúng hạn thì sao?", True),
        ("chưa hoàn thành trước ngày nào thì bị xử lý?", True),
    ],
)
def test_completed_or_not_as_a_status_asks_no_deadline(question: str, deadline: bool) -> None:
    from retrieval.answers.question import parse

    assert ("deadline" in parse(question).asks) is deadline


@pytest.mark.parametrize(
    ("question", "duty"),
    [
        ("Sở Tài chính có nhiệm vụ gì trong kế hoạch 157?", True),
        ("QĐ 53 phân cấp nhiệm vụ gì cho Sở GD&ĐT?", True),
        ("so gd bao cao ubnd tinh ve nhiem vu duoc phan cap may lan 1 nam", False),  # reported on: no duties
        ("một người làm nhiều nhiệm vụ khác nhau trong một ngày thì được thanh toán thế nào?", False),
        ("giáo viên được kiêm nhiệm tối đa mấy nhiệm vụ?", False),
    ],
)
def test_a_duty_word_counted_or_done_asks_no_units_duties(question: str, duty: bool) -> None:
    from retrieval.answers.question import parse

    assert ("duty" in parse(question).asks) is duty


def test_ca_typed_in_lower_case_is_a_word_and_in_capitals_cong_an() -> None:
    """ "du lieu ca nhan" is "dữ liệu cá nhân" typed without marks, not "công an nhân" (the question lost coverage
    on words it never asked); "CA xã" is still "công an xã"."""
    from retrieval.analyzer import Analyzer

    analyzer = Analyzer()
    assert {"f:cong", "f:an"}.isdisjoint(analyzer.tokens("quyen xoa du lieu ca nhan", query=True))
    assert {"f:cong", "f:an", "F:cong an"} <= set(analyzer.tokens("CA xã trực đêm", query=True))


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("kế hoạch này căn cứ những luật nào?", ["Luật", "Bộ luật"]),
        ("quyet dinh nay can cu nhung thong tu nao", ["Thông tư", "Thông tư liên tịch"]),
        ("căn cứ những nghị định nào?", ["Nghị định"]),
    ],
)
def test_a_kind_asked_for_also_asks_the_kinds_of_it(question: str, kinds: list[str]) -> None:
    """A code (Bộ luật) is a law and a joint circular (Thông tư liên tịch) a circular: asked for laws or circulars,
    a document's grounds of those kinds are listed too (lexicon asked_kinds.holds)."""
    from retrieval.answers.question import parse

    assert parse(question).kinds == kinds


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("Nghị quyết 57 căn cứ vào những luật và văn bản nào?", []),
        ("căn cứ những văn bản nào, nhất là nghị định nào về học phí?", []),
    ],
)
def test_documents_asked_beside_a_kind_ask_every_kind(question: str, kinds: list[str]) -> None:
    """ "văn bản" beside a kind asks for documents of every kind (lexicon asked_kinds.every)."""
    from retrieval.answers.question import parse

    assert parse(question).kinds == kinds


@pytest.mark.parametrize(
    ("typed", "accented"),
    [
        ("qd 48 gia lai hs noi tru dc ho tro bn 1 thang", False),
        ("kh 308 ha noi can cu van ban nao", False),
        ("qđ 48 học sinh được hỗ trợ bao nhiêu", True),
    ],
)
def test_a_question_is_unaccented_as_typed_though_its_shorthand_is_written_out_accented(
    typed: str, accented: bool
) -> None:
    """ "qd 48" is written out "Quyết định 48": the question is still one typed without diacritics."""
    from retrieval.answers.question import parse

    assert parse(typed).accented is accented


def test_chat_shorthand_for_before_and_result_is_written_out() -> None:
    from retrieval.answers.question import parse

    text = parse("ubnd tỉnh gửi kq rà soát trc ngày nào").text
    assert "kết quả" in text and "trước ngày" in text


@pytest.mark.parametrize(
    ("typed", "text"),
    [
        ("hs dc ho tro bao nhieu kg gao", "hs duoc ho tro bao nhieu kg gao"),
        ("mỗi tháng cấp 15 kg gạo à", "mỗi tháng cấp 15 kg gạo à"),
        ("em kg biết hạn nộp", "em không biết hạn nộp"),
    ],
)
def test_kg_after_a_number_or_counting_word_is_kilograms_else_khong(typed: str, text: str) -> None:
    from retrieval.answers.question import parse

    assert parse(typed).text == text


@pytest.mark.parametrize(
    "text",
    [
        "Căn cứ Thông tư số 124/2021/TT-BCA ngày 28/12/2021 của Bộ Công an;",
        "Phòng CTSV phối hợp với Ban Chỉ huy Quân sự (CHQS) tổ chức 02 buổi, 70% sinh viên tham gia.",
        "- bảo vệ an ninh Tổ quốc; KTX 500MB",
    ],
)
def test_a_texts_terms_are_its_folded_exact_and_bigram_tokens(text: str) -> None:
    """What coverage and line ranking read of a text is what indexing makes of it, legal numbers aside."""
    a = Analyzer({"ANTQ": "an ninh Tổ quốc"})
    assert a.terms(text) == {t for t in a.tokens(text, exact=True) if t[0] in "fFw"}


def test_a_plan_about_the_place_named_counts_its_best_unit_below_the_first_cut(tmp_path) -> None:
    """Among many near-identical plans of other places, the one about the place the question names is read with
    its best unit even when none of its units made the first pass's cut (here a cut of one unit): it is what the
    question is most about, not only by its header."""
    import dataclasses

    from benchmarks import synth
    from retrieval.engine import build_engine

    synth.write(CORPUS, tmp_path / "synth", 40, seed=7)
    engine = build_engine(make_settings(tmp_path / "data"), embedder=None)
    try:
        engine.ingest([CORPUS, tmp_path / "synth"])
        policy = engine.searcher.policy
        engine.searcher.policy = dataclasses.replace(policy, search=dataclasses.replace(policy.search, candidates=1))
        plan = engine.searcher.plan("Các cơ sở giáo dục ở Mỹ Tú báo cáo định kỳ 6 tháng trước ngày nào?")
        assert plan.chosen(1) == ["kh-pgddt-mytu-2025"]
        assert plan.match["kh-pgddt-mytu-2025"] == 1.0
    finally:
        engine.close()


def test_a_line_loses_its_numbering_marker_but_not_a_number_it_opens_with() -> None:
    """A quoted line is shown without "1.", "1.2.", "3)", "a)", "II.", "Điều 5."; a line opening with an amount
    keeps it whole ("2.000.000 đồng" was shown as "000.000 đồng": the thousands dot read as a marker's)."""
    from retrieval.extract import Line

    def shown(text: str) -> str:
        return Line(text=text, start=0, heading=False).clean

    assert shown("2.000.000 đồng/người/tháng") == "2.000.000 đồng/người/tháng"
    assert shown("10.000 người được hỗ trợ") == "10.000 người được hỗ trợ"
    assert shown("1. Nhóm do người lao động đóng") == "Nhóm do người lao động đóng"
    assert shown("1.2. Nội dung") == "Nội dung"
    assert shown("3) Ban chỉ huy") == "Ban chỉ huy"
    assert shown("a) Chi khen thưởng") == "Chi khen thưởng"
    assert shown("II. MỤC TIÊU") == "MỤC TIÊU"


def test_an_article_without_a_title_is_a_unit_of_its_own_above_its_clauses() -> None:
    """ "Điều 2. Đại học … trực thuộc Bộ Công Thương; …." states the article's rule on its first line, above clauses
    1 and 2: it is searched as a unit of its own (a question "trực thuộc bộ nào?" finds it), where a titled
    article ("Điều 3. Tổ chức thực hiện") is a bare heading whose words travel in its clauses' heading paths."""
    from ingest.pipeline import build_document
    from retrieval.units import units_for

    text = (
        "THỦ TƯỚNG CHÍNH PHỦ\nSố: 99/QĐ-TTg\nHà Nội, ngày 20 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n"
        "Về việc chuyển Trường Đại học Công nghiệp Hà Nội thành Đại học Công nghiệp Hà Nội\n\nTHỦ TƯỚNG CHÍNH PHỦ\n\n"
        "Căn cứ Luật Giáo dục đại học ngày 18 tháng 6 năm 2012;\n\nQUYẾT ĐỊNH:\n\n"
        "Điều 1. Chuyển Trường Đại học\nCông nghiệp Hà Nội thành Đại học Công nghiệp Hà Nội.\n"
        "Điều 2. Đại học Công nghiệp\n"
        "Hà Nội là đơn vị sự nghiệp công lập trực thuộc Bộ Công Thương; có tư cách pháp nhân, con dấu và tài khoản riêng.\n"
        "1. Đại học Công nghiệp Hà Nội thực hiện tổ chức lại cơ cấu tổ chức theo quy định của Luật Giáo dục đại học.\n"
        "2. Bộ Công Thương hướng dẫn, giám sát quá trình chuyển đổi.\n"
        "Điều 3. Tổ chức thực hiện\n1. Bộ Giáo dục và Đào tạo chịu trách nhiệm về nội dung báo cáo.\n"
        "2. Quyết định này có hiệu lực kể từ ngày ký.\n\nNơi nhận:\n- Như Điều 3;\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nLê Thành Long\n"
    )
    doc = build_document("qd-99-ttg-2025", text, source="qd-99.txt")
    assert doc.section("Điều 1").heading == "Chuyển Trường Đại học Công nghiệp Hà Nội thành Đại học Công nghiệp Hà Nội"
    sections = [u.section for u in units_for(doc) if u.section.startswith("Điều")]
    assert sections == ["Điều 1", "Điều 2", "Điều 2.1", "Điều 2.2", "Điều 3.1", "Điều 3.2"]
    from retrieval.units import untitled_article

    assert not untitled_article("Điều 1", "Điều 1. Phạm vi điều chỉnh.")  # a title with a full stop


@pytest.mark.parametrize(
    ("typed", "text"),
    [
        ("bcd hop may lan trong t3-t7/2026", "bcd hop may lan trong thang 3 den thang 7/2026"),
        ("Báo cáo hk1 nộp trước t12/2025", "Báo cáo học kỳ 1 nộp trước tháng 12/2025"),
        ("họp vào T2 hằng tuần", "họp vào T2 hằng tuần"),  # a weekday: no year after it
        ("lớp 12a1 học t7 không", "lớp 12a1 học t7 không"),
        ("cho e hoi thi vao 10 lang son", "thi vao lop 10 lang son"),
        ("Tuyển sinh vào 6 năm nay thế nào", "Tuyển sinh vào lớp 6 năm nay thế nào"),
        ("thi vào 10 giờ sáng", "thi vào 10 giờ sáng"),
        ("thi vao 10/6 a", "thi vao 10/6 a"),
        ("con thi vào 10 điểm", "con thi vào 10 điểm"),
        ("đăng ký vào 1 trường hay nhiều trường", "đăng ký vào 1 trường hay nhiều trường"),
        ("tau ca dai tu 12m den duoi 15m", "tau ca dai tu 12 met den duoi 15 met"),
        ("mất kết nối quá 6h thì báo", "mất kết nối quá 6 giờ thì báo"),
        ("mỗi đèo chuẩn bị 10m3 cát", "mỗi đèo chuẩn bị 10 m3 cát"),
        ("họp lúc 7h30 sáng", "họp lúc 7h30 sáng"),  # a time of day, kept
        ("họp từ 7h-11h", "họp từ 7 giờ-11 giờ"),
        ("con học lớp 6h", "con học lớp 6h"),  # a class's name
        ("lớp 10a1 học mấy buổi", "lớp 10a1 học mấy buổi"),
    ],
)
def test_months_terms_and_school_entrances_typed_short_are_written_out(typed: str, text: str) -> None:
    """Chat shorthand glued to a number ("hk1", "t3/2026", a range of months with its year), a unit glued after one
    ("12m", "6h") and a school's entrance typed without "lớp" ("thi vào 10") are written out; a weekday ("T2"), a class name, a time, a date, a score or
    a count after "vào" are left as typed."""
    from retrieval.answers.question import parse

    assert parse(typed).text == text


def test_months_and_numbers_typed_after_a_letter_name_no_text() -> None:
    """ "t3-t7" (months or weekdays) is no text numbered "3-T7"; "kh153/KH-UBND", "nq57/2025" still name theirs."""
    from retrieval.answers.question import parse

    assert parse("lich hop t3-t7 the nao").legal_keys == []
    assert parse("kh153/KH-UBND giao gi").legal_keys == ["153KHUBND"]
    assert parse("theo nq57/2025/NQ-HĐND thi sao").legal_keys == ["572025NQHDND"]
    # a dash between places or a range, no slash nor kind code: "khu 4 - khu 9", "lớp 6-7"
    assert parse("duong lien khu khu 4 - khu 9 xong khi nao").legal_keys == []
    assert parse("hoc sinh lop 6-7a hoc may buoi").legal_keys == []
    assert parse("chi thi 09-CT/TW giao gi").legal_keys == ["09CTTW"]
    assert parse("ket luan 45-KL giao gi").legal_keys == ["45KL"]


@pytest.mark.parametrize(
    ("typed", "asks_day"),
    [
        ("nộp đề trước ngày kiểm tra bao nhiêu ngày", False),
        ("nộp hồ sơ trước ngày nào và trong bao lâu thì có kết quả", True),
        ("báo cáo nộp trước ngày nào", True),
    ],
)
def test_before_an_events_day_asks_no_day_when_a_length_is_asked(typed: str, asks_day: bool) -> None:
    from retrieval.answers.question import parse

    assert parse(typed).asks_day is asks_day


def test_a_managing_body_gives_its_place_as_a_place_not_a_name_it_holds() -> None:
    """A school under "Sở Giáo dục và Đào tạo tỉnh Lạng Sơn" is of Lạng Sơn though signed in its commune; a youth
    union's plan under "Đoàn TNCS Hồ Chí Minh" is not of Hồ Chí Minh City."""
    from retrieval.catalog_rows import DocHead
    from retrieval.places import Places

    def head(doc_id: str, issuer: str, managing: str, title: str, place: str) -> DocHead:
        return DocHead(
            doc_id, "plan", "Kế hoạch", "1/KH", None, 2025, None, issuer, place, title, managing_body=managing
        )

    school = head(
        "kh-thpt", "Trường THPT Hoàng Văn Thụ", "Sở Giáo dục và Đào tạo tỉnh Lạng Sơn", "Năm học", "Tam Thanh"
    )
    union = head("kh-doan", "Tỉnh đoàn Hưng Yên", "Đoàn TNCS Hồ Chí Minh", "Tháng Thanh niên năm 2026", "Hưng Yên")
    places = Places.from_heads([school, union])
    assert "lang son" in places.of_document(school)
    assert places.of_document(union) == {"hung yen"}


def test_when_a_text_applies_is_its_own_clause_not_a_task_line() -> None:
    """A letter's point "Các chế độ hướng dẫn tại Công văn này được thực hiện kể từ ngày …" says when it applies; a
    plan's task line opening with the verb "Hướng dẫn" ("a) Hướng dẫn các trường … thực hiện kể từ ngày 15/9") does
    not, nor does "bãi bỏ" in one say what the plan replaces: its own "Kế hoạch này có hiệu lực …" does."""
    import retrieval.answers.answerer  # noqa: F401  (the answers package, imported whole)
    from ingest.pipeline import build_document
    from retrieval.answers.facts import fact_evidence

    head = "ỦY BAN NHÂN DÂN\nXÃ Z\nSố: {n}\nZ, ngày 01 tháng 9 năm 2025\n\n{kind}\nVề tiêm chủng\n\n"
    plan = build_document(
        "kh-9-ubnd-xaz-2025",
        head.format(n="9/KH-UBND", kind="KẾ HOẠCH")
        + "I. MỤC ĐÍCH\n1. Tiêm chủng đầy đủ.\nII. NHIỆM VỤ\n1. Trạm Y tế xã\na) Hướng dẫn các trường mầm non thực hiện"
        " kể từ ngày 15/9/2025.\nb) Hướng dẫn các thôn bãi bỏ các điểm tiêm tạm.\nIII. HIỆU LỰC\n1. Kế hoạch này có "
        "hiệu lực kể từ ngày ký.\n",
    )
    assert fact_evidence(plan, "effective").section == "III.1"
    assert fact_evidence(plan, "replaces") is None
    letter = build_document(
        "cv-9-ubnd-xaz-2025",
        head.format(n="9/UBND-VX", kind="")
        + "1. Phạm vi\nCác chế độ phụ cấp.\n2. Tổ chức thực hiện\na) Các xã lập danh sách.\nb) Các chế độ hướng dẫn tại "
        "Công văn này được thực hiện kể từ ngày 01 tháng 7 năm 2025.\n",
    )
    assert fact_evidence(letter, "effective").section == "2.b"
