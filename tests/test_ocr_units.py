"""OCR line finding and line clean-up on synthetic ink: gutters, rules, stacked lines, sizes.

The page geometry here is drawn with numpy (glyphs are solid squares on a character grid), so
each rule of ``ocr._split_at_gutters`` and ``ocr_lines`` is checked without running a model.
"""

from __future__ import annotations

import numpy as np

from baoku.ingest.ocr import (
    OcrBox,
    OcrSettings,
    _drop_duplicates,
    _missed_lines,
    _rows,
    _split_at_gutters,
    _split_lines,
    ctc_decode,
)
from baoku.ingest.ocr_lines import _full_width, _snap_sizes, boxes_to_lines

EM = 20  # glyph cell (px)
PITCH = 28  # line pitch (px)
GUTTER = 26  # blank between the two columns (px)
CHARS = 10  # characters per column line


def _page(lines: int = 8, comma_at: tuple[int, int] | None = None) -> np.ndarray:
    """Two columns of solid glyphs; ``comma_at`` = (line, cell) in the left column holds a
    comma instead (ink only in the lower-left corner of its cell)."""
    ink = np.zeros((40 + lines * PITCH, 2 * CHARS * EM + GUTTER + 40), dtype=bool)
    for ln in range(lines):
        top = 20 + ln * PITCH
        for col in range(2):
            left = 20 + col * (CHARS * EM + GUTTER)
            for cell in range(CHARS):
                x = left + cell * EM
                if comma_at == (ln, cell) and col == 0:
                    ink[top + 13 : top + 19, x + 1 : x + 6] = True
                else:
                    ink[top + 1 : top + 19, x + 1 : x + 19] = True
    return ink


def _row(ln: int) -> tuple[int, int, int, int]:
    top = 20 + ln * PITCH
    return (21, top + 1, 20 + 2 * CHARS * EM + GUTTER - 1, top + 19)


def test_row_across_a_gutter_is_cut_in_two() -> None:
    ink = _page()
    pieces = _split_at_gutters(ink, _row(3), 18, [], OcrSettings())
    assert len(pieces) == 2
    left, right = pieces
    assert left[2] <= 20 + CHARS * EM and right[0] >= 20 + CHARS * EM + GUTTER


def test_gap_after_a_comma_is_not_a_gutter() -> None:
    # The comma leaves a blank as wide as most of an em, but the lines above and below have
    # glyphs there: the row is cut at the gutter only.
    ink = _page(comma_at=(3, 4))
    pieces = _split_at_gutters(ink, _row(3), 18, [], OcrSettings())
    assert len(pieces) == 2


def test_commas_lined_up_on_a_few_lines_are_not_a_gutter() -> None:
    ink = _page()
    for ln in (2, 3, 4):  # three commas one above the other: a coincidence, not a gutter
        top, x = 20 + ln * PITCH, 20 + 4 * EM
        ink[top : top + 20, x : x + EM] = False
        ink[top + 13 : top + 19, x + 1 : x + 6] = True
    assert len(_split_at_gutters(ink, _row(3), 18, [], OcrSettings())) == 2


def test_vertical_rule_cuts_a_row_even_without_a_wide_gap() -> None:
    ink = np.zeros((60, 200), dtype=bool)
    ink[20:38, 10:95] = True
    ink[20:38, 105:190] = True  # 10 px apart: far narrower than a gutter
    rule = (99, 0, 101, 60)
    pieces = _split_at_gutters(ink, (10, 20, 190, 38), 18, [rule], OcrSettings())
    assert [(p[0], p[2]) for p in pieces] == [(10, 95), (105, 190)]


def test_piece_spanning_two_lines_is_split() -> None:
    ink = np.zeros((80, 100), dtype=bool)
    ink[10:28, 5:95] = True
    ink[38:56, 5:95] = True
    ink[64:68, 5:95] = True  # a sliver of the next line's top
    out = _split_lines(ink, (0, 0, 100, 70), 18)
    assert [(p[1], p[3]) for p in out] == [(10, 28), (38, 56)]


def test_headline_and_its_question_mark_form_one_row() -> None:
    head = (100, 50, 500, 110)
    mark = (520, 85, 545, 110)  # "？": short ink, inside the headline's band, close by
    caption = (700, 95, 900, 110)  # small text far to the right
    rows = _rows([head, mark, caption], 3.0)
    assert (100, 50, 545, 110) in rows
    assert caption in rows


def test_half_width_punctuation_quotes_and_bars_in_chinese_text() -> None:
    assert _full_width("好吗?是的,对") == "好吗？是的，对"
    assert _full_width('举办“国风"主题') == "举办“国风”主题"
    assert _full_width("从“碎片化“转向“全链条”") == "从“碎片化”转向“全链条”"
    assert _full_width("|广西工会") == "广西工会"
    assert _full_width('say "hi" now') == 'say "hi" now'


