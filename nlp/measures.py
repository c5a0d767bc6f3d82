"""Measure phrases: the noun phrase around a number that says what it counts.

NLP stage (ingest → **nlp** → search), used by ``nlp.measure_choice``; words and tags come
from ``nlp.measure_words``.  Two readings, each word-level:

* ``measure_after``: the noun phrase printed right after the unit (5893名职工|参加 → 职工),
  modifiers before the head included, bracketed notes skipped, a verb after the noun ending it.
* ``measure_before``: the object of the clause's predicate before the number — the predicate
  found by its place (after an adverb, opening the clause) or the verb lexicon, the object
  taken whole whatever jieba's tags (共|举办|农民工技能培训班) (``_verb_object``) — else the
  word-by-word phrase back to a verb (挽回|经济损失1850万余元); a subject before a change verb
  or a modal is what changed (``subject_np``).

Which of the two a figure gets, and how the sentence corrects it, is ``nlp.measure_choice``'s.
"""

from __future__ import annotations

import re

import jieba.posseg as pseg

from baoku.ingest.textclean import is_han
from baoku.nlp.cohesion import a_person
from baoku.nlp.credit import PIVOT
from baoku.nlp.measure_words import (
    ADVERBIAL,
    AGE_NUMBER,
    BOUNDARY,
    CLAUSE_END,
    COMPARE,
    CONJ,
    FACILITY_HEADS,
    GRANT_HEADS,
    GRANTS,
    MODALS,
    MONEY_END,
    NEGATION,
    NUMERALS,
    PER_WORDS,
    QUANTITY_NOUNS,
    SCOPE,
    FigureLexicon,
    noun_term,
    nounish,
    passive_verb,
    per_word,
    two_verbs,
    verbal_compound,
    verbal_word,
    verbish,
    word_tags,
)


def measure_after(
    text: str,
    end: int,
    lex: FigureLexicon,
    limit: int = 24,
    people: bool = False,
    nominal: bool = False,
) -> str | None:
    """Noun phrase printed right after the unit (5893名职工参加 → 职工).

    Word-level: modifiers (adjectives or verbs before any noun: 蹲点干部, 新就业形态劳动者)
    belong to the phrase; once a noun is taken, a verb ends it (374名专业成员|组成).
    Bracketed notes are skipped (6个企业（社区）职工法律服务点 → 企业职工法律服务点).
    """
    word, at = _np_after(text, end, lex, limit)
    if people and word is None:
        # 1200余名|选手|参赛: a classifier of persons is followed by its person noun, so a
        # word with a person ending there is that noun, however jieba files it (选手 as a verb)
        toks = word_tags(text[end : end + 6], lex)
        if toks and toks[0][1] == "v" and a_person(toks[0][0]) and toks[0][0] not in lex.verb_set:
            word, at = toks[0][0], end + len(toks[0][0])
        elif (
            len(toks) > 1
            and toks[0][0] in lex.after_verb_set
            and a_person(toks[1][0])
            and not _names_a_thing(text, end, toks[0][0] + toks[1][0], lex)
        ):
            # 412名|获奖|选手: a verb right before the person noun says which of them (not
            # 39人|取得|高级工|证书, where the person noun names the certificate)
            word = toks[0][0] + toks[1][0]
            at = end + len(word)
    if people and word:
        kin = _KIN_AFTER.match(text, at)
        if kin is not None:
            word, at = word + kin.group(), kin.end()  # 外来务工人员|随迁子女: their children
    if people and word:
        # 186名快递员、外卖骑手的子女: people of whom other people are counted (子女, 家属)
        owner = _OWNER.match(text, at)
        if owner is not None:
            head = _np_after(text, owner.end(), lex, limit)[0]
            if head is not None and a_person(head):
                word = head
    if people and word and not a_person(word):
        toks = word_tags(text[at : at + 6], lex)
        if (
            len(toks) >= 2
            and toks[0][1] in ("v", "vn")
            and toks[0][0] not in lex.verb_set
            and toks[1][0] in _STAFF_NOUNS
        ):
            # 二十余名|专兼职|审计|人员: a verb before a staff noun names their trade (not
            # 20名劳模|帮扶|困难职工, a predicate and its object)
            word, at = word + toks[0][0] + toks[1][0], at + len(toks[0][0] + toks[1][0])
    if people and word and not a_person(word):
        # 300名|年龄在50岁以上的|公益性岗位人员: the count's noun is the head after a relative
        # clause; the word right after the unit (年龄) is inside the clause
        clause = _RELATIVE_TO_HEAD.match(text, end)
        head = _np_after(text, clause.end(), lex, limit)[0] if clause else None
        if head is not None and a_person(head):
            word = head
    listed = _LISTED_TO_HEAD.match(text, at) if word else None
    if listed is not None and not _plain_list(text[at : listed.end()], lex):
        listed = None  # (职工和家属享受同等待遇: 同等 is no 等 closing a list)
    if listed is not None:
        # 3860名|个体工商户、网约车司机等|灵活就业人员: examples listed before 等 name the
        # kind; the noun after 等 is what is counted
        head = _np_after(text, listed.end(), lex, limit)[0]
        word = head or word
    if word is None and nominal:
        # 不等的|资助, 的|建设|经费: after 的 the words up to a break are a noun phrase
        # whatever the verb lexicon says
        toks = word_tags(text[end : end + 8], lex)
        taken = []
        for k, (w, t) in enumerate(toks):
            attributive = not k and t == "d" and len(w) >= 3  # 的|一次性|奖励: no adverb here
            if (
                not is_han(w[0])
                or (t in ("uj", "ul", "p", "c", "d", "r", "m") and not attributive)
                or w in NEGATION
            ):
                break
            taken.append(w)
        word = "".join(taken) if taken and len(taken[0]) >= 2 else None
    if people and word:
        # 45名农民工|工资共计62万元: people are never money; the money noun is the next
        # figure's measure.
        toks = word_tags(word, lex)
        k = next((k for k, (w, _) in enumerate(toks) if k and w[-1] in MONEY_END), None)
        if k is not None:
            word = "".join(w for w, _ in toks[:k])
            toks = toks[:k]
        word = _person_head(word, toks)
    whole = bool(word) and (
        len(word) >= 2 or word in _DIVISION_NOUNS or _alone_noun(text, at, word)
    )
    return word if whole else None


def _after_verb_modifies(
    toks: list[tuple[str, str]], i: int, taken: bool, lex: FigureLexicon
) -> bool:
    """Does the after-verb ``toks[i]`` modify the noun after it rather than end the phrase:
    before a staff noun it names their trade (新就业形态|就业|人员); right after the unit, before
    a noun that is no person, level or place and has something after it, it names a kind
    (12个|参赛|项目; not 56家|入驻|园区。, 41个|获评|市级)."""
    if i + 1 >= len(toks):
        return False
    w, (nxt, tag) = toks[i][0], toks[i + 1]
    if nxt in _STAFF_NOUNS:
        return True
    if (
        not taken
        and toks[i][1] == "v"  # (参赛/n|和|观摩|职工: jieba's noun makes 和 join two nouns)
        and nxt in ("和", "、")
        and i + 3 < len(toks)
        and a_person(toks[i + 3][0])
    ):
        return True  # 860余名|返乡|和|待业|职工: coordinated modifiers of the people after
    return (
        not taken
        and len(w) == 2
        and i + 2 < len(toks)
        and nounish(nxt, tag, lex)
        and not a_person(nxt)
        and not nxt.endswith("级")
        and tag not in ("ns", "s")
        and not nxt.endswith(("园", "园区", "社区", "区", "村", "镇"))
    )


def _alone_noun(text: str, at: int, word: str) -> bool:
    """Is ``word``, of one character and ending at ``at``, a noun standing alone (二十多本|书，;
    jieba glues 本书, 'this book')?"""
    alone = at >= len(text) or text[at] in BOUNDARY
    return len(word) == 1 and alone and pseg.dt.word_tag_tab.get(word) == "n"


# The rest of a list of examples after its first item, up to 等 (、网约车司机等).
_LISTED_TO_HEAD = re.compile(r"(?:[、和及][\u4e00-\u9fff]{1,10}?){1,5}等(?=[\u4e00-\u9fff]{2})")


def _plain_list(piece: str, lex: FigureLexicon) -> bool:
    """Is ``piece`` (、网约车司机等) the rest of a list of nouns closed by a standalone 等?"""
    toks = word_tags(piece, lex)
    return (
        bool(toks)
        and toks[-1][0] == "等"
        and not any(w in lex.verb_set or w in lex.after_verb_set for w, _ in toks[:-1])
    )


