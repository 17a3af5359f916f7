"""The section parsers on the real page texts of the corpus (`korea_kr/text/`, read in place)."""

from __future__ import annotations

import json
from datetime import datetime

from click.testing import CliRunner

from briefing_spider.cli import cli
from briefing_spider.parse.site_time import SEOUL
from tests.korea_kr_records import text_record

HANJEONGAE = "m_korea_kr_news_policyBriefingView_156706663.txt"


def read(corpus, name: str) -> str:
    return (corpus / "korea_kr" / "text" / name).read_text(encoding="utf-8")


def test_the_party_briefing_names_its_speaker(corpus):
    briefing = text_record(read(corpus, HANJEONGAE), "briefing")
    assert briefing["url"] == "https://www.korea.kr/briefing/policyBriefingView.do?newsId=156706663"
    assert [(a["name"], a["organization"], a["title"], a["role"]) for a in briefing["attendees"]] == [
        ("한정애", "더불어민주당", "정책위의장", "발표")
    ]
    (remarks,) = briefing["utterances"]  # the file is cut after the first speaker's remarks
    assert (remarks["speaker"], remarks["organization"], remarks["title"]) == ("한정애", "더불어민주당", "정책위의장")
    assert remarks["text"].startswith("언론인 여러분, 반갑습니다.\n오늘 제3차 고위당정협의회에서")
    assert len(remarks["text"].splitlines()) == 10  # every line after the speaker line
    assert briefing["title"] is None and briefing["published_at"] is None  # the mobile page text has no header


def test_briefing_parse_cli_names_the_speaker(corpus):
    path = corpus / "korea_kr" / "text" / HANJEONGAE
    result = CliRunner().invoke(cli, ["parse", str(path), "--kind", "briefing"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["kind"] == "briefing" and record["news_id"] == "156706663"
    assert [(u["speaker"], u["organization"], u["title"]) for u in record["utterances"]] == [
        ("한정애", "더불어민주당", "정책위의장")
    ]
    assert [(a["name"], a["role"]) for a in record["attendees"]] == [("한정애", "발표")]


def test_a_transcript_without_speaker_lines(corpus):
    briefing = text_record(read(corpus, "korea_kr_news_policyBriefingView_156454033.txt"), "briefing")
    assert not any(a["role"] == "발표" for a in briefing["attendees"])
    assert [(u["speaker"], len(u["text"].splitlines())) for u in briefing["utterances"]] == [(None, 16)]
    assert briefing["utterances"][0]["text"].startswith("제4차 가족실태조사 결과에 대해 말씀드리겠습니다.")


def test_the_old_blue_house_page_with_its_header(corpus):
    briefing = text_record(read(corpus, "korea_kr_briefing_blueHouseView_148854056.txt"), "briefing")
    assert (briefing["title"], briefing["published_at"], briefing["ministry"]) == (
        "윤영찬 국민소통수석 인사말",
        datetime(2018, 9, 17, tzinfo=SEOUL).isoformat(),
        "청와대",
    )
    assert briefing["news_id"] == "148854056" and "blueHouseView.do" in briefing["url"]  # another section's address
    assert briefing["attendees"] == []  # the speaker introduces himself in prose, not in a speaker line
    assert [(u["speaker"], len(u["text"].splitlines())) for u in briefing["utterances"]] == [(None, 3)]
    assert briefing["body_text"].startswith("안녕하세요. 청와대 국민소통수석 윤영찬입니다.")
