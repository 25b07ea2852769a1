"""Follow-ups read against the question before them, the same behind every door (``retrieval.conversation``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest

from core.text import fold
from retrieval.conversation import Conversations, follow_up
from tests.conftest import CORPUS

SOCTRANG = "kh-08-cdcd-soctrang-2026"
LAOCAI = "kh-cdlc-laocai-2026"
KIENHAI = "kh-ubnd-kienhai-2026"


@pytest.mark.parametrize(
    ("message", "named"),
    [
        ("còn Văn phòng thì sao?", "Văn phòng"),
        ("con van phong thi sao", "van phong"),
        ("thế còn trường Lào Cai?", "trường Lào Cai"),
        ("Kiên Hải thì sao?", "Kiên Hải"),
        ("điều đó nộp khi nào?", ""),
        ("Phòng Quản trị phải làm gì?", None),
        # a question of its own that happens to open with "con" (a child) or end with "thì sao"
        ("Con tôi học trường tiểu học công lập, nếu trường dạy online thì học phí tính thế nào?", None),
        ("Trường hợp học sinh nghỉ học quá số buổi quy định của nhà trường thì sao?", None),
    ],
)
def test_a_follow_up_is_told_from_a_question_of_its_own(message: str, named: str | None) -> None:
    assert follow_up(message) == named


UNITS = {
    SOCTRANG: {"phong quan tri", "uy ban nhan dan xa phuong"},
    LAOCAI: {"van phong", "phong cong tac sinh vien", "so van hoa the thao va du lich"},
}


class FakeUnits:
    """Units by document: what the engine's unit catalog would find."""

    def unit_of(self, text: str, focus: Sequence[str]) -> str | None:
        words = " ".join(re.findall(r"\w+", fold(text).lower()))  # punctuation apart, as the unit catalog reads
        for doc, units in UNITS.items():
            if focus and doc not in focus:
                continue
            for u in units:
                if u in words:
                    return u
        return None

    def documents_named(self, text: str) -> tuple[list[str], str]:
        return ([LAOCAI], text.replace("trường Lào Cai", "").strip()) if "Lào Cai" in text else ([], text)


def test_a_follow_up_replaces_the_unit_and_keeps_the_plan() -> None:
    fake = FakeUnits()
    talk = Conversations(fake.unit_of, fake.documents_named)
    talk.remember("u1", "Văn phòng trường Lào Cai làm gì?", [LAOCAI])
    turn = talk.resolve("u1", "còn Phòng Công tác sinh viên thì sao?")
    assert (turn.question, turn.focus, turn.rewritten) == (
        "Phòng Công tác sinh viên trường Lào Cai làm gì?",
        [LAOCAI],
        True,
    )
    assert (
        talk.resolve("u2", "còn Phòng Công tác sinh viên thì sao?").question == "còn Phòng Công tác sinh viên thì sao?"
    )


def test_a_unit_of_a_long_or_punctuated_name_is_followed_up() -> None:
    """A unit's name longer than a follow-up's usual words ("Sở Văn hóa, Thể thao và Du lịch"), or with a comma in
    the question before ("Ủy ban nhân dân xã, phường"), is still the unit replaced; a question of its own naming a
    unit of the plan in focus leans to that plan, as typed."""
    fake = FakeUnits()
    talk = Conversations(fake.unit_of, fake.documents_named)
    talk.remember("u1", "Văn phòng trường Lào Cai làm gì?", [LAOCAI])
    turn = talk.resolve("u1", "còn Sở Văn hóa, Thể thao và Du lịch thì sao?")
    assert (turn.question, turn.focus) == ("Sở Văn hóa, Thể thao và Du lịch trường Lào Cai làm gì?", [LAOCAI])
    own = talk.resolve("u1", "vậy Phòng Công tác sinh viên phải làm những việc gì?")
    # asked as typed, leaning to the plan (kept when it answers as well as any: ``Answerer._stayed``)
    assert (own.question, own.focus, own.rewritten, own.leaning) == (
        "vậy Phòng Công tác sinh viên phải làm những việc gì?",
        [],
        False,
        [LAOCAI],
    )
    assert talk.resolve("u1", "Phòng Quản trị phải làm gì?").focus == []  # no unit of the plan in focus
    talk.remember("u2", "Kế hoạch 08 giao Ủy ban nhân dân xã, phường những nhiệm vụ gì?", [SOCTRANG])
    assert (
        talk.resolve("u2", "còn Phòng Quản trị thì sao?").question
        == "Kế hoạch 08 giao Phòng Quản trị những nhiệm vụ gì?"
    )