def _names_a_thing(text: str, end: int, people: str, lex: FigureLexicon) -> bool:
    """Is the person noun ending ``people`` (printed at ``end``) a modifier of a noun after it
    (取得|高级工|证书)?"""
    toks = word_tags(text[end + len(people) : end + len(people) + 6], lex)
    return len(toks) > 1 and toks[0][1] == "n"  # (选手|上台/ns: no thing named)


def _person_head(word: str, toks: list[tuple[str, str]]) -> str:
    """212名建筑工人|代理维权案件 / 接待|职工|来访咨询1380人次: people are counted by a person
    noun; what follows it is their business, however jieba tags it."""
    last = max((k for k, (w, _) in enumerate(toks) if a_person(w)), default=None)
    if last is not None and last < len(toks) - 1:
        return "".join(w for w, _ in toks[: last + 1])
    return word


# A relative clause after a people count, up to its 的 (年龄在50岁以上的, 工龄满20年的).
_RELATIVE_TO_HEAD = re.compile(r"[^，。；：的]{2,12}的(?=[\u4e00-\u9fff])")


# The rest of a coordination and 的 after a noun phrase: what follows 的 is its head.
_OWNER = re.compile(r"(?:[、和及与][\u4e00-\u9fff]{2,8}?)*的(?=[\u4e00-\u9fff])")


# Kin of the people just named, printed right after them (外来务工人员|随迁子女).
_KIN_AFTER = re.compile(r"(?:随迁|留守)?(?:子女|家属|配偶)")
# Staff nouns a trade's verb may open (审计|人员, 调解|员).
_STAFF_NOUNS = frozenset({"人员", "员", "工作者", "干部", "专员", "队员"})
# A body noun closing a list of industries (…、炼化和燃气企业).
_INDUSTRY_HEAD = re.compile(r"(?:企业|单位|公司|行业|厂)")
# Bodies and places that serve; a verb right before one names the service (调解组织, 培训机构).
_SERVICE_HEADS = frozenset({"组织", "机构", "中心", "基地", "站点", "服务站", "服务点"})
# Light verbs: their object is an event (开展|隐患排查, 进行|安全检查).
_LIGHT_VERBS = frozenset({"开展", "进行", "组织", "实施"})
# Adverbs between a subject and its number (经费|将|超过, 津贴|又|多了).
_LINK_ADVERBS = frozenset({"将", "又", "还", "也", "都", "均", "再", "已", "首次", "首度", "再次"})


def _amount_noun(word: str) -> bool:
    """Does ``word`` name an amount (经费, 人数, 覆盖率) rather than a body or a person?"""
    return word[-1] in MONEY_END or word.endswith(("量", "率", "额", "数", "人次"))


# Adverbs of scope and aspect (all, already, also, 将 as "will" or as the object marker): they
# open a predicate, never modify a noun.
_PREDICATE_ADVERBS = frozenset(
    {"均", "都", "皆", "已", "已经", "也", "还", "曾", "均已", "都已", "正在", "仍在", "仍", "尚",
     "尚未", "即将", "就", "将"}
)  # fmt: skip

# 以上/以下 after a level or size word is part of the noun phrase (三级以上医院, 规模以上企业).
_BOUND_WORDS = frozenset({"以上", "以下", "及以上"})


# Heads of nouns for firms and bodies: a verb before one names the body's business
# (劳务派遣单位, 快递配送企业), as a verb before a facility noun names its activity.
_BUSINESS_HEADS = frozenset({"单位", "企业", "公司", "机构"})

# Heads of nouns for teams formed for a task: a verb before one names the task (慰问|小分队,
# 帮扶|组), as before a body noun.
_TEAM_HEADS = frozenset({"组", "小组", "队", "分队", "小分队", "团", "服务队", "工作组"})


def _passive_participle(toks: list[tuple[str, str]], i: int) -> bool:
    """Is ``toks[i]`` the passive 被 with a verb right after it (被|派遣, 被|征地)?"""
    return toks[i][0] == "被" and i + 1 < len(toks) and passive_verb(*toks[i + 1])


