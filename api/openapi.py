"""The OpenAPI document states every status code each operation can return, each error with its body.

FastAPI documents a route's success and 422; the errors come from elsewhere (the handlers of ``api.errors``,
the guards of ``api.guard``, named errors raised in the engine), so they are added here, from rules over the
routes: which read a body, which are admin, which name a document, which write. A route's own ``responses=``
wins over a rule.

    openapi.install(app)   # after the routers are included
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from api.deps import get_engine, require_admin
from api.guard import RATE_EXEMPT, flat_routes
from api.schemas import ErrorBody

WHY = {
    400: "the body could not be read (broken multipart or JSON framing)",
    401: "missing or wrong admin token (checked before the body is read)",
    403: "admin endpoints are disabled: CANCU_ADMIN_TOKEN is not set",
    404: "unknown document, section, legal basis or job",
    408: "the request body stalled or took too long to arrive",
    409: "another file name already gave this document id",
    413: "request body over the limit (declared or streamed)",
    415: "not a .txt, .md, .docx, .doc or .pdf file, or disguised as one",
    422: "input a person can fix, or a file that cannot be read (the message says why, in English and Vietnamese)",
    429: "too many requests from this address (see Retry-After)",
    500: "an unexpected error; it has been logged (no stack trace is sent)",
    503: "the index is loading, the store is unavailable, the server lacks the tool a file needs, or it is stopping",
    507: "the disk of the data or corpus folder is full",
}


class _Route:
    """What the rules look at: method, path, and what the route depends on."""

    def __init__(self, route: APIRoute, method: str) -> None:
        self.method = method
        self.path = route.path_format  # as the document names it: "/documents/{doc_id}", not "{doc_id:path}"
        calls = set(_calls(route.dependant))
        self.engine = get_engine in calls
        self.admin = require_admin in calls
        self.query = {p.alias for p in route.dependant.query_params}


def _calls(dependant: Dependant) -> list[Any]:
    return [dependant.call, *(c for d in dependant.dependencies for c in _calls(d))]


#: (when, statuses): every rule that holds adds its statuses (routes as data; first the general ones).
RULES: list[tuple[Callable[[_Route], bool], tuple[int, ...]]] = [
    (lambda r: True, (500,)),
    (lambda r: not r.path.startswith(RATE_EXEMPT), (429,)),
    (lambda r: r.engine, (503,)),
    (lambda r: r.method == "post", (400, 408, 413, 422)),
    (lambda r: "{" in r.path or bool(r.query), (404, 422)),
    (lambda r: r.admin, (401, 403)),
    (lambda r: r.method in ("post", "delete") and r.admin, (507,)),
    (lambda r: r.method == "post" and r.path == "/documents", (409, 415)),
]


def install(app: FastAPI) -> None:
    """Make ``app.openapi()`` add the error responses and the error schema."""

    def build() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        schemas = schema.setdefault("components", {}).setdefault("schemas", {})
        schemas["ErrorBody"] = ErrorBody.model_json_schema()
        ref = {"$ref": "#/components/schemas/ErrorBody"}
        for route in flat_routes(app.routes):
            if not isinstance(route, APIRoute) or not route.include_in_schema:
                continue
            for method in route.methods or ():
                # the document's key drops path converters ("{doc_id:path}" is "{doc_id}")
                op = schema["paths"].get(route.path_format, {}).get(method.lower())
                if op is None:
                    continue
                r = _Route(route, method.lower())
                responses = op.setdefault("responses", {})
                for when, statuses in RULES:
                    if not when(r):
                        continue
                    for status in statuses:
                        if str(status) in responses and status != 422:
                            continue
                        entry: dict[str, Any] = {
                            "description": WHY[status],
                            "content": {"application/json": {"schema": ref}},
                        }
                        if status == 429:
                            entry["headers"] = {"Retry-After": {"schema": {"type": "integer"}}}
                        responses[str(status)] = entry
        if "#/components/schemas/HTTPValidationError" not in json.dumps(schema["paths"]):
            for name in ("HTTPValidationError", "ValidationError"):  # 422 is ErrorBody, as every error
                schemas.pop(name, None)
        app.openapi_schema = schema
        return schema

    app.openapi = build  # type: ignore[method-assign]
