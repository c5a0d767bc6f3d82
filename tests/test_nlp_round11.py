# ruff: noqa: E501  (the passages are kept whole, one per line, as written)
"""Round 11: measure and agency credit mechanisms found on the two new writers' sets (17, 18),
each on short invented sentences; none is taken from the gold sets.

``OWN`` (measures) and ``OWN_CREDIT`` (credit) are the round's own held-out check: 工人日报-style
sentences and passages written and annotated by hand before any code of the round changed.
"""

from __future__ import annotations

import pytest

from baoku.ingest.records import Article, ArticleType
from baoku.nlp.analyze import analyze_article
from tests.fixtures.nlp_sentences import figures_of as _figures
from tests.fixtures.nlp_sentences import measure_of as _measure

# (sentence, figure, accepted measures); annotated before the first run.
OWN = [
    ("新标准实施后，一、二类区域小时最低工资分别为22元、20元。", "22元", {"小时最低工资", "最低工资"}),
    ("新标准实施后，一、二类区域小时最低工资分别为22元、20元。", "20元", {"小时最低工资", "最低工资"}),
    ("全县已签订集体合同的企业中有320家建立了工资协商制度。", "320家", {"已签订集体合同的企业", "企业"}),
    ("参加体检的职工中，查出职业禁忌的有45名。", "45名", {"参加体检的职工", "职工"}),
    ("今年共帮扶困难家庭学生800名，其中零就业家庭学生58名。", "58名", {"零就业家庭学生", "家庭学生", "学生"}),
    ("县人社局今年计划新建零工市场5个。", "5个", {"零工市场", "市场"}),
    ("到2027年，全市力争培育高技能人才3万名。", "3万名", {"高技能人才", "技能人才", "人才"}),
    ("市人社局随机抽查建筑工地46个。", "46个", {"建筑工地", "工地"}),
    ("市总工会受理法律援助申请120件，同比增长8%；办结劳动争议案件96件，为职工追回工资300万元，同比分别增长5%和12%。",
     "5%", {"劳动争议案件", "案件"}),
    ("新规实施后，保洁员时薪由每小时18元提高到22元。", "18元", {"保洁员时薪", "时薪"}),
    ("区总工会为280名工龄在20年以上的一线职工安排疗休养。", "280名", {"一线职工", "职工"}),
    ("区人社局对入驻孵化基地的9家企业各给予2万元创业扶持资金。", "2万元", {"创业扶持资金", "扶持资金", "资金"}),
    # (open after the first part; fixed by 补|签 rejoined and a firm as a pivot's object)
    ("街道劳动保障站督促物业公司补签服务合同86份。", "86份", {"服务合同", "合同"}),
    ("全市6岁以下儿童占比达12%。", "12%", {"占比", "儿童占比", "6岁以下儿童占比", "6岁以下儿童", "儿童"}),
]  # fmt: skip

# Second batch, written after the first fixes (commit a86807c) and annotated before any run
# on it.
OWN2 = [
    ("今年，市总工会为快递员、外卖骑手、网约车司机等3200人办理意外伤害保险。", "3200人", {"快递员、外卖骑手、网约车司机"}),
    ("全市托育机构共提供托位2600个。", "2600个", {"托位"}),
    ("驿站吸纳周边困难群众参与运营，已带动300余人实现再就业。", "300余人", {"困难群众", "周边困难群众"}),
    ("生活补助由区总工会按每人每月500元的标准发放。", "500元", {"生活补助", "补助"}),
    ("参保职工可比照在职人员享受体检待遇，体检费用由单位按每人每年800元的标准列支。", "800元", {"体检费用", "费用"}),
    ("截至9月底，已有260名学员取得证书，补贴金额共计52万元。", "52万元", {"补贴金额", "金额"}),
    ("二、三类地区公益性岗位补贴标准分别为1500元、1300元。", "1300元", {"公益性岗位补贴标准", "岗位补贴标准", "补贴标准"}),
    ("在已建会的物流企业中有41家成立了女职工委员会。", "41家", {"已建会的物流企业", "物流企业", "企业"}),
    ("其中，零星务工人员420人，占务工总人数的12%。", "12%", {"零星务工人员", "务工人员"}),
    ("全县快递员月收入平均为5200元。", "5200元", {"快递员月收入", "月收入"}),
    ("去年新增的85家会员单位中有12家是小微企业。", "12家", {"会员单位", "新增的85家会员单位"}),
    ("为150名年龄在45岁以上的农民工开展职业技能培训。", "150名", {"农民工"}),
]  # fmt: skip

