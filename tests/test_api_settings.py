"""Settings of the HTTP API: environment and options, validated with messages naming the
variable to fix; and ``baoku serve`` refusing bad settings before it starts."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from baoku.api.settings import SettingsError, load_settings
from baoku.cli import cli


def test_environment_then_options() -> None:
    env = {"BAOKU_DB": "/data/a.db", "BAOKU_MAX_UPLOAD_MB": "5", "BAOKU_OPEN_READS": "true"}
    s = load_settings({"max_upload_mb": 7}, environ=env)
    assert s.db == Path("/data/a.db") and s.max_upload_bytes == 7 * 1024 * 1024
    assert s.upload_root == Path("/data/a.db.uploads")
    assert s.token is None and s.open_reads


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"BAOKU_API_TOKEN": "short"}, "BAOKU_API_TOKEN"),
        ({"BAOKU_ES_URL": "localhost:9200"}, "BAOKU_ES_URL"),
        ({"BAOKU_MAX_UPLOAD_MB": "-1"}, "BAOKU_MAX_UPLOAD_MB"),
        ({"BAOKU_OPEN_READS": "perhaps"}, "BAOKU_OPEN_READS"),
        ({"BAOKU_OPEN_READS": "false"}, "BAOKU_API_TOKEN"),
    ],
)
def test_bad_settings_name_the_variable(env: dict[str, str], named: str) -> None:
    with pytest.raises(SettingsError, match=named):
        load_settings(environ=env)


def test_serve_refuses_bad_settings_before_starting(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        cli, ["serve", "--db", str(tmp_path / "a.db")], env={"BAOKU_API_TOKEN": "short"}
    )
    assert result.exit_code != 0 and "BAOKU_API_TOKEN" in result.output
    folder = tmp_path / "dir.db"
    folder.mkdir()
    result = runner.invoke(cli, ["serve"], env={"BAOKU_DB": str(folder), "BAOKU_API_TOKEN": ""})
    assert result.exit_code != 0 and "is a folder" in result.output


def test_serve_refuses_a_missing_archive_unless_asked_to_create(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = tmp_path / "typo.db"
    result = runner.invoke(cli, ["serve", "--db", str(missing)], env={"BAOKU_API_TOKEN": ""})
    assert (
        result.exit_code != 0 and "no archive at" in result.output and "--create" in result.output
    )
    assert not missing.exists()
    nowhere = tmp_path / "no-such-folder" / "a.db"
    result = runner.invoke(
        cli, ["serve", "--db", str(nowhere), "--create"], env={"BAOKU_API_TOKEN": ""}
    )
    assert result.exit_code != 0 and "does not exist" in result.output
    assert not nowhere.parent.exists()


def test_serve_passes_search_options_to_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    started: dict[str, object] = {}

    def fake_run(app: object, **kwargs: object) -> None:
        started["settings"] = app.state.settings  # type: ignore[attr-defined]
        started["search"] = app.state.search  # type: ignore[attr-defined]
        started.update(kwargs)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    db = tmp_path / "a.db"
    result = CliRunner().invoke(
        cli,
        ["serve", "--db", str(db), "--create", "--port", "8123", "--search-workers", "3"],
        env={"BAOKU_API_TOKEN": "", "BAOKU_SEARCH_CACHE_MB": "5"},
    )
    assert result.exit_code == 0, result.output
    settings = started["settings"]
    assert settings.search_workers == 3 and settings.search_cache_mb == 5  # type: ignore[attr-defined]
    search = started["search"]
    assert search.workers.processes == 3 and search.concurrency == 3  # type: ignore[attr-defined]
    assert search.cache.max_bytes == 5 * 1024 * 1024  # type: ignore[attr-defined]
    assert started["port"] == 8123

    result = CliRunner().invoke(
        cli,
        ["serve", "--db", str(db), "--search-workers", "0", "--search-cache-mb", "0"],
        env={"BAOKU_API_TOKEN": ""},
    )
    assert result.exit_code == 0, result.output
    search = started["search"]
    assert search.workers is None and search.cache is None  # type: ignore[attr-defined]
    assert search.concurrency >= 2  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"BAOKU_SEARCH_WORKERS": "-1"}, "BAOKU_SEARCH_WORKERS"),
        ({"BAOKU_SEARCH_CACHE_MB": "lots"}, "BAOKU_SEARCH_CACHE_MB"),
    ],
)
def test_bad_search_settings_name_the_variable(env: dict[str, str], named: str) -> None:
    with pytest.raises(SettingsError, match=named):
        load_settings(environ=env)
