"""Round 12: figure measures (and the 最高 cap) on shapes found in sets 19 and 20.

The passages are invented (工人日报 style, own topics and places) and annotated by hand before
the code changed; each test names the grammatical reason the rule rests on.  They run end to
end through ``analyze_article`` (``tests.fixtures.nlp_sentences``), so they measure what users
get.  ``OWN`` lists the annotated passages: (text, figure surface, qualifier, accepted
measures); ``None`` as the qualifier leaves it unchecked.
"""

from __future__ import annotations

import pytest

from baoku.nlp.measure_words import figure_lexicon, word_tags
from baoku.nlp.measures import measure_before
from baoku.nlp.quantities import find_quantities
from baoku.nlp.rates import rate_of_percent
from tests.fixtures.nlp_sentences import figure_of, figures_of

OWN: list[tuple[str, str, str | None, tuple[str, ...]]] = [
    # 最高/最低 printed right before an amount bound it (a cap, a floor), as 不超过/不少于 do
    ("参加互助保障的职工因病住院，每次理赔金额最高8000元。", "最高8000元", "under", ("理赔金额",)),
    ("获评“金牌工匠”的职工可领取最高5万元的奖励。", "最高5万元", "under", ("奖励",)),
    ("困难职工家庭的年度救助金最低1500元。", "最低1500元", "over", ("救助金", "年度救助金")),
    # a superlative inside the noun phrase names a realised maximum: the amount is exact
    (
        "活动共发放助学金86万元，单人最高资助达1.2万元。",
        "1.2万元",
        "exact",
        ("单人最高资助", "最高资助", "资助"),
    ),
    # a word followed by the aspect particle 了 is the predicate, whatever the lexicon says
    ("县总工会今年还专门编印了维权手册5000册。", "5000册", "exact", ("维权手册",)),
    # 被 + a verb in front of a noun is a passive participle, part of the noun phrase
    (
        "该区1300名被征地农民参加了技能培训。",
        "1300名",
        "exact",
        ("被征地农民", "农民"),
    ),
    (
        "各乡镇被征地农民参保率均超过九成。",
        "超过九成",
        "over",
        ("被征地农民参保率", "参保率"),
    ),
    # a noun and a verb before a grant word say what the grant is for (学历|提升|补助)
    (
        "对考取高级工证书的职工，给予一次性素质提升奖励1000元。",
        "1000元",
        "exact",
        ("一次性素质提升奖励", "素质提升奖励", "奖励"),
    ),
    ("市总工会发放能力提升补贴45万元。", "45万元", "exact", ("能力提升补贴", "补贴")),
    (
        "市总工会为320名一线职工发放学历提升补助96万元。",
        "96万元",
        "exact",
        ("学历提升补助", "补助"),
    ),
    # 每 + one character is a distributive word (per parcel, per shift), no part of the measure
    ("快递企业为投递员增发防寒补贴，每件补贴0.2元。", "0.2元", "exact", ("补贴", "防寒补贴")),
    ("园区食堂为夜班职工供应免费夜宵，每班补助30元。", "30元", "exact", ("补助",)),
    ("物流园区为货车司机发放燃油补贴，每车补贴50元。", "50元", "exact", ("补贴", "燃油补贴")),
    ("职工食堂承办退休职工聚餐，每桌补助200元。", "200元", "exact", ("补助",)),
    # after an intention verb, time words and adverbs stand before the predicate
    (
        "市总工会计划明年再建户外劳动者驿站30个。",
        "30个",
        "exact",
        ("户外劳动者驿站", "驿站"),
    ),
    (
        "区总工会力争今年再培育劳模创新工作室10家。",
        "10家",
        "exact",
        ("劳模创新工作室", "创新工作室"),
    ),
    # a clause of two verbs and a person noun: the first verb says how (实名), the second
    # takes the people as object
    (
        "截至5月底，系统已收录用工信息412条，实名登记快递员6800人。",
        "6800人",
        "exact",
        ("快递员", "实名登记快递员"),
    ),
    (
        "截至去年底，平台共注册外卖骑手3.1万人，实名认证网约车司机5200人。",
        "5200人",
        "exact",
        ("网约车司机", "实名认证网约车司机"),
    ),
    # N + V + a body word, followed by the clause's predicate, is one noun (a firm's business)
    ("推动14家保安派遣单位均已建立工会。", "14家", "exact", ("保安派遣单位", "单位")),
    ("全县9家快递配送企业全部建立工会。", "9家", "exact", ("快递配送企业", "企业")),
    (
        "区总工会推动26家物业服务企业全部建立工会。",
        "26家",
        "exact",
        ("物业服务企业", "企业"),
    ),
]


@pytest.mark.parametrize(("text", "figure", "qualifier", "measures"), OWN)
def test_own_passages(
    text: str, figure: str, qualifier: str | None, measures: tuple[str, ...]
) -> None:
    got = figure_of(text, figure)
    assert got.measure in measures
    if qualifier is not None:
        assert got.qualifier == qualifier


def test_a_cap_word_before_the_amount_is_part_of_the_figure() -> None:
    # the cap moves the figure's start: no bare 20万元 figure is left beside it
    text = "县总工会为职工投保意外伤害险，每人保额最高20万元。"
    assert [f.text for f in figures_of(text)] == ["最高20万元"]
    # 最高 that ends a noun's modifier (最高的一家) is no cap on the number
    share = figure_of("检查的企业中，加班时长占比最高的一家达35%。", "35%")
    assert share.qualifier == "exact"


def test_the_aspect_particle_marks_the_predicate() -> None:
    lex = figure_lexicon()
    assert ("了", "ul") in word_tags("编印了维权手册", lex)


def test_cap_and_floor_words_qualify_the_number() -> None:
    got = {q.text: q.qualifier for q in find_quantities("赔付最高3万元，补助最低800元，最少5人")}
    assert got == {"最高3万元": "under", "最低800元": "over", "最少5人": "over"}
    # not right before the number: the superlative belongs to the noun, the amount is exact
    assert [(q.text, q.qualifier) for q in find_quantities("单人最高资助达1.2万元")] == [
        ("1.2万元", "exact")
    ]


def test_a_passive_participle_stays_in_a_rate_owner() -> None:
    text = "检查发现，被派遣劳动者占比超过10%"
    rate, share = rate_of_percent(text, 0, text.index("超过"), figure_lexicon())
    assert (rate, share) == ("被派遣劳动者占比", None)


def test_every_and_one_character_are_one_distributive_word() -> None:
    lex = figure_lexicon()
    assert measure_before("，每车补贴50元", 5, 0, lex) == "补贴"
    # a change of a per-unit price: the subject before the distributive changed
    text = "，送餐费每单提高0.5元"
    assert measure_before(text, text.index("0.5"), 0, lex) == "送餐费"