# Still wrong at the end of round 11 (strict: they must fail until a rule fixes them).
OWN_OPEN = [
    # 该园区 owns the income (a demonstrative before a place noun, not a body word)
    ("据统计，该园区员工月收入平均为5600元。", "5600元", {"员工月收入", "月收入", "收入"}),
]  # fmt: skip

# Open at the end of round 11, passing since round 15 (a bare share after a count is that
# count's share; 报名 after the people is their act).
OWN_CLOSED_LATER = [
    ("截至9月底，全区新增就业见习岗位700个，其中失业青年报名420人，占报名总人数的60%。", "60%", {"失业青年"}),
]  # fmt: skip

# (passage with paragraphs split by line breaks, {figure: credited body (printed or canonical) or None})
OWN_CREDIT: list[tuple[str, dict[str, str | None]]] = [
    ("浙江省温州市人力资源和社会保障局上半年开展工资支付专项检查，共检查企业420户。\n"
     "检查发现存在欠薪问题的企业35户，涉及职工610人。",
     {"420户": "温州市人力资源和社会保障局", "35户": "温州市人力资源和社会保障局",
      "610人": "温州市人力资源和社会保障局"}),
    ("河南省开封市总工会对基层工会经费开展专项审计。审计发现，违规列支资金56万元。",
     {"56万元": "开封市总工会"}),
    ("湖南省株洲市人力资源和社会保障局近日公布首席技师名单，共评选首席技师35名。全市首席技师已达120名。",
     {"35名": "株洲市人力资源和社会保障局", "120名": None}),
    ("广东省东莞市总工会联合市住房和城乡建设局筹建职工宿舍。宿舍租金为市场租金的五成左右，每间每月300元至500元不等。",
     {"五成左右": None, "300元至500元": None}),
    ("山东省淄博市人力资源和社会保障局发布通报，全市今年新增参保企业300家。在新增的300家参保企业中，小微企业占比达70%。",
     {"70%": None}),
    ("四川省德阳市总工会推进“快乐工间”建设。2023年，全市企业工会共开展工间操活动860场。",
     {"860场": None}),
]  # fmt: skip


# Second batch of passages, written and annotated with OWN2.
OWN2_CREDIT: list[tuple[str, dict[str, str | None]]] = [
    ("辽宁省鞍山市人力资源和社会保障局今年开展劳动用工专项检查。\n抽查结果显示，未签劳动合同的企业有23家。",
     {"23家": "鞍山市人力资源和社会保障局"}),
    ("吉林省四平市总工会建成职工驿站40个，今年3月启用后已有2万余人次户外劳动者进站休息。",
     {"40个": "四平市总工会", "2万余人次": None}),
    ("广西壮族自治区玉林市总工会今年表彰“金牌工人”35名。连同去年表彰的25名，全市“金牌工人”已达60名。",
     {"35名": "玉林市总工会"}),
    ("浙江省台州市总工会推出职工疗休养套餐。套餐价格为市场价的六成左右，每人每次1200元。",
     {"六成左右": None, "1200元": None}),
    ("湖南省总工会推进新就业形态劳动者入会。截至6月底，全省已有1.2万名新就业形态劳动者参加互助保障，保障金额累计8600万元。",
     {"1.2万名": None, "8600万元": None}),
]  # fmt: skip


# Still wrong at the end of round 11: a quoted people noun (“金牌工人”) after the area is not
# read as people, so the area's statistic goes to the body before.
OWN2_CREDIT_OPEN: list[tuple[str, str, str | None]] = [
    ("广西壮族自治区玉林市总工会今年表彰“金牌工人”35名。连同去年表彰的25名，全市“金牌工人”已达60名。", "25名", None),
    ("广西壮族自治区玉林市总工会今年表彰“金牌工人”35名。连同去年表彰的25名，全市“金牌工人”已达60名。", "60名", None),
]  # fmt: skip


def _credits(text: str) -> dict[str, str | None]:
    """The credit of each figure of ``text`` (the last print of a surface wins)."""
    art = Article(type=ArticleType.ARTICLE, headline="", paragraphs=text.split("\n"))
    facts = analyze_article(art, pub_date="2024-05-01")
    assert all(e.label for e in facts.entities)
    return {f.text: f.agency for f in facts.figures}