def test_another_document_asked_the_same_takes_the_place_of_the_first() -> None:
    """ "còn trường Lào Cai thì sao?": the document named goes where the previous question named its own, not
    ahead of or after the whole question ("Văn phòng trường Sóc Trăng làm gì?", not "… làm gì trường Lào Cai?")."""
    fake = FakeUnits()

    def named(text: str) -> tuple[list[str], str]:
        for doc, words in ((LAOCAI, "trường Lào Cai"), (SOCTRANG, "trường Sóc Trăng")):
            if words in text:
                return [doc], " ".join(text.replace(words, " ").split())
        return [], text

    talk = Conversations(fake.unit_of, named)
    talk.remember("u1", "Kinh phí của trường Sóc Trăng lấy từ đâu?", [SOCTRANG])
    turn = talk.resolve("u1", "thế còn trường Lào Cai?")
    assert (turn.question, turn.focus) == ("Kinh phí của trường Lào Cai lấy từ đâu?", [LAOCAI])
    talk.remember("u2", "Kinh phí lấy từ đâu?", [SOCTRANG])
    assert talk.resolve("u2", "thế còn trường Lào Cai?").question == "Kinh phí lấy từ đâu trường Lào Cai?"


def test_another_document_takes_the_place_of_the_number_not_of_a_place_cut_with_it() -> None:
    """The first document's place is cut with its number ("… ở Hà Nội theo nghị quyết 80 …"): the document named
    goes where the number was ("… theo nghị quyết 20 là bao nhiêu?"), not where the place was ("… cấp xã nghị
    quyết 20 theo là bao nhiêu?")."""
    fake = FakeUnits()

    def named(text: str) -> tuple[list[str], str]:
        for doc, words in ((LAOCAI, "nghị quyết 20"), (SOCTRANG, "nghị quyết 80")):
            if words in text:
                return [doc], " ".join(text.replace(words, " ").replace("ở Hà Nội", " ").split())
        return [], text

    talk = Conversations(fake.unit_of, named)
    talk.remember("u1", "Mức hỗ trợ cho công an xã ở Hà Nội theo nghị quyết 80 là bao nhiêu?", [])
    turn = talk.resolve("u1", "còn nghị quyết 20 thì sao?")
    assert (turn.question, turn.focus) == ("Mức hỗ trợ cho công an xã theo nghị quyết 20 là bao nhiêu?", [LAOCAI])


def test_that_plan_at_the_end_of_a_question_is_the_plan_in_focus() -> None:
    """ "ai ký kế hoạch này?": the question mark on the last word does not hide the words naming the plan."""
    fake = FakeUnits()
    talk = Conversations(fake.unit_of, fake.documents_named, lambda d: "08/KH-CĐCĐ")
    talk.remember("u1", "khi nào xếp hạng thi đua?", [SOCTRANG])
    turn = talk.resolve("u1", "ai ký kế hoạch này?")
    assert (turn.question, turn.focus, turn.rewritten) == ("ai ký kế hoạch 08/KH-CĐCĐ?", [SOCTRANG], True)


