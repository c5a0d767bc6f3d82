"""An article whose only place is inside an agency's name (青岛市西海岸新区总工会) is still found
by a place filter and counted in the place facet: agencies' paths feed the place keys."""

from __future__ import annotations

from pathlib import Path

from baoku.nlp.records import AnalyzedDocument, ArticleFacts, EntityLabel
from baoku.search.query import SearchQuery
from baoku.search.sqlite_backend import SqliteBackend
from baoku.search.store import Store
from tests.fixtures.search_corpus import _with_sources, ent
from tests.fixtures.store_docs import article, document, page

PARAS = ["西海岸新区总工会联合区法院设立法律服务站，为职工追回欠薪。"]


def _doc() -> AnalyzedDocument:
    doc = _with_sources(
        document("qd.pdf", [page(0, 3)], [article("劳动纠纷化解在基层", PARAS, page_no=3)])
    )
    union = ent(
        PARAS,
        EntityLabel.AGENCY,
        "西海岸新区总工会",
        "青岛市西海岸新区总工会",
        "union",
        path="山东省/青岛市",
    )
    court = ent(PARAS, EntityLabel.AGENCY, "区法院", "青岛市西海岸新区人民法院", "court")
    return AnalyzedDocument(doc, [ArticleFacts(entities=[union, court])])


def test_agency_path_is_a_place_of_the_article(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db") as store:
        store.save_document(_doc())
        backend = SqliteBackend(store)
        for place in ("山东", "青岛市"):
            found = backend.search(SearchQuery(text="法律服务站", places=(place,)))
            assert found.total == 1, place
        assert backend.search(SearchQuery(text="法律服务站", places=("上海",))).total == 0
        facets = backend.search(SearchQuery(text="法律服务站", facets=("place",))).facets
        assert {f.value for f in facets["place"]} == {"山东省", "山东省/青岛市"}