def _np_after(text: str, end: int, lex: FigureLexicon, limit: int) -> tuple[str | None, int]:
    """``measure_after`` and the offset where the phrase stopped."""
    stop = end
    while stop < len(text) and stop - end < limit and text[stop] not in CLAUSE_END:
        stop += 1
    toks = word_tags(text[end:stop], lex)

    def noun(k: int) -> bool:
        # After a classifier every word is read nominally: 16家社会|组织 is an organisation.
        if k >= len(toks):
            return False
        w, t = toks[k]
        if (
            k == 0
            and t == "v"
            and len(w) >= 2
            and w not in lex.verb_set
            and w not in lex.after_verb_set
            and w not in _COVERBS  # 93人|通过|培训…: a preposition opens the predicate
        ):
            # 20名选手|获评: right after the classifier, a "verb" followed by a verb or a
            # boundary is the counted noun jieba mis-tags
            nxt = toks[1] if len(toks) > 1 else ("。", "x")
            if (
                nxt[0] == "、"
                and len(toks) > 3
                and toks[2][1] == "v"
                and nounish(*toks[3], lex)
                and toks[2][0] not in lex.verb_set
            ):
                return False  # 320名|运行、抢修|职工: coordinated modifiers of the noun after
            if nxt[1].startswith("v") or nxt[1] in ("x", "d") or nxt[0] in ("中", "里"):
                return True  # 326件提案|已|办结: an adverb opens the predicate (8场演出|中)
        return w in lex.nominal_verbs or nounish(w, t, lex)

    def modifier(k: int) -> bool:
        w, t = toks[k]
        if t == "v" and len(w) == 1:
            return False  # 5批|赴|省内…: a one-character verb after the unit is the predicate
        if w in _PREDICATE_ADVERBS:
            return False  # 386人|均|已转诊: an adverb over the subject opens the predicate
        return t in ("a", "v", "vd", "b", "d", "f", "m", "q") and w not in lex.verb_set

    parts: list[str] = []
    noun_seen = False
    i = 0
    while i < len(toks):
        w, t = toks[i]
        if w in "（(":
            j = i
            while j < len(toks) and toks[j][0] not in "）)":
                j += 1
            inside = "".join(x for x, _ in toks[i + 1 : j]).split("、")
            if (
                len(parts) == 1
                and (parts[0] in _DIVISION_NOUNS or parts[0] in ("乡镇", "街道", "区县"))
                and j < len(toks)
                and all(x in _DIVISION_NOUNS or x in ("街道", "社区") for x in inside)
            ):
                # 14个县（市、区）|仲裁机构: divisions of the same level in brackets are one
                # level name with the noun before them, not a note to skip
                parts.extend(x for x, _ in toks[i : j + 1])
            elif (
                parts
                and inside[0].startswith(("含", "包括", "不含", "其中"))
                and "率" in "".join(x for x, _ in toks[j + 1 : j + 4])
            ):
                break  # 56家国有企业（含二级子企业）|职代会建制率: a note of what is included
            i = j + 1
            continue
        if (
            not parts
            and _passive_participle(toks, i)
            and noun(i + 2)
            # (2100余人|被|合作企业|录用: a body after 被 is the agent of a passive predicate)
            and not toks[i + 2][0].endswith(tuple(_BUSINESS_HEADS))
        ):
            # 2860名|被|派遣|劳动者: 被 and a verb in front of a noun say what was done to it,
            # a modifier (被征地农民, 被执行人); 被 is no preposition here
            parts.extend(x for x, _ in toks[i : i + 2])
            i += 2
            continue
        if (
            (noun_seen or not parts)
            and w in _MANNER
            and i + 1 < len(toks)
            and (
                toks[i + 1][1].startswith("v")
                or toks[i + 1][0] in lex.verb_set
                or noun_term(toks[i + 1][0], lex)  # 依法|支持起诉
            )
        ):
            break  # 860家企业工会|全额|返还…, 其中79件|依法|支持起诉: the predicate opens
        if noun_seen and w in _PREDICATE_ADVERBS:
            break  # 11件涉薪案件|正在|执行中: an aspect adverb opens the predicate
        if noun_seen and w in _PARTNERING:
            break  # 与…等4所院校|合作|开设 (320余家|合作|商户: before a noun it modifies it)
        if w in _BY_RULE or (not parts and w in _ENTRUSTING):
            # 530名|按规定|晋升… ("as the rules say", 晋升/nr), 52件|委托|区总工会调解:
            # the predicate opens
            break
        if (
            not parts
            and text[end - 1] == "元"
            and t.startswith("v")
            and len(w) == 2
            and i + 1 < len(toks)
            and toks[i + 1][0][-1] in MONEY_END
        ):
            # 5万元|建设|经费: after money a verb before the money noun names the fund
            parts.extend((w, toks[i + 1][0]))
            noun_seen = True
            i += 2
            continue
        if (
            not parts
            and t.startswith("v")
            and len(w) == 2
            and i + 1 < len(toks)
            and (toks[i + 1][0] in _BUSINESS_HEADS or toks[i + 1][0] in _TEAM_HEADS)
        ):
            # 5家|建设|单位, 3家|施工|企业: a verb before a body noun names the body's business,
            # right after the classifier as after a noun (保安派遣单位); 8支|慰问|小分队 the task
            parts.extend((w, toks[i + 1][0]))
            noun_seen = True
            i += 2
            continue
        if parts and w in _BOUND_WORDS and noun(i + 1):
            parts.append(w)  # 19家三级|以上|医院: the bound belongs to the level before it
            i += 1
            continue
        if w == "“" and not parts:  # 4场“工会主席直播送岗”活动: the quoted name is the modifier
            j = i
            while j < len(toks) and toks[j][0] != "”":
                j += 1
            if j >= len(toks):
                break
            parts.extend(x for x, _ in toks[i : j + 1])
            i = j + 1
            continue
        last = (
            i == len(toks) - 1
            and (stop >= len(text) or text[stop] in CLAUSE_END)
            and text[end - 1] not in CONJ  # not the tail of a coordination (指导和帮扶)
        )
        if (
            noun_seen
            and w in GRANT_HEADS
            and (
                text[end - 1] == "元"
                or re.search(r"元(?:不等|左右)?的$", text[max(0, end - 6) : end])
            )
        ):
            # 10万元|培养|补助: after money the grant word heads the noun (the money is a grant),
            # and the word before it says what for, however jieba files the two
            parts.append(w)
            i += 1
            continue
        if (w in lex.after_verb_set and not _after_verb_modifies(toks, i, bool(parts), lex)) or (
            w in lex.verb_set and w not in lex.nominal_verbs and not (last and not parts)
        ):
            break
        if noun_seen and parts[-1][-1] in MONEY_END and w in lex.verb_set:
            break  # 1.2万元经费|组织职工…: after a money noun a verb is the predicate
        if last and not parts and w in lex.verb_set and len(w) >= 2:
            parts.append(w)  # 20万元|资助。: a word ending the clause is the noun
            noun_seen = True
            i += 1
            continue
        if noun_seen and two_verbs(w):
            break  # 120家企业|推广应用: a pair of verbs jieba files as an idiom is the predicate
        if (
            noun_seen
            and w in lex.case_set
            and t.startswith("v")
            and w not in lex.verb_set
            and noun(i + 1)
        ):
            parts.append(w)  # 3家恶意|欠薪|企业: a case word filed as a verb modifies the noun
            i += 1
            continue
        if noun(i):
            parts.append(w)
            noun_seen = True
        elif (
            noun_seen
            and t.startswith("v")
            and w not in lex.verb_set
            and i + 1 < len(toks)
            and (
                toks[i + 1][0] in FACILITY_HEADS
                or toks[i + 1][0] in _STAFF_NOUNS  # 新就业形态|就业|人员: a staff's trade
                # 14家保安|派遣|单位: before a body noun the verb names the body's business
                or toks[i + 1][0] in _BUSINESS_HEADS
                # 2万元创业|扶持|资金: after money a verb before the money noun names the fund
                or (toks[i + 1][0][-1] in MONEY_END and text[end - 1] == "元")
            )
        ):
            parts.append(w)  # 疗|休养|基地: a verb before a facility noun names its activity
        elif (
            noun_seen
            and t == "v"
            and len(w) == 2
            and w not in lex.verb_set
            and w not in lex.after_verb_set
            and noun(i + 1)
            and i + 2 < len(toks)
            and (toks[i + 2][1] == "d" or toks[i + 2][0] in lex.money_verbs)
        ):
            # 63家劳模|创新|工作室|共完成, 36项职工|创新|成果|给予: a verb between two nouns
            # with a predicate after them is inside the subject, a compound (创新工作室)
            parts.append(w)
        elif (
            noun_seen
            and t in ("v", "vn")
            and len(w) == 2
            and w not in lex.verb_set
            and i + 1 < len(toks)
            and toks[i + 1][0] == "、"
            and not parts[-1].endswith(tuple(_BUSINESS_HEADS))  # (12家企业|停产、减产)
            and _INDUSTRY_HEAD.search("".join(x for x, _ in toks[i + 2 : i + 8])) is not None
        ):
            # 42家|石油|开采|、炼化和燃气企业: a noun and its activity listed before a body
            # noun name an industry; the list goes on to the head
            parts.append(w)
        elif noun_seen and last and t == "v" and text[end - 1] == "的" and w not in lex.verb_set:
            # 的|意外医疗费用|报销。: nothing is predicated of a phrase after 的, so a verb
            # ending the clause after its nouns heads it (the reimbursement of costs)
            parts.append(w)
        elif (
            noun_seen
            and len(w) == 1
            and is_han(w)
            and w not in NUMERALS
            and t not in ("x", "uj", "ul", "p", "c", "r", "u", "v")
            and w not in NEGATION  # 17家企业|未|按规定…: a negated predicate follows
            and (noun(i + 1) or (t in ("q", "zg", "k", "ng", "m") and t != "d"))
        ):
            # one character jieba splits off: 服务|圈, 工|亡|赔偿款, 网络|正|能量, 服务|点
            # (jieba tags 点 as a numeral and 正 as an adverb)
            parts.append(w)
        elif noun_seen and w in CONJ and i + 1 < len(toks):
            # 政治安全和劳动关系监测点: a coordination that runs to the clause end is one phrase
            # (what the number counts is named last); 职工和家属参加 stays 职工.
            off = end + sum(len(x) for x, _ in toks[: i + 1])
            rest, stop_at = _np_after(text, off, lex, limit - (off - end))
            # (a list comma ends the phrase as a clause end does: 钢铁及配套企业、1.6万名职工)
            ends = stop_at >= len(text) or text[stop_at] in CLAUSE_END + "、"
            counted = any(c.isdigit() or c in NUMERALS for c in text[off:stop_at])
            # (劳模和工匠人才创新工作室, 国有及国有控股企业: a first conjunct that is a person
            # noun or a modifier, before a head of another kind, shares that head; the phrase
            # is one whatever follows it)
            first = "".join(parts)
            heads = (*_BUSINESS_HEADS, *FACILITY_HEADS)
            shares = (
                (
                    rest is not None
                    and w in ("和", "及", "以及")  # (劳动者|与|用工单位: 与 is also 'with')
                    and rest.endswith(heads)
                    and (
                        a_person(first)
                        or len(first) <= 2
                        or word_tags(first, lex)[-1][1] in ("b", "a", "vn")
                    )
                )
                or (
                    # 16家|汽车零部件、机械制造企业, 126家|危险化学品和冶金企业: an industry listed
                    # before a body noun shares it
                    rest is not None
                    and w in ("、", "和", "及", "以及")
                    and rest.endswith(heads)
                    and not first.endswith(heads)
                    # (职工、…企业: people are no industry; 加工 is no person)
                    and not (a_person(first) and word_tags(first, lex)[-1][1] in ("n", "l"))
                )
                or (
                    # 215个|省、市重点项目: levels listed before a noun share it
                    rest is not None and w == "、" and first in _DIVISION_NOUNS and len(rest) >= 3
                )
            )
            if rest is not None and (ends or shares) and not counted:  # 30家事务所、近百名律师
                parts += [w, rest]
                i = len(toks)
                stop = stop_at
            break
        elif not noun_seen and modifier(i):
            j = i
            while j < len(toks) and (
                (modifier(j) and not noun(j))
                # 320名|运行、抢修|职工: coordinated modifiers share the head noun
                or (toks[j][0] == "、" and j + 1 < len(toks) and modifier(j + 1))
                # 860余名|返乡|和|待业职工: a modifier coordinated with a modified noun
                or (
                    toks[j][0] == "和"
                    and j > i
                    and j + 2 < len(toks)
                    and (noun(j + 1) or modifier(j + 1))
                )
            ):
                j += 1
            granted = j < len(toks) and toks[j][0] in GRANT_HEADS and text[end - 1] == "元"
            if granted and j > i:
                # 3万元|配套|奖励: after money a grant word heads the modifiers before it
                parts.extend(x for x, _ in toks[i : j + 1])
                noun_seen = True
                i = j + 1
                continue
            if not noun(j):
                break
            parts.extend(x for x, _ in toks[i:j])  # modifiers in front of the head noun
            i = j
            continue
        else:
            break
        i += 1
    word = _LEVEL.sub("", "".join(parts))
    at = stop if i >= len(toks) else end + sum(len(x) for x, _ in toks[:i])
    # 12个县（区）|设立…: a one-character division noun is a whole word after a classifier
    whole = len(word) >= 2 or word in _DIVISION_NOUNS or _alone_noun(text, at, word)
    return (word if whole and noun_seen else None), at


