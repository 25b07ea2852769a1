"""One place where errors become HTTP responses: named errors to status codes, never a stack trace."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from core.errors import (
    CancuError,
    ConfigError,
    EmptyDocument,
    EncodingError,
    FileTooLarge,
    IngestError,
    NameConflict,
    NoTextLayer,
    NotFound,
    ParseError,
    ServiceStopping,
    StorageFull,
    StoreError,
    ToolUnavailable,
    UnreadableFile,
    UnsupportedFormat,
)

logger = logging.getLogger(__name__)

STATUS: list[tuple[type[Exception] | tuple[type[Exception], ...], int]] = [
    (NotFound, 404),
    (NameConflict, 409),  # another file name already gave this document id
    (FileTooLarge, 413),
    (UnsupportedFormat, 415),
    (ToolUnavailable, 503),  # a scan without Tesseract, a .doc without LibreOffice: the server lacks a tool
    ((EmptyDocument, EncodingError, NoTextLayer, UnreadableFile, ParseError, IngestError), 422),
    (StorageFull, 507),
    ((StoreError, ServiceStopping), 503),
    (ConfigError, 500),
]
_HTTP_VI = {
    400: "Yêu cầu không hợp lệ (không đọc được nội dung gửi lên).",
    401: "Cần đăng nhập bằng mã quản trị.",
    403: "Không có quyền thực hiện thao tác này.",
    404: "Không tìm thấy.",
    405: "Phương thức không được hỗ trợ.",
    408: "Dữ liệu gửi lên quá chậm.",
    413: "Dữ liệu gửi lên quá lớn.",
    415: "Định dạng không được hỗ trợ.",
    429: "Quá nhiều yêu cầu; vui lòng thử lại sau.",
    503: "Dịch vụ chưa sẵn sàng.",
}


def http_vi(status: int, detail: str) -> str:
    """The Vietnamese message of an HTTP error."""
    return _HTTP_VI.get(status, detail)


def _vi(err: dict[str, object]) -> str:
    """A pydantic validation error in Vietnamese."""
    ctx = err.get("ctx") or {}
    kind = str(err.get("type", ""))
    get = ctx.get if isinstance(ctx, dict) else (lambda _k: None)
    messages = {
        "missing": "thiếu trường bắt buộc",
        "string_too_short": f"cần ít nhất {get('min_length')} ký tự",
        "string_too_long": f"tối đa {get('max_length')} ký tự",
        "string_type": "phải là chuỗi ký tự",
        "int_parsing": "phải là số nguyên",
        "int_type": "phải là số nguyên",
        "greater_than_equal": f"phải lớn hơn hoặc bằng {get('ge')}",
        "less_than_equal": f"phải nhỏ hơn hoặc bằng {get('le')}",
        "extra_forbidden": "trường này không được phép",
        "json_invalid": "nội dung JSON không hợp lệ",
        "list_type": "phải là một danh sách",
        "too_long": f"tối đa {get('max_length')} phần tử",
        "model_attributes_type": "phải là một đối tượng JSON",
        "dict_type": "phải là một đối tượng JSON",
        "blank": "không được để trống (chỉ có khoảng trắng)",
        "string_pattern_mismatch": "chứa ký tự không được phép",
        "literal_error": f"phải là một trong {get('expected')}",
    }
    return messages.get(kind, "giá trị không hợp lệ")


def _methods(request: Request) -> list[str]:
    """The methods routes of this app accept on the request's path."""
    from starlette.routing import Match

    scope = {**request.scope, "method": "GET"}
    methods: set[str] = set()
    for route in request.app.routes:
        if getattr(route, "methods", None) and route.matches(scope)[0] in (Match.FULL, Match.PARTIAL):
            methods |= set(route.methods)
    return sorted(methods)


def error_body(error: str, message: str, message_vi: str) -> dict[str, str]:
    return {"error": error, "message": message, "message_vi": message_vi}


def _status(exc: CancuError) -> int:
    for kinds, code in STATUS:
        if isinstance(exc, kinds):
            return code
    return 400


def install(app: FastAPI) -> None:
    """Register the handlers; every error body is {error, message, message_vi}."""

    @app.exception_handler(CancuError)
    async def cancu_error(_: Request, exc: CancuError) -> JSONResponse:
        status = _status(exc)
        message = exc.reason if isinstance(exc, IngestError) else str(exc)
        if status >= 500:
            logger.error("request failed: %s", exc)
        return JSONResponse(error_body(type(exc).__name__, message, exc.message_vi), status_code=status)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        english, vietnamese = [], []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path")) or "request"
            english.append(f"{where}: {err.get('msg', 'invalid')}")
            vietnamese.append(f"{where}: {_vi(err)}")
        return JSONResponse(
            error_body(
                "validation_error",
                "; ".join(english) or "invalid request",
                "Yêu cầu không hợp lệ: " + "; ".join(vietnamese),
            ),
            status_code=422,
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else "error"
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:  # every method the path has, not only those of the first route matching it
            headers["Allow"] = ", ".join(_methods(request))
        return JSONResponse(
            error_body("http_error", detail, http_vi(exc.status_code, detail)),
            status_code=exc.status_code,
            headers=headers or None,
        )

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        logger.exception("unexpected error")
        return JSONResponse(
            error_body("internal_error", "internal error; it has been logged", "Lỗi hệ thống; sự cố đã được ghi lại."),
            status_code=500,
        )
