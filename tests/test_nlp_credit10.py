# ruff: noqa: E501  (the passages are kept whole, one per line, as written)
"""Agency credit, round 10b: the credit of a figure decided by the subject of its sentence or
clause, classified by its head (a body, a person, people, the counted items, a generic
collective, an area, an unnamed firm, an activity or nothing), and by agent frames found by
pattern families (reporting, approval, source, joint action), not by single words.

``OWN`` is the round's own held-out check: 工人日报-style passages written and annotated by
hand before the system ran on them (none copied or paraphrased from the gold); each entry is
(row of the decision table, passage with paragraphs split by line breaks, {figure as printed:
the body credited, as its printed mention or its canonical name, or None}).
"""

from __future__ import annotations

import pytest

from baoku.ingest.records import Article, ArticleType
from baoku.nlp.analyze import analyze_article
from baoku.nlp.records import EntityLabel

OWN: list[tuple[str, str, dict[str, str | None]]] = [
    # named body as subject; a subjectless clause and a paragraph on the same activity go on
    ("named", "江苏省常州市总工会今年开展“技能强市”劳动竞赛，投入奖励资金160万元。\n"
     "竞赛覆盖全市企业职工3.5万人。",
     {"160万元": "江苏省常州市总工会", "3.5万人": "江苏省常州市总工会"}),
    ("named", "安徽省合肥市人力资源和社会保障局近日发布消息，"
     "今年前三季度共为农民工追回欠薪2860万元。",
     {"2860万元": "安徽省合肥市人力资源和社会保障局"}),
    # bodies referred back to by 该 + the head of their name
    ("referred", "湖北省宜昌市应急管理局开展危化品企业安全大检查。该局共派出执法人员260人次，"
     "排查隐患1100余处。",
     {"260人次": "湖北省宜昌市应急管理局", "1100余处": "湖北省宜昌市应急管理局"}),
    ("referred", "浙江省宁波市总工会职工服务中心去年开通线上心理咨询。"
     "该中心全年接待来访职工2400人次。",
     {"2400人次": "浙江省宁波市总工会职工服务中心"}),
    ("referred", "中铁十局集团有限公司工会开展“送清凉”活动。"
     "该公司今年为一线职工发放高温津贴430万元。",
     {"430万元": "中铁十局集团有限公司"}),
    # a person with a body's title speaks: nobody
    ("person", "四川省绵阳市总工会副主席周建华介绍，今年已为户外劳动者新建服务站85个。",
     {"85个": None}),
    ("person", "“今年我们为困难职工发放救助金320万元。”河南省洛阳市总工会党组书记刘明告诉记者。",
     {"320万元": None}),
    ("person", "江西省赣州市人社局副局长钟华在发布会上透露，全年新增技能人才1.6万人。",
     {"1.6万人": None}),
    # a body speaks: the body
    ("body-speaker", "贵州省遵义市总工会表示，今年将筹集资金600万元用于职工疗休养。",
     {"600万元": "贵州省遵义市总工会"}),
    # generic collectives as subject: nobody
    ("generic", "山西省太原市总工会部署冬季送温暖活动。各基层工会共走访困难职工5600户。",
     {"5600户": None}),
    ("generic", "黑龙江省哈尔滨市人社局开展劳动合同专项检查。全市企业劳动合同签订率达到97%。",
     {"97%": None}),
    ("generic", "陕西省咸阳市总工会召开年度工作会议。会上通报，全市各级工会组织今年筹集帮扶资金"
     "2300万元。",
     {"2300万元": None}),
    # beneficiaries, insured, workers as subject: nobody
    ("people", "云南省昆明市总工会开展职工医疗互助活动。参保职工今年共获得互助金赔付910万元。",
     {"910万元": None}),
    ("people", "福建省厦门市总工会举办新就业形态劳动者专场招聘会，"
     "1800余名外卖骑手、快递员到场求职。",
     {"1800余名": None}),
    ("people", "海南省海口市总工会开办农民工学历提升班。首批学员中已有320人顺利毕业。",
     {"320人": None}),
    # the counted things as subject: nobody
    ("counted", "陕西省西安市总工会推进职工之家建设。达标的职工之家由去年的420家增加到610家。",
     {"420家": None, "610家": None}),
    ("counted", "吉林省吉林市总工会启动职工创新项目评选，已有46个项目通过初审。",
     {"46个": None}),
    # a place or area as subject: nobody
    ("place", "内蒙古自治区包头市总工会加强工会组建工作。包头市现有规模以上企业1200余家。",
     {"1200余家": None}),
    ("place", "山东省青岛市人社局举办春季招聘月活动。\n青岛市今年一季度城镇新增就业3.1万人。",
     {"3.1万人": None}),
    # an approval frame names the agent of a subjectless clause; another body subject wins
    ("approval", "经江西省南昌市人力资源和社会保障局审核，首批认定就业见习基地42家。",
     {"42家": "江西省南昌市人力资源和社会保障局"}),
    ("approval", "经市政府批准，山东省淄博市总工会今年设立职工解困专项资金500万元。",
     {"500万元": "山东省淄博市总工会"}),
    # a body as the source of a statistic: the body, even over people or its area
    ("source", "据广西壮族自治区柳州市总工会统计，今年全市共有2.3万名职工参加了技能培训。",
     {"2.3万名": "广西壮族自治区柳州市总工会"}),
    ("source", "河北省石家庄市人社局公布的数据显示，今年1至10月，全市共处理劳动保障违法案件780件。",
     {"780件": "河北省石家庄市人社局"}),
    ("source", "记者从重庆市江北区人民法院了解到，该院今年审结劳动争议案件1460件。",
     {"1460件": "重庆市江北区人民法院"}),
    ("source", "据甘肃省天水市总工会介绍，今年有860名困难职工子女获得金秋助学金。",
     {"860名": "甘肃省天水市总工会"}),
    # X会同/携手/联合Y: X; X指导Y + verb: Y
    ("jointly", "江苏省无锡市人社局会同市总工会开展根治欠薪行动，"
     "共为1900名农民工追回工资2100万元。",
     {"1900名": "江苏省无锡市人社局", "2100万元": "江苏省无锡市人社局"}),
    ("jointly", "辽宁省大连市总工会携手市妇联举办单身职工联谊会，为参会职工送出纪念品500份。",
     {"500份": "辽宁省大连市总工会"}),
    ("guides", "浙江省杭州市总工会指导萧山区总工会建成职工驿站30个。",
     {"30个": "萧山区总工会"}),
    # agent frames: 由X主办/承担, 在X的支持下
    ("agent-frame", "本次职工篮球赛由湖南省株洲市总工会主办，共有48支队伍参赛。",
     {"48支": None}),
    ("agent-frame", "由湖南省湘潭市总工会主办的职工书画展今天开幕，展出作品320件。",
     {"320件": "湖南省湘潭市总工会"}),
    ("agent-frame", "在四川省德阳市总工会的支持下，旌阳区建成母婴关爱室26个。",
     {"26个": "四川省德阳市总工会"}),
    ("agent-frame", "培训费用由广东省东莞市总工会全额承担，每期投入约8万元。",
     {"约8万元": "广东省东莞市总工会"}),
    # subjectless continuation in the paragraph and into the next one
    ("continuation", "河北省唐山市总工会开展“金秋助学”活动。今年共资助困难职工子女1200名，"
     "发放助学金360万元。\n另外，还为120名考入研究生的职工子女各发放奖励3000元。",
     {"1200名": "河北省唐山市总工会", "360万元": "河北省唐山市总工会",
      "120名": "河北省唐山市总工会", "3000元": "河北省唐山市总工会"}),
    ("continuation", "湖北省襄阳市总工会去年建成“职工之家”服务中心。\n"
     "服务中心运行一年来，累计举办技能讲座46场。",
     {"46场": "湖北省襄阳市总工会"}),
    ("continuation", "湖北省荆门市总工会开展职工普惠活动。\n"
     "荆门市一家物流企业今年为骑手购买意外保险花费20万元。",
     {"20万元": None}),
    # an object body is no subject: the subjectless clause goes on with the body before
    ("object-body", "江苏省南通市人社局开展欠薪专项执法，查处违法企业63家。"
     "对拒不整改的5家企业，已将案件移送市公安局。",
     {"63家": "江苏省南通市人社局", "5家": "江苏省南通市人社局"}),
    # unnamed firms as subject: nobody
    ("unnamed-firm", "浙江省绍兴市总工会推动企业关爱女职工。"
     "当地一家纺织企业为女职工新建哺乳室4间。",
     {"4间": None}),
    ("unnamed-firm", "广东省深圳市总工会开展企业民主管理调研。"
     "某电子公司今年采纳职工合理化建议210条。",
     {"210条": None}),
]  # fmt: skip

