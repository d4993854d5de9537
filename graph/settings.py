"""The one settings object. Every knob is read here, from ``KIZUNA_*`` env vars
(or a ``.env`` file); nothing else in the project reads the environment."""

from __future__ import annotations

import functools

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.limits import MAX_BODY_BYTES


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KIZUNA_", env_file=".env", extra="ignore")

    store: str = Field(
        ".kizuna/kizuna.sqlite",
        description="Embedded store path, or a neo4j://, neo4j+s:// or bolt:// URI for Neo4j.",
    )
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("")
    neo4j_database: str = "neo4j"

    api_key: SecretStr | None = Field(
        None, description="Required in X-API-Key for writes; writes are refused when unset."
    )
    private_reads: bool = Field(False, description="Require the API key for reads too.")
    cors_origins: list[str] = Field(default_factory=list)
    max_upload_bytes: int = Field(MAX_BODY_BYTES, ge=1, description="Request body limit (graph.limits).")
    warm_up: bool = Field(
        True, description="Build the in-memory query index in the background when the API starts."
    )
    host: str = "127.0.0.1"
    port: int = 8000


@functools.cache
def get_settings() -> Settings:
    return Settings()
