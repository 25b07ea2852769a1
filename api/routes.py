"""HTTP endpoints: thin handlers that call the engine and return its types."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, File, HTTPException, Path, Query, Request, Response, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from api import jobs
from api.conversations import Conversations
from api.deps import AdminDep, EngineDep, SettingsDep
from api.schemas import (
    AskRequest,
    AskResponse,
    DocumentDetail,
    DocumentSummary,
    ErrorBody,
    FeedbackRequest,
    FeedbackStored,
    Health,
    LegalBases,
    OutlineItem,
    Reindexed,
    SearchResponse,
    SectionText,
)
from core.errors import FileTooLarge, NotFound
from core.feedback import FeedbackStore
from core.types import Answer, Document, LegalBasis
from ingest import ocr

router = APIRouter()
UPLOAD_CHUNK = 1024 * 1024
WEB_CHAT = 0  # the feedback table's chat id for votes cast on the web page (Telegram chats are never 0)
WEB_USER = 0
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "văn bản (hoặc mục) không có; thông báo nêu tên"},
    422: {"model": ErrorBody, "description": "yêu cầu không hợp lệ (tiếng Anh và tiếng Việt)"},
}


@router.get("/healthz", response_model=Health, tags=["ops"])
def healthz(request: Request) -> Health:
    engine = getattr(request.app.state, "engine", None)
    if engine is None:
        return Health(status="starting", documents=0, mode="lexical")
    return Health(status="ok", documents=engine.document_count(), mode=engine.mode)


@router.get("/readyz", response_model=Health, tags=["ops"])
def readyz(engine: EngineDep) -> Health:
    return Health(status="ready", documents=engine.document_count(), mode=engine.mode)


@router.get("/metrics", tags=["ops"], response_class=Response)
def metrics(request: Request) -> Response:
    return request.app.state.metrics.render()


@router.post("/ask", response_model=AskResponse, tags=["answers"], responses=NOT_FOUND)
async def ask(body: AskRequest, engine: EngineDep, request: Request) -> AskResponse:
    conversations: Conversations = request.app.state.conversations
    conversation = conversations.begin(body.conversation_id)
    doc_ids = await run_in_threadpool(engine.resolve_all, body.doc_ids) if body.doc_ids else None

    def answer_in_conversation() -> Answer:
        answer: Answer = engine.ask(
            body.question,
            doc_ids=doc_ids,
            top_k=body.top_k,
            qid=body.id,
            conversation=conversations.engine_key(conversation.id),
        )
        return answer

    answer = await run_in_threadpool(answer_in_conversation)
    metrics = request.app.state.metrics
    if answer.small_talk:
        metrics.small_talk.inc()
    else:
        metrics.answers.labels("true" if answer.found else "false").inc()
    answer_id = conversations.keep_answer(conversation.id, answer)
    return AskResponse(**answer.model_dump(), conversation_id=conversation.id, answer_id=answer_id)


@router.post("/feedback", response_model=FeedbackStored, tags=["answers"], responses=NOT_FOUND)
def feedback(body: FeedbackRequest, request: Request) -> FeedbackStored:
    """👍/👎 on an answer of this server (its answer_id), stored beside the bot's votes; the last vote counts."""
    kept = request.app.state.conversations.answer(body.answer_id)
    if kept is None:
        raise NotFound(
            f"unknown answer: {body.answer_id} (answers are kept in memory until the server restarts)",
            message_vi="Câu trả lời này đã cũ (máy chủ đã khởi động lại); hãy hỏi lại rồi bấm 👍/👎.",
        )
    store: FeedbackStore = request.app.state.feedback()
    answer = kept.answer
    store.record(
        chat_id=WEB_CHAT,
        message_id=int(body.answer_id),
        user_id=WEB_USER,
        vote=body.vote,
        question=answer.question,
        answer=answer.answer,
        citations=[c.model_dump(mode="json") for c in answer.citations],
        reason=body.reason,
    )
    return FeedbackStored(answer_id=body.answer_id, vote=body.vote)


@router.get("/search", response_model=SearchResponse, tags=["answers"])
async def search(
    engine: EngineDep,
    q: Annotated[str, Query(min_length=1, max_length=2000, description="câu hỏi hoặc từ khóa")],
    k: Annotated[int, Query(ge=1, le=50)] = 5,
    doc: Annotated[str | None, Query(max_length=200)] = None,
) -> SearchResponse:
    doc_ids = [engine.resolve(doc)] if doc is not None else None  # a label, id or number; 404 when unknown
    hits = await run_in_threadpool(engine.search, q, k=k, doc_ids=doc_ids)
    return SearchResponse(query=q, hits=hits)


@router.get("/documents", response_model=list[DocumentSummary], tags=["documents"])
def documents(engine: EngineDep) -> list[DocumentSummary]:
    labels = engine.labels()
    return [DocumentSummary(**d.fields(), label=labels.of(d.doc_id)) for d in engine.documents()]  # type: ignore[arg-type]


def _detail(engine: EngineDep, doc: Document) -> DocumentDetail:
    return DocumentDetail(
        **doc.fields(),  # type: ignore[arg-type]
        label=engine.label(doc.doc_id),
        managing_body=doc.managing_body,
        signer_title=doc.signer_title,
        year=doc.year,
        kind=doc.kind,
        outline=[OutlineItem(**o) for o in doc.outline()],  # type: ignore[arg-type]
        parts=[p.id for p in doc.parts],
        legal_bases=engine.legal_ids_of(doc),
    )