# Second batch, written and annotated after the first fixes (4a01c00) and before any run on it.
OWN2: list[tuple[str, str, dict[str, str | None]]] = [
    ("referred", "广东省广州市天河区劳动人事争议仲裁院今年推行网上立案。该院上半年网上立案1860件。",
     {"1860件": "广东省广州市天河区劳动人事争议仲裁院"}),
    ("referred", "四川省成都市总工会职工法律服务站开通夜间接待窗口。该站今年接待职工咨询900余人次。",
     {"900余人次": "四川省成都市总工会职工法律服务站"}),
    ("person", "湖北省武汉市总工会女职工部部长陈敏接受采访时说，今年已组织女职工健康筛查2.6万人次。",
     {"2.6万人次": None}),
    ("person", "“全年我们共调解劳动争议案件420件。”江苏省苏州市吴中区总工会法律部负责人坦言。",
     {"420件": None}),
    ("body-speaker", "山东省济南市人社局称，今年将新增公益性岗位3000个。",
     {"3000个": "山东省济南市人社局"}),
    ("generic", "河南省郑州市总工会开展会员普惠活动。各区县总工会累计发放普惠卡4.2万张。",
     {"4.2万张": None}),
    ("generic", "福建省泉州市总工会部署年度帮扶工作。全市基层工会组织共慰问一线职工3.8万人次。",
     {"3.8万人次": None}),
    ("people", "安徽省芜湖市总工会为环卫工人办理意外伤害保险。投保的环卫工人每人最高可获赔10万元。",
     {"10万元": None}),
    ("people", "湖南省长沙市总工会组织劳模疗休养活动，86名省市级劳模分三批前往张家界。",
     {"86名": None}),
    ("people", "湖北省十堰市总工会开设职工技能夜校。参训职工全部通过考核，其中85人取得高级工证书。",
     {"85人": None}),
    ("counted", "重庆市渝北区总工会推进“职工之家”建设，已有38家企业职工之家通过市级验收。",
     {"38家": None}),
    ("place", "浙江省湖州市总工会举办“劳模工匠进校园”活动。\n湖州市现有各级劳模1300余名。",
     {"1300余名": None}),
    ("place", "甘肃省兰州市总工会持续推进工会组建。\n全市已建工会组织的企业达1.6万家。",
     {"1.6万家": None}),
    ("source", "江西省九江市人社局日前通报了上半年就业情况。全市城镇新增就业2.8万人。",
     {"2.8万人": "江西省九江市人社局"}),
    ("approval", "经广东省惠州市总工会审核，今年共有260户困难职工家庭纳入帮扶范围。",
     {"260户": "广东省惠州市总工会"}),
    ("source", "据青海省西宁市人社局数据，今年前10个月全市为农民工追讨工资1.3亿元。",
     {"1.3亿元": "青海省西宁市人社局"}),
    ("source", "记者从贵州省贵阳市总工会获悉，今年全市有1.1万名职工参加了疗休养。",
     {"1.1万名": "贵州省贵阳市总工会"}),
    ("jointly", "陕西省宝鸡市人社局会同市总工会开展集体协商要约行动，"
     "推动420家企业签订工资专项集体合同。",
     {"420家": "陕西省宝鸡市人社局"}),
    ("jointly", "山东省烟台市总工会联合市卫健委为1.5万名女职工免费开展“两癌”筛查。",
     {"1.5万名": "山东省烟台市总工会"}),
    ("agent-frame", "在江苏省南京市总工会的指导下，江宁区总工会今年建成爱心托管班12个。",
     {"12个": "江宁区总工会"}),
    ("agent-frame", "全市职工技能大赛共设立12个竞赛项目，由河北省邯郸市总工会承办。",
     {"12个": "河北省邯郸市总工会"}),
    ("continuation", "辽宁省沈阳市总工会启动“春送岗位”活动。\n与此同时，还开设线上直播带岗专场15场。",
     {"15场": "辽宁省沈阳市总工会"}),
    ("continuation", "宁夏回族自治区银川市总工会举办职工读书月活动。\n该活动共吸引职工参与2.3万人次。",
     {"2.3万人次": "宁夏回族自治区银川市总工会"}),
    ("unnamed-firm", "云南省曲靖市总工会开展安全生产月活动。\n不少建筑企业今年投入安全防护资金超过500万元。",
     {"超过500万元": None}),
    ("unnamed-firm", "吉林省长春市总工会推动企业开展技能培训，一家汽车零部件企业今年培训员工1200人次。",
     {"1200人次": None}),
    ("object-body", "广西壮族自治区南宁市人社局开展欠薪线索核查，对查实的17起案件，已移交市公安局立案侦办。",
     {"17起": "广西壮族自治区南宁市人社局"}),
    ("guides", "湖南省长沙市总工会指导望城区总工会开展“工会驿站”提质行动。望城区总工会今年新建驿站18个。",
     {"18个": "望城区总工会"}),
    ("people-set", "福建省福州市总工会组织职工体检。\n在参加体检的职工中，患高血压的占12%。",
     {"12%": None}),
    ("source", "黑龙江省大庆市总工会有关负责人表示，下一步将扩大服务覆盖面。"
     "据统计，大庆市总工会今年已建成户外劳动者驿站46个。",
     {"46个": "大庆市总工会"}),
]  # fmt: skip

