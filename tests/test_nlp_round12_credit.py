# ruff: noqa: E501  (the passages are kept whole, one per line, as written)
"""Agency credit, round 12: the subjects sets 19 and 20 showed the system misreading.

``OWN`` holds 工人日报-style passages written and annotated by hand for this round before the
code changed (own topics and places; none copied or paraphrased from the gold): (mechanism,
passage with paragraphs split by line breaks, {figure as printed: the body credited, as its
printed mention or its canonical name, or None}).  The mechanisms:

- tool: a bare head noun (平台, 系统) taking up a quoted name printed before (“职工之家服务平
  台”) is the activity's own tool, so its clause continues the body running it, also across a
  paragraph and with the body named again later in the sentence;
- change: the counted items as subject with a change of their number (职工意见建议同比增长N%)
  are the items' statistic, no body's;
- people: people acting after a time opener jieba reads as one idiom (今年以来，志愿律师已…);
- passive: counted items as the subject of a passive (共有N家企业被纳入…) act for nobody;
- firms: a count of unnamed firms after a scope word (区内5家物流企业将…) is its clause's
  subject, and the firms act for themselves;
- findings: 检查发现 opening a paragraph reports the inspection's results, existential clauses
  (有N个项目…；另有N个…) included, past a sentence that only comments (这是…);
- part: a sentence opening with 其中， restates a part of the items just counted, so it takes
  the previous sentence's credit, a body or nobody.
"""

from __future__ import annotations

import pytest

from baoku.ingest.records import Article, ArticleType
from baoku.nlp.analyze import analyze_article
from baoku.nlp.records import EntityLabel

OWN: list[tuple[str, str, dict[str, str | None]]] = [
    ("tool", "湖南省岳阳市总工会上线“职工之家服务平台”，为会员提供线上服务。截至6月底，平台已注册会员3.2万人，发放消费券1.1万份。",
     {"3.2万人": "湖南省岳阳市总工会", "1.1万份": "湖南省岳阳市总工会"}),
    ("tool", "湖南省岳阳市总工会上线“职工之家服务平台”，为会员提供线上服务。截至6月底，平台已注册会员3.2万人。\n"
     "平台设置法律咨询、技能培训等8个服务模块。去年，平台共收到职工求助信息460条，市总工会据此安排律师跟进120次。",
     {"3.2万人": "湖南省岳阳市总工会", "8个": "湖南省岳阳市总工会", "460条": "湖南省岳阳市总工会",
      "120次": "湖南省岳阳市总工会"}),
    ("change", "江西省九江市总工会在全市企业设立职工意见箱150个。今年一季度，职工意见建议同比增长18%。",
     {"150个": "江西省九江市总工会", "18%": None}),
    ("people", "安徽省蚌埠市总工会组建志愿律师服务团，为职工提供法律援助。今年以来，志愿律师已为职工代写法律文书260份。",
     {"260份": None}),
    ("passive", "浙江省金华市人社局对拒不支付工资的企业实施联合惩戒。去年以来，共有5家企业被纳入重点监控名单。",
     {"5家": None}),
    ("firms", "江苏省南通市海门区总工会组织开展装卸行业集体协商。经过多轮协商，区内5家物流企业将装卸工计件单价上调12%。",
     {"12%": None, "5家": None}),
    ("findings", "广西壮族自治区玉林市人社局近日开展农民工工资支付专项检查，共检查在建项目88个。这是该局今年第二次开展此类检查。\n"
     "检查发现，有14个项目未按规定设立工资专用账户；另有6个项目未落实实名制管理。",
     {"88个": "玉林市人力资源和社会保障局", "14个": "玉林市人力资源和社会保障局", "6个": "玉林市人力资源和社会保障局"}),
    ("part", "贵州省遵义市总工会近日发布消息，今年以来共建成职工书屋120家。其中，30家书屋配备了电子阅读设备。",
     {"120家": "贵州省遵义市总工会", "30家": "贵州省遵义市总工会"}),
    ("part", "福建省漳州市总工会开展送温暖活动。全市各级工会今年共走访困难职工800户。其中，120户职工获得大病救助。",
     {"800户": None, "120户": None}),
]  # fmt: skip


def _credits(text: str) -> tuple[dict[str, str | None], dict[str, str]]:
    """The credit of each figure of ``text`` and the canonical name of each agency mention."""
    art = Article(type=ArticleType.ARTICLE, headline="", paragraphs=text.split("\n"))
    facts = analyze_article(art, pub_date="2024-07-10")
    names = {e.text: e.canonical for e in facts.entities if e.label == EntityLabel.AGENCY}
    return {f.text: f.agency for f in facts.figures}, names


def _own_cases() -> list[object]:
    return [
        pytest.param(row, text, fig, want)
        for row, text, wants in OWN
        for fig, want in wants.items()
    ]


@pytest.mark.parametrize(("row", "text", "figure", "want"), _own_cases())
def test_own_passages(row: str, text: str, figure: str, want: str | None) -> None:
    got, names = _credits(text)
    assert got[figure] == (names.get(want, want) if want else None), row
