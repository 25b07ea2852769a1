"""Settings, read from ``CANCU_*`` environment variables (and a ``.env`` file)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from core.errors import ConfigError

DEFAULT_TELEGRAM_API = "https://api.telegram.org/bot"
#: Shortest admin token and webhook secret accepted: a short one is guessed, and masks too much of the logs.
MIN_SECRET = 16


class Settings(BaseSettings):
    """Everything configurable; build one per process with ``get_settings()``, or directly in tests."""

    model_config = SettingsConfigDict(env_prefix="CANCU_", env_file=".env", extra="ignore")

    # storage
    data_dir: Path = Path("data")
    corpus_dir: Path = Path("corpus")
    qdrant_url: str | None = None  # set to talk to a Qdrant server instead of the embedded store
    qdrant_api_key: SecretStr | None = None
    collection: str = "cancu"
    # a Qdrant cluster: how many shards the units collection is cut into, and how many copies each has
    qdrant_shards: int = Field(default=1, ge=1)
    qdrant_replicas: int = Field(default=1, ge=1)

    # ingest
    max_file_mb: float = 10.0
    # every file is read in a worker process stopped after this many seconds (plus ocr_page_timeout_s per
    # scanned page sent to OCR) or when it needs more than this much memory: a hostile file is refused by name
    parse_timeout_s: float = Field(default=120.0, gt=0)
    parse_memory_mb: int = Field(default=1024, ge=128)
    ocr_page_timeout_s: float = Field(default=60.0, gt=0)
    # files parsed and written per chunk (one catalog commit each): larger is faster, smaller commits more often
    ingest_chunk: int = Field(default=64, ge=1)
    # worker processes that parse and vectorise a large ingest (0: as many as CPUs, at most 4; 1: none)
    ingest_workers: int = Field(default=0, ge=0)
    # what `cancu eval` indexes, all in one store: the plans, and the public legal texts and wide documents beside
    # the checkout (missing paths are skipped)
    eval_docs: list[Path] = Field(
        default_factory=lambda: [Path("corpus"), Path("../shared/directives"), Path("../shared/wide/docs")]
    )

    # retrieval
    embed_model: str | None = None  # hub id or local path of a sentence-transformers model
    search_mode: Literal["auto", "lexical", "dense", "hybrid"] = "auto"
    top_k: int = 5

    # optional generation (any OpenAI-compatible server)
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: SecretStr | None = None
    llm_timeout: float = 20.0

    # HTTP API
    host: str = "127.0.0.1"
    port: int = 8000
    admin_token: SecretStr | None = None  # at least MIN_SECRET characters
    # requests per client address per minute (a burst of that many, then one every 60/n s); 0 turns it off
    http_rate_limit: int = Field(default=600, ge=0)
    http_header_timeout_s: float = Field(default=10.0, gt=0)  # a request's headers must arrive within this
    http_body_timeout_s: float = Field(default=120.0, gt=0)  # and its body within this
    http_idle_timeout_s: float = Field(default=20.0, gt=0)  # with no pause in the body longer than this

    # Telegram
    telegram_token: SecretStr | None = None
    telegram_api_base: str = DEFAULT_TELEGRAM_API
    telegram_webhook_url: str | None = None
    telegram_secret: SecretStr | None = None
    telegram_allowed_chats: str = ""  # comma-separated chat ids; empty = everyone
    # updates (questions, commands, buttons) per user per minute; refused ones count too
    telegram_rate_limit: int = Field(default=10, ge=1)
    feedback_retention_days: float = Field(default=180.0, gt=0)  # the bot's stored answers and votes
    feedback_max_rows: int = Field(default=100_000, ge=1)  # per table, the newest kept

    log_level: str = "INFO"

    @field_validator("qdrant_url", "embed_model", "llm_base_url", "llm_model", "telegram_webhook_url", mode="before")
    @classmethod
    def _blank_is_none(cls, v: object) -> object:
        return None if isinstance(v, str) and not v.strip() else v

    @field_validator("admin_token", "telegram_secret")
    @classmethod
    def _long_enough(cls, v: SecretStr | None) -> SecretStr | None:
        if v is not None and v.get_secret_value() and len(v.get_secret_value()) < MIN_SECRET:
            raise ValueError(f"must be at least {MIN_SECRET} characters (e.g. `openssl rand -hex 24`)")
        return v

    @property
    def qdrant_path(self) -> Path:
        """Where versions before the Edge store kept qdrant-client's local store (read by ``cancu migrate``)."""
        return self.data_dir / "qdrant"

    @property
    def edge_path(self) -> Path:
        """The embedded Qdrant Edge shard (retrieval units)."""
        return self.data_dir / "edge"

    @property
    def catalog_path(self) -> Path:
        """The catalog: documents, lookup tables, term statistics (SQLite)."""
        return self.data_dir / "catalog.sqlite"

    @property
    def feedback_path(self) -> Path:
        return self.data_dir / "feedback.sqlite"

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    def secret_values(self) -> list[str]:
        """Every configured secret, for masking in logs."""
        fields = (self.qdrant_api_key, self.llm_api_key, self.admin_token, self.telegram_token, self.telegram_secret)
        return [f.get_secret_value() for f in fields if f is not None and f.get_secret_value()]

    def allowed_chats(self) -> set[int]:
        """Chat ids in the Telegram allow-list; an empty set lets every chat in."""
        out: set[int] = set()
        for part in self.telegram_allowed_chats.replace(";", ",").split(","):
            part = part.strip()
            if not part:
                continue
            try:
                out.add(int(part))
            except ValueError as exc:
                raise ConfigError(f"CANCU_TELEGRAM_ALLOWED_CHATS: {part!r} is not a chat id") from exc
        return out


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment; invalid ones are a ``ConfigError`` naming
    each variable and what is wrong with it (never its value: it may be a secret)."""
    try:
        return Settings()
    except ValidationError as exc:
        raise ConfigError(f"invalid configuration: {invalid(exc)}") from None


def invalid(exc: ValidationError) -> str:
    """Pydantic's errors on one line, by variable: "CANCU_ADMIN_TOKEN: must be at least 16 characters (…)"."""
    parts = []
    for error in exc.errors():
        name = "CANCU_" + "_".join(str(p) for p in error["loc"]).upper()
        parts.append(f"{name}: {error['msg'].removeprefix('Value error, ')}")
    return "; ".join(parts)
