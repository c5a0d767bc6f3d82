"""Uploads, document status, deletion and access control of the HTTP API, on fresh archives."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.fixtures.api import API_TOKEN, EXAMPLES
from tests.test_api_read import assert_error

AUTH = {"Authorization": f"Bearer {API_TOKEN}"}
PDF = EXAMPLES / "grrb20240712001.pdf"
MakeClient = Callable[..., AbstractContextManager[TestClient]]


def upload(client: TestClient, *paths: Path, headers: dict[str, str] | None = None, **form: Any):  # type: ignore[no-untyped-def]
    files = [("files", (p.name, p.read_bytes(), "application/pdf")) for p in paths]
    return client.post(
        "/documents", files=files, data=form, headers=AUTH if headers is None else headers
    )


def wait_done(client: TestClient, doc_id: str, timeout: float = 60.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = client.get(f"/documents/{doc_id}").json()
        if body["status"] not in ("queued", "processing"):
            return body
        time.sleep(0.1)
    raise AssertionError(f"document {doc_id} still not ingested after {timeout}s")


def test_upload_ingests_searches_and_deletes(make_client: MakeClient, tmp_path: Path) -> None:
    with make_client() as client:
        resp = upload(client, PDF)
        assert resp.status_code == 202, resp.text
        (doc,) = resp.json()["documents"]
        assert len(doc["id"]) == 64 and doc["status"] in ("queued", "processing")
        assert doc["filename"] == PDF.name and doc["url"] == f"/documents/{doc['id']}"
        done = wait_done(client, doc["id"])
        assert done["status"] == "ingested" and done["pages"] == 1 and done["articles"] > 0
        # Saved under the uploads folder by content hash, keeping the name's page metadata.
        saved = list((tmp_path / "uploads" / doc["id"]).iterdir())
        assert [p.name for p in saved] == [PDF.name]
        hits = client.get("/search", params={"q": "工会"}).json()
        assert hits["total"] > 0
        assert {h["newspaper"] for h in hits["hits"]} == {"工人日报"}
        # The same file again is not read twice.
        again = upload(client, PDF).json()["documents"][0]
        assert again["id"] == doc["id"] and again["status"] == "ingested"

        deleted = client.delete(f"/documents/{doc['id']}", headers=AUTH)
        assert deleted.status_code == 200, deleted.text
        assert deleted.json()["deleted"] and deleted.json()["articles"] == done["articles"]
        assert client.get("/search", params={"q": "工会"}).json()["total"] == 0
        assert_error(client.get(f"/documents/{doc['id']}"), 404, "document_not_found")
        assert not (tmp_path / "uploads" / doc["id"]).exists()
        assert_error(client.delete(f"/documents/{doc['id']}", headers=AUTH), 404)


def test_upload_options_apply_to_the_pages(make_client: MakeClient, tmp_path: Path) -> None:
    renamed = tmp_path / "page.pdf"  # no newspaper or date in the name
    renamed.write_bytes((EXAMPLES / "ldb20240315004.pdf").read_bytes())
    with make_client() as client:
        resp = upload(client, renamed, date="2023-01-02")
        assert resp.status_code == 202, resp.text
        wait_done(client, resp.json()["documents"][0]["id"])
        hits = client.get("/search", params={"q": "工会"}).json()["hits"]
        assert hits and {h["date"] for h in hits} == {"2023-01-02"}


def test_html_renamed_pdf_is_refused_by_content(make_client: MakeClient, tmp_path: Path) -> None:
    fake = tmp_path / "page.pdf"
    fake.write_text("<!doctype html><html><body>not a pdf</body></html>")
    with make_client() as client:
        err = assert_error(upload(client, fake), 415, "unsupported_type")
        assert "page.pdf" in err["message"] and "content" in err["message"]
        # All or nothing: a good file next to a bad one is not kept either.
        assert_error(upload(client, PDF, fake), 415)
        assert not list((tmp_path / "uploads").glob("*/*"))


def test_empty_file_and_missing_files(make_client: MakeClient, tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with make_client() as client:
        assert_error(upload(client, empty), 400, "empty_file")
        assert_error(client.post("/documents", data={"date": "2024-01-01"}, headers=AUTH), 422)
        assert_error(client.post("/documents", headers=AUTH), 422, "no_files")
        garbled = {**AUTH, "Content-Type": "multipart/form-data; boundary=zz"}
        assert_error(client.post("/documents", content=b"--x\r\n\r\n", headers=garbled), 400)
        assert_error(upload(client, PDF, date="yesterday"), 422, "invalid_request")
        assert_error(upload(client, PDF, colour="red"), 422, "invalid_request")


def test_oversize_upload_is_refused(make_client: MakeClient, tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-1.7\n" + b"0" * 300_000)
    with make_client(max_upload_mb=0.1) as client:
        err = assert_error(upload(client, big), 413, "too_large")
        assert "BAOKU_MAX_UPLOAD_MB" in err["message"]

        def chunks():  # no Content-Length: counted while streaming
            yield b"--b\r\nContent-Disposition: form-data; name=files; filename=x.pdf\r\n\r\n"
            for _ in range(40):
                yield b"%PDF-" + b"0" * 10_000
            yield b"\r\n--b--\r\n"

        resp = client.post(
            "/documents",
            content=chunks(),
            headers={**AUTH, "Content-Type": "multipart/form-data; boundary=b"},
        )
        assert_error(resp, 413, "too_large")
        assert not list((tmp_path / "uploads").glob("*/*"))


@pytest.mark.parametrize(
    ("headers", "status", "code"),
    [
        ({}, 401, "unauthorized"),
        ({"Authorization": "Bearer wrong-token-wrong-token"}, 401, "unauthorized"),
        ({"Authorization": "Basic abc"}, 401, "unauthorized"),
    ],
)
def test_writes_need_the_token(
    make_client: MakeClient, headers: dict[str, str], status: int, code: str
) -> None:
    with make_client() as client:
        assert_error(upload(client, PDF, headers=headers), status, code)
        assert_error(client.delete(f"/documents/{'a' * 64}", headers=headers), status, code)


def test_writes_refused_without_a_configured_token(make_client: MakeClient) -> None:
    with make_client(api_token=None) as client:
        err = assert_error(upload(client, PDF), 403, "writes_disabled")
        assert "BAOKU_API_TOKEN" in err["message"]
        assert client.get("/search").status_code == 200


def test_closed_reads_need_the_token(make_client: MakeClient) -> None:
    with make_client(open_reads=False) as client:
        assert_error(client.get("/search"), 401, "unauthorized")
        assert_error(client.get(f"/documents/{'a' * 64}"), 401)
        assert client.get("/search", headers=AUTH).status_code == 200
        assert client.get("/healthz").status_code == 200


def test_unknown_document_is_404(make_client: MakeClient) -> None:
    with make_client() as client:
        assert_error(client.get(f"/documents/{'b' * 64}"), 404, "document_not_found")
        assert_error(client.get("/documents/../../etc/passwd"), 404)
        assert_error(client.get("/documents/not-a-hash"), 422)


def test_saved_but_unread_uploads_are_queued_at_start(
    make_client: MakeClient, tmp_path: Path
) -> None:
    sha = hashlib.sha256(PDF.read_bytes()).hexdigest()
    folder = tmp_path / "uploads" / sha
    folder.mkdir(parents=True)
    (folder / PDF.name).write_bytes(PDF.read_bytes())
    with make_client() as client:
        assert wait_done(client, sha)["status"] == "ingested"
