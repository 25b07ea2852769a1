"""Every weight and threshold of search and answers, in one place, with where it was fitted.

Fitted on the development documents only: the original gold set's dev split (five plans and Thông tư 124) and
the dev split of the wide gold set (the 33 wide documents whose crc32 % 10 >= 3) and of the real questions
(realqa_dev), with the store holding every document at once. The test documents were never used to choose a
value. ``cancu eval`` reports what they give on both splits.

Checked together on 2026-12-04 (e75a712 + 8c5c315): one coordinate-ascent sweep over fifteen of them and the
analyzer's query weights (``profile_weight``, ``named_weight``, ``document_weight``, ``national_weight``,
``closing_weight``, ``story_weight``, ``candidates``, ``within``, ``runner_up``, ``target_margin``,
``dated_runner_up``, ``W_EXACT``, ``W_BIGRAM``, ``W_SYNONYM``, ``W_INSERTED``; each one step either side) on the
2,235 development questions of all four sets, one store: the values below answer 2,045 right (rank 1, or refused
out of scope); every step either side answers 2,025 to 2,048, the best +2 (``target_margin`` 0.9, within what one
question's wording moves), so none was changed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SearchPolicy:
    #: Units a question's first pass reads over all documents (their best score per document is one signal of
    #: which document the question is about).
    candidates: int = 120
    #: Documents about a place the question names that are read once more when none of their units made the first
    #: pass's cut (``Searcher._local_best``): at 1,000 synthetic plans the named plan's unit fell below the cut
    #: in a store written in another order (a gold question refused); a bound on the extra read.
    local_reads: int = 20
    #: Documents a question may be about, searched one by one in the second pass.
    documents: int = 3
    #: Weight of the header-field (profile) match beside the best unit's match when choosing documents: 0.5 on
    #: dev (wide hit@3 0.95 against 0.90 at 1.0 and 2.0; the original set likewise).
    profile_weight: float = 0.5
    #: In the second pass, the question's words that the chosen document's header already holds (its place, its
    #: title) only named the document; they count this much: 0.2 on dev (0.1–0.3 within a point; 1.0 lost 19
    #: points of wide hit@1 to headers and preambles that repeat the title).
    named_weight: float = 0.2
    #: How much the document's own match adds to a unit's second-pass score (both scaled to the best): 2.0 on
    #: dev (0.5: 0.77, 1.0: 0.79, 2.0: 0.81 wide hit@1).
    document_weight: float = 2.0
    #: A document about another place than the one the question names ("ở Cam Ranh") counts this share of its
    #: match when choosing documents.
    elsewhere_weight: float = 0.3
    #: A document about no place (a national text) counts this share when one about the place named competes:
    #: 0.7 on dev (original hit@1 .914 -> .925, one more out-of-scope question answered; 0.85: no change).
    national_weight: float = 0.7
    #: A national text naming the place as a place this many times (a Government resolution on the provinces a
    #: flood hit, naming them again and again) is about it, beside the place's own documents: 2 on dev (probe
    #: +5 false refusals answered; 1: an out-of-scope question on a place it names once in a list answered).
    place_named: int = 2
    #: The closing paragraph's share of its score in the second pass (it repeats the title's words): 0.6 on dev
    #: (original hit@1 .882 -> .914, wide .753 -> .763; 0.7 and 0.8: wide .758).
    closing_weight: float = 0.6
    #: Characters after its heading line, ending a sentence, with which a section states a rule of its own before
    #: its clauses ("Điều 2. Đại học … là đơn vị sự nghiệp công lập, … trực thuộc Bộ Công Thương; …"): a clause
    #: that matches does not go ahead of it. 150 on dev (80: the same; 300: three probe answers lose the
    #: article's own lines again).
    own_rule: int = 150
    #: Units the second pass reads within one document.
    within: int = 40
    #: When a question tells a story in sentences of its own before the one that asks ("Tôi là giáo viên … . Vậy
    #: tôi …?"), the second pass counts the words only the story holds this much (the story chose the documents;
    #: what is asked says where in them): 0.7 on dev (probe +5 / −2, nothing else moved; 0.5: +7 / −5, 0.3:
    #: +8 / −6).
    story_weight: float = 0.7
    #: A follow-up asked as its own words before the last question ("còn về an toàn thông tin thì sao?" → "về an
    #: toàn thông tin Kế hoạch 308 … có nhiệm vụ gì về nền tảng số?"): the last question's words count this much in
    #: the second pass. 0.5 on reviews 7, 8, 9, 11, 14 and 15 (798 turns): +2, none worse; 0.7 the same; 0.3: +3 −1.
    follow_weight: float = 0.5


@dataclass(frozen=True)
class AnswerPolicy:
    #: A question names one document when the second document's match is at most this share of the first's.
    target_margin: float = 0.85
    #: Sections cited beside the best one when they score at least this share of it (an answer may need two).
    runner_up: float = 0.85
    #: Sections one content answer cites at most.
    sections: int = 3
    #: A section whose own heading holds this share of the question's content terms (IDF-weighted, bigrams too)
    #: answers first and whole, the most specific such section among the best hits and those above them: 1.0 on
    #: dev (every term: realqa hit@1 .767 -> .833, must .700 -> .733, nothing lost; 0.9 lost a wide question,
    #: 0.8 five, to headings that hold the words of a neighbouring question).
    #: Failing such a heading, a section of two to six parts whose heading with the headings of two of its parts
    #: holds the same share answers whole ("Nội dung và trách nhiệm …" of an article whose clause 1 is the content,
    #: clause 2 the responsibilities): realqa must .767 -> .833 on dev, nothing else moved (the six is
    #: ``retrieval.answers.content.MAX_JOINT_PARTS``: an article of more parts is a list, not two halves).
    titled: float = 1.0
    #: A legal-basis question asking about one thing its document says ("những nội dung không có trong nghị quyết
    #: thì thực hiện theo thông tư nào") is answered from the section citing texts that holds this share of the
    #: words it asks about (IDF-weighted, bigrams too; more than the preamble holds), not from the grounds
    #: (``retrieval.answers.cited_for``): 0.4 and 0.6 alike on dev (probe +5, original +1, nothing lost; the
    #: sections chosen hold every word asked or two thirds of them), 0.8 lost one of the five.
    cited_for: float = 0.6
    #: Of the texts one passage cites (a point's, the grounds), those whose clause holds ``on_topic_margin`` less
    #: of what a legal-basis question asks about than the best clause are not listed, when that one holds
    #: ``on_topic_held`` of it (``retrieval.answers.on_topic``): probe legal precision 0.806 -> 0.869 on dev, six
    #: questions right, one wrong (a decree on "the bodies of the province" no longer listed for "chức năng của
    #: Sở"); without the floor, a question's framing words ("yêu cầu tiếp tục quán triệt …") chose a text.
    on_topic_margin: float = 0.3
    on_topic_held: float = 0.5
    #: Items of one announced list among the best sections answer as their list, whole, when it holds this much more
    #: of the question than the best of them alone (``retrieval.answers.gathered``).
    gathered_margin: float = 0.15
    #: A clause the question names by its heading is one member of near-identical siblings when more than this share
    #: of its heading's words are in theirs (``retrieval.answers.gathered.named_member``): "Học bổng loại giỏi" (3 of
    #: 4 beside "… loại khá"), "Vòng chung khảo" (2 of 3); not "Tổ chức thực hiện" beside "Kinh phí thực hiện" (2 of
    #: 4), whose clauses the probe set answers point by point (set on the fourteenth unseen set's dev split: half or
    #: more moved that probe question; more than half moved nothing on any other dev set).
    member_shared: float = 0.5
    #: A question of its own whose words name no document by themselves ("liên hệ số điện thoại nào", "ai ký"),
    #: after an answer from one, is answered from that document when its first source holds at least this share
    #: of what the best answer over all documents holds (``Answerer._stayed``; words naming a document: all of
    #: it). 0.3 to 0.7 alike on the four reviews' 216 conversations (two turns of review 11 right, none of the
    #: others moved); 0.0 bent "học trực tuyến thì học phí tính thế nào?" to the fees circular asked before.
    lean_share: float = 0.5
    #: A dated runner-up scoring this share of an undated best section answers a "when" question first.
    dated_runner_up: float = 0.6
    #: Among the best sections scoring at least ``runner_up`` of the first (the first three), one whose line stating
    #: what a "when" or "how much" question asks (a time, an amount), read with its headings, holds this much more
    #: of the question's terms beyond its document's header than the first's best such line answers first (a
    #: long amended article stating other dates ranks above the short one that says when the thing asked is
    #: done): 0.1 on dev, "when" questions alone probe +5, wide +1, nothing lost (0.075 +7 / -1, 0.05 +9 / -2;
    #: lines without their headings +6 / -2); with "how much" questions too, a further probe +7 / -3, wide +1
    #: (the three lost ask one target of a plan whose sibling target states a percentage of the same places;
    #: words' share alone, or the question's whole terms, lost more).
    figure_line_margin: float = 0.1
    #: Sections read for one whose range holds a number the question gives ("82 điểm": "từ 70 đến 84,5 điểm").
    given_depth: int = 10
    #: Least share of the question's content terms (IDF-weighted) the cited sections must hold to answer: 0.5 on
    #: dev (out-of-scope refused / in-scope refused: 0.45 gives wide .50/.021, original .67/.011; 0.5 wide
    #: .64/.026, original .92/.011; 0.55 wide .68/.026 but realqa refuses .067 against .033).
    min_coverage: float = 0.5
    #: The same when a content word of the question is unknown to every document ("phở", "cước").
    min_coverage_unknown: float = 0.55
    #: A question naming a place is refused when a section of another place's document among the first pass's
    #: ``elsewhere_read`` best units, a document whose title holds more of the question (its words besides the
    #: place) than the titles of the place's own evidence, holds at least this much more of it than that evidence:
    #: the topic is another place's ("quy chế thư điện tử công vụ của Cần Thơ" where only Đồng Tháp has one).
    #: Without the title condition 0.3 on dev (out of scope +2, nothing lost; 0.2 and 0.25 lost an in-scope question
    #: to a neighbour's plan of the same title among the five plans alike; the test reading on 3ed93d4 showed the
    #: original test split, on those five plans, one false refusal more, not looked into question by question, and
    #: this is the change of the session most able to refuse among them). With it, on dev: 0.3 the same +2,
    #: 0.2 and 0.15 one more out of scope refused, 0.1 two more but a wide question lost: 0.2.
    elsewhere_margin: float = 0.2
    #: A question asking for documents of some kinds ("Những kế hoạch nào về phòng chống thiên tai …") whose words
    #: lead to a document of another kind is not answered from that one alone when a document of a kind asked
    #: matches it at least this share as well (the plans at 0.77 of the storm-recovery resolution); below, the kind
    #: was named wrongly ("Thông tư nào quy định danh mục bí mật …" of a decision, the circulars at 0.45). No dev
    #: question moves between 0.5 and 0.9; read off those two.
    kinds_margin: float = 0.7
    #: … or holds more of it at all, when the question describes its document by its kind ("… trong kế hoạch
    #: chuyển đổi số giao thông": lexicon ``kind_named``) and that document's title holds this much more of the
    #: question than the titles of the place's own evidence (0.58 against 0.22, sections 0.58 against 0.41). Also
    #: for a unit's duties, otherwise not weighed. On dev, without the kind condition: 0.3 out of scope +1,
    #: nothing lost; 0.2 the same, 0.4 none; a review found it refusing a topic asked alone ("Bắc Ninh phát triển
    #: hạ tầng 5G …", answered by Bắc Ninh's broad plan) and the kind condition added.
    elsewhere_titled: float = 0.3
    elsewhere_read: int = 10
    #: A drafter's ranking counts fully the plans whose header matches the question's topic at least this share
    #: of the best plan's (those below, in proportion). No gold question measures it (the drafter questions are
    #: in the test split); 0.5 read off the header match of the topics of tests/test_answer.py over the 55
    #: documents (the five plans on one topic score 44-53, the next plan 9).
    drafting_topic: float = 0.5
    #: A cited document described by its words ("Thông tư nào quy định …?") answers when its description (kind,
    #: title, issuer, and the header of a document citing it) holds at least this share of the question's terms…
    described_min: float = 0.6
    #: … and this much more than any held document's header holds (else the question is about that document).
    #: 0.6 and 0.2 on dev: looser (0.5, 0.1) answers a wide question about a held document with a cited one
    #: (wide must .805 -> .799); the described questions of tests/test_answer.py score .65-.77 against held
    #: headers at most .46, and a held plan's own "số hiệu" question ties.
    described_over_held: float = 0.2
    #: Entries described at least this share as well as the best are alike; one not replaced comes first.
    described_margin: float = 0.9


@dataclass(frozen=True)
class Policy:
    search: SearchPolicy = SearchPolicy()
    answer: AnswerPolicy = AnswerPolicy()


DEFAULT = Policy()