def test_body_sizes_snap_to_one_value() -> None:
    sizes = [9.6, 9.9, 10.3, 10.0, 9.8, 14.7, 28.0]
    out, body = _snap_sizes(sizes, [20, 20, 20, 20, 20, 15, 8])
    assert len({out[i] for i in range(5)}) == 1 and body == out[0]
    assert out[5] != body and out[6] != body


def _box(text: str, x0: int, top: int, x1: int, bottom: int) -> OcrBox:
    return OcrBox(text, x0, top, x1, bottom, confidence=0.99, stroke=3.0)


def test_two_line_headline_gets_one_size() -> None:
    body = [_box("这是正文的一行文字内容", 0, 300 + 30 * i, 270, 324 + 30 * i) for i in range(12)]
    # Ink heights of the two headline lines differ by ~8% (different glyphs).
    head = [_box("安全生产责任链如", 40, 100, 500, 166), _box("何落到实处？", 60, 180, 440, 241)]
    lines = boxes_to_lines([*body, *head], 1.0)
    sizes = {ln.text: ln.size for ln in lines}
    assert sizes["安全生产责任链如"] == sizes["何落到实处？"]
    assert sizes["安全生产责任链如"] > 1.25 * sizes["这是正文的一行文字内容"]


def test_ellipsis_and_dash_runs_beside_chinese_become_two_em_marks() -> None:
    assert _full_where("村医生…·.当这些") == "村医生……当这些"
    assert _full_where("村医生··当这些") == "村医生……当这些"
    assert _full_where("问题—-一些企业") == "问题——一些企业"
    # A lone middle dot is the separator in foreign names; digits keep their hyphen.
    assert _full_where("马克·吐温") == "马克·吐温"
    assert _full_where("2022-2023") == "2022-2023"


_full_where = _full_width

CHARS_TABLE = ["blank", "职", "工", "、", "‘", "之", " "]


def _frames(rows: list[list[tuple[int, float]]]) -> tuple[np.ndarray, np.ndarray]:
    idx = np.array([[c for c, _ in r] for r in rows])
    prob = np.array([[p for _, p in r] for r in rows], dtype=np.float32)
    return idx, prob


def test_ctc_decode_rescues_a_mark_scored_just_below_blank() -> None:
    # 职 _ (blank, runner-up 、 at 0.3) 工 : the mark is emitted between two characters.
    idx, prob = _frames(
        [[(1, 0.9), (0, 0.1)], [(0, 0.6), (3, 0.3)], [(0, 0.9), (3, 0.05)], [(2, 0.9), (0, 0.1)]]
    )
    assert ctc_decode(idx, prob, CHARS_TABLE, 0.1)[0] == "职、工"
    assert ctc_decode(idx, prob, CHARS_TABLE, 1.0)[0] == "职工"
    # A runner-up that is not a mark of the list, or a mark before the first character,
    # is left out: only a mark between characters read is rescued.
    idx2, prob2 = _frames([[(0, 0.6), (4, 0.3)], [(1, 0.9), (0, 0.1)], [(0, 0.6), (5, 0.35)]])
    assert ctc_decode(idx2, prob2, CHARS_TABLE, 0.1)[0] == "职"


def test_pieces_mostly_inside_other_pieces_are_dropped() -> None:
    line = (10, 10, 200, 30)
    sliver = (10, 18, 200, 28)  # a half-height band of the same line, from a multi-line box
    other = (10, 40, 200, 60)
    assert _drop_duplicates([sliver, line, other], (100, 300)) == [line, other]
    # Identical pieces: one stays.
    assert _drop_duplicates([line, line], (100, 300)) == [line]


def test_lines_the_detector_missed_are_found_in_the_leftover_ink() -> None:
    ink = _page(lines=6)
    found = [_row(ln) for ln in range(6) if ln not in (2, 3)]
    missed = _missed_lines(ink, found, 18)
    # Two lines in each of the two columns (the gutter is wider than the glyph join).
    assert sorted(b[1] for b in missed) == [20 + 2 * PITCH + 1] * 2 + [20 + 3 * PITCH + 1] * 2
    # A speck and a lone glyph the detector cut off are not lines.
    ink2 = _page(lines=1)
    ink2[5:7, 5:7] = True
    row = _row(0)
    assert _missed_lines(ink2, [(row[0] + EM, row[1], row[2], row[3])], 18) == []


