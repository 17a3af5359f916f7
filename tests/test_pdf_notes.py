"""Notes in PDF text (visual lines grouped into paragraphs by the PDF reader): a note that wraps
onto the next visual lines is one note; the body sentence after it is not part of it; a page
number is no sub-line. Invented examples."""

from briefing_spider.parse.documents.model import DocumentText, Paragraph
from briefing_spider.parse.footnotes import extract_footnotes
from briefing_spider.parse.text_lines import lines_of

FULL = "□ 가나부는 올해 다라 사업의 지원 대상을 넓히고 절차를 간소화하여 현장의 부담을 덜기로 하였다."


def notes(*paragraphs):
    blocks = tuple(Paragraph(lines=tuple(lines)) for lines in paragraphs)
    document = DocumentText(kind="pdf", blocks=blocks, text="", paragraphs=len(blocks))
    return [(n.marker, n.text) for n in extract_footnotes(lines_of(document), pdf=True)]


def test_a_body_paragraph_sharing_the_notes_pdf_paragraph_is_not_the_note():
    assert notes(
        [FULL],
        [
            "* 가나부 본예산 10조원 → 추경 11조원(+1조원)",
            " 가나부는 추경이 현장에 빨리 집행되도록",
            "절차를 줄여 나갈 예정이다.",
        ],
    ) == [("*", "가나부 본예산 10조원 → 추경 11조원(+1조원)")]


def test_a_hanging_wrap_after_a_comma_continues_the_note():
    assert notes(
        [FULL],
        [
            " * [참석] 가나부 장관, 다라청장, 마바공사,",
            " 사아은행·자차보증기금 등",
            " 카타부는 이날 회의에서 대책을 논의하였다.",
        ],
    ) == [("*", "[참석] 가나부 장관, 다라청장, 마바공사, 사아은행·자차보증기금 등")]


def test_a_flush_wrap_of_an_indented_note_and_the_body_after_it():
    assert notes(
        [FULL],
        [" * 포괄적 다라협정(ABC, Alpha Beta Cooperation Partnership Agreement and More Words) :"],
        ["기존 협정의 틀에 유연성을 더한 형태의 협정"],
        [" 가나부는 이번 협상에서 마바국과 상품 분야를 논의하였다."],
    ) == [
        (
            "*",
            "포괄적 다라협정(ABC, Alpha Beta Cooperation Partnership Agreement and More Words) : 기존 협정의 틀에 유연성을 더한 형태의 협정",
        )
    ]


def test_a_page_number_under_a_note_is_no_sub_line():
    assert notes(["※ 주말 보도 유의 : 4월 5일(일) 12시부터 보도 가능 ※"], ["- 2 -"]) == [
        ("※", "주말 보도 유의 : 4월 5일(일) 12시부터 보도 가능 ※")
    ]


def test_a_sub_line_under_a_pdf_note_joins_it():
    assert notes(["* 지원 대상 : 가나 분야 중소기업"], ["- 다라 분야는 내년부터 포함"]) == [
        ("*", "지원 대상 : 가나 분야 중소기업 - 다라 분야는 내년부터 포함")
    ]


def test_an_indented_note_that_ran_to_the_margin_goes_on_at_the_left_margin_a_short_one_does_not():
    full = " * 가나 지원 사업은 다라 분야와 마바 분야의 중소기업 가운데 수출 실적이 있는 기업을 대상으로"
    body = [FULL, FULL, FULL]
    assert notes(*[[line] for line in body], [full], ["선정하여 지원하는 사업"], [FULL]) == [
        ("*", full.strip()[2:] + " 선정하여 지원하는 사업")
    ]
    assert notes(*[[line] for line in body], [" * 가나 지원 대상 확대"], ["다라 분야 현황"], [FULL]) == [
        ("*", "가나 지원 대상 확대")
    ]
