"""Dependencies: the engine (built once by the app, swapped in tests) and the admin check."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPBearer

from core.config import Settings

#: Declares the bearer scheme in the OpenAPI document; the check itself is ``admin_refusal``.
bearer = HTTPBearer(auto_error=False, description="CANCU_ADMIN_TOKEN")


def get_engine(request: Request) -> Any:
    engine = getattr(request.app.state, "engine", None)
    if engine is None:
        raise HTTPException(status_code=503, detail="the index is still loading")
    return engine


def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def admin_refusal(settings: Settings, authorization: str) -> tuple[int, str, dict[str, str]] | None:
    """Why an ``Authorization`` header does not open the admin routes (status, message, headers), or None.

    Refused outright when no token is configured; compared in constant time.
    """
    if settings.admin_token is None or not settings.admin_token.get_secret_value():
        return 403, "admin endpoints are disabled: CANCU_ADMIN_TOKEN is not set", {}
    scheme, _, token = authorization.partition(" ")
    expected = settings.admin_token.get_secret_value()
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.encode(), expected.encode()):
        return 401, "missing or wrong admin token", {"WWW-Authenticate": "Bearer"}
    return None


def require_admin(request: Request, _: Annotated[Any, Depends(bearer)] = None) -> None:
    """Bearer token check of write endpoints (``api.guard.AdminFirst`` makes it before the body is read)."""
    refused = admin_refusal(request.app.state.settings, request.headers.get("authorization", ""))
    if refused is not None:
        status, message, headers = refused
        raise HTTPException(status_code=status, detail=message, headers=headers or None)


EngineDep = Annotated[Any, Depends(get_engine)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
AdminDep = Depends(require_admin)