def _credit_ok(got: str | None, want: str | None) -> bool:
    """A credited body matches when its canonical name ends with the wanted name."""
    if want is None or got is None:
        return got is want
    return got.endswith(want)


@pytest.mark.parametrize(("text", "figure", "accepted"), OWN)
def test_own_heldout_sentences(text: str, figure: str, accepted: set[str]) -> None:
    assert _measure(text, figure) in accepted


@pytest.mark.xfail(strict=True, reason="open at the end of round 11 (see OWN_OPEN)")
@pytest.mark.parametrize(("text", "figure", "accepted"), OWN_OPEN)
def test_own_heldout_sentences_still_open(text: str, figure: str, accepted: set[str]) -> None:
    assert _measure(text, figure) in accepted


@pytest.mark.parametrize(("text", "figure", "accepted"), OWN_CLOSED_LATER)
def test_own_heldout_sentences_closed_later(text: str, figure: str, accepted: set[str]) -> None:
    assert _measure(text, figure) in accepted


@pytest.mark.parametrize(("text", "figure", "accepted"), OWN2)
def test_own_second_batch(text: str, figure: str, accepted: set[str]) -> None:
    assert _measure(text, figure) in accepted


def _own_credit_cases() -> list[object]:
    return [
        pytest.param(text, fig, want, id=f"{i}-{fig}")
        for i, (text, wants) in enumerate(OWN_CREDIT + OWN2_CREDIT)
        for fig, want in wants.items()
    ]


@pytest.mark.xfail(strict=True, reason="open at the end of round 11 (see OWN2_CREDIT_OPEN)")
@pytest.mark.parametrize(("text", "figure", "want"), OWN2_CREDIT_OPEN)
def test_own_credit_still_open(text: str, figure: str, want: str | None) -> None:
    assert _credit_ok(_credits(text).get(figure, "<no figure>"), want)


@pytest.mark.parametrize(("text", "figure", "want"), _own_credit_cases())
def test_own_heldout_credit(text: str, figure: str, want: str | None) -> None:
    assert _credit_ok(_credits(text).get(figure, "<no figure>"), want)


def test_category_labels_are_no_figures() -> None:
    figs = [f.text for f in _figures("新标准实施后，一、二类区域小时最低工资分别为22元、20元。")]
    assert "二类" not in figs


# Mechanism tests, on further invented sentences (none from the gold).


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        # category labels: the noun after a numbered category belongs to the label
        ("调整后，一、二类城市失业保险金标准分别为1800元、1650元。", "1650元", "失业保险金标准"),
        # 'X中(…的)有N': the group X is counted
        ("全市已建会的快递企业中有58家签订了集体合同。", "58家", "已建会的快递企业"),
        ("参保企业中按时足额缴费的有930家。", "930家", "参保企业"),
        # a lone 零 opening a word is a morpheme
        ("其中零就业家庭子女42名。", "42名", "零就业家庭子女"),
        # a grant word after money heads the noun; a verb before a money noun names the fund
        ("区总工会为每个站点拨付3万元运营补助。", "3万元", "运营补助"),
        ("对8家企业各给予5万元技改扶持资金。", "5万元", "技改扶持资金"),
        ("为每名获奖职工发放一次性创新奖励2000元。", "2000元", "创新奖励"),
        # manner and intention words stand before the predicate
        ("市应急管理局随机抽取危化品企业30家。", "30家", "危化品企业"),
        ("县人社局计划培训家政服务员600名。", "600名", "家政服务员"),
        # 由 + a distributive + amount: both amounts are of the subject before 由
        ("环卫工人高温补贴由每天10元提高到15元。", "10元", "环卫工人高温补贴"),
        # 平均 before a link is the link's adverb
        ("全县农民工月工资平均为4800元。", "4800元", "农民工月工资"),
        # an age band is one modifier, kept whole
        ("其中，60岁以上老年会员占比达15%。", "15%", "60岁以上老年会员占比"),
        # a people count with a relative clause before its person head
        ("为420名工龄满10年的环卫工人发放慰问品。", "420名", "环卫工人"),
        # a clause of distributives and an amount goes on with the clause before
        ("食堂餐费为市场价的六成，每人每餐8元至12元不等。", "8元至12元", "食堂餐费"),
        # a share after a part is the part's
        ("其中，女职工860人，占参训总人数的43%。", "43%", "女职工"),
        # a headless 的 count takes the noun of the sentence before in the paragraph
        ("今年新认定首席技师12名。连同往年认定的30名，全区首席技师已有42名。", "30名", "首席技师"),
        # a verb after a scope word in the object is the scope's own predicate
        ("省总工会今年计划支持各地新建户外劳动者驿站300个。", "300个", "户外劳动者驿站"),
        # 补 and a one-character verb are one verb; a firm after a pivot verb does it
        ("县人社局督促施工企业补签劳动合同240份。", "240份", "劳动合同"),
        # a one-character verb and 位 name a slot
        ("新建的职工疗养院提供床位400个。", "400个", "床位"),
        # a list of people closed by 等 right before the count
        ("为保洁员、保安员、维修工等520人发放防暑用品。", "520人", "保洁员、保安员、维修工"),
        # with nothing paid after a standard, the money the clause opens with
        ("困难补助由街道工会按每户每月300元的标准发放。", "300元", "困难补助"),
        # 比照 is no comparison
        (
            "退休职工可比照在职职工参加疗休养，疗休养费用由工会按每人2000元的标准列支。",
            "2000元",
            "疗休养费用",
        ),
        # a count after a bare 的 after 由 …: 由每人 is a distributive
        ("门诊补贴由每人每年300元提高到500元。", "300元", "门诊补贴"),
    ],
)
def test_round11_measures(text: str, figure: str, measure: str) -> None:
    assert _measure(text, figure) == measure


