"""A release is all of its documents: the release document is chosen by name and content, and
contacts, footnotes and attendees come from every distinct document. Synthetic texts only."""

import datetime as dt
from datetime import datetime

import pytest

from briefing_spider.contract.page import AttachmentLink, DetailPage
from briefing_spider.contract.registry import get_site
from briefing_spider.parse.assemble import AttachmentPart, build_release
from briefing_spider.parse.documents.model import DocumentText, Paragraph
from briefing_spider.parse.release_documents import (
    ANNEX_RANK,
    NEUTRAL_RANK,
    RELEASE_RANK,
    ReleaseDocument,
    choose_release_document,
    has_contact_block,
    name_rank,
    read_release_facts,
)
from briefing_spider.parse.site_time import SEOUL
from tests.fixtures.documents import make_hwpx

P = dt.date(2026, 4, 13)
CONTACT = ["담당 부서 : 가나정책과", "책임자 과  장 홍길동 (044-000-1111)", "담당자 사무관 김철수 (kcs@example.go.kr)"]
RELEASE_LINES = [
    "□ 가나 부총리는 4.13일(월) 08:00 정부청사에서 제9차 장관회의를 주재하였다.",
    "* 참석자: 경제부총리(주재), 산업부, 국토부 등 관계부처 장차관",
    "□ 이번 회의에서는 가나 안건과 다라 안건을 폭넓게 논의하였다.",
    *CONTACT,
]
SPEECH_LINES = [
    "존경하는 국민 여러분, 오늘 회의에서는 마바 현안을 점검하겠습니다.",
    "※ 예: 사아 제도 개선 방안",
    "감사합니다.",
]


def doc(position, name, lines, kind="hwpx"):
    text = "\n".join(lines)
    blocks = tuple(Paragraph(lines=(line,)) for line in lines)
    return ReleaseDocument(
        position=position,
        name=name,
        kind=kind,
        document=DocumentText(kind=kind, blocks=blocks, text=text, paragraphs=len(lines)),
    )


@pytest.mark.parametrize(
    ("name", "rank"),
    [
        ("2. (보도자료) 가나 회의.pdf", RELEASE_RANK),
        ("[4.13.보도참고자료] 가나 발표.hwpx", RELEASE_RANK),
        ("0413 가나 유적 이야기(본문).hwpx", RELEASE_RANK),
        ("[별첨] (모두말씀) 가나 회의.hwpx", ANNEX_RANK),
        ("0413 가나 유적 이야기(붙임1,2).pdf", ANNEX_RANK),
        ("[참고] 가나 현황표.hwpx", ANNEX_RANK),
        ("(사진) 가나 행사.pdf", ANNEX_RANK),
        ("붙임 참석자 명단.hwpx", ANNEX_RANK),
        ("(참고자료) 가나 추경 확정.hwpx", NEUTRAL_RANK),  # a 참고자료 release, not a [참고] annex
        ("가나 사진전 개최 안내.hwpx", NEUTRAL_RANK),  # 사진 in the title, not a tag
        ("가나 신임 임용 대상자 명단 공개.hwpx", NEUTRAL_RANK),
        ("260413 가나 발표.hwpx", NEUTRAL_RANK),
    ],
)
def test_name_rank(name, rank):
    assert name_rank(name) == rank


def test_contact_block_needs_a_role_with_a_phone_or_email():
    assert has_contact_block("\n".join(CONTACT))
    assert has_contact_block("담당자 | 사무관 | 이가나 | (lgn@example.go.kr)")
    assert not has_contact_block("현장의 담당자 여러분께 감사드립니다.")


def test_the_release_named_document_wins_over_an_annex_listed_first():
    speech, release = (
        doc(0, "[별첨] (모두말씀) 가나 회의.hwpx", SPEECH_LINES),
        doc(1, "2. (보도자료) 가나 회의.pdf", RELEASE_LINES, "pdf"),
    )
    assert choose_release_document([speech, release]) is release


def test_with_neutral_names_the_document_with_the_contact_block_wins():
    speech, release = doc(0, "가나 회의 A.hwpx", SPEECH_LINES), doc(1, "가나 회의 B.pdf", RELEASE_LINES, "pdf")
    assert choose_release_document([speech, release]) is release


def test_among_equals_hwpx_comes_before_pdf_then_the_list_order():
    pdf, hwpx = doc(0, "가나.pdf", RELEASE_LINES, "pdf"), doc(1, "가나.hwpx", RELEASE_LINES)
    assert choose_release_document([pdf, hwpx]) is hwpx
    first, second = doc(0, "가나 1.hwpx", RELEASE_LINES), doc(1, "가나 2.hwpx", RELEASE_LINES)
    assert choose_release_document([first, second]) is first
    assert choose_release_document([doc(0, "빈.hwpx", [" "])]) is None