# Third batch, written and annotated after 6a73b9a and before any run on it: shapes the
# first two batches left out (a place or the counted firms referred back, a staff member
# speaking, an instrument frame, an organization noun with no name as subject, a meeting
# reporting, a 据X介绍 over a generic collective, set frames, 其中 + counted firms acting).
OWN3: list[tuple[str, str, dict[str, str | None]]] = [
    ("place", "江苏省盐城市总工会开展“职工之家”评选。该市今年新增市级模范职工之家32家。",
     {"32家": None}),
    ("counted", "浙江省嘉兴市总工会推动120家企业开展工资集体协商。这些企业今年职工工资平均增长6.5%。",
     {"120家": "浙江省嘉兴市总工会", "6.5%": None}),
    ("referred", "山东省威海市总工会建成户外劳动者驿站60个。这些驿站今年累计服务户外劳动者5万人次。",
     {"60个": "山东省威海市总工会", "5万人次": "山东省威海市总工会"}),
    ("person", "河北省邢台市总工会工作人员李娜介绍，今年已为职工办理互助保障2.4万份。",
     {"2.4万份": None}),
    ("instrument", "依托市职工服务中心，湖北省孝感市总工会今年开展职业技能培训86期。",
     {"86期": "湖北省孝感市总工会"}),
    ("unnamed-firm", "安徽省阜阳市人社局开展欠薪案件督办。涉事企业已补发拖欠工资68万元。",
     {"68万元": None}),
    ("meeting", "广东省珠海市总工会召开十届五次全委会议。会议透露，今年已投入职工服务阵地建设资金1600万元。",
     {"1600万元": "广东省珠海市总工会"}),
    ("unnamed-firm", "江西省景德镇市总工会与当地一家陶瓷企业签订合作协议，该企业将投入100万元建设职工书屋。",
     {"100万元": None}),
    ("person", "四川省乐山市总工会副主席、党组副书记林涛说，今年全市已建成爱心托管班45个。",
     {"45个": None}),
    ("continuation", "陕西省延安市总工会开展“送法进企业”活动。\n"
     "“以前不懂怎么维权，现在心里有底了。”一家建筑公司的农民工老马说。\n"
     "活动开展以来，已举办法律讲座62场。",
     {"62场": "陕西省延安市总工会"}),
    ("continuation", "广西壮族自治区北海市总工会为新就业形态劳动者办理入会。截至目前，累计发展会员1.3万人。",
     {"1.3万人": "广西壮族自治区北海市总工会"}),
    ("jointly", "河南省新乡市人社局会同市住建局开展农民工工资支付专项检查，共检查在建项目210个，"
     "督促施工企业补发工资1100万元。",
     {"210个": "河南省新乡市人社局", "1100万元": "河南省新乡市人社局"}),
    ("generic", "据内蒙古自治区呼和浩特市总工会介绍，全市各级工会今年共帮扶困难职工3100户。",
     {"3100户": None}),
    ("unnamed-firm", "湖南省衡阳市总工会推进工资集体协商。参与协商的企业今年职工平均工资增长6%。",
     {"6%": None}),
    ("people-set", "重庆市江津区总工会开展“金秋助学”活动。受助学生中，考入本科院校的有210人。",
     {"210人": None}),
    ("continuation", "贵州省六盘水市总工会组织职工疗休养。疗休养活动共安排职工1200人次，每人补助800元。",
     {"1200人次": "贵州省六盘水市总工会", "800元": "贵州省六盘水市总工会"}),
    ("counted", "湖北省鄂州市总工会对12家困难企业开展帮扶，其中3家企业已扭亏为盈。",
     {"12家": "湖北省鄂州市总工会", "3家": None}),
    ("continuation", "吉林省白山市总工会开展职工技能竞赛。\n竞赛共设置12个工种，吸引2000余名职工参赛。",
     {"12个": "吉林省白山市总工会", "2000余名": "吉林省白山市总工会"}),
    ("generic", "天津市河西区总工会开展“暖心驿站”认定工作。\n各街道总工会共推荐候选驿站45个。",
     {"45个": None}),
]  # fmt: skip

