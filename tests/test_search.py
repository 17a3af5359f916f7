from datetime import datetime

import pytest

from bench.archive_corpus import QUERIES, corpus_releases
from briefing_spider.archive import open_archive
from briefing_spider.archive.filters import FilterError
from briefing_spider.archive.save import save_briefing
from briefing_spider.archive.search import SearchError, grams, match_expression, rebuild_search_index, search, snippet
from briefing_spider.parse.site_time import SEOUL
from briefing_spider.records import Footnote
from tests.releases import make_release

SEEN = datetime(2026, 7, 23, 2, 30, tzinfo=SEOUL)
TEXTS = {  # synthetic sentences with the forms the search must find
    "1": ("핵심광물의 공급망 점검 회의", "정부는 핵심광물의 비축을 늘린다. MSP 회의에 참석했다.", "외교부"),
    "2": ("내년 예산안 발표", "국방 예산과 청년 일자리 예산을 늘린다.", "기획재정부"),
    "3": ("대변인 정례 브리핑", "강인선 제2차관은 오늘 회의를 주재했다.", "외교부"),
    "4": ("청사 이전 안내", "세종 청사 이전 일정을 알린다.", "행정안전부"),
}


def release(news_id, title, body, ministry, day=13, **changes):
    return make_release(
        news_id,
        title=title,
        published_at=datetime(2026, 4, day, 9, tzinfo=SEOUL),
        ministry=ministry,
        body_text=body,
        **changes,
    )


@pytest.fixture
def db(tmp_path):
    db = open_archive(tmp_path / "briefings.db")
    for n, (news_id, (title, body, ministry)) in enumerate(TEXTS.items()):
        save_briefing(db, release(news_id, title, body, ministry, day=10 + n), seen_at=SEEN)
    return db


def ids(hits):
    return {h.news_id for h in hits}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("핵심광물", {"1"}),
        ("예산", {"2"}),
        ("국방", {"2"}),
        ("청년", {"2"}),
        ("강인선", {"3"}),
        ("MSP", {"1"}),
        ("msp", {"1"}),
        ("2차관", {"3"}),
        ("청", {"2", "4"}),
        ("청년 예산", {"2"}),
    ],
)
def test_finds_words_inside_words_short_words_names_and_abbreviations(db, query, expected):
    assert ids(search(db, query)) == expected


def test_title_matches_rank_first_and_snippets_mark_the_words(db):
    save_briefing(db, release("5", "예산 집행 점검", "집행 점검 결과를 알린다. 예산 ", "기획재정부"), seen_at=SEEN)
    hits = search(db, "예산")
    assert hits[0].news_id == "5" and ids(hits) == {"2", "5"}
    assert "[예산]" in hits[1].snippet and hits[1].title == "내년 예산안 발표"


def test_one_syllable_queries_list_the_newest_first(db):
    assert [h.news_id for h in search(db, "청")] == ["4", "2"]
    assert [h.news_id for h in search(db, "청", since="2026-04-01")] == ["4", "2"]


def test_footnotes_are_searched_and_edits_reindexed(db):
    note = Footnote(marker="※", text="자세한 내용은 붙임 참고", raw="※ 자세한 내용은 붙임 참고")
    save_briefing(db, release("1", *TEXTS["1"], footnotes=(note,)), seen_at=SEEN)
    assert ids(search(db, "붙임")) == {"1"}
    save_briefing(db, release("1", "새 제목", "새 본문", "외교부"), seen_at=SEEN)
    assert ids(search(db, "붙임")) == set() and ids(search(db, "핵심광물")) == set()
    assert db.execute("SELECT count(*) FROM search_documents").fetchone()[0] == len(TEXTS)
    assert ids(search(db, "새")) == {"1"}


def test_filters_by_ministry_lineage_and_dates(db):
    assert ids(search(db, "회의", ministry="외교부")) == {"1", "3"}
    assert ids(search(db, "회의", ministry="외교부", since="2026-04-12")) == {"3"}
    assert ids(search(db, "예산", until="2026-04-10")) == set()
    assert ids(search(db, "예산", ministry="기재부")) == {"2"}  # a short form from the registry
    with pytest.raises(FilterError, match="--since"):
        search(db, "예산", since="13 April")
    with pytest.raises(FilterError, match="--ministry '없는부'"):
        search(db, "예산", ministry="없는부")


@pytest.mark.parametrize("wildcard", ["%", "_", "%부", "기_부", "기재부|외교부"])
def test_ministry_wildcards_are_characters_not_like_patterns(db, wildcard):
    with pytest.raises(FilterError, match="not in the ministry registry nor in the archive"):
        search(db, "예산", ministry=wildcard)


def test_queries_are_never_fts_syntax():
    assert match_expression('"예산" OR NEAR(국방') == '{title_grams body_grams} : ("예산" AND "or" * AND "near 국방")'
    with pytest.raises(SearchError, match="nothing to search"):
        match_expression("*** ()")


def test_rebuild_restores_a_lost_index(db):
    db.execute("INSERT INTO search_index(search_index) VALUES ('delete-all')")
    assert search(db, "예산") == []
    assert rebuild_search_index(db) == len(TEXTS)
    assert ids(search(db, "예산")) == {"2"}


def test_grams_and_snippet():
    assert grams("핵심광물의 MSP") == "핵심 심광 광물 물의 의 msp"
    assert snippet("가" * 100 + " 예산 " + "나" * 100, ["예산"], width=5) == "…가가가가 [예산] 나나나나…"


def test_grams_follow_the_piece_rules_run_by_run():
    """grams() scans the whole text in one regex; the rules, run by run, give the same pieces."""
    import random
    import re

    syllabic = "\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3\u3400-\u4dbf\u4e00-\u9fff"

    def by_runs(text):
        pieces = []
        for run in re.findall(f"[{syllabic}]+|[^\\W_{syllabic}]+", text):
            if re.match(f"[{syllabic}]", run):
                pieces += [run[i : i + 2] for i in range(len(run) - 1)] + [run[-1]]
            else:
                pieces.append(run.lower())
        return " ".join(pieces)

    rng = random.Random(3)
    alphabet = "가나핵심광물의 漢字ㄱㅏ ABCabcΣΟΔΟΣİß 123_-.,\n·ＡＢ①½" + "".join(
        chr(rng.randrange(32, 0x3000)) for _ in range(200)
    )
    for _ in range(5000):
        text = "".join(rng.choices(alphabet, k=rng.randint(0, 25)))
        assert grams(text) == by_runs(text), text


def test_recall_on_the_real_corpus_matches_a_brute_force_scan(tmp_path, corpus):
    db = open_archive(tmp_path / "corpus.db")
    releases = corpus_releases(corpus / "korea_kr")
    with db.atomic():
        for r in releases:
            save_briefing(db, r, seen_at=SEEN)
    for query in QUERIES:
        words = query.lower().split()
        truth = {r.news_id for r in releases if all(w in f"{r.title} {r.body_text}".lower() for w in words)}
        found = ids(search(db, query, limit=len(releases)))
        if query.isascii() and query.isalpha():  # Latin runs match from their start: "AI" does
            assert found <= truth, query  # not find "KAI" (docs/search.md)
        else:
            assert found == truth, query