def test_a_question_naming_no_document_leans_to_the_one_just_quoted() -> None:
    """ "nguồn kinh phí từ đâu?" after an answer from one plan leans to that plan (asked as typed, with no focus it
    must keep); a question naming a document leans to none; after an answer from several, to the plan the
    conversation began with."""
    fake = FakeUnits()
    talk = Conversations(fake.unit_of, fake.documents_named)
    talk.remember("u1", "Văn phòng trường Lào Cai làm gì?", [LAOCAI])
    turn = talk.resolve("u1", "nguồn kinh phí từ đâu?")
    assert (turn.question, turn.focus, turn.rewritten, turn.leaning) == ("nguồn kinh phí từ đâu?", [], False, [LAOCAI])
    assert talk.resolve("u1", "kinh phí của trường Lào Cai lấy từ đâu?").leaning == []
    talk.remember("u2", "Kinh phí lấy từ đâu?", [LAOCAI, SOCTRANG])  # a conversation's first answer: its first plan
    assert talk.resolve("u2", "thời hạn báo cáo là khi nào?").leaning == [LAOCAI]
    talk.remember("u2", "thời hạn báo cáo là khi nào?", [SOCTRANG, KIENHAI])  # then several: the first answer's
    assert talk.resolve("u2", "ai ký?").leaning == [LAOCAI]


def test_a_question_of_its_own_leans_to_the_document_the_user_named_after_an_answer_drifted() -> None:
    """The user named the Lào Cai plan; an answer then came from two other plans (the question's words matched them
    better): the next question naming no document still leans to the plan the user named, after the one document
    an answer quoted when there is one; naming another document moves what the conversation is about; naming none,
    the conversation is about its first answer's document."""
    fake = FakeUnits()

    def documents_named(text: str) -> tuple[list[str], str]:
        for doc, words in ((LAOCAI, "trường Lào Cai"), (SOCTRANG, "trường Sóc Trăng")):
            if words in text:
                return [doc], text.replace(words, "").strip()
        return [], text

    talk = Conversations(fake.unit_of, documents_named)
    talk.remember("u1", "Văn phòng trường Lào Cai làm gì?", [LAOCAI])
    talk.remember("u1", "các đơn vị báo cáo trước ngày nào?", [SOCTRANG, KIENHAI])
    assert talk.resolve("u1", "kinh phí lấy ở đâu?").leaning == [LAOCAI]
    talk.remember("u1", "kinh phí lấy ở đâu?", [SOCTRANG])
    assert talk.resolve("u1", "ai ký?").leaning == [SOCTRANG, LAOCAI]
    talk.remember("u1", "kế hoạch trường Sóc Trăng do ai ký?", [SOCTRANG])
    assert talk.resolve("u1", "thời hạn là khi nào?").leaning == [SOCTRANG]
    talk.remember("u2", "các đơn vị báo cáo trước ngày nào?", [SOCTRANG, KIENHAI])
    assert talk.resolve("u2", "kinh phí lấy ở đâu?").leaning == [SOCTRANG]  # nothing named: the first answer's


def test_a_document_referred_to_in_chat_shorthand_is_the_one_the_conversation_is_about() -> None:
    """ "ai ky qd nay" after an answer from one decision asks who signed that decision; after an answer from several,
    the one the conversation is about when that answer quoted it."""
    fake = FakeUnits()
    talk = Conversations(fake.unit_of, fake.documents_named, label_of=lambda d: {LAOCAI: "KH-CĐLC"}.get(d, d))
    talk.remember("u1", "Văn phòng trường Lào Cai làm gì?", [LAOCAI])
    turn = talk.resolve("u1", "ai ky kh nay")
    assert (turn.question, turn.focus, turn.rewritten) == ("ai ky kh KH-CĐLC", [LAOCAI], True)
    talk.remember("u1", "các đơn vị báo cáo trước ngày nào?", [SOCTRANG, LAOCAI])
    assert talk.resolve("u1", "qd nay co hieu luc khi nao").question == "qd KH-CĐLC co hieu luc khi nao"
    talk.remember("u1", "các đơn vị báo cáo trước ngày nào?", [SOCTRANG, KIENHAI])  # it is not quoted: none
    assert not talk.resolve("u1", "qd nay co hieu luc khi nao").rewritten
    assert not talk.resolve("u1", "ct nay keo dai bao lau").rewritten  # "ct": chương trình as often as chỉ thị