# Fourth batch, written and annotated after 316ce8b and before any run on it.  A scope word
# opening a clause with an act (全市共受理…) is read as the act's scope, the body's doing; an
# area with a noun after it (全市企业…率) is the area's statistic.
OWN4: list[tuple[str, str, dict[str, str | None]]] = [
    ("people", "湖北省荆州市总工会开展“安康杯”竞赛。参赛班组今年共排查整改安全隐患1300余项。",
     {"1300余项": None}),
    ("people", "浙江省丽水市总工会推出职工疗休养“点单式”服务。职工可在12条线路中自主选择。",
     {"12条": None}),
    ("continuation", "河北省廊坊市总工会今年投入500万元，为全市环卫工人免费体检。体检覆盖环卫工人8600人。",
     {"500万元": "河北省廊坊市总工会", "8600人": "河北省廊坊市总工会"}),
    ("named", "江西省萍乡市人社局联合市总工会举办专场招聘会。招聘会上，萍乡市人社局还现场发放政策宣传资料3000份。",
     {"3000份": "萍乡市人社局"}),
    ("continuation", "山西省晋城市总工会组织劳模宣讲团。宣讲团成员深入企业宣讲86场。",
     {"86场": "山西省晋城市总工会"}),
    ("continuation", "云南省昭通市总工会联合市司法局设立职工法律援助工作站。工作站成立以来，已为农民工讨回欠薪420万元。",
     {"420万元": "云南省昭通市总工会"}),
    ("continuation", "福建省三明市总工会为一线职工送清凉。受惠职工纷纷点赞，活动累计发放清凉物资价值60万元。",
     {"60万元": "福建省三明市总工会"}),
    ("unnamed-firm", "贵州省安顺市人社局对拖欠工资的企业进行约谈。被约谈企业均在限期内支付了工资，共计85万元。",
     {"85万元": None}),
    ("jointly", "黑龙江省鹤岗市总工会与市中级人民法院会签诉调对接机制。双方今年共同化解劳动争议320件。",
     {"320件": "黑龙江省鹤岗市总工会"}),
    ("area-scope", "广东省韶关市总工会开展工会会员实名制录入工作。截至6月底，全市累计录入会员信息48万条。",
     {"48万条": "广东省韶关市总工会"}),
    ("continuation", "湖南省郴州市总工会今年为困难职工发放救助金260万元。其中，大病救助金占四成。",
     {"260万元": "湖南省郴州市总工会", "四成": "湖南省郴州市总工会"}),
    ("counted", "陕西省榆林市总工会启动“职工技能提升年”活动。\n目前，已有2600名职工报名参加培训。",
     {"2600名": None}),
    ("tally", "辽宁省鞍山市总工会开展“五一”劳动奖评选。经评审，共有36个集体和85名个人获得表彰。",
     {"36个": "辽宁省鞍山市总工会", "85名": "辽宁省鞍山市总工会"}),
    ("area-scope", "宁夏回族自治区中卫市人社局开展根治欠薪冬季行动。行动期间，全市共受理欠薪投诉230件。",
     {"230件": "宁夏回族自治区中卫市人社局"}),
    ("people", "江苏省常熟市总工会开展职工心理关爱行动。心理咨询师今年已开展团体辅导120场。",
     {"120场": None}),
    ("continuation", "北京市朝阳区总工会开展“一线职工看北京”活动。今年以来，活动共组织职工参观4200人次。",
     {"4200人次": "北京市朝阳区总工会"}),
    ("unnamed-firm", "上海市闵行区总工会推动企业落实带薪年休假。区内一家外资企业今年安排职工疗休养300人次。",
     {"300人次": None}),
    ("generic", "山东省德州市总工会下拨专项资金，支持基层工会建设职工之家。各基层工会今年新建职工之家85个。",
     {"85个": None}),
    ("named", "四川省攀枝花市总工会启动“职工创新补助”项目，首批确定资助项目25个，每个项目补助2万元。",
     {"25个": "四川省攀枝花市总工会", "2万元": "四川省攀枝花市总工会"}),
]  # fmt: skip


