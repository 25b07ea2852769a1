"""HTTP endpoints: thin handlers that call the engine and return its types."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, File, HTTPException, Query, Request, Response, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from api import jobs
from api.deps import AdminDep, EngineDep, SettingsDep
from api.schemas import (
    AskRequest,
    DocumentDetail,
    DocumentSummary,
    Health,
    LegalBases,
    OutlineItem,
    Reindexed,
    SearchResponse,
    SectionText,
)
from core.errors import FileTooLarge
from core.text import fold_key
from core.types import Answer, Document, LegalBasis
from ingest import ocr

router = APIRouter()
UPLOAD_CHUNK = 1024 * 1024


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


@router.post("/ask", response_model=Answer, tags=["answers"])
async def ask(body: AskRequest, engine: EngineDep, request: Request) -> Answer:
    answer: Answer = await run_in_threadpool(engine.ask, body.question, doc_ids=body.doc_ids, top_k=body.top_k)
    request.app.state.metrics.answers.labels("true" if answer.found else "false").inc()
    return answer


@router.get("/search", response_model=SearchResponse, tags=["answers"])
async def search(
    engine: EngineDep,
    q: Annotated[str, Query(min_length=1, max_length=2000, description="câu hỏi hoặc từ khóa")],
    k: Annotated[int, Query(ge=1, le=50)] = 5,
    doc: Annotated[str | None, Query(max_length=200)] = None,
) -> SearchResponse:
    if doc is not None:
        engine.document(doc)  # 404 for an unknown document
    hits = await run_in_threadpool(engine.search, q, k=k, doc_ids=[doc] if doc else None)
    return SearchResponse(query=q, hits=hits)


def _summary(d: Document) -> DocumentSummary:
    return DocumentSummary(**d.fields())  # type: ignore[arg-type]


@router.get("/documents", response_model=list[DocumentSummary], tags=["documents"])
def documents(engine: EngineDep) -> list[DocumentSummary]:
    return [_summary(d) for d in engine.documents()]


def _detail(engine: EngineDep, doc: Document) -> DocumentDetail:
    return DocumentDetail(
        **doc.fields(),  # type: ignore[arg-type]
        managing_body=doc.managing_body,
        signer_title=doc.signer_title,
        year=doc.year,
        kind=doc.kind,
        outline=[OutlineItem(**o) for o in doc.outline()],  # type: ignore[arg-type]
        parts=[p.id for p in doc.parts],
        legal_bases=engine.legal_ids_of(doc),
    )


@router.get("/documents/{doc_id}", response_model=DocumentDetail, tags=["documents"])
def document(doc_id: str, engine: EngineDep) -> DocumentDetail:
    return _detail(engine, engine.document(doc_id))


@router.get("/documents/{doc_id}/sections/{section}", response_model=SectionText, tags=["documents"])
def section(doc_id: str, section: str, engine: EngineDep) -> SectionText:
    sec, text = engine.section(doc_id, section)
    return SectionText(
        doc_id=doc_id, section=sec.id, heading=sec.heading, level=sec.level, parent=sec.parent, text=text
    )


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
        needle = fold_key(q)
        items = [
            e for e in items if needle in fold_key(" ".join([e.id, *e.variants, e.type, e.issuer or "", e.title or ""]))
        ]
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


@router.delete("/documents/{doc_id}", status_code=204, tags=["admin"], dependencies=[AdminDep])
async def delete_document(doc_id: str, engine: EngineDep) -> Response:
    engine.document(doc_id)  # 404 when unknown
    await run_in_threadpool(engine.delete, doc_id, remove_files=True)
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
