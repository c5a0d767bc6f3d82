"""Stories to lay out: the gold corpus split, plus seeded recombinations of it for variety."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

CORPUS_JSON = Path(__file__).resolve().parent.parent / "data" / "corpus_articles.json"

# Places swapped in by recombination; each entry is (province-level name, a city in it).
PLACES: list[tuple[str, str]] = [
    ("浙江", "宁波"),
    ("安徽", "合肥"),
    ("江西", "九江"),
    ("湖南", "株洲"),
    ("云南", "曲靖"),
    ("贵州", "遵义"),
    ("辽宁", "大连"),
    ("山西", "大同"),
    ("河南", "洛阳"),
    ("福建", "泉州"),
    ("甘肃", "天水"),
    ("内蒙古", "包头"),
    ("重庆", "万州"),
    ("海南", "三亚"),
    ("宁夏", "银川"),
]
# Places the corpus mentions that recombination may replace (longest first to avoid partial hits).
SOURCE_PLACES = [
    "上海",
    "河北",
    "吉林",
    "长春",
    "江苏",
    "南通",
    "广西",
    "青岛",
    "西安",
    "湖北",
    "福建",
    "天津",
    "保定",
    "兰州",
    "四川",
    "成都",
    "佛山",
    "南海",
    "聊城",
    "西宁",
    "北京",
    "山东",
    "陕西",
    "甘肃",
    "青海",
    "广东",
]
AD_SLOGANS: list[list[str]] = [
    ["劳动最光荣", "劳动最崇高", "劳动最伟大", "劳动最美丽"],
    ["节约用水", "人人有责"],
    ["文明出行", "从我做起"],
    ["弘扬劳模精神", "弘扬劳动精神", "弘扬工匠精神"],
    ["光盘行动", "拒绝浪费"],
    ["安全生产", "警钟长鸣"],
]
SYNTH_CAPTIONS: list[str] = [
    "近日，{place}市总工会组织职工开展技能比武，参赛选手正在进行实操考核。",
    "日前，{place}一家企业的职工在生产线上忙碌。",
    "近日，{place}市工人文化宫举办职工书画展，吸引不少职工前来参观。",
    "日前，{place}市总工会在户外劳动者服务站点为环卫工人送去清凉物品。",
]
PHOTOGRAPHERS = ["王伟", "李明", "张嘉", "刘晨", "陈思", "杨帆", "赵磊", "孙悦"]


@dataclass
class Story:
    """One article (or photo item, or ad) as the layout engine consumes it."""

    key: str
    type: str  # article | photo | ad
    article_id: str
    kicker: str = ""
    headline: str = ""
    subheadline: str = ""
    byline: str = ""
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    lead: str = ""
    paragraphs: list[str] = field(default_factory=list)
    caption: str = ""
    credit: str = ""
    photographers: list[str] = field(default_factory=list)
    inline_byline: bool = False
    starts_mid_paragraph: bool = False
    continued_from: int | None = None


@lru_cache(maxsize=1)
def corpus() -> tuple[dict[str, Any], ...]:
    """The hand-checked corpus articles."""
    data = json.loads(CORPUS_JSON.read_text(encoding="utf-8"))
    return tuple(data["articles"])


def _from_corpus(a: dict[str, Any], key: str) -> Story:
    if a["type"] == "photo":
        cap = a["captions"][0]
        return Story(
            key=key,
            type="photo",
            article_id=key,
            headline=a["headline"],
            caption=cap["text"].replace("\n", ""),
            credit=cap["credit"],
            photographers=list(cap["photographers"]),
        )
    # the kicker stands in for a missing headline (the corpus has one such article)
    headline = a["headline"] or a["kicker"]
    kicker = a["kicker"] if a["headline"] else ""
    return Story(
        key=key,
        type="article",
        article_id=key,
        kicker=kicker,
        headline=headline,
        subheadline=a["subheadline"],
        byline=a["byline"],
        reporters=list(a["reporters"]),
        correspondents=list(a["correspondents"]),
        lead=a["lead"],
        paragraphs=list(a["paragraphs"]),
        inline_byline=a["byline"].startswith("本报讯"),
    )


def _swap_places(text: str, swaps: dict[str, str]) -> str:
    for old in sorted(swaps, key=len, reverse=True):
        text = text.replace(old, swaps[old])
    return text


def derive(
    rng: random.Random, base: dict[str, Any], others: list[dict[str, Any]], key: str
) -> Story:
    """A recombined article: places swapped, a paragraph or two borrowed from other articles."""
    story = _from_corpus(base, key)
    present = [p for p in SOURCE_PLACES if any(p in t for t in [story.headline, *story.paragraphs])]
    targets = rng.sample(PLACES, k=min(len(present), len(PLACES)))
    swaps = {
        old: new[0]
        if len(old) == 2
        and old
        in (
            "上海",
            "江苏",
            "河北",
            "吉林",
            "广西",
            "湖北",
            "福建",
            "四川",
            "山东",
            "陕西",
            "甘肃",
            "青海",
            "广东",
            "天津",
            "北京",
        )
        else new[1]
        for old, new in zip(present, targets, strict=False)
    }
    paras = list(story.paragraphs)
    donors = [o for o in others if o["type"] == "article" and o["paragraphs"]]
    for _ in range(rng.randint(0, 2)):
        donor = rng.choice(donors)
        body = [p for p in donor["paragraphs"] if len(p) > 40]
        if body:
            paras.insert(rng.randint(1, max(1, len(paras))), rng.choice(body))
    if rng.random() < 0.3 and len(paras) > 3:
        paras = paras[: rng.randint(3, len(paras))]
    return replace(
        story,
        kicker=_swap_places(story.kicker, swaps),
        headline=_swap_places(story.headline, swaps),
        subheadline=_swap_places(story.subheadline, swaps),
        paragraphs=[_swap_places(p, swaps) for p in paras],
    )


def synthetic_photo(rng: random.Random, key: str) -> Story:
    """A photo item with a made-up caption (for filling space inside articles)."""
    place = rng.choice(PLACES)[1]
    who = rng.choice(PHOTOGRAPHERS)
    agency = rng.choice(["本报记者", "新华社记者", "本报通讯员"])
    return Story(
        key=key,
        type="photo",
        article_id=key,
        headline="",
        caption=rng.choice(SYNTH_CAPTIONS).format(place=place),
        credit=f"{agency} {who} 摄",
        photographers=[who],
    )


def ad(rng: random.Random, key: str) -> Story:
    """A 公益广告 box."""
    return Story(
        key=key,
        type="ad",
        article_id=key,
        headline="公益广告",
        paragraphs=list(rng.choice(AD_SLOGANS)),
    )


class StorySupply:
    """Hands out stories for one issue: corpus items first (shuffled), then recombinations."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.items = list(corpus())
        order = list(range(len(self.items)))
        rng.shuffle(order)
        self.articles = [i for i in order if self.items[i]["type"] == "article"]
        self.photos = [i for i in order if self.items[i]["type"] == "photo"]
        self.counter = 0
        self.used_heads: set[str] = set()

    def _key(self, kind: str) -> str:
        self.counter += 1
        return f"{kind}{self.counter:03d}"

    def candidates(self, n: int) -> list[Story]:
        """`n` fresh article candidates (the caller keeps the one it uses, see `take`)."""
        out: list[Story] = []
        for idx in self.articles[:n]:
            out.append(_from_corpus(self.items[idx], f"c{idx:02d}"))
        pool = [i for i, a in enumerate(self.items) if a["type"] == "article"]
        while len(out) < n:
            story = derive(self.rng, self.items[self.rng.choice(pool)], self.items, self._key("d"))
            tries = 0
            # One issue never prints two stories under the same headline.
            while story.headline in self.used_heads and tries < 20:
                base = self.items[self.rng.choice(pool)]
                story = derive(self.rng, base, self.items, self._key("d"))
                tries += 1
            if story.headline in self.used_heads:
                story = replace(story, headline=f"{self.rng.choice(PLACES)[1]}：{story.headline}")
            out.append(story)
        return out

    def take(self, story: Story) -> Story:
        """Mark a candidate as used and give it its issue-unique key."""
        if story.key.startswith("c"):
            self.articles.remove(int(story.key[1:]))
            story = replace(story, key=self._key("a"))
        story = replace(story, article_id=story.key)
        self.used_heads.add(story.headline)
        return story

    def photo(self) -> Story:
        if self.photos:
            idx = self.photos.pop(0)
            k = self._key("p")
            return replace(_from_corpus(self.items[idx], k), key=k, article_id=k)
        return synthetic_photo(self.rng, self._key("p"))

    def inline_photo(self) -> Story:
        return synthetic_photo(self.rng, self._key("q"))

    def ad(self) -> Story:
        return ad(self.rng, self._key("ad"))
