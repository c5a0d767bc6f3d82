"""Round 11: people named without a title, unquoted campaign names, repeated initiative names,
and places printed inside other names.

The sentences below are invented (工人日报 style, own topics) and were annotated by hand
before the round-11 code was written; each lists every PERSON and INITIATIVE a reader would
mark.  Run end to end through ``analyze_article`` so the test measures what users get.
"""

from __future__ import annotations

import pytest

from baoku.ingest.records import Article, ArticleType
from baoku.nlp.analyze import analyze_article
from baoku.nlp.places import find_places

# (text, people in reading order, initiative keys in reading order)
OWN: list[tuple[str, list[str], list[str]]] = [
    # a worker quoted after his speech: name between the closing quote and 说
    ("“今年的工资总算按时发了。”建筑工人孙海涛说。", ["孙海涛"], []),
    # age + 的 + occupation + name
    ("36岁的快递员吴晓梅每天要跑两百多单。", ["吴晓梅"], []),
    # a role noun opening a list of names joined by 、 and 和
    ("货车司机郑国强、何文斌和邱丽华参加了此次培训。", ["郑国强", "何文斌", "邱丽华"], []),
    # a speaker after a quote with 表示
    ("“调解员上门后，问题一天就解决了。”蒋志远表示。", ["蒋志远"], []),
    # a titled lawyer, then the same name again without the title
    (
        "市总工会法律援助中心律师韩雪梅介绍，今年已代理案件40件。韩雪梅说，多数是工伤纠纷。",
        ["韩雪梅", "韩雪梅"],
        [],
    ),
    # surname + form of address is no full name
    ("环卫工人李师傅和王女士领到了清凉礼包。", [], []),
    # a word that opens with a surname character is no name
    ("全市明确表示将加大投入，快递员马上赶到现场。", [], []),
    ("职工黄金周期间到景区疗休养的人数大增。", [], []),
    # a name before the studio named after him
    ("望海电厂周永福创新工作室今年攻克技术难题12项。", ["周永福"], []),
    # age + 的 + name with no occupation
    ("52岁的田桂兰在车间干了30年。", ["田桂兰"], []),
    # a quoted programme named once by its head, then printed again on its own
    (
        "区总工会开展“暖心送餐”行动，为户外劳动者送去午餐。目前，“暖心送餐”已覆盖20个站点。",
        [],
        ["暖心送餐", "暖心送餐"],
    ),
    # a numbered abbreviation in quotes names a method
    ("企业普遍落实了“三查两改”，隐患明显减少。", [], ["三查两改"]),
    # unquoted programmes with a distinctive four-character name, in a list
    (
        "市总工会在全市实施技能强企工程、匠心传承工程和安康守护工程。",
        [],
        ["技能强企工程", "匠心传承工程", "安康守护工程"],
    ),
    # a generic project is no named programme
    ("该项目被列为省级重点工程，两部门还开展了联合执法行动。", [], []),
    # a naming verb the old list lacked
    ("街道工会设立“职工议事厅”，每月收集职工意见。", [], ["职工议事厅"]),
    # a figure of speech in quotes
    ("他觉得这样的日子“很踏实”。", [], []),
    # two quoted names side by side share the head after the second
    ("区总工会先后组织“春送岗位”“秋送温暖”等活动。", [], ["春送岗位", "秋送温暖"]),
    # an unquoted campaign with a season and a campaign word
    ("全省启动根治欠薪冬季攻坚行动，重点排查建筑领域。", [], ["根治欠薪冬季攻坚行动"]),
    # a role noun (代表) before a name
    ("农民工代表高志刚在座谈会上发言。", ["高志刚"], []),
]


def _facts(text: str) -> tuple[list[str], list[str]]:
    art = Article(type=ArticleType("article"), headline="", kicker="", subheadline="",
                  paragraphs=[text], reporters=[], correspondents=[])  # fmt: skip
    facts = analyze_article(art, pub_date="2026-11-20")
    people = [e.text for e in facts.entities if e.label.value == "PERSON"]
    keys = [e.canonical for e in facts.entities if e.label.value == "INITIATIVE"]
    return people, keys


@pytest.mark.parametrize(("text", "people", "initiatives"), OWN, ids=[t[:12] for t, _, _ in OWN])
def test_own_sentences(text: str, people: list[str], initiatives: list[str]) -> None:
    assert _facts(text) == (people, initiatives)


def test_untitled_person_has_no_title() -> None:
    text = "“活不累。”焊工许丽娟说。"
    art = Article(type=ArticleType("article"), headline="", kicker="", subheadline="",
                  paragraphs=[text], reporters=[], correspondents=[])  # fmt: skip
    people = [e for e in analyze_article(art, pub_date=None).entities if e.label.value == "PERSON"]
    person = people[0]
    assert (person.text, person.extra.get("title") or None) == ("许丽娟", None)


@pytest.mark.parametrize(
    ("text", "embedded"),
    [
        ("浙江工会今年新建驿站300个。", ["浙江"]),  # the union system, not the province
        ("他读过《宁波市职工权益保障条例》。", ["宁波市"]),  # inside a document title
        ("“美丽嘉兴 幸福职工”活动在嘉兴举行。", ["嘉兴"]),  # inside a quoted name
        ("江西第三届职工篮球赛在南昌开幕。", ["江西"]),  # opens an event's name
        ("在河南省郑州市，职工可以就近入会。", []),
    ],
)
def test_places_inside_names(text: str, embedded: list[str]) -> None:
    assert [p.text for p in find_places(text) if p.embedded] == embedded


def test_rank_titles_are_posts() -> None:
    """巡视员/调研员 are civil-service ranks printed as posts before a name."""
    art = Article(type=ArticleType("article"), headline="", kicker="", subheadline="",
                  paragraphs=["市总工会一级巡视员罗振华出席活动。"], reporters=[],
                  correspondents=[])  # fmt: skip
    people = [e for e in analyze_article(art, pub_date=None).entities if e.label.value == "PERSON"]
    assert [(p.text, p.extra.get("title")) for p in people] == [("罗振华", "市总工会一级巡视员")]


def test_a_person_named_without_a_post_is_stored_with_kind_other() -> None:
    from baoku.ingest.records import Article, ArticleType
    from baoku.nlp.analyze import analyze_article

    article = Article(
        type=ArticleType.ARTICLE,
        headline="",
        kicker="",
        paragraphs=["区总工会主席王建国介绍，外卖骑手赵利近日拿回了被拖欠的工资。"],
    )
    people = {
        e.text: e.kind
        for e in analyze_article(article, pub_date="2024-06-01").entities
        if e.label.value == "PERSON"
    }
    assert people == {"王建国": "official", "赵利": "other"}
