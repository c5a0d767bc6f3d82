"""Place resolution against the bundled division table (nlp.places)."""

from hypothesis import given
from hypothesis import strategies as st

from baoku.nlp.places import find_places, gazetteer, resolve_place


def test_resolve_place_filters() -> None:
    assert resolve_place("上海") == "上海市"
    assert resolve_place("奉贤") == "上海市/奉贤区"
    assert resolve_place("上海市奉贤区") == "上海市/奉贤区"
    assert resolve_place("河北省秦皇岛市海港区") == "河北省/秦皇岛市/海港区"
    assert resolve_place("佛山南海") == "广东省/佛山市/南海区"
    assert resolve_place("北京朝阳") == "北京市/朝阳区"


def test_ambiguous_and_unknown_names() -> None:
    assert resolve_place("朝阳区") is None  # Beijing and Changchun
    assert resolve_place("吉林") == "吉林省"  # the province outranks the city
    assert resolve_place("  ") is None
    assert resolve_place("工会") is None


def test_former_names_resolve_to_successor() -> None:
    assert resolve_place("襄樊市") == "湖北省/襄阳市"


def test_chain_is_one_match() -> None:
    [m] = find_places("在位于河北省秦皇岛市海港区的公司")
    assert m.text == "河北省秦皇岛市海港区"
    assert m.division is not None and m.division.level == "district"


def test_word_lookalikes_need_context() -> None:
    matches = find_places("打通投诉的快速通道")
    assert all(m.short_only for m in matches)


def test_municipality_not_repeated() -> None:
    assert "上海市/上海市" not in " ".join(gazetteer().by_path)


@given(st.text(max_size=200))
def test_find_places_offsets(text: str) -> None:
    for m in find_places(text):
        assert text[m.start : m.end] == m.text
        assert m.candidates
    resolve_place(text)