def test_a_conversation_is_forgotten_after_its_time() -> None:
    now = [0.0]
    fake = FakeUnits()
    talk = Conversations(fake.unit_of, fake.documents_named, clock=lambda: now[0])
    talk.remember("u1", "Phòng Quản trị phải làm gì?", [SOCTRANG])
    now[0] += 7200
    assert talk.resolve("u1", "còn Văn phòng thì sao?").rewritten is False


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory):
    from retrieval.engine import build_engine
    from tests.conftest import make_settings

    engine = build_engine(make_settings(tmp_path_factory.mktemp("talk") / "data"), embedder=None)
    engine.ingest([CORPUS])
    yield engine
    engine.close()


def test_a_follow_up_to_another_unit_cites_that_unit(plans) -> None:
    first = plans.ask("Văn phòng trường Lào Cai làm gì?", conversation="chat-1:7")
    assert (first.citations[0].doc_id, first.citations[0].section) == (LAOCAI, "IV.1")
    then = plans.ask("còn Phòng Công tác sinh viên thì sao?", conversation="chat-1:7")
    assert then.question == "còn Phòng Công tác sinh viên thì sao?"  # the answer echoes what was typed
    assert then.answer.startswith("Hiểu là: Phòng Công tác sinh viên trường Lào Cai làm gì?")
    assert [(c.doc_id, c.section) for c in then.citations] == [(LAOCAI, "IV.2")]
    other = plans.ask("thế còn trường Sóc Trăng?", conversation="chat-1:7")
    assert (other.citations[0].doc_id, other.citations[0].section) == (SOCTRANG, "III.2")
    alone = plans.ask("còn Phòng Công tác sinh viên thì sao?", conversation="chat-2:8")  # another chat: no past
    assert not alone.answer.startswith("Hiểu là")


def test_that_plan_is_the_plan_the_last_answer_quoted(plans) -> None:
    """ "kế hoạch đó do ai ký?": the one plan the last answer quoted, named by its label, not the last question's
    words run on."""
    plans.ask("Kinh phí thực hiện kế hoạch ở Kiên Hải lấy từ đâu?", conversation="chat-3:9")
    signer = plans.ask("kế hoạch đó do ai ký?", conversation="chat-3:9")
    assert signer.answer.startswith("Hiểu là: kế hoạch KH-UBND Kiên Hải 2026 do ai ký?")
    assert [(c.doc_id, c.section) for c in signer.citations] == [("kh-ubnd-kienhai-2026", "signature")]


def test_a_message_that_asks_after_an_opener_is_a_question_of_its_own() -> None:
    """ "vậy ai chi trả" after "… được bồi dưỡng bao nhiêu tiền một ngày?" asks who pays, of the same documents: it
    names nothing to put before the last question (that read "ai chi trả Người được huy động … bao nhiêu tiền
    một ngày?"). With a unit's name ("còn Văn phòng làm gì"), it is still the follow-up about that unit."""
    fake = FakeUnits()
    talk = Conversations(fake.unit_of, fake.documents_named)
    talk.remember("u1", "Người được huy động chữa cháy rừng được bồi dưỡng bao nhiêu tiền một ngày?", [LAOCAI])
    turn = talk.resolve("u1", "vậy ai chi trả")
    assert (turn.question, turn.rewritten, turn.leaning) == ("vậy ai chi trả", False, [LAOCAI])
    talk.remember("u2", "Phòng Công tác sinh viên trường Lào Cai làm gì?", [LAOCAI])
    unit = talk.resolve("u2", "còn Văn phòng làm gì")
    assert unit.rewritten and unit.focus == [LAOCAI] and "Văn phòng" in unit.question


def test_a_unit_named_with_an_ampersand_is_replaced_whole() -> None:
    """ "Sở NN&MT" found as the unit "sở nn": the follow-up's unit takes the place of the whole name, not of "Sở NN"
    before a stray "&MT" ("… Công an tỉnh làm gì&MT tổng hợp báo cáo …")."""
    talk = Conversations(lambda text, focus: "so nn" if "nn" in fold(text).lower() else None, lambda text: ([], text))
    talk.remember("u1", "Sở NN&MT tổng hợp báo cáo trước ngày nào?", [LAOCAI])
    turn = talk.resolve("u1", "còn Sở NN thì sao?")
    assert turn.question == "Sở NN tổng hợp báo cáo trước ngày nào?"