def test_changes_after_respectively_follow_the_figures_before_them() -> None:
    text = "区法院审结劳动争议案件420件，为职工追回欠薪860万元，同比分别增长9%和14%。"
    assert _measure(text, "9%") == "劳动争议案件"
    assert _measure(text, "14%") == "欠薪"


def test_a_category_number_with_no_list_is_still_a_count() -> None:
    assert [f.text for f in _figures("全市把职工服务项目分为三类。")] == ["三类"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # an inspection's findings in the next paragraph go on with the body that inspected
        (
            "江苏省徐州市应急管理局上半年对全市危化品企业开展执法检查。\n抽查发现存在隐患的企业48家。",
            {"48家": "徐州市应急管理局"},
        ),
        # a price linked to its amount is the subject: nobody
        (
            "浙江省湖州市总工会联合市住建局建设职工驿站。驿站收费为市场价的一半，每晚60元。",
            {"60元": None},
        ),
        # a set frame of firms: the firms are the subject, the frame's own count too
        (
            "湖北省襄阳市人力资源和社会保障局发布通报。在新增的150家参保企业中，民营企业占比达76%。",
            {"150家": None, "76%": None},
        ),
        # an area's unnamed bodies acting are a generic collective
        ("安徽省芜湖市总工会部署职工书屋建设。今年，全市企业工会共新建书屋85家。", {"85家": None}),
        # a clause after a semicolon keeps the credit its sentence's first clause got ...
        (
            "记者从云南省人力资源和社会保障厅获悉，调整后，一类地区月最低工资标准为2070元；小时最低工资标准为20元。",
            {"2070元": "云南省人力资源和社会保障厅", "20元": "云南省人力资源和社会保障厅"},
        ),
        # a count of people as a clause's subject after an event's time, and an amount of
        # theirs in the next clause
        (
            "河北省邢台市总工会改造职工宿舍楼2栋，今年5月交付后已有460名职工入住。",
            {"2栋": "邢台市总工会", "460名": None},
        ),
        (
            "河北省邢台市总工会推进职工互助保障。截至8月底，已有3100名职工获得赔付，赔付金额共计410万元。",
            {"3100名": None, "410万元": None},
        ),
        # what an adding frame adds to a people subject is theirs
        (
            "山东省潍坊市人力资源和社会保障局今年评定首席技师15名。加上往年评定的40名，全市首席技师已达55名。",
            {"15名": "潍坊市人力资源和社会保障局", "40名": None, "55名": None},
        ),
        # ... unless after a frame it has firms or people of its own as subject
        (
            "广东省佛山市总工会举办招聘会，进场企业120家；在现场，求职职工达成就业意向860人。",
            {"860人": None},
        ),
    ],
)
def test_round11_credit(text: str, want: dict[str, str | None]) -> None:
    got = _credits(text)
    for figure, body in want.items():
        assert _credit_ok(got.get(figure, "<no figure>"), body), (figure, got.get(figure))


def test_a_causatives_people_are_those_named_before() -> None:
    got = _measure("基地优先招收返乡农民工，已带动800余人就近就业。", "800余人")
    assert got in {"返乡农民工", "农民工"}