def _credits(text: str) -> tuple[dict[str, str | None], dict[str, str]]:
    """The credit of each figure of ``text`` and the canonical name of each agency mention."""
    art = Article(type=ArticleType.ARTICLE, headline="", paragraphs=text.split("\n"))
    facts = analyze_article(art, pub_date="2024-05-01")
    names = {e.text: e.canonical for e in facts.entities if e.label == EntityLabel.AGENCY}
    return {f.text: f.agency for f in facts.figures}, names


# Still wrong at the end of the round, with the reason: (passage, figure).
_OPEN = {
    # 由X主办，共有48支队伍参赛: annotated None by the rule of the figure's own items as subject
    # (h16: 来自…的320名单身职工参加 credits nobody), but the corpus gold credits the organiser
    # in the same shape (001-13: 本次活动由天津市总工会主办…，共有来自15个单位的80多名单身职工
    # 参加), and the code follows the corpus: a total after 共有 is the activity's tally
    ("本次职工篮球赛由湖南省株洲市总工会主办，共有48支队伍参赛。", "48支"),
    # (the 职工法律服务站 passage passes since round 15: the sub-unit after the union's name
    # is a mention, so 该站 refers back to it)
    # the sentence opens with people acting (受惠职工纷纷点赞), the figure's clause with the
    # activity; reading each clause's own subject broke 7 opened items (jieba's openings of
    # later clauses are too unreliable: 受助学生中，…), so the sentence's opening decides
    (
        "福建省三明市总工会为一线职工送清凉。受惠职工纷纷点赞，活动累计发放清凉物资价值60万元。",
        "60万元",
    ),
}


