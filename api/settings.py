"""Settings of the HTTP API: read from ``BAOKU_*`` environment variables and ``baoku serve``
options, validated once at start so a bad value stops the server with a message that says
what to fix, instead of surfacing as errors on the first requests.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)

MIN_TOKEN_CHARS = 16


class SettingsError(ValueError):
    """A setting is missing or wrong; the message names it and says what to do."""


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    db: Path = Path("baoku.db")
    es_url: str | None = None
    api_token: SecretStr | None = None
    # Reads are open so researchers can use the archive without an account; a private
    # deployment sets this to False and every endpoint but /healthz needs the token.
    open_reads: bool = True
    max_upload_mb: float = Field(default=200.0, gt=0, le=10_000)
    max_files_per_upload: int = Field(default=20, ge=1, le=1000)
    uploads_dir: Path | None = None  # default: "<db>.uploads" next to the database
    max_image_width: int = Field(default=2400, ge=100, le=10_000)
    ingest_workers: int = Field(default=2, ge=1, le=64)
    # Rendered search results kept per server process; 0 turns the cache off.
    search_cache_mb: float = Field(default=64.0, ge=0, le=100_000)
    # Processes computing searches (more searches wait their turn); default one per CPU.
    # 0: threads of the server process instead (2 per CPU at once).
    search_workers: int | None = Field(default=None, ge=0, le=64)
    # Searches allowed to wait for a worker; more are refused with 503 and Retry-After, so an
    # overload gets a quick answer instead of a wait of minutes.
    search_queue: int = Field(default=64, ge=0, le=100_000)
    # Memo of statement results and phrase score arrays per search process (search/result_memo.py).
    search_memo_mb: float = Field(default=256.0, ge=0, le=100_000)

    @field_validator("es_url")
    @classmethod
    def _es_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(
                f"Elasticsearch URL {value!r} is not an http(s) URL; use e.g. http://localhost:9200"
            )
        return value.strip().rstrip("/")

    @field_validator("api_token")
    @classmethod
    def _token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value().strip():
            return None
        if len(value.get_secret_value().strip()) < MIN_TOKEN_CHARS:
            raise ValueError(
                f"the API token is shorter than {MIN_TOKEN_CHARS} characters; make a long random "
                'one, e.g. python -c "import secrets; print(secrets.token_urlsafe(32))"'
            )
        return SecretStr(value.get_secret_value().strip())

    @model_validator(mode="after")
    def _closed_reads_need_token(self) -> Settings:
        if not self.open_reads and self.api_token is None:
            raise ValueError(
                "reads are closed (BAOKU_OPEN_READS=false) but no BAOKU_API_TOKEN is set, so "
                "nobody could read; set a token or open reads"
            )
        return self

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)

    @property
    def upload_root(self) -> Path:
        return self.uploads_dir or self.db.with_name(self.db.name + ".uploads")

    @property
    def token(self) -> str | None:
        return self.api_token.get_secret_value() if self.api_token else None


# Environment variable → field. Only these are read, so a typo in a name is not silently used.
ENV_NAMES: Mapping[str, str] = {
    "BAOKU_DB": "db",
    "BAOKU_ES_URL": "es_url",
    "BAOKU_API_TOKEN": "api_token",
    "BAOKU_OPEN_READS": "open_reads",
    "BAOKU_MAX_UPLOAD_MB": "max_upload_mb",
    "BAOKU_MAX_FILES_PER_UPLOAD": "max_files_per_upload",
    "BAOKU_UPLOADS_DIR": "uploads_dir",
    "BAOKU_MAX_IMAGE_WIDTH": "max_image_width",
    "BAOKU_INGEST_WORKERS": "ingest_workers",
    "BAOKU_SEARCH_CACHE_MB": "search_cache_mb",
    "BAOKU_SEARCH_WORKERS": "search_workers",
    "BAOKU_SEARCH_MEMO_MB": "search_memo_mb",
    "BAOKU_SEARCH_QUEUE": "search_queue",
}


def load_settings(
    overrides: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None
) -> Settings:
    """Settings from the environment, then ``overrides`` (command-line options, not None).

    Raises ``SettingsError`` whose message names the variable or option at fault.
    """
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {
        field: env[name] for name, field in ENV_NAMES.items() if env.get(name, "").strip()
    }
    values.update({k: v for k, v in (overrides or {}).items() if v is not None})
    try:
        return Settings(**values)
    except ValidationError as exc:
        by_field = {v: k for k, v in ENV_NAMES.items()}
        problems = []
        for err in exc.errors():
            field = str(err["loc"][0]) if err["loc"] else "settings"
            name = by_field.get(field, field)
            message = str(err["msg"]).removeprefix("Value error, ")
            problems.append(f"{name} (--{field.replace('_', '-')}): {message}")
        raise SettingsError("invalid settings:\n  " + "\n  ".join(problems)) from exc