# A label or number holds slashes ("08/KH-CĐCĐ"): the document is a path parameter, and the section route is
# declared first so that ".../sections/IV.1" is never read as part of a document's name.
DOC_REF = "nhãn, mã hoặc số hiệu của văn bản: 08/KH-CĐCĐ, KH-CDLC Lào Cai 2025, kh-cdlc-laocai-2026"


@router.get(
    "/documents/{doc_id:path}/sections/{section}", response_model=SectionText, tags=["documents"], responses=NOT_FOUND
)
def section(doc_id: Annotated[str, Path(description=DOC_REF)], section: str, engine: EngineDep) -> SectionText:
    doc = engine.document(doc_id)
    sec, text = engine.section(doc.doc_id, section)
    return SectionText(
        doc_id=doc.doc_id,
        label=engine.label(doc.doc_id),
        section=sec.id,
        heading=sec.heading,
        level=sec.level,
        parent=sec.parent,
        text=text,
    )


@router.get("/documents/{doc_id:path}", response_model=DocumentDetail, tags=["documents"], responses=NOT_FOUND)
def document(doc_id: Annotated[str, Path(description=DOC_REF)], engine: EngineDep) -> DocumentDetail:
    return _detail(engine, engine.document(doc_id))


@router.get("/legal-bases", response_model=LegalBases, tags=["legal bases"])
def legal_bases(
    engine: EngineDep,
    q: Annotated[
        str | None, Query(max_length=200, description="lọc theo số hiệu, loại, cơ quan hoặc trích yếu")
    ] = None,
    doc: Annotated[str | None, Query(max_length=200)] = None,
) -> LegalBases:
    items: list[LegalBasis] = engine.registry(doc)
    if q:
        found = {e.id for e in engine.find_legal_bases(q)}
        items = [e for e in items if e.id in found]
    return LegalBases(items=items)


@router.get("/legal-bases/{legal_id:path}", response_model=LegalBasis, tags=["legal bases"])
def legal_basis(legal_id: str, engine: EngineDep) -> LegalBasis:
    return engine.legal_basis(legal_id)  # type: ignore[no-any-return]


@router.post(
    "/documents",
    status_code=201,
    response_model=DocumentDetail,
    tags=["admin"],
    dependencies=[AdminDep],
    responses={
        202: {"model": jobs.JobStatus, "description": "a scanned PDF: read by OCR in a job, see GET /jobs/{id}"}
    },
)
async def upload(
    engine: EngineDep,
    settings: SettingsDep,
    request: Request,
    response: Response,
    file: Annotated[UploadFile, File(description=".txt, .md, .docx, .doc hoặc .pdf, tối đa 10 MB")],
) -> DocumentDetail | JSONResponse:
    limit = settings.max_file_bytes
    chunks: list[bytes] = []
    size = 0
    while chunk := await file.read(UPLOAD_CHUNK):
        size += len(chunk)
        if size > limit:
            raise FileTooLarge(file.filename or "upload", f"file is over the {limit / 1048576:.0f} MB limit")
        chunks.append(chunk)
    data = b"".join(chunks)
    scanned = await run_in_threadpool(engine.scanned_pages, file.filename or "upload", data)
    if scanned:  # minutes of OCR: answer now with a job (api/jobs.py)
        return _upload_job(request, engine, file.filename or "upload.pdf", data, scanned)
    doc, status = await run_in_threadpool(engine.add_upload, file.filename or "upload.txt", data)
    if status != "added":
        response.status_code = 200
    response.headers["X-Cancu-Status"] = status
    return _detail(engine, doc)


def _upload_job(request: Request, engine: EngineDep, filename: str, data: bytes, pages: int) -> JSONResponse:
    ocr.require(filename)  # no Tesseract: refused now, saying how to install it, not in a failed job

    def work(progress: Callable[[int, int], None]) -> tuple[DocumentDetail, str]:
        with ocr.reporting(lambda _name, done, total: progress(done, total)):
            doc, status = engine.add_upload(filename, data)
        return _detail(engine, doc), status

    job = jobs.runner(request).submit(filename, pages, work)
    return JSONResponse(job.model_dump(mode="json"), status_code=202, headers={"Location": f"/jobs/{job.id}"})


@router.delete(
    "/documents/{doc_id:path}", status_code=204, tags=["admin"], dependencies=[AdminDep], responses=NOT_FOUND
)
async def delete_document(doc_id: Annotated[str, Path(description=DOC_REF)], engine: EngineDep) -> Response:
    doc = engine.document(doc_id)  # 404 when unknown
    await run_in_threadpool(engine.delete, doc.doc_id, remove_files=True)
    return Response(status_code=204)


@router.post("/reindex", response_model=Reindexed, tags=["admin"], dependencies=[AdminDep])
async def reindex(engine: EngineDep) -> Reindexed:
    return Reindexed(documents=await run_in_threadpool(engine.reindex))


@router.post("/telegram/webhook", tags=["telegram"], include_in_schema=False)
async def telegram_webhook(request: Request) -> Response:
    hook = getattr(request.app.state, "telegram_webhook", None)
    if hook is None:
        raise HTTPException(status_code=404, detail="webhook mode is not configured")
    return await asyncio.shield(hook(request))
