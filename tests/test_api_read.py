"""HTTP API reads against a real archive of the example pages: search, articles, facts,
page images, health, and the one error shape."""

from __future__ import annotations

import io
from typing import Any

import httpx
import pypdfium2 as pdfium
from fastapi.testclient import TestClient
from PIL import Image


def assert_error(resp: httpx.Response, status: int, code: str | None = None) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "detail"}
    assert body["error"]["message"]
    if code is not None:
        assert body["error"]["code"] == code
    return body["error"]


def first_hit(client: TestClient, q: str = "工会") -> dict[str, Any]:
    resp = client.get("/search", params={"q": q, "limit": 5})
    assert resp.status_code == 200, resp.text
    assert resp.json()["hits"], f"no hit for {q}"
    return resp.json()["hits"][0]


# ---------------------------------------------------------------------------- search


def test_search_finds_marked_snippets_with_facets(api_client: TestClient) -> None:
    resp = api_client.get("/search", params={"q": "工会", "facet": ["newspaper", "year"]})
    assert resp.status_code == 200
    body = resp.json()
    assert set(body) == {"total", "hits", "facets"}
    assert body["total"] >= len(body["hits"]) > 0
    hit = body["hits"][0]
    assert set(hit) == {"id", "headline", "newspaper", "date", "page", "score", "snippet"}
    assert any("[工会]" in h["snippet"] for h in body["hits"])
    papers = {f["value"] for f in body["facets"]["newspaper"]}
    assert papers <= {"工人日报", "劳动报"} and papers
    assert sum(f["count"] for f in body["facets"]["newspaper"]) == body["total"]


def test_search_pages_without_overlap(api_client: TestClient) -> None:
    first = api_client.get("/search", params={"q": "工会", "limit": 3}).json()
    second = api_client.get("/search", params={"q": "工会", "limit": 3, "offset": 3}).json()
    assert first["total"] == second["total"] > 3
    assert not {h["id"] for h in first["hits"]} & {h["id"] for h in second["hits"]}


def test_search_filters_by_newspaper(api_client: TestClient) -> None:
    body = api_client.get("/search", params={"q": "工会", "newspaper": "劳动报"}).json()
    assert body["hits"] and {h["newspaper"] for h in body["hits"]} == {"劳动报"}


def test_search_rejects_bad_parameters_with_a_message(api_client: TestClient) -> None:
    err = assert_error(api_client.get("/search", params={"limit": 501}), 422, "invalid_request")
    assert "limit" in err["message"]
    assert_error(api_client.get("/search", params={"q": "-欠薪"}), 422, "invalid_query")
    err = assert_error(
        api_client.get("/search", params={"date_from": "2024-02-01", "date_to": "2024-01-01"}),
        422,
    )
    assert "date_from" in err["message"]
    assert_error(api_client.get("/search", params={"newspaper": " "}), 422)
    assert_error(api_client.get("/search", params={"qq": "typo"}), 422, "invalid_request")
    assert_error(api_client.get("/search", params={"offset": 9990, "limit": 20}), 422)


# ---------------------------------------------------------------------------- articles, facts


def test_article_has_text_parts_and_image_links(api_client: TestClient) -> None:
    hit = first_hit(api_client)
    resp = api_client.get(f"/articles/{hit['id']}")
    assert resp.status_code == 200
    article = resp.json()
    assert article["id"] == hit["id"] and article["headline"] == hit["headline"]
    assert article["paragraphs"] and article["text"]
    assert isinstance(article["entities"], list) and isinstance(article["figures"], list)
    part = article["parts"][0]
    assert len(part["sha256"]) == 64 and part["bboxes"]
    assert part["image"] == (
        f"/pages/{part['sha256']}/{part['page_index']}.png?highlight={article['id']}"
    )


def test_unknown_article_is_404(api_client: TestClient) -> None:
    err = assert_error(api_client.get("/articles/0123456789abcdef"), 404, "article_not_found")
    assert "/search" in err["message"]


def test_figures_and_entities_list(api_client: TestClient) -> None:
    figures = api_client.get("/figures", params={"type": "money", "sort": "-value"})
    assert figures.status_code == 200
    values = [f["value"] for f in figures.json()["figures"]]
    assert values == sorted(values, reverse=True)
    assert all(f["type"] == "money" for f in figures.json()["figures"])
    entities = api_client.get("/entities", params={"label": "AGENCY", "limit": 5})
    assert entities.status_code == 200
    assert all(e["label"] == "AGENCY" for e in entities.json()["entities"])
    assert_error(api_client.get("/figures", params={"min_value": 5, "max_value": 1}), 422)
    assert_error(api_client.get("/entities", params={"label": "ALIEN"}), 422)


# ---------------------------------------------------------------------------- page images


def _png(resp: httpx.Response) -> Image.Image:
    assert resp.status_code == 200, resp.text
    assert resp.headers["content-type"] == "image/png"
    return Image.open(io.BytesIO(resp.content)).convert("RGB")