def _own_cases() -> list[object]:
    out = []
    for row, text, wants in [*OWN, *OWN2, *OWN3, *OWN4]:
        for fig, want in wants.items():
            marks = (
                [pytest.mark.xfail(strict=True, reason="open at the end of round 10b")]
                if (text, fig) in _OPEN
                else []
            )
            out.append(pytest.param(row, text, fig, want, marks=marks))
    return out


@pytest.mark.parametrize(("row", "text", "figure", "want"), _own_cases())
def test_own_heldout_passages(row: str, text: str, figure: str, want: str | None) -> None:
    got, names = _credits(text)
    assert got[figure] == (names.get(want, want) if want else None), row


# --- mechanism tests, each on sentences invented for it ---------------------------------


def _credit(text: str) -> dict[str, str | None]:
    return _credits(text)[0]


def test_a_count_opening_its_clause_with_a_predicate_is_the_subject() -> None:
    got = _credit("河北省沧州市总工会举办青年职工交友活动，150名青年职工报名参加。")
    assert got["150名"] is None


def test_counts_in_a_relative_clause_before_the_counted_subject_go_with_it() -> None:
    got = _credit("江苏省徐州市总工会举办职工趣味运动会，来自23家企业的600名职工参赛。")
    assert got["23家"] is None
    assert got["600名"] is None


