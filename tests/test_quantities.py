"""find_quantities: figures in news text, hand-checked on real 工人日报 sentences."""

from __future__ import annotations

import os
import re
import time
from decimal import Decimal
from pathlib import Path

import cn2an
import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoku.nlp.quantities import Quantity, find_quantities

# The sample corpus lives in shared/ beside the repository (see the project brief).
CORPUS = Path(
    os.environ.get("BAOKU_CORPUS_DIR", Path(__file__).resolve().parents[2] / "shared" / "corpus")
)

# (text, value, value_max, qualifier, unit, kind)
Row = tuple[str, int | str, int | str | None, str, str, str]


def rows(text: str) -> list[Row]:
    out: list[Row] = []
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
        value_max = None if q.value_max is None else _plain(q.value_max)
        out.append((q.text, _plain(q.value), value_max, q.qualifier, q.unit, q.kind))
    return out


def _plain(value: Decimal) -> int | str:
    return int(value) if value == value.to_integral_value() else str(value)


def clean(raw: str) -> str:
    """Undo column wrapping and the spaces the PDF extractor put around digits."""
    text = re.sub(r"(?<!\n)\n(?!\n)", "", raw)
    return re.sub(r"(?<=[0-9%.])[ ]+|[ ]+(?=[0-9])", "", text)


# --- the forms public parsers get wrong ------------------------------------------------