def test_stacked_byline_lines_share_one_weight() -> None:
    body = [_box("这是正文的一行文字内容，", 0, 300 + 30 * i, 290, 324 + 30 * i) for i in range(12)]
    heavy = OcrBox("本报记者李娜", 0, 200, 150, 224, confidence=0.99, stroke=4.4)
    light = OcrBox("本报通讯员潘文苑", 0, 230, 200, 254, confidence=0.99, stroke=3.6)
    lines = {ln.text: ln.bold for ln in boxes_to_lines([*body, heavy, light], 1.0)}
    assert lines["本报记者李娜"] and lines["本报通讯员潘文苑"]
    assert not lines["这是正文的一行文字内容，"]


def test_continuation_notice_is_cut_from_the_next_columns_text() -> None:
    from baoku.ingest.ocr_lines import _split_at_markers
    from baoku.ingest.records import BBox, TextLine, TextSource

    line = TextLine(
        "（下转第3版）贴出后，52名职工", BBox(100, 500, 260, 510), 10.0, source=TextSource.OCR
    )
    head, tail = _split_at_markers(line)
    assert head.text == "（下转第3版）" and tail.text == "贴出后，52名职工"
    assert head.bbox.x1 == tail.bbox.x0 and 100 < head.bbox.x1 < 260
    before, notice = _split_at_markers(
        TextLine("前一栏的文字（上接第1版）", BBox(0, 0, 120, 10), 10.0, source=TextSource.OCR)
    )
    assert before.text == "前一栏的文字" and notice.text == "（上接第1版）"
    alone = TextLine("（下转第2版）", BBox(0, 0, 60, 10), 10.0)
    assert _split_at_markers(alone) == [alone]


def test_yi_pair_with_dash_weight_becomes_a_two_em_dash() -> None:
    table = ["blank", "职", "一", "—", "工"]
    # 职 一 _ 一 工, the dash class the runner-up beside each 一: a dash misread.
    rows = [[(1, 0.9), (0, 0.1)], [(2, 0.7), (3, 0.2)], [(0, 0.9), (3, 0.05)]]
    rows += [[(2, 0.8), (3, 0.15)], [(4, 0.9), (0, 0.1)]]
    assert ctc_decode(*_frames(rows), table, 0.1)[0] == "职——工"
    # A real 一一 (一一对应): the dash class gets almost nothing.
    real = [[(1, 0.9), (0, 0.1)], [(2, 0.97), (3, 0.02)], [(0, 0.9), (3, 0.01)]]
    real += [[(2, 0.97), (3, 0.01)], [(4, 0.9), (0, 0.1)]]
    assert ctc_decode(*_frames(real), table, 0.1)[0] == "职一一工"


def test_heavy_face_is_told_by_thick_horizontal_strokes() -> None:
    from baoku.ingest.ocr import _stroke

    # Song-like glyphs: 3 px verticals, 1 px horizontals; Hei-like: 3 px both ways.
    def glyphs(horizontal: int) -> np.ndarray:
        ink = np.zeros((24, 200), dtype=bool)
        for x in range(0, 200, 25):
            ink[2:22, x + 5 : x + 8] = True  # a vertical stroke
            ink[6 : 6 + horizontal, x + 2 : x + 20] = True  # two horizontal strokes
            ink[15 : 15 + horizontal, x + 2 : x + 20] = True
        return ink

    song = _stroke(glyphs(1), (0, 0, 200, 24))
    hei = _stroke(glyphs(3), (0, 0, 200, 24))
    assert hei > 1.3 * song


def test_column_rule_running_past_a_frame_stays_a_rule() -> None:
    from baoku.ingest.records import BBox
    from baoku.ingest.scan_furniture import _frames as find_frames

    hrules = [BBox(40, 100, 224, 101), BBox(40, 200, 224, 201)]
    # The box's own right side, and a column rule 4 pt further that runs far below it.
    vrules = [BBox(40, 100, 41, 201), BBox(228, 100, 229, 400), BBox(223, 100, 224, 201)]
    frames, _, used_v = find_frames(hrules, vrules, 6.0)
    assert len(frames) == 1
    assert used_v == {0, 2}


def test_row_ending_halfway_down_a_line_grows_to_that_lines_edge() -> None:
    from baoku.ingest.ocr import _grow_cut_edges

    ink = _page(lines=3)
    top1 = 20 + PITCH  # the second line's glyphs span rows top1+1 .. top1+18
    x0, x1 = 21, 20 + CHARS * EM - 1
    # A detector box over the first line and the upper half of the second.
    grown = _grow_cut_edges(ink, (x0, 21, x1, top1 + 10), 18)
    assert grown[3] == top1 + 19 and grown[1] == 21
    pieces = _split_lines(ink, grown, 18)
    assert len(pieces) == 2 and pieces[1][3] - pieces[1][1] == 18
    # A box that ends on the paper between lines stays as it is.
    assert _grow_cut_edges(ink, (x0, 21, x1, 39), 18) == (x0, 21, x1, 39)