def test_an_existential_count_with_a_predicate_is_the_subject() -> None:
    got = _credit("广东省江门市总工会开展职工技术创新竞赛，已有19项成果获得国家专利。")
    assert got["19项"] is None


def test_a_subjectless_clause_goes_on_with_the_counted_subject() -> None:
    got = _credit("浙江省台州市总工会组织技术攻关，已有12个项目完成验收，为企业节约成本300万元。")
    assert got["12个"] is None
    assert got["300万元"] is None


def test_a_tally_and_the_bodys_own_area_keep_the_credit() -> None:
    # guards: 共有 gives the activity's tally, 全省 + a count the units of the body's own area
    got = _credit(
        "江西省上饶市总工会举办春季招聘会，共有80家企业进场招聘。"
        "湖南省总工会开展“职工书屋”建设，全省14个市州参与其中。"
    )
    assert got["80家"] == "上饶市总工会"
    assert got["14个"] == "湖南省总工会"


def test_a_count_after_a_verb_or_ending_its_clause_is_no_subject() -> None:
    got = _credit("山东省临沂市总工会开展送清凉活动，慰问户外劳动者3200人，参与志愿者120名。")
    assert got["3200人"] == got["120名"] == "临沂市总工会"


def test_an_unnamed_firm_is_its_own_subject() -> None:
    got = _credit(
        "湖北省黄石市总工会推动企业开展集体协商。一家食品企业今年为职工加薪8%。\n"
        "安徽省蚌埠市总工会关爱新就业形态劳动者，某物流公司为200名骑手购买了意外保险。"
    )
    assert got["8%"] is None
    assert got["200名"] is None


def test_a_body_after_ge_is_a_plural_kind() -> None:
    got = _credit("河南省洛阳市总工会部署夏季送清凉工作。各县总工会共走访一线职工1600人。")
    assert got["1600人"] is None


def test_people_with_an_adverb_or_a_distributive_after_them_are_the_subject() -> None:
    got = _credit(
        "四川省宜宾市总工会举办焊工技能比武。参赛选手每人获得参赛补贴200元。\n"
        "广西壮族自治区桂林市总工会开设电工培训班。参训学员全部通过结业考核，其中60人获评优秀学员。"
    )
    assert got["200元"] is None
    assert got["60人"] is None


def test_a_change_of_the_counted_items_credits_nobody() -> None:
    got = _credit("云南省玉溪市总工会推进小微企业建会。建会企业由去年的50家增加到90家。")
    assert got["50家"] is None
    assert got["90家"] is None


def test_a_title_name_and_adverbial_before_a_reporting_verb_is_a_person_speaking() -> None:
    got = _credit(
        "江苏省扬州市人社局副局长王磊在全市就业工作会议上透露，今年已发放稳岗补贴1200万元。"
    )
    assert got["1200万元"] is None