# One-character nouns of administrative divisions (12个县, 22个镇（街道）).
_DIVISION_NOUNS = frozenset("省市县区镇乡村旗盟州")


# 100个自治区级…监测点: an administrative level says where the items sit, not what they are.
_LEVEL = re.compile(
    r"^(?:全国|国家|自治区|省|市|县|区|镇|乡|村)级(?:以上|及以上)?(?=[\u4e00-\u9fff]{2})"
)


# Superlatives (highest, lowest, most, least).  Right before a number they bound it (a cap, a
# floor: ``nlp.quantities`` takes them into the figure); inside a phrase they modify the noun
# after them (单笔最高奖励), which is then a noun even when it is a lexicon verb.
_SUPERLATIVES = frozenset({"最高", "最低", "最多", "最少"})


def _join_distributives(toks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """每|车 → 每车: 每 and the one character after it (a classifier or a noun used as one)
    are one distributive word, as 每人 and 每户 are in jieba's dictionary."""
    out: list[tuple[str, str]] = []
    for w, t in toks:
        if out and out[-1][0] == "每" and len(w) == 1 and is_han(w) and w not in NUMERALS:
            out[-1] = ("每" + w, "r")
        else:
            out.append((w, t))
    return out


def _parallel_modifier(
    toks: list[tuple[str, str]], j: int, parts: list[str], lex: FigureLexicon
) -> bool:
    """Is ``toks[j]``, a verb opening the first of two coordinated nouns, a modifier of it?
    It is when it opens the phrase (nothing before it could be its subject), is no verb the
    lexicon knows as a predicate (培训|职工和农民工 keeps its verb out), and the last conjunct is
    a modifier and a head too (脱贫人口和监测对象, 快递网点和餐饮门店)."""
    w, t = toks[j]
    opens = (
        j == 0
        or toks[j - 1][0] in BOUNDARY
        or toks[j - 1][0] in SCOPE  # 全市|快递网点和餐饮门店
        or toks[j - 1][1] in ("r", "x")
    )
    known = w in lex.verb_set or w in lex.filler_set or w in lex.money_verbs
    return t == "v" and len(w) == 2 and opens and not known and len(parts) >= 2


def measure_before(
    text: str, start: int, floor: int, lex: FigureLexicon, limit: int = 20, people: bool = False
) -> str | None:
    """Noun phrase before the number, back to a verb or clause break (挽回经济损失 → 经济损失).

    Word-level: a verb right in front of the noun is its object's verb (安排|专项经费) unless
    nothing verbal precedes it, when it is a modifier (初步|就业意向, 调解成功率).  With no noun
    at all, the verb itself is what is counted (成功调解2936宗 → 调解, 发出要约 → 要约).
    """
    if start > floor and text[start - 1] in "）)":
        # 休息哺乳室（爱心妈妈小屋）1280个: a bracketed note after the noun is skipped
        opened = max(text.rfind("（", floor, start), text.rfind("(", floor, start))
        if opened > floor and start - opened <= 16:
            start = opened
    i = start
    # 、 joins nouns (劳模、工匠和…工作室); the list items of earlier figures stop at ``floor``.
    while i > floor and start - i < limit and (text[i - 1] not in BOUNDARY or text[i - 1] == "、"):
        i -= 1
    toks = _join_distributives(word_tags(text[i:start], lex))
    if i > floor and text[i - 1] not in BOUNDARY and text[i - 1] not in "等的" and toks:
        # the window was cut by the limit: its first word may be a piece (not after 等 or 的,
        # which end a word: …快递员等|新就业形态劳动者…)
        i += len(toks[0][0])
        toks = toks[1:]
        while toks and toks[0][0] == "、":
            i += 1  # (司|机、快递员等…: the list comma after the piece goes with it)
            toks = toks[1:]
    # Linking words right before the number (累计, 共计, 达, 超过) are not the measure; whole
    # words only, so 发出要约 keeps its 约.
    n_before = len(toks)
    while toks and (
        toks[-1][0] in lex.filler_set
        or toks[-1][1] in ("uj", "ul")
        or toks[-1][0][0] == "每"
        # 的岗位|有|1260个: an existential 有 after a noun links the noun to its number (a
        # case word too: 拖欠工资类|投诉|有718件)
        or (
            toks[-1][0] == "有"
            and len(toks) > 1
            and (
                nounish(*toks[-2], lex)
                or toks[-2][0] in lex.case_set
                or toks[-2][0].endswith(lex.case_documents)  # 认定申请|有143件
            )
        )
        # 调整幅度|平均|为6.9%: 平均 before a link is an adverb of the link, not the noun's
        or (toks[-1][0] == "平均" and len(toks) < n_before and len(toks) > 1)
    ):
        toks.pop()  # 助学金为|每人每年|3000~5000元: a distributive word says per what
    if len(toks) > 2 and toks[-1][0] == "在" and toks[-2][0] in _KEPT_AT:
        toks = toks[:-2]  # 公寓租金|控制在|…: a level kept links its noun to the number
    if (
        len(toks) > 1
        and toks[-1][0] in _LINK_ADVERBS
        and nounish(*toks[-2], lex)
        # (各市总|将|不少于70%的资金: a 将 after a body takes the amount as its object)
        and (toks[-1][0] != "将" or _amount_noun(toks[-2][0]))
    ):
        toks.pop()  # 返还经费|将|超过6000万元: an adverb of time or repetition after the subject
    if (
        len(toks) > 2
        and toks[-1][0] == "多"
        and toks[-2][0] in _LINK_ADVERBS
        and nounish(*toks[-3], lex)
    ):
        # 技能津贴|又|多|了800元: the subject grew by the amount
        subject = subject_np(toks[:-2], lex)
        if subject is not None:
            return subject
    if len(toks) > 1 and toks[-1][0] in ("价值", "总价值") and nounish(*toks[-2], lex):
        toks.pop()  # 防暑降温物资|价值|30万元: the goods are what the amount is of
    gap = start - sum(len(w) for w, _ in toks) - i  # linking words popped
    n_toks = len(toks)
    disposed = toks
    toks = _after_preposition(toks, lex)
    # 处罚金额|达|1560万元: a phrase linked to the number is the clause's subject, so the
    # verb-object reading below does not apply to it.
    # (超过/逾 inside the figure link too: 借阅量|超过45万人次; 近/约 only qualify the number)
    linked_between = text[start - gap : start].strip("的等每人年月") != ""
    linked = linked_between or text[start] in "超逾达"
    quoted = _QUOTED_BEFORE.search(text, max(floor, start - gap - 16), start - gap)
    if quoted is not None and quoted.group().startswith("《") and not _COPIES.match(text, start):
        quoted = None  # (宣讲《工会法》120场: a title is counted only in copies of it)
    if quoted is not None:
        return quoted.group(1)  # 建成“暖新驿站”156个: the quoted name is what is counted
    if toks and toks[-1][0] in lex.change_verbs:
        # 案件调处质量|提升|18%: before a change verb the whole subject is what changed.
        body = toks[:-1]
        if not body and any(w == "把" for w, _ in disposed):
            body = disposed[:-1]  # 把|高温津贴标准|提高到…: what is disposed of is what changed
        while len(body) > 1 and body[-1][0] in _LINK_ADVERBS:
            body = body[:-1]  # 平均时限|再|缩短: an adverb of repetition is no part of it
        subject = subject_np(body, lex)
        if subject is not None:
            return subject
    modal = max((k for k, (w, _) in enumerate(toks) if w in MODALS), default=None)
    if (
        modal
        and modal < len(toks) - 1
        and not any(nounish(w, t, lex) for w, t in toks[modal + 1 :])
        # 可|领取|最高5万元的奖励: a lexicon verb after the modal takes its object after the
        # amount; only a predicate of degree (多|拿) says how much of the subject there is
        and not any(len(w) >= 2 and w in lex.money_verbs for w, _ in toks[modal + 1 :])
    ):
        # 工资|能|多|拿|400元: a predicate with no object after a modal says how much of
        # its subject there is, as a change verb does.
        subject = subject_np(toks[:modal], lex)
        w, t = toks[modal - 1]
        if subject is None and len(w) >= 2 and t not in ADVERBIAL and w not in lex.verb_set:
            subject = w  # 收入|能|多出: the word before a modal is its subject, however tagged
        if subject is not None:
            return subject
    if (
        len(toks) >= 2
        and (toks[-2][0] in PER_WORDS or (toks[-2][0][0] == "每" and len(toks[-2][0]) == 2))
        and toks[-1][1] in ("v", "vn", "n")
        and len(toks[-1][0]) >= 2
        and toks[-1][0] not in lex.filler_set
        and toks[-1][0] not in lex.change_verbs
    ):
        # 每人|资助|5000元, 每户|补助|3000元: after a distributive a verb alone is the grant
        # itself (the predicate with no object names what the amount is)
        return toks[-1][0]
    # 在|全市|开办…: a verb right after a prepositional phrase opens the predicate
    opens = (i > 0 and text[i - 1] in "，。；：！？\n") or len(toks) < n_toks
    obj = _verb_object(toks, lex, linked, opens, slot=not linked_between)
    if obj is not None:
        return obj
    if (
        linked
        and len(toks) > 1
        and toks[-1][0] in lex.verb_set - lex.nominal_verbs
        and toks[-2][0] not in _SUPERLATIVES
    ):
        toks = toks[:-1]  # 志愿者服务队|发展|到46支: the verb before the link is the predicate
        while toks and toks[-1][0] in lex.filler_set:
            toks.pop()
    parts: list[str] = []
    head_tag = ""
    first_tag = ""  # tag of the leftmost word taken so far
    coordinated = False
    k = len(toks) - 1
    while k >= 0:
        w, t = toks[k]
        head_tag = head_tag if parts else t
        money_head = bool(parts) and parts[-1][-1] in MONEY_END
        if w in "）)":
            while k >= 0 and toks[k][0] not in "（(":
                k -= 1
            k -= 1
            continue
        left = toks[k - 1] if k > 0 else ("", "x")
        if w in _SUPERLATIVES and parts:
            parts.insert(0, w)  # 单笔|最高|奖励: inside a phrase a superlative modifies it
            k -= 1
            continue
        if (
            w in lex.object_verbs
            and any(x[-1] in MONEY_END for x in parts)
            and k > 0
            and nounish(*toks[k - 1], lex)
        ):
            parts.insert(0, w)  # 隐患|排查|治理专项资金: the noun and its verb name the fund
            k -= 1
            continue
        if w in lex.filler_set and parts:
            break  # 直播带岗|累计|观看: a filler inside the window ends the phrase
        if w in _HEAD_MARKS and parts:
            break  # 其|名下|银行账户: the owner before a possessive locative is no part of it
        if (
            w in _CHANNEL_ADVERBS
            and parts
            and (toks[k + 1][1].startswith("v") or toks[k + 1][0] in lex.docket_acts)
        ):
            break  # 网上|开庭: an adverbial of channel before an act makes it the predicate
        if (
            len(parts) == 1
            and parts[0] in _SERVICE_HEADS
            and verbish(w, t, lex)
            and len(w) >= 2
            and w not in lex.money_verbs
            and left[1] not in ADVERBIAL
            and (left[0] in lex.verb_set or (nounish(*left, lex) and left[1][0] in "nb"))
        ):
            # 建立|调解|组织, 定点|培训|机构: a verb between the main verb (or a modifier) and
            # a body that serves names what the body does
            parts.insert(0, w)
            first_tag = t
            k -= 1
            continue
        if (
            people
            and parts
            and t == "vn"
            and w not in lex.nominal_verbs
            and head_tag == "n"
            and w[-1] not in MONEY_END  # 工资|集体协商指导员: jieba's vn 工资 is a noun
            and not (k > 0 and toks[k - 1][1] in ("n", "l", "nz"))  # 劳动保护|监督|检查员
        ):
            break  # 服务|职工3万余人: before the people counted, a verbal noun is the verb
        if w in CONJ and parts:
            # 命名|劳模、工匠和高技能人才创新工作室107家: the coordinated nouns are one phrase
            j = k - 1
            while j >= 0 and (toks[j][0] in CONJ or nounish(*toks[j], lex)):
                j -= 1
            if j >= 0 and _parallel_modifier(toks, j, parts, lex):
                j -= 1  # 快递|网点和餐饮|门店: the first conjunct keeps its modifier
            bounded = j >= 0 or i == floor or text[i - 1] in BOUNDARY  # not cut by the limit
            if j < k - 1 and toks[j + 1][0] not in CONJ and bounded:
                parts[:0] = [x for x, _ in toks[j + 1 : k + 1]]
                coordinated = True
            break
        if (
            parts
            and w in lex.case_set
            and t.startswith("v")
            and w not in lex.verb_set
            and not a_person(parts[-1])  # 认定|首席技师: people are no case
        ):
            # 农民工|欠薪|投诉|案件: case words jieba tags as verbs modify the case noun
            parts.insert(0, w)
            first_tag = t
        elif (
            parts
            and first_tag.startswith("v")
            and t in ("n", "l")
            and verbal_compound(w)
            and w not in lex.nominal_verbs
            and not noun_term(w, lex)  # (新就业形态 is a fixed noun term)
        ):
            break  # 立案查处|欠薪|案件: a verb compound filed as a noun is the predicate
        elif (
            parts
            and not linked
            and _predicate_slot(left, lex)
            and (t.startswith("v") or left[1] == "d")
        ):
            # 共|排查|安全生产隐患: a verb (even one jieba files as vn) after an adverb is the
            # predicate; adverbs modify no nouns, so a "noun" there is a verb too (共|代理).
            break
        elif (
            nounish(w, t, lex)
            # (每个|月|技能津贴: a month after a distributive says per what, it stays out)
            or (parts and len(w) == 1 and t == "m" and w not in NUMERALS and not per_word(left[0]))
            # 其中|零|就业|家庭成员: a lone zero opening a word is a morpheme (零就业, 零工),
            # not a number (no numeral or classifier before it)
            or (parts and w == "零" and left[1] != "m" and left[0][-1:] not in NUMERALS)
            or (linked and not parts and w in lex.nominal_verbs)  # 女职工|组织|已达
            # 最高|奖励|达5万元: after a superlative a verb is a noun (the top award)
            or (not parts and left[0] in _SUPERLATIVES)
        ):
            parts.insert(0, w)  # 点|赞数: jieba tags a lone 点 as a numeral
            first_tag = t
        elif money_head and verbish(w, t, lex):
            # 督促|补缴|社会保险费: a money verb's object is the money; 投入|帮扶|资金: any
            # other verb names the fund, and nouns before it belong to it (专项|预算|资金).
            if w in lex.money_verbs or len(w) < 2 or t in ADVERBIAL:
                break  # (其中|一线职工平均工资: a pronoun or preposition names no fund)
            parts.insert(0, w)
            first_tag = t
            if not nounish(*left, lex) and left[0] not in lex.object_verbs:
                break  # (隐患|排查|治理|专项资金: a fund's name may hold two verbs)
        elif not parts and (
            w in lex.change_verbs
            # 技能津贴|多|了|600元: 多了 (grew by) is a change; 获奖人数|最多 is a superlative
            or (w == "多" and t == "m" and left[0] != "最" and k == len(toks) - 1)
        ):
            pass  # 纠纷处置期限下降16%: the changed quantity is named before the verb
        elif (
            not parts
            and w in GRANT_HEADS
            # (一次性|创新|奖励: a verb outside the lexicon before it says what for)
            and (
                nounish(*left, lex)
                or (left[1] == "v" and len(left[0]) >= 2 and left[0] not in lex.verb_set)
            )
            and left[0] not in _BODY_WORDS
            and not a_person(left[0])
        ):
            # 技能|奖励|5000元: a grant word after a noun heads a compound (the award for skill)
            parts.insert(0, w)
            first_tag = t
        elif verbish(w, t, lex) or t in ("a", "ad", "b"):
            if len(parts) == 1 and parts[0] in QUANTITY_NOUNS and len(w) >= 2:
                parts.insert(0, w)  # 户均|救助金额, 入会人数: a quantity noun takes its verb
                if left[0] in PER_WORDS:
                    break  # (per what is no part of it)
                first_tag = t
                k -= 1
                continue
            if not parts:
                if (
                    w in lex.serial_verbs
                    and k > 1
                    and toks[k - 2][0] in _LIGHT_VERBS
                    # (组织|劳模|慰问|560人次: people organised to act are the people counted)
                    and (not people or toks[k - 2][0] in ("开展", "进行"))
                    and nounish(*left, lex)
                ):
                    # 开展|隐患|排查|1.2万余人次: after a light verb, an object and a field-work
                    # verb are one countable event
                    parts[:0] = [left[0], w]
                    break
                # 成功调解2936宗 → 调解; 争取到60万元 names no measure (a lexicon verb).
                if len(w) >= 2 and (
                    w in lex.nominal_verbs
                    or not (w in lex.verb_set or w in lex.filler_set or not verbish(w, t, lex))
                ):
                    parts.insert(0, w)
                    if t in ("a", "ad", "b") or left[1] in ("a", "ad"):
                        parts.insert(0, left[0]) if left[1] in ("a", "ad") else None
                elif t == "a" and len(w) >= 2 and left[0] in lex.nominal_verbs:
                    parts[:0] = [left[0], w]  # 调解成功719件: a verb and its result
                break
            if t == "a" and len(w) == 1:
                parts.insert(0, w)  # 等|新|就业形态劳动者: a one-character adjective
                if left[0] in CONJ and k > 1:
                    k -= 1  # 农民工和|新|就业形态劳动者: the coordination goes on
                    continue
                break
            if t == "v" and len(w) == 1 and verbish(*left, lex):
                break  # 送|去|防暑降温物资: a one-character verb after a verb is a predicate
            if t == "v" and len(w) == 1 and w in lex.verbs:
                break  # 工作室|有|特邀调解员: a one-character lexicon verb is the predicate
            if verbish(*left, lex) and w not in lex.verb_set:
                parts.insert(0, w)  # 投入|蹲点|工作专项资金: after a main verb, a modifier
                break
            opens = i == floor or text[i - 1] in BOUNDARY
            if (
                t == "v"
                and not linked
                and len(w) >= 2
                and opens
                and k > 0
                and all(nounish(x, y, lex) or x in SCOPE or y == "t" for x, y in toks[:k])
            ):
                # 职工|提出|合理化建议, 今年|全市|实施|…项目: after the clause's subject (and its
                # time and scope words) a verb is its predicate
                break
            opens = i == floor or text[i - 1] in "，。；：！？\n"
            if t == "v" and k == 0 and opens and not linked and parts[-1] not in QUANTITY_NOUNS:
                # ，冻结|银行账户17个: a verb opening the clause is its predicate; not before
                # a quantity noun, which names the verb's count (招聘人数7000多人).
                break
            if linked and w in lex.verb_set and per_word(left[0]):
                # 每人每年|资助|标准|为5000元: in a subject linked to its number, a lexicon verb
                # after a distributive modifies the noun after it (the link is the predicate)
                parts.insert(0, w)
                if left[0][:1] == "每":
                    break  # 每人每年 says per what; 人均|补助标准 keeps its statistic's name
                first_tag = t
                k -= 1
                continue
            if w in lex.verb_set or verbish(*left, lex) or left[0] in lex.filler_set:
                break
            if left[0] in CONJ and len(w) >= 2 and k > 1 and nounish(*toks[k - 2], lex):
                # 快递员和|外卖|骑手: after a conjunction joining nouns, a verb outside the
                # lexicon modifies the noun after it; the coordination goes on
                parts.insert(0, w)
                first_tag = t
                k -= 1
                continue
            if left[1] in ADVERBIAL or (
                left[0] in ("新", "再", "另") and (w in lex.case_set or w in lex.serial_verbs)
            ):
                # 每年|发出|要约: after a time word or adverb the verb is the predicate (新|认定:
                # jieba files the adverb 'newly' as an adjective; only before an agency's act,
                # as 新|就业形态 is a term)
                break
            parts.insert(0, w)
        else:
            break
        k -= 1
    if k >= 0 and toks[k][0] in _DEMONSTRATIVES and len(parts) > 1 and parts[0] in _BODY_WORDS:
        parts.pop(0)  # 该公司|工会会员: the body referred back to owns what is counted
    while not coordinated and len("".join(parts)) > 16 and len(parts) > 1:
        parts.pop(0)  # long phrases keep their last whole words
    if len(parts) > 1 and pseg.lcut(parts[0], HMM=False)[0].flag == "ns":
        parts.pop(0)  # 广州市|户外劳动者总数: a place in front says where, like 全市
    at = text.rfind("".join(parts), floor, start) if parts else -1
    if len(parts) > 1 and at > 0 and text[at - 1] in "类類":
        parts.pop(0)  # 三类|地区|月最低工资标准: the noun after a category number is the label's
    age = AGE_NUMBER.search(text, max(floor, at - 4), at) if parts and parts[0] == "岁" else None
    if age is not None and age.end() == at:
        parts.insert(0, age.group())  # 3|岁以下|婴幼儿占比: an age band is one modifier, whole
    word = "".join(parts)
    if not (len(word) >= 2 and all(is_han(c) or c == "、" for c in word)):
        return None
    return word


def _verb_object(
    toks: list[tuple[str, str]],
    lex: FigureLexicon,
    linked: bool,
    opens: bool = False,
    slot: bool = False,
) -> str | None:
    """The object of the clause's predicate: every word between the predicate and the number
    (共|举办|农民工技能培训班85期, 累计|投入|帮扶资金, 开展|技术攻关), whatever tags jieba
    gives those words (培训|班, 攻关 and 行为 come out as verbs).

    The predicate is a word in a predicate's place (after an adverb: 共|查处) or else the
    first multi-character lexicon verb with words after it; a verb right after it is part
    of a serial predicate (组织|开展|…活动) unless it names a fund (投入|帮扶|资金).  With a
    linking word before the number (…达46支) the phrase is a subject and only a lexicon verb
    marks a predicate; a verb opening the clause is its predicate too (，拉动|消费).
    A link printed inside the figure (逾500名) still lets an adverb mark the predicate
    (``slot``: 累计|带出|徒弟|逾500名).  ``None`` leaves the phrase to the word-by-word reading."""
    pred = None
    if not linked or slot:
        for k in range(1, len(toks) - 1):
            if _predicate_slot(toks[k - 1], lex) and not _predicate_slot(toks[k], lex):
                pred = k
                if toks[k][0] in SCOPE and k + 2 < len(toks):
                    pred = k + 1  # 已|全部|开设…: after an adverb a scope word is one too
                while pred + 2 < len(toks) and _adverbial(toks[pred]):
                    pred += 1  # 计划|年内|再|建…: time words and adverbs stand before the verb
                break
    if pred is None:
        pred = next(
            (
                k
                for k in range(len(toks) - 1)
                if (
                    toks[k][0] in lex.verb_set
                    or (toks[k][0] in lex.money_verbs and len(toks[k][0]) > 1 and not linked)
                    or (toks[k][1] in ("n", "l") and verbal_compound(toks[k][0]))  # 立案查处
                    # 检查|督办|用人单位: two field-work verbs in a row are a predicate
                    or (toks[k][0] in lex.serial_verbs and toks[k + 1][0] in lex.serial_verbs)
                )
                and toks[k][0] not in lex.nominal_verbs  # 社会|组织, 调解|成功率: nouns here
            ),
            None,
        )
        if linked and pred and per_word(toks[pred - 1][0]):
            # 每人每年|资助|标准|为…: in a linked subject a verb after a distributive
            # modifies the noun after it; the word-by-word reading keeps them together
            return None
    if (
        pred is None
        and opens
        and not linked
        and len(toks) > 1
        # ，检查|用人单位: a field-work verb is a verb wherever jieba files it (vn)
        and (toks[0][1] == "v" or toks[0][0] in lex.serial_verbs)
        and len(toks[0][0]) >= 2
        and toks[0][0] not in lex.nominal_verbs
        and toks[-1][0] not in QUANTITY_NOUNS  # ，招聘|人数7000多人: the verb's count
    ):
        pred = 0
        if _manner_then_verb(toks, lex):
            # ，实名|登记|农民工1.86万人: two verbs before people nouns and the count; the
            # people are the second verb's object, the first says how (by real name)
            pred = 1
    if pred is None and not linked:
        # 检查组|督促|整改|安全隐患: a pivot verb is a predicate wherever it stands
        pred = next(
            (k for k in range(len(toks) - 2) if toks[k][0] in PIVOT and toks[k][1] == "v"), None
        )
    if pred is None:
        # 检查组发现|并|督促|整改|事故隐患: a verb coordinated by 并 is a predicate
        pred = next(
            (
                k + 1
                for k in range(len(toks) - 2)
                if toks[k][0] in ("并", "并且") and toks[k + 1][1] == "v"
            ),
            None,
        )
        while pred is not None and pred + 2 < len(toks) and toks[pred + 1][1] == "v":
            pred += 1
    per = _after_distributive(toks, lex) if not linked else None
    pred = per if per is not None else pred
    if pred is None or not is_han(toks[pred][0][0]):
        return None
    money_head = toks[-1][0][-1] in MONEY_END
    if toks[pred][0] in PIVOT:
        # 协助|农民工|申请|劳动仲裁: a pivot verb's object is a person who does the next verb;
        # what is counted is that verb's object
        j = pred + 1
        while j < len(toks) and nounish(*toks[j], lex) and (toks[j][1] != "vn" or j == pred + 1):
            j += 1
        if (
            pred + 1 < j < len(toks) - 1
            # (督促|物业公司|补签|服务合同: a firm does the next verb as a person does)
            and (a_person(toks[j - 1][0]) or toks[j - 1][0].endswith(tuple(_BODY_WORDS)))
            and toks[j][1] == "v"
        ):
            pred = j
    while pred + 2 < len(toks):
        w = toks[pred + 1][0]
        if toks[pred][0] in PIVOT and toks[pred + 1][1] == "v":
            pred += 1  # 督促|整改|问题, 帮助|讨回|工资: a pivot verb takes a verb after it
            continue
        if w in lex.case_set:
            break  # 受理|欠薪|举报|投诉: a case word names the case, it is no second verb
        if toks[pred][0] in lex.serial_verbs and w in lex.serial_verbs:
            pred += 1  # 走访|调研|企业, 排查|整改|隐患: verbs of one kind in a row share the object
            continue
        if money_head and w not in lex.money_verbs:
            break  # 投入|帮扶|资金: a verb before a money noun names the fund
        if money_head and len(w) > 1 and w not in GRANT_HEADS and w not in GRANTS:
            pred += 1  # 住院治疗|花去|医疗费: a money verb's object is the money (a grant word
            continue  # names the fund: 发放|补贴资金)
        if _takes_aspect(toks, pred + 1) and pred + 3 < len(toks):
            pred += 1  # 另行|制定|了|行业版本: a verb that takes 了/过/着 is the predicate
            continue
        if w not in lex.verb_set or w in lex.nominal_verbs:
            break
        pred += 1
    while (
        pred + 3 < len(toks)
        and toks[pred + 1][0] in ("并", "并且", "且", "和")
        and (toks[pred + 2][1] == "v")
    ):
        # 发现|并|督促|整改|事故隐患: coordinated predicates; the object follows the last
        pred += 2
        while pred + 2 < len(toks) and toks[pred + 1][1] == "v":
            pred += 1
    obj = toks[pred + 1 :]
    scoped = False
    while obj and (obj[0][1] in ("ul", "uz", "ug") or obj[0][0] in SCOPE):
        scoped = scoped or obj[0][0] in SCOPE
        obj = obj[1:]  # 吸引了|…, 排查|全市…
    if (
        scoped
        and len(obj) > 1
        and (obj[0][1] == "v" or obj[0][0] in lex.verb_set or verbal_word(obj[0][0]))
        and obj[0][0] not in lex.nominal_verbs
    ):
        obj = obj[1:]  # 支持|各地|建设|职工公寓项目: the places act, their verb is no object
    if len(obj) == 1 and obj[0][0] in QUANTITY_NOUNS and pred + 2 == len(toks):
        return None  # 救助|金额: a quantity noun names the verb's amount, it is no object
    # 困难职工的子女 / 热水、休息等服务: what follows 的 or an enumeration's 等 is the head
    # 被执行人名下|房产: 名下/手中 close the owner's phrase as 的 does (in someone's name)
    cut = max((k for k, (w, _) in enumerate(obj) if w in _HEAD_MARKS), default=-1)
    obj = obj[cut + 1 :]
    if len(obj) > 1 and obj[0][0] in _DEMONSTRATIVES:
        return None  # 该公司工会会员: the word-by-word reading drops the owner
    if any(
        (w in lex.verb_set or (money_head and w in lex.money_verbs and len(w) > 1))
        and w not in lex.nominal_verbs
        and len("".join(x for x, _ in obj[k + 1 :])) > 1
        and not _grant_purpose(obj, k, lex)
        for k, (w, _) in enumerate(obj)
        if k
    ):
        # 帮助|职工|解决|困难, 督促|用人单位|补缴|工会经费: a second predicate (培训|班 is
        # a noun's suffix); a money verb before the money is the money's own predicate
        return None
    if not obj or obj[-1][1] in ("d", "p", "c", "r", "u", "uj", "ul", "m", "x", "t"):
        return None  # 要求|各市总|将…: a phrase's head is at its end, and no function word is
    single = len(obj) == 1 and len(obj[0][0]) >= 2 and obj[0][1].startswith(("v", "n"))
    if (
        not single
        and not any(nounish(w, t, lex) or t == "z" for w, t in obj)
        and obj[-1][0] not in lex.case_set  # 欠薪|举报|投诉: a case word names the case
    ):
        return None  # 调解|成功, 其中|今年|新建: no items named (劳资纠纷 is filed as z)
    words = [w for w, _ in obj]
    # the predicate bounds the phrase, so it may run longer than the word-by-word reading's
    while len("".join(words)) > 16 and len(words) > 1 and "、" not in words:
        words.pop(0)  # long phrases keep their last whole words
    word = "".join(words)
    if len(word) < 2 or not all(is_han(c) or c in "、“”" for c in word):
        return None
    if word[0] in NUMERALS and obj[0][1] != "d":
        return None  # (一次性|奖励: jieba's attributive adverb is no numeral)
    return word


# Tags of aspect particles (了, 着, 过): they follow a verb.
_ASPECT_TAGS = frozenset({"ul", "uz", "ug"})


def _manner_then_verb(toks: list[tuple[str, str]], lex: FigureLexicon) -> bool:
    """实名|登记|农民工, 实名|认证|网约车|司机: a clause of two plain verbs, then nouns only,
    the last a person noun.  A verb and then a person is the verb's object, so the first
    verb modifies the second."""
    w, t = toks[1] if len(toks) > 2 else ("", "x")
    return (
        t == "v"
        and len(w) == 2
        and w not in lex.nominal_verbs
        and all(nounish(x, y, lex) for x, y in toks[2:])
        and a_person(toks[-1][0])
    )


def _takes_aspect(toks: list[tuple[str, str]], k: int) -> bool:
    """Is ``toks[k]`` followed by an aspect particle (制定|了, 编印|了)?  Only a verb takes
    one, so the word is a verb however jieba files it (编印 comes out as a noun)."""
    w, t = toks[k]
    return (
        k + 1 < len(toks)
        and toks[k + 1][1] in _ASPECT_TAGS
        and len(w) >= 2
        and is_han(w[0])
        and t not in ("t", "m", "r", "p", "c", "d")
    )


def _adverbial(tok: tuple[str, str]) -> bool:
    """A time word or a one-character adverb (年内, 今年, 再, 还): it stands before a verb."""
    w, t = tok
    # (为此, 对此: 'for this' stands before the verb too)
    return t in ("t", "tg") or (t == "d" and len(w) == 1) or w in ("为此", "对此", "因此")


def _grant_purpose(obj: list[tuple[str, str]], k: int, lex: FigureLexicon) -> bool:
    """技能|提升|奖励: a verb between a noun and the grant word that ends the phrase says what
    the grant is for (the noun is the verb's object, put in front), so it is no second
    predicate."""
    return (
        k + 2 == len(obj)
        and obj[-1][0] in GRANT_HEADS
        and k > 0
        and obj[k - 1][1] in ("n", "nz", "l")
        and obj[k - 1][0] not in lex.verb_set
    )


# Words after which the head of a noun phrase follows: 的, an enumeration's 等, and the
# possessive locatives 名下 / 手中 / 手里 (被执行人名下房产 → 房产).
_HEAD_MARKS = frozenset({"的", "等", "名下", "手中", "手里"})


def _after_distributive(toks: list[tuple[str, str]], lex: FigureLexicon) -> int | None:
    """The predicate after a distributive (每人|补贴|参保费用, 每个|班|配备|管理员): what
    follows 每 says per what, so the word after it — after its noun, when 每 has taken only
    a classifier (每个, 每位) — is the verb, and what comes after that is the object."""
    per = max(
        (k for k, (w, _) in enumerate(toks) if (w[0] == "每" and len(w) >= 2) or w in PER_WORDS),
        default=None,
    )
    if per is None:
        return None
    k = per + 1
    if k + 2 == len(toks) and toks[k + 1][0] in QUANTITY_NOUNS:
        return None  # 户均|救助|金额: a verb before a quantity noun names it (救助金额)
    if (
        toks[per][0][-1] in "个位名只"
        and k + 1 < len(toks)
        and nounish(*toks[k], lex)
        and toks[k + 1][1] == "v"
    ):
        k += 1  # 每个|班: the classifier's noun belongs to the distributive
    while k + 2 < len(toks) and (
        toks[k][0] in MODALS or _adverbial(toks[k]) or toks[k][0] == "平均"
    ):
        # 每期|还|可|领取|交通补贴, 每月|平均|多|存入|公积金: adverbs and modals stand before
        # the verb
        k += 1
    return k if k + 1 < len(toks) and is_han(toks[k][0][0]) else None


# Verbs that act as prepositions before a noun and a main verb (面向|退役军人|开放…, 围绕|…):
# jieba files them as nouns or verbs.
_COVERBS = frozenset(
    {"面向", "围绕", "依托", "借助", "联合", "会同", "携手", "通过", "经过", "利用"}
)


def _after_preposition(toks: list[tuple[str, str]], lex: FigureLexicon) -> list[tuple[str, str]]:
    """Drop a prepositional phrase and what precedes it: 通过|诉讼|方式|结案 → 结案.  The
    preposition's object runs to its first noun; what the number counts comes after it.
    Nothing is dropped when no word would be left (向|困难职工 …: the floor cut the verb)."""
    for k in range(len(toks) - 1, -1, -1):
        if toks[k][1] != "p" and toks[k][0] not in _COVERBS:
            continue
        j = k + 1
        # 在|全市|建成…: a scope word is a place's name, so it is the preposition's object
        while j < len(toks) and not nounish(*toks[j], lex) and toks[j][0] not in SCOPE:
            if toks[j][1] == "v" and j > k + 1 and j + 1 < len(toks):
                return toks[j:]  # 在|各县|建立…: the object ended before the verb
            j += 1
        while (
            j + 2 < len(toks)
            and toks[j + 1][1] in ("n", "nz", "l")
            and toks[j + 1][0] not in lex.nominal_verbs
        ):
            j += 1  # 通过|诉讼|方式: the object runs over its nouns, not into 结案 (a verb)
        if j + 1 < len(toks):
            return toks[j + 1 :]
        return toks
    return toks


def _predicate_slot(left: tuple[str, str], lex: FigureLexicon) -> bool:
    """Is the word after ``left`` in a predicate's place?  Adverbs and linking words (共, 已,
    还, 累计) modify verbs, never nouns, so a verb after them heads the clause's predicate and
    what follows it is the object (共|排查|隐患, 还|代理|案件)."""
    w, t = left
    if w in MODALS or w in _MANNER_ADVERBS or w in _CHANNEL_ADVERBS or w in _INTENT:
        return True  # 可|领取, 主动|排查: a modal or a manner adverb is followed by its verb
    if w in lex.filler_set:
        # 现有|在册困难职工: an existential verb is the predicate itself
        return w not in ("的", "等") and not w.endswith("有")
    # One-character adverbs and sequence adverbs are about the event (共, 已, 还, 先后);
    # longer manner words (初步|就业意向) may modify a noun.
    return (t in ("d", "ad") and len(w) == 1) or w in _SEQUENCE_ADVERBS


# Manner adverbs (on one's own, promptly, regularly, by law, …) modify verbs only; jieba
# files them as adjectives, nouns or conjunctions (主动 b, 依法 n, 及时 c).  Words that also
# modify nouns (免费, 统一, 重点, 专门) are left out.
_MANNER_ADVERBS = frozenset(
    {"主动", "及时", "定期", "积极", "依法", "全力", "大力", "认真", "逐步", "切实", "着力", "随机"}
)

# Verbs of entrusting and referring: right after the unit they open the predicate; before a
# case noun they name its kind (法院委托调解案件, 上级转办信访件).
_ENTRUSTING = frozenset({"委托", "转交", "转办"})

# Verbs of partnering: after the partner noun they are the predicate.
_PARTNERING = frozenset({"合作", "共建", "结对", "对接"})

# Verbs of keeping a level, linked to the number by 在 (控制在, 保持在).
_KEPT_AT = frozenset({"控制", "保持", "稳定", "维持"})

# Adverbials of conformity, which only ever stand before a predicate.
_BY_RULE = frozenset({"按规定", "按要求", "按程序", "按政策", "依规", "依规定", "按规"})

# Manner words that, right before a verb, say how it is done (全额|返还, 在线|申请, 试点|推行):
# after the subject noun they open the predicate, whatever jieba's tag (it files 全额 and 试点
# as nouns).  Before a noun they may modify it (在线课程), so the verb after them decides.
_MANNER = _MANNER_ADVERBS | frozenset(
    {"全额", "足额", "按时", "在线", "线上", "线下", "免费", "无偿", "义务", "试点", "集中",
     "统一", "全部", "共同", "自愿", "自发", "分批", "陆续", "先后", "顺利", "成功", "全程",
     "就近", "定向", "实地", "同步", "优先", "率先", "联合", "专门", "全面"}
)  # fmt: skip


# Verbs of intention (plan to, strive to): like modals they stand before the predicate and
# take no noun object of their own (计划|培养|特级技师, 力争|培育|高技能人才).
_INTENT = frozenset({"计划", "力争", "拟", "预计", "准备"})


# Adverbials of channel and time (online, on site, in the same period, in step): they say how
# or when an act is done, so the word after them is the predicate (共|网上|立案|劳动争议案件,
# 同期|线上|签约|家政服务员), though jieba files them as place words or distinguishers.
_CHANNEL_ADVERBS = frozenset({"网上", "线上", "线下", "现场", "同期", "同步", "当场", "当面"})


_SEQUENCE_ADVERBS = frozenset({"先后", "陆续", "相继", "一共", "总共", "已经", "同时", "还将"})


_QUOTED_BEFORE = re.compile(r"[“《]([\u4e00-\u9fff]{2,12})[”》]$")  # a title in 《》 too
# A count of copies (1.2万册, 3000份), the only count a title before it names.
_COPIES = re.compile(r"[0-9０-９.一二两三四五六七八九十百千万余多]+[册本份套]")


# Fillers before a number (最高5万元) that, before a noun, are part of its name (最低工资标准).
_EXTREME_WORDS = frozenset({"最高", "最低"})


def subject_np(toks: list[tuple[str, str]], lex: FigureLexicon) -> str | None:
    """Nouns and the verbs between them back to a clause start (纠纷处置期限, 案件调处质量):
    the subject of a change verb.  Scope and filler words end it."""
    parts: list[str] = []
    toks = list(toks)
    cmp = next((k for k, (w, _) in enumerate(toks) if COMPARE.fullmatch(w) and k), None)
    if cmp is not None:
        toks = toks[:cmp]  # 工会经费收入|较|上年|增长: the standard compared with is not it
    while toks and (
        toks[-1][0] in lex.filler_set
        or COMPARE.fullmatch(toks[-1][0])
        or toks[-1][1] in ("a", "ad", "d")  # 职工工资|平均|增长
    ):
        toks.pop()  # 拖欠工资投诉|同比|下降
    if len(toks) > 2 and toks[-2][0] == "每" and len(toks[-1][0]) == 1:
        toks = toks[:-2]  # 派件费|每|单|提高: per what the change is, not what changed
    for idx in range(len(toks) - 1, -1, -1):
        w, t = toks[idx]
        if per_word(w) and not parts:
            continue  # 年终奖|人均|增加, 派件费|每单|提高: a distributive word says per what
        if w in PER_WORDS:
            parts.insert(0, w)  # 一线员工|年均|工资: a statistic's name keeps it
            continue
        if w in ("月", "年", "日", "周") and parts:
            if idx > 0 and toks[idx - 1][0] in ("每个", "每"):
                break  # 每个|月|技能津贴: the month is per what, no part of the pay's name
            parts.insert(0, w)  # 人均|月|收入: jieba splits 月收入
            continue
        if w in _DEMONSTRATIVES and len(parts) > 1 and parts[0] in _BODY_WORDS:
            parts.pop(0)  # 该公司|一线职工年均工资: the owner is not what changed
        if parts and w in _EXTREME_WORDS:
            parts.insert(0, w)  # 最低|月工资标准|调整为: the extreme before a noun names it
            continue
        if w in SCOPE or t == "ns" or w in lex.filler_set or not all(is_han(c) for c in w):
            break  # 顺德区|女职工人数: a place in front says where, like 全区
        if nounish(w, t, lex) or verbish(w, t, lex) or (parts and t in ("a", "b", "i")):
            parts.insert(0, w)  # 平均|结案周期: an adjective in front belongs to it
            continue
        break
    if not any(nounish(w, t, lex) for w, t in toks if w in parts):
        return None
    while parts and not nounish(parts[0], "n", lex) and parts[0] in lex.verb_set:
        parts.pop(0)  # a leading verb is the clause's own (提升|…)
    word = "".join(parts)[-12:]
    return word if len(word) >= 2 and parts else None


# 该公司工会会员 / 本单位职工: a body referred back to by a demonstrative owns the counted items.
_DEMONSTRATIVES = frozenset({"该", "此", "本", "其"})


_BODY_WORDS = frozenset({"公司", "集团", "企业", "单位", "院", "局", "中心", "协会", "厂", "学校"})


def paid_money(rest: str, lex: FigureLexicon) -> str | None:
    """The money noun a clause pays (给予见习单位|生活补贴, 向律师团支付|办案补贴): its last
    money word with the one modifier before it (a recipient before that is not the money)."""
    toks = word_tags(rest, lex)
    k = max((k for k, (w, _) in enumerate(toks) if w[-1] in MONEY_END or w in GRANTS), default=-1)
    if k < 0:
        return None
    word = toks[k][0]
    if k > 0 and len(word) == 2:  # 岗位补贴 is whole already; 生活|补贴 takes its modifier
        w, t = toks[k - 1]
        if len(w) >= 2 and t[0] in "nvb" and w not in lex.verb_set and w not in lex.money_verbs:
            word = w + word
    return word if len(word) >= 2 else None
