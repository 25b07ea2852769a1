"""Dependencies: the engine (built once by the app, swapped in tests) and the admin check."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request

from core.config import Settings


def get_engine(request: Request) -> Any:
    engine = getattr(request.app.state, "engine", None)
    if engine is None:
        raise HTTPException(status_code=503, detail="the index is still loading")
    return engine


def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def require_admin(request: Request) -> None:
    """Bearer token check for write endpoints; refused outright when no token is configured."""
    settings: Settings = request.app.state.settings
    if settings.admin_token is None or not settings.admin_token.get_secret_value():
        raise HTTPException(status_code=403, detail="admin endpoints are disabled: CANCU_ADMIN_TOKEN is not set")
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    expected = settings.admin_token.get_secret_value()
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.encode(), expected.encode()):
        raise HTTPException(
            status_code=401, detail="missing or wrong admin token", headers={"WWW-Authenticate": "Bearer"}
        )


EngineDep = Annotated[Any, Depends(get_engine)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
AdminDep = Depends(require_admin)