def test_a_body_named_as_an_object_does_not_stop_the_report() -> None:
    got = _credit(
        "浙江省金华市人社局开展劳动保障执法，查处欠薪案件40件。"
        "对涉嫌拒不支付劳动报酬的3起案件，已依法移送市公安局。"
    )
    assert got["3起"] == "金华市人力资源和社会保障局"


def test_a_subjectless_sentence_passes_on_the_credit_it_got() -> None:
    got = _credit(
        "黑龙江省牡丹江市总工会开展送温暖活动。今年共走访困难职工800户。\n"
        "此外，还为60名患病职工发放医疗救助金18万元。"
    )
    assert got["800户"] == got["18万元"] == "牡丹江市总工会"


def test_a_pivot_inside_the_figures_own_clause_hands_over() -> None:
    got, names = _credits("山西省大同市总工会指导云冈区总工会建成职工书屋15家。")
    assert got["15家"] == names["云冈区总工会"]


def test_a_set_of_participating_firms_after_a_report_opener_credits_nobody() -> None:
    got = _credit(
        "陕西省汉中市应急管理局开展安全生产培训。\n据了解，在参训的企业中，事故发生率下降15%。"
    )
    assert got["15%"] is None


def test_an_area_statistic_after_an_acting_body_is_the_areas_after_a_reporting_one_the_bodys() -> (
    None
):
    got = _credit(
        "吉林省四平市人社局开展工资支付专项检查。全市企业工资按时发放率达到99%。\n"
        "吉林省辽源市人社局日前发布上半年就业报告。全市城镇新增就业1.2万人。"
    )
    assert got["99%"] is None
    assert got["1.2万人"] == "辽源市人力资源和社会保障局"


def test_an_organization_noun_with_no_name_acts_for_itself() -> None:
    got = _credit(
        "浙江省舟山市人社局督办一起欠薪案件。涉事公司已向68名船员补发工资。\n"
        "福建省漳州市总工会推动工资集体协商。签约的企业今年职工工资平均增长5%。"
    )
    assert got["68名"] is None
    assert got["5%"] is None


def test_firms_after_a_verb_or_tallied_by_a_count_are_no_subject() -> None:
    # guards: 督促…企业补发 makes the firms an object; …的企业有12家 counts the body's items
    got = _credit(
        "湖南省常德市人社局开展专项检查，督促建筑企业补发工资360万元。"
        "其中，拖欠半年以上的企业有12家。"
    )
    assert got["360万元"] == got["12家"] == "常德市人力资源和社会保障局"


def test_a_place_referred_back_is_an_area() -> None:
    got = _credit("安徽省安庆市总工会开展“职工书屋”建设。该市今年新增职工书屋40家。")
    assert got["40家"] is None


def test_a_staff_member_speaking_is_a_person() -> None:
    got = _credit("广东省汕头市总工会工作人员陈晓介绍，今年已为新就业形态劳动者办理会员卡5600张。")
    assert got["5600张"] is None


def test_a_part_picked_by_qizhong_with_a_predicate_of_its_own_is_the_subject() -> None:
    got = _credit("山东省日照市总工会走访帮扶困难企业18家，其中5家企业已恢复正常生产。")
    assert got["18家"] == "日照市总工会"
    assert got["5家"] is None


def test_people_before_a_modal_are_the_subject() -> None:
    got = _credit("湖北省宜昌市总工会推出职工健身卡。会员可在全市36家场馆免费健身。")
    assert got["36家"] is None


def test_a_passive_participle_opens_the_subject() -> None:
    got = _credit("贵州省铜仁市人社局约谈欠薪企业。被约谈企业均已结清工资，共计42万元。")
    assert got["42万元"] is None


def test_an_area_with_an_act_is_its_scope_with_a_state_its_statistic() -> None:
    got = _credit(
        "广东省清远市总工会开展会员信息采集。截至5月底，全市累计采集会员信息21万条。\n"
        "广东省云浮市总工会开展工会组建工作。全市今年新增基层工会组织130个。"
    )
    assert got["21万条"] == "清远市总工会"
    assert got["130个"] is None
