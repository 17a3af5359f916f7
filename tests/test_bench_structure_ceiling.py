"""bench/structure_ceiling.py: the viewer's text beside the document is spliced where the viewer shows it."""

from bench.structure_ceiling import beside_the_document, overall

VIEWER = """# 제목

- 출처: 대한민국 정책브리핑 보도자료
- 부처: 가상부

## 본문

본문 한 줄

## 첨부파일

- 가상.hwpx
"""
OURS = "# 제목\n\n- 보도자료\n\n## 본문\n\n본문 한 줄\n"


def test_metadata_goes_under_the_title_and_the_attachment_list_last():
    spliced = beside_the_document(VIEWER, OURS)
    head, body = spliced.split("\n## 본문", 1)
    assert "- 출처: 대한민국 정책브리핑 보도자료\n- 부처: 가상부" in head
    assert head.startswith("# 제목\n\n- 보도자료")
    assert body.rstrip().endswith("## 첨부파일\n\n- 가상.hwpx")
    assert "본문 한 줄" in body


def test_a_missing_prediction_stays_missing():
    assert beside_the_document(VIEWER, "") == ""


def test_overall_is_the_mean_of_the_metrics_defined():
    assert overall({"nid": 0.5, "teds": None, "mhs": 1.0}) == 0.75
    assert overall({"nid": 0.5, "teds": "left out", "mhs": 0.5}) == 0.5
    assert overall({"nid": None, "teds": None, "mhs": None}) is None


def test_the_best_a_lone_file_can_give_is_the_viewer_text_less_metadata_and_attachments():
    from bench.structure_ceiling import without_what_is_beside

    best = without_what_is_beside(VIEWER)
    assert best.startswith("# 제목\n\n## 본문")
    assert "출처" not in best and "첨부파일" not in best and "가상.hwpx" not in best
    assert "본문 한 줄" in best