def test_facts_come_from_every_distinct_document_each_with_its_attachment():
    speech, release = (
        doc(0, "[별첨] (모두말씀) 가나 회의.hwpx", SPEECH_LINES),
        doc(1, "(보도자료) 가나 회의.pdf", RELEASE_LINES, "pdf"),
    )
    facts = read_release_facts([speech, release], published=P)
    assert [(a.organization, a.attachment_position) for a in facts.attendees] == [
        (None, 1),
        ("산업부", 1),
        ("국토부", 1),
    ]
    assert [(f.marker, f.attachment_position) for f in facts.footnotes] == [("*", 1), ("※", 0)]
    assert {c.attachment_position for c in facts.contacts} == {1}
    assert facts.event_at == "2026-04-13T08:00:00+09:00"  # the release document's, not the speech's


def test_the_same_document_in_another_format_is_read_once():
    hwpx = doc(0, "가나 보도자료.hwpx", RELEASE_LINES)
    # The PDF of the same text, its lines broken elsewhere and one word read differently.
    pdf_lines = [line.replace("폭넓게", "폭 넓게") for line in RELEASE_LINES[:2]] + RELEASE_LINES[2:]
    pdf = doc(1, "가나 보도자료.pdf", pdf_lines, "pdf")
    facts = read_release_facts([hwpx, pdf], published=P)
    assert {item.attachment_position for item in (*facts.contacts, *facts.footnotes, *facts.attendees)} == {0}
    assert len(facts.attendees) == 3 and len(facts.contacts) == 2


def test_an_item_in_two_distinct_documents_is_kept_once_but_repeats_within_one_stay():
    release = doc(0, "가나 보도자료.hwpx", RELEASE_LINES + ["※ 같은 주석", "※ 같은 주석"])
    annex = doc(1, "[붙임] 가나 현황.hwpx", ["가나 현황표 마바 사아 자차 카타 파하", "※ 같은 주석"])
    facts = read_release_facts([release, annex], published=P)
    assert [(f.text, f.attachment_position) for f in facts.footnotes if f.text == "같은 주석"] == [
        ("같은 주석", 0),
        ("같은 주석", 0),
    ]


def test_page_body_items_have_no_attachment():
    facts = read_release_facts([], page_text="\n".join(RELEASE_LINES), published=P)
    assert facts.attendees and all(a.attachment_position is None for a in facts.attendees)
    assert facts.event_at == "2026-04-13T08:00:00+09:00"


def test_build_release_reads_the_release_pdf_behind_an_annex_hwpx():
    """The shape of a release whose first HWPX is an attached speech and whose 보도자료 is a PDF
    (as in the corpus): the body is the 보도자료, attendees come from it, every text is kept."""
    speech = make_hwpx(SPEECH_LINES)
    release = make_hwpx(RELEASE_LINES)
    links = [
        AttachmentLink(name="[별첨] (모두말씀) 가나 회의.hwpx", url="https://example.test/1", file_id="1"),
        AttachmentLink(name="2. (보도자료) 가나 회의.hwpx", url="https://example.test/2", file_id="2"),
    ]
    detail = DetailPage(
        news_id="900000001",
        url="https://example.test/view",
        title="가나 회의 개최",
        published_at=datetime(2026, 4, 13, 9, 30, tzinfo=SEOUL),
        modified_at=None,
        ministry="재정경제부",
        ministry_code=None,
        body_html="",
        body_text="",
        attachments=tuple(links),
    )
    built = build_release(
        detail,
        [
            AttachmentPart(link=links[0], body=speech, sha256="a"),
            AttachmentPart(link=links[1], body=release, sha256="b"),
        ],
        site="korea_kr",
        section=get_site("korea_kr").section("press_release"),
    )
    assert built.body_source == "hwpx" and "장관회의를 주재하였다" in built.body_text
    assert all(a.text for a in built.attachments)
    assert [(a.organization_canonical, a.attachment_position) for a in built.attendees] == [
        (None, 1),
        ("산업통상부", 1),
        ("국토교통부", 1),
    ]
    assert built.contacts[0].title == "과장" and built.contacts[0].raw.count("과  장") == 1
    assert built.contacts[1].email == "kcs@example.go.kr"
    assert built.event_at == "2026-04-13T08:00:00+09:00"