FORMS: list[tuple[str, list[Row]]] = [
    ("1亿2000万元", [("1亿2000万元", 120000000, None, "exact", "元", "money")]),
    ("1亿零500万元", [("1亿零500万元", 105000000, None, "exact", "元", "money")]),
    ("3万4000人", [("3万4000人", 34000, None, "exact", "人", "count")]),
    ("25万6千元", [("25万6千元", 256000, None, "exact", "元", "money")]),
    ("1,100万元", [("1,100万元", 11000000, None, "exact", "元", "money")]),
    ("一千八百五十万元", [("一千八百五十万元", 18500000, None, "exact", "元", "money")]),
    ("8亿元人民币", [("8亿元人民币", 800000000, None, "exact", "元", "money")]),
    ("人民币500元", [("人民币500元", 500, None, "exact", "元", "money")]),
    ("2.5万亿元", [("2.5万亿元", 2500000000000, None, "exact", "元", "money")]),
    ("1.5亿美元", [("1.5亿美元", 150000000, None, "exact", "USD", "money")]),
    ("两三个", [("两三个", 2, 3, "range", "个", "count")]),
    ("6100余万元", [("6100余万元", 61000000, None, "over", "元", "money")]),
    ("1850万余元", [("1850万余元", 18500000, None, "over", "元", "money")]),
    ("24万余元", [("24万余元", 240000, None, "over", "元", "money")]),
    ("近1700万元", [("近1700万元", 17000000, None, "under", "元", "money")]),
    ("将近300人", [("将近300人", 300, None, "under", "人", "count")]),
    ("约500人", [("约500人", 500, None, "approx", "人", "count")]),
    ("50人左右", [("50人左右", 50, None, "approx", "人", "count")]),
    ("不到两个小时", [("不到两个小时", 2, None, "under", "小时", "duration")]),
    ("不足100家", [("不足100家", 100, None, "under", "家", "count")]),
    ("1000人以上", [("1000人以上", 1000, None, "over", "人", "count")]),
    ("逾3000名", [("逾3000名", 3000, None, "over", "名", "count")]),
    ("72.2%", [("72.2%", "72.2", None, "exact", "%", "percent")]),
    ("７２．２％", [("７２．２％", "72.2", None, "exact", "%", "percent")]),
    ("百分之三十", [("百分之三十", 30, None, "exact", "%", "percent")]),
    ("百分之三十点五", [("百分之三十点五", "30.5", None, "exact", "%", "percent")]),
    ("下降3个百分点", [("3个百分点", 3, None, "exact", "百分点", "percent")]),
    ("近七成", [("近七成", 70, None, "under", "%", "percent")]),
    ("500~600元", [("500~600元", 500, 600, "range", "元", "money")]),
    ("500-600元", [("500-600元", 500, 600, "range", "元", "money")]),
    ("500至600元", [("500至600元", 500, 600, "range", "元", "money")]),
    ("5000元至1万元", [("5000元至1万元", 5000, 10000, "range", "元", "money")]),
    ("3-5万元", [("3-5万元", 30000, 50000, "range", "元", "money")]),
    ("5—10人", [("5—10人", 5, 10, "range", "人", "count")]),
    ("10%~20%", [("10%~20%", 10, 20, "range", "%", "percent")]),
    ("三至五年", [("三至五年", 3, 5, "range", "年", "duration")]),
    ("三四十人", [("三四十人", 30, 40, "range", "人", "count")]),
    ("十几名", [("十几名", 11, 19, "range", "名", "count")]),
    ("二三十万元", [("二三十万元", 200000, 300000, "range", "元", "money")]),
    ("十来个", [("十来个", 10, None, "approx", "个", "count")]),
    ("上千人", [("上千人", 1000, None, "over", "人", "count")]),
    ("1个半月", [("1个半月", "1.5", None, "exact", "个月", "duration")]),
    ("增长3倍", [("3倍", 3, None, "exact", "倍", "ratio")]),
    (
        "分别提高300元、400元",
        [
            ("300元", 300, None, "exact", "元", "money"),
            ("400元", 400, None, "exact", "元", "money"),
        ],
    ),
    (
        "1.2万、1.5万元",
        [
            ("1.2万", 12000, None, "exact", "元", "money"),
            ("1.5万元", 15000, None, "exact", "元", "money"),
        ],
    ),
    (
        "分别为10、20和30人",
        [
            ("10", 10, None, "exact", "人", "count"),
            ("20", 20, None, "exact", "人", "count"),
            ("30人", 30, None, "exact", "人", "count"),
        ],
    ),
    (
        "调解了一起案件，另有3起事故、两起纠纷",
        [("3起", 3, None, "exact", "起", "count"), ("两起", 2, None, "exact", "起", "count")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FORMS)
def test_forms(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


NOT_FIGURES = [
    "全国两会",
    "两会期间",
    "统一零售价",
    "深入一线",
    "一些企业",
    "一方面注重提高",
    "将各方力量都集结到一起",
    "一起参加活动",
    "位列全球第一",
    "第3批试点",
    "第二届博览会",
    "（下转第2版）",
    "十八大以来",
    "贯彻落实工会十八大精神",
    "一带一路",
    "12345热线",
    "12351工会服务职工热线",
    "拨打13812345678咨询",
    "电话0532-88888888",
    "5G基站",
    "G20峰会",
    "三农工作",
    "一把手",
    "四方联动",
    "形成五方联动",
    "“四位一体”的工作机制",
    "2023年",
    "11月",
    "5日",
    "2024年7月12日",
    "2022—2023年度",
    "二〇二三年",
    "23年底",
    "5年级学生",
    "80年代",
    "在收到线索5日内",
    "作为一名党员",
    "三番五次",
    "千家万户",
    "百年大计",
    "十分严峻",
    "三级工会",
    "市县两级",
    "56万种植户",
    "说起来",
    "“1”个总品牌",
    "节约用水",
    "",
    "，。、；！",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_figures(text: str) -> None:
    assert find_quantities(text) == []


def test_recent_years_is_not_nearly() -> None:
    # 近3年来 = "over the last three years": the 3 is exact and 近 stays out of the span.
    assert rows("近3年来") == [("3年", 3, None, "exact", "年", "duration")]
    assert rows("将近3年") == [("将近3年", 3, None, "under", "年", "duration")]


def test_save_and_offer_are_not_approximately() -> None:
    assert rows("节约500万元") == [("500万元", 5000000, None, "exact", "元", "money")]
    assert rows("发出要约3100多份") == [("3100多份", 3100, None, "over", "份", "count")]


# --- real sentences from 工人日报 pages, checked by hand ----------------------------------

CORPUS_SENTENCES: list[tuple[str, list[Row]]] = [
    (
        "最终，仅用6天便为职工挽回劳动报酬等损失24万余元。",
        [
            ("6天", 6, None, "exact", "天", "duration"),
            ("24万余元", 240000, None, "over", "元", "money"),
        ],
    ),
    (
        "该体系自2021年全面运行以来，镇街法律服务工作站共为5893名职工提供法律服务，办理法律援助案件"
        "1276件，为职工追回经济损失1850万余元，开展普法宣传70余场，参与职工2万余人次。",
        [
            ("5893名", 5893, None, "exact", "名", "count"),
            ("1276件", 1276, None, "exact", "件", "count"),
            ("1850万余元", 18500000, None, "over", "元", "money"),
            ("70余场", 70, None, "over", "场", "count"),
            ("2万余人次", 20000, None, "over", "人次", "count"),
        ],
    ),
    (
        "据统计，今年1月~7月，广西各地成功调解劳动争议3.48万件，同比增加近5000件，"
        "全区调解成功率72.2%。",
        [
            ("3.48万件", 34800, None, "exact", "件", "count"),
            ("近5000件", 5000, None, "under", "件", "count"),
            ("72.2%", "72.2", None, "exact", "%", "percent"),
        ],
    ),
    (
        "数据显示，2022年，我国可数字化交付的服务贸易规模达2.5万亿元人民币，比2018年增长78.6%，"
        "位列全球第五。",
        [
            ("2.5万亿元人民币", 2500000000000, None, "exact", "元", "money"),
            ("78.6%", "78.6", None, "exact", "%", "percent"),
        ],
    ),
    (
        "陕西公益足球邀请赛暨乡村学校公益足球课堂自2018年创办以来，已成功举办5届，参与球队超过36支，"
        "受益青少年超6500人次。",
        [
            ("5届", 5, None, "exact", "届", "count"),
            ("超过36支", 36, None, "over", "支", "count"),
            ("超6500人次", 6500, None, "over", "人次", "count"),
        ],
    ),
    (
        "3年来累计安排专项经费6100余万元，纳入年度工会经费预算，并多方争取党委、政府和企业（行业）"
        "资金2600余万元，主动为蹲点干部提供政策支持和资源支撑。",
        [
            ("3年", 3, None, "exact", "年", "duration"),
            ("6100余万元", 61000000, None, "over", "元", "money"),
            ("2600余万元", 26000000, None, "over", "元", "money"),
        ],
    ),
    (
        "近3年来，四川工会紧扣四川省委“四化同步、城乡融合、五区共兴”发展战略，着力践行"
        "“四下基层工作法”，走访企业2.7万余家、职工群众38.2万人次，推动发展蓝图在基层落地落实。",
        [
            ("3年", 3, None, "exact", "年", "duration"),
            ("2.7万余家", 27000, None, "over", "家", "count"),
            ("38.2万人次", 382000, None, "exact", "人次", "count"),
        ],
    ),
    (
        "据统计，2023年，南海区调裁审一体化中心受理案件5643宗，较2022年提升279%；成功调解2936宗，"
        "较2022年提升220%。",
        [
            ("5643宗", 5643, None, "exact", "宗", "count"),
            ("279%", 279, None, "exact", "%", "percent"),
            ("2936宗", 2936, None, "exact", "宗", "count"),
            ("220%", 220, None, "exact", "%", "percent"),
        ],
    ),
    (
        "经过多次沟通协商，双方最终达成调解协议，项目承包单位向38名农民工支付了拖欠的工资共计115万余元。",
        [
            ("38名", 38, None, "exact", "名", "count"),
            ("115万余元", 1150000, None, "over", "元", "money"),
        ],
    ),
    (
        "据统计，2022年以来，保定市总工会为新就业形态劳动者提供上门服务百余次，解决矛盾纠纷1000余件，"
        "惠及劳动者13万人，为劳动者挽回经济损失600余万元。",
        [
            ("百余次", 100, None, "over", "次", "count"),
            ("1000余件", 1000, None, "over", "件", "count"),
            ("13万人", 130000, None, "exact", "人", "count"),
            ("600余万元", 6000000, None, "over", "元", "money"),
        ],
    ),
    (
        "2020年以来，每年发出要约3100多份，签订合同2700多份，覆盖企业6500多家，覆盖职工超过26万多人。",
        [
            ("3100多份", 3100, None, "over", "份", "count"),
            ("2700多份", 2700, None, "over", "份", "count"),
            ("6500多家", 6500, None, "over", "家", "count"),
            ("超过26万多人", 260000, None, "over", "人", "count"),
        ],
    ),
    (
        "线下，在全市范围内优选30家律师事务所、近百名律师，组建起新就业形态劳动者“法律护航值班律师库”",
        [
            ("30家", 30, None, "exact", "家", "count"),
            ("近百名", 100, None, "under", "名", "count"),
        ],
    ),
    (
        "西安市总工会权益保障部部长梁文洲介绍说，2月21日~24日，市总工会连续举办4场“工会主席直播送岗”"
        "活动，2场线下招聘会、请9名专家进行3场线上就业指导和帮扶。",
        [
            ("4场", 4, None, "exact", "场", "count"),
            ("2场", 2, None, "exact", "场", "count"),
            ("9名", 9, None, "exact", "名", "count"),
            ("3场", 3, None, "exact", "场", "count"),
        ],
    ),
    (
        "当天的直播带岗累计观看近60万人次，点赞数达5.5万次；在线下招聘会上，用工企业收到简历3205份，"
        "达成初步就业意向1742人。",
        [
            ("近60万人次", 600000, None, "under", "人次", "count"),
            ("5.5万次", 55000, None, "exact", "次", "count"),
            ("3205份", 3205, None, "exact", "份", "count"),
            ("1742人", 1742, None, "exact", "人", "count"),
        ],
    ),
    (
        "今年2月，桂林市充分发挥劳动人事争议多元联调作用，仅用1个多月的时间成功调解了一起历时5年的"
        "工亡待遇赔偿案件，为当事人邓某争取到60万元工亡赔偿款。",
        [
            ("1个多月", 1, None, "over", "个月", "duration"),
            ("5年", 5, None, "exact", "年", "duration"),
            ("60万元", 600000, None, "exact", "元", "money"),
        ],
    ),
    (
        "据悉，西宁市首个“零工之家”占地面积54平方米，投入资金8万元，配备饮水机、微波炉、医药箱、桌椅等"
        "基础设施",
        [
            ("54平方米", 54, None, "exact", "平方米", "measure"),
            ("8万元", 80000, None, "exact", "元", "money"),
        ],
    ),
    (
        "自2023年12月运行以来，截至今年3月18日，服务务工人员300多人次，达成零工招工合作200余人次。",
        [
            ("300多人次", 300, None, "over", "人次", "count"),
            ("200余人次", 200, None, "over", "人次", "count"),
        ],
    ),
    (
        "工作室持续推动现代信息技术与农业农村各领域和环节全面融合，为4600万亩耕地、22万个地块、"
        "56万种植户、62万台农机建立“身份证”",
        [
            ("4600万亩", 46000000, None, "exact", "亩", "measure"),
            ("22万个", 220000, None, "exact", "个", "count"),
            ("62万台", 620000, None, "exact", "台", "count"),
        ],
    ),
    (
        "在提升职工安全生产意识方面，南方电网贵州铜仁供电局500千伏松桃巡维中心副站长周敬余带来了"
        "另一种方案。",
        [("500千伏", 500, None, "exact", "千伏", "measure")],
    ),
    (
        "每年4月～9月选派不少于1000名工会干部深入乡镇（街道）",
        [("不少于1000名", 1000, None, "over", "名", "count")],
    ),
    (
        "近日，一大早，58岁的李红旗匆匆赶往陕西省西安市土门工人文化宫，23岁的陈妍也坐早班公交车过来了",
        [("58岁", 58, None, "exact", "岁", "age"), ("23岁", 23, None, "exact", "岁", "age")],
    ),
    (
        "奉贤区总工会相关负责人表示，“年关越来越近，五方联动协力让欠薪案件的处理不断提速。”",
        [],
    ),
    ("在工会维权服务“四方联动”的基础上，首次将检察院纳入调解机制中，形成五方联动。", []),
    (
        "河北省总工会成立工作专班，按照人员类别和工作性质设立维权律师组、专家学者组、争议调处组3个工作组，"
        "河北省总本级和各地工会建立15个法律服务团。",
        [("3个", 3, None, "exact", "个", "count"), ("15个", 15, None, "exact", "个", "count")],
    ),
    ("并结合网上法律咨询窗口和12351工会服务职工热线等渠道上职工反映的主要诉求", []),
    ("在收到线索5日内，对证据不足的案件，区检察院协助收集证据", []),
    ("市民闫先生告诉记者，他每周都要来上三四次课。", [("三四次", 3, 4, "range", "次", "count")]),
    (
        "实现园区工会建会率、入会率两个百分百",
        [("两个", 2, None, "exact", "个", "count"), ("百分百", 100, None, "exact", "%", "percent")],
    ),
    (
        "截至目前，全市各级工会女职工组织共开展交友联谊活动2400余场，为17万余名单身职工提供婚恋交友服务，"
        "达成交友意向1.2万对。",
        [
            ("2400余场", 2400, None, "over", "场", "count"),
            ("17万余名", 170000, None, "over", "名", "count"),
            ("1.2万对", 12000, None, "exact", "对", "count"),
        ],
    ),
    ("“1”个总品牌为“情满长江”", []),
    ("日前，长江产业投资集团有限公司召开2022—2023年度社会责任报告暨工会品牌发布会", []),
    (
        "在总结培育经验的基础上，南海区工会、人社、司法、法院、工商联和税务等6个部门联合出台",
        [("6个", 6, None, "exact", "个", "count")],
    ),
    ("此外，工会等6部门在试点基础上", [("6部门", 6, None, "exact", "部门", "count")]),
    ("一些生产经营单位在落实主体责任上存在形式主义问题", []),
    (
        "一方面注重提高法律服务工作人员的业务素质和政治水平，拨付专项预算资金14万元用于奖励工作成绩突出的"
        "法律服务站，促使案件办结率由过去的95%提高到98%",
        [
            ("14万元", 140000, None, "exact", "元", "money"),
            ("95%", 95, None, "exact", "%", "percent"),
            ("98%", 98, None, "exact", "%", "percent"),
        ],
    ),
    ("11月25日，西安高新区第十八初级中学的学生在陕西第六届公益足球邀请赛上进行比赛。", []),
    (
        "据统计，活动当晚总计销售4.2万余件产品。",
        [("4.2万余件", 42000, None, "over", "件", "count")],
    ),
    (
        "现场200多家民营企业提供就业岗位1000多个，招聘人数7000多人。",
        [
            ("200多家", 200, None, "over", "家", "count"),
            ("1000多个", 1000, None, "over", "个", "count"),
            ("7000多人", 7000, None, "over", "人", "count"),
        ],
    ),
    (
        "截至目前，江苏省共开展“职等你来”招聘活动32场，参与企业2005家，提供就业岗位7.1万余个。",
        [
            ("32场", 32, None, "exact", "场", "count"),
            ("2005家", 2005, None, "exact", "家", "count"),
            ("7.1万余个", 71000, None, "over", "个", "count"),
        ],
    ),
    (
        "从择一事，终一生的福州工匠，到3年来帮助62位走失者与家人团聚的外卖小哥，再到36年守护一座岛",
        [
            ("3年", 3, None, "exact", "年", "duration"),
            ("62位", 62, None, "exact", "位", "count"),
            ("36年", 36, None, "exact", "年", "duration"),
        ],
    ),
    (
        "近年来，吉林省总对遍布全省的79家职工服务中心、2324个服务站点进行了提档升级。",
        [
            ("79家", 79, None, "exact", "家", "count"),
            ("2324个", 2324, None, "exact", "个", "count"),
        ],
    ),
    (
        "农民工田立强在城中村改造安置区项目工作时受伤，花费医疗费2.3万余元，多次找用工单位协商未果。",
        [("2.3万余元", 23000, None, "over", "元", "money")],
    ),
    (
        "是今年首场单身职工线下联谊活动，共有来自15个单位的80多名单身职工参加。",
        [("15个", 15, None, "exact", "个", "count"), ("80多名", 80, None, "over", "名", "count")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CORPUS_SENTENCES)
def test_corpus_sentences(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


def test_extraction_spaces_are_tolerated() -> None:
    """Raw PDF text keeps spaces around digits; spans then include them."""
    text = "比 2018 年增长 78.6%，累计安排专项经费 6100 余万元，规模达 2.5 万亿元人民币"
    assert rows(text) == [
        ("78.6%", "78.6", None, "exact", "%", "percent"),
        ("6100 余万元", 61000000, None, "over", "元", "money"),
        ("2.5 万亿元人民币", 2500000000000, None, "exact", "元", "money"),
    ]


# --- properties -----------------------------------------------------------------------


def _check_spans(text: str, found: list[Quantity]) -> None:
    last_end = 0
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.start >= last_end  # sorted and never overlapping
        last_end = q.end
        assert q.value >= 0
        assert q.value_max is None or q.value_max > q.value
        assert (q.qualifier == "range") == (q.value_max is not None)


NUMBERISH = (
    "0123456789,.．０１２万亿千百十零〇一二两三几余多来约近超元%个人名年月日第-~至、 \n萬億兩個"
)


@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    _check_spans(text, find_quantities(text))


@given(st.text(alphabet=NUMBERISH, max_size=80))
def test_never_raises_on_number_soup(text: str) -> None:
    _check_spans(text, find_quantities(text))


@given(st.integers(min_value=0, max_value=10**20))
def test_money_round_trip(n: int) -> None:
    for rendering in (str(n), f"{n:,}"):
        text = f"投入资金{rendering}元，"
        assert rows(text) == [(f"{rendering}元", n, None, "exact", "元", "money")]
    assert find_quantities(f"投入资金{n}万元")[0].value == n * 10**4


@given(st.integers(min_value=2, max_value=10**16 - 1))
def test_chinese_money_round_trip(n: int) -> None:
    words = cn2an.an2cn(n)
    assert rows(f"投入资金{words}元") == [(f"{words}元", n, None, "exact", "元", "money")]


@given(st.integers(min_value=1, max_value=10**6), st.sampled_from(["余", "多"]))
def test_lower_bound_markers(n: int, marker: str) -> None:
    assert rows(f"共有{n}{marker}人参加") == [(f"{n}{marker}人", n, None, "over", "人", "count")]


TWO_MB = 2_000_000
BIG_TEXTS = {
    # Dense news-like text with traditional characters mixed in (兩三個, 萬人, 億元).
    "news": "據統計，今年共投入人民币1,100萬元、近1700万元，惠及职工兩三萬人，2023年增长72.2%。",
    "digits": "1",
    "chinese": "一",
    "ranges": "1-",
    "spaced": "1 ",
    "places": "1万",
    "punctuation": "，。、；",
}


@pytest.mark.parametrize("name", sorted(BIG_TEXTS))
def test_two_megabytes(name: str) -> None:
    unit = BIG_TEXTS[name]
    text = unit * (TWO_MB // len(unit))
    found = find_quantities(text)
    _check_spans(text, found)
    if name == "news":
        assert len(found) == 4 * (TWO_MB // len(unit))


def test_corpus_throughput_and_spans() -> None:
    files = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    if not files:
        pytest.skip(f"no corpus at {CORPUS}")
    texts = [clean(p.read_text(encoding="utf-8")) for p in files]
    texts += [p.read_text(encoding="utf-8") for p in files]  # raw extraction text as well
    total = sum(len(t) for t in texts)
    rounds = 20
    started = time.perf_counter()
    for _ in range(rounds):
        found = [find_quantities(t) for t in texts]
    elapsed = time.perf_counter() - started
    for text, quantities in zip(texts, found, strict=True):
        _check_spans(text, quantities)
    print(
        f"\nfind_quantities: {total * rounds / elapsed:,.0f} characters/s on {total:,} corpus chars"
    )
    assert sum(len(f) for f in found[: len(files)]) > 100