def test_page_image_outlines_the_article(api_client: TestClient) -> None:
    article = api_client.get(f"/articles/{first_hit(api_client)['id']}").json()
    part = article["parts"][0]
    base = f"/pages/{part['sha256']}/{part['page_index']}.png"
    plain = _png(api_client.get(base, params={"width": 600}))
    marked = _png(api_client.get(base, params={"width": 600, "highlight": article["id"]}))
    assert plain.width == marked.width == 600
    # Boxes are PDF points; the image is 600 px for the page's width in points.
    pdf = pdfium.PdfDocument(article["source"]["file"])
    scale = 600 / pdf[part["page_index"]].get_width()
    pdf.close()
    x0, top, x1, bottom = (v * scale for v in part["bboxes"][0])
    inside = [
        (int(x), int(y)) for x in (x0 + 5, (x0 + x1) / 2) for y in (top + 5, (top + bottom) / 2)
    ]
    assert all(plain.getpixel(p) != marked.getpixel(p) for p in inside)
    far = (int(x1) + 40, int(bottom) + 40)  # outside every box of a one-box part's corner
    if far[0] < 600 and far[1] < plain.height and len(part["bboxes"]) == 1:
        assert plain.getpixel(far) == marked.getpixel(far)


def test_page_image_errors(api_client: TestClient) -> None:
    article = api_client.get(f"/articles/{first_hit(api_client)['id']}").json()
    part = article["parts"][0]
    missing = "0" * 64
    assert_error(api_client.get(f"/pages/{missing}/0.png"), 404, "page_not_found")
    assert_error(api_client.get(f"/pages/{part['sha256']}/99.png"), 404, "page_not_found")
    assert_error(api_client.get("/pages/not-a-sha/0.png"), 422)
    assert_error(
        api_client.get(f"/pages/{part['sha256']}/0.png", params={"width": 9000}),
        422,
        "width_too_large",
    )
    assert_error(
        api_client.get(f"/pages/{part['sha256']}/0.png", params={"highlight": "ffffffffffffffff"}),
        404,
        "highlight_not_on_page",
    )


def test_page_image_on_another_page_says_where(api_client: TestClient) -> None:
    hits = api_client.get("/search", params={"q": "工会", "limit": 50}).json()["hits"]
    articles = [api_client.get(f"/articles/{h['id']}").json() for h in hits]
    by_doc = {a["parts"][0]["sha256"]: a for a in articles}
    assert len(by_doc) >= 2
    (sha_a, a), (sha_b, _) = list(by_doc.items())[:2]
    err = assert_error(
        api_client.get(f"/pages/{sha_b}/0.png", params={"highlight": a["id"]}),
        404,
        "highlight_not_on_page",
    )
    assert err["detail"]["pages"] == [f"/pages/{sha_a}/0.png?highlight={a['id']}"]


# ---------------------------------------------------------------------------- the rest


def test_health_and_readiness(api_client: TestClient) -> None:
    health = api_client.get("/healthz").json()
    assert health["status"] == "ok"
    assert health["searches"]["concurrency"] >= 1 and health["search_cache"]["bytes"] >= 0
    ready = api_client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["status"] == "ready"
    assert ready.json()["checks"]["store"]["ok"]


def test_unknown_route_and_wrong_method_use_the_error_shape(api_client: TestClient) -> None:
    assert_error(api_client.get("/nothing-here"), 404, "not_found")
    err = assert_error(api_client.post("/search"), 405, "method_not_allowed")
    assert err["detail"] == {"allowed": ["GET"]}


def test_search_page_is_served_without_external_assets(api_client: TestClient) -> None:
    page = api_client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "static/app.js" in page.text and "http" not in page.text.split("<body>")[0]
    assert api_client.get("/static/app.js").status_code == 200
    assert api_client.get("/openapi.json").json()["paths"]["/search"]


def test_documents_are_listed_with_paging(api_client: TestClient) -> None:
    resp = api_client.get("/documents", params={"limit": 2})
    assert resp.status_code == 200
    body = resp.json()
    assert body["total"] >= 4 and len(body["documents"]) == 2
    rest = api_client.get("/documents", params={"limit": 500, "offset": 2}).json()["documents"]
    ids = [d["id"] for d in body["documents"]] + [d["id"] for d in rest]
    assert len(ids) == len(set(ids)) == body["total"]
    assert all(d["status"] == "ingested" for d in body["documents"])
    # Files ingested by the batch runner (not uploads) still have a name and an article count.
    listed = body["documents"] + rest
    assert all(d["filename"].endswith(".pdf") and d["articles"] > 0 for d in listed)
    one = api_client.get(f"/documents/{listed[0]['id']}").json()
    assert one["articles"] == listed[0]["articles"] and one["filename"] == listed[0]["filename"]
    none = api_client.get("/documents", params={"status": "failed"}).json()
    assert none == {"total": 0, "documents": []}
    assert_error(api_client.get("/documents", params={"status": "lost"}), 422)


def test_search_page_forms_send_only_parameters_the_api_takes(api_client: TestClient) -> None:
    from html.parser import HTMLParser

    from baoku.api.models import FigureCheckParams, SearchParams

    class Forms(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.form: str | None = None
            self.names: dict[str, set[str]] = {}

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            a = dict(attrs)
            if tag == "form":
                self.form = a.get("id")
            elif tag in ("input", "select") and self.form and a.get("name"):
                self.names.setdefault(self.form, set()).add(str(a["name"]))

    parser = Forms()
    parser.feed(api_client.get("/").text)
    assert parser.names["search"] <= set(SearchParams.model_fields)
    assert parser.names["check"] <= set(FigureCheckParams.model_fields)
    assert "claim" in parser.names["check"] and "initiative" in parser.names["search"]
    assert "figures/check" in api_client.get("/static/app.js").text
