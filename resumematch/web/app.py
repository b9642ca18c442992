"""The routes of ``resumematch serve``: the check page, the shortlist page and the JSON API.

Every route is a thin shell over the library (``check``, ``rank``, the renderers), as the CLI
is. Every response carries a Content-Security-Policy that allows scripts and styles from this
app only; every piece of resume or posting text goes through Jinja2's autoescaping.
"""

from __future__ import annotations

import json
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from ..errors import (
    DocumentTooLargeError,
    InvalidJobError,
    ResumeMatchError,
    UnknownJobError,
    UnsupportedFormatError,
)
from ..limits import ParseLimits
from .offload import off_loop
from .uploads import Limits, UploadError, read_form

HERE = Path(__file__).resolve().parent
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
DOWNLOADS = {"html": ("text/html", "html"), "md": ("text/markdown", "md"), "json": ("application/json", "json"),
             "text": ("text/plain", "txt")}
DOCX_MEDIA = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
RANK_DOWNLOADS = {"csv": "text/csv", "json": "application/json"}
MAX_RANK_UPLOAD = 500 * 2**20
# A resume for /api/export: far more than any resume's text (a few pages: tens of KB), far less
# than what would keep a worker building a DOCX for minutes.
EXPORT_BYTES = 512 * 1024
EXPORT_LINES = 2_000


def status_for(error: ResumeMatchError) -> int:
    """The HTTP status that fits a library error: 413 too large, 415 not a resume format,
    400 a job that does not exist, 422 a file that is there but cannot be used."""
    if isinstance(error, DocumentTooLargeError):
        return 413
    if isinstance(error, UnsupportedFormatError):
        return 415
    if isinstance(error, (UnknownJobError, InvalidJobError)):
        return 400
    return 422


def create_app(*, allowed_hosts: list[str] | None = None, limits: ParseLimits | None = None) -> FastAPI:
    """The web app. ``allowed_hosts``: the Host header names it answers (DNS rebinding guard)."""
    from ..jobs import shipped_jobs
    from .runs import Store

    limits = ParseLimits.resolve(limits)
    app = FastAPI(title="resumematch", version=__version__, docs_url=None, redoc_url=None,
                  description="Offline resume keyword matching for ISP jobs. The API returns the CLI's JSON.")
    if allowed_hosts is None:
        from . import allowed_hosts as local_names

        allowed_hosts = local_names("127.0.0.1")
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    from .postings import PostingCache

    templates = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True))
    from ..render.check import ocr_line
    from ..render.ranking import ocr_flag

    templates.globals.update(ocr_line=ocr_line, ocr_flag=ocr_flag)  # "read by OCR" on the report and shortlist
    reports, shortlists, postings = Store(), Store(), PostingCache()
    check_limits = Limits(file_bytes=limits.max_bytes, total_bytes=2 * limits.max_bytes + 4 * 2**20)
    # An export is a resume's text: no field, nor the whole request, larger than a resume can be.
    export_limits = Limits(file_bytes=EXPORT_BYTES, total_bytes=EXPORT_BYTES, text_bytes=EXPORT_BYTES)
    rank_limits = Limits(file_bytes=limits.max_bytes, total_bytes=MAX_RANK_UPLOAD)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers.setdefault("Cache-Control", "no-store")  # results hold personal data
        return response

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def page(name: str, status: int = 200, **context) -> HTMLResponse:
        roles = sorted(shipped_jobs().values(), key=lambda j: j.title)
        return HTMLResponse(templates.get_template(name).render(roles=roles, version=__version__, **context), status)

    # -- the check page ----------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def check_page():
        return page("check.html")

    @app.post("/", response_class=HTMLResponse, include_in_schema=False)
    async def check_submit(request: Request):
        form = None
        try:
            form = await read_form(request, check_limits)
            report, notice = await _run_check(form, postings)
        except (UploadError, ResumeMatchError) as error:
            # The page keeps what the user chose and pasted: only the file has to be chosen again.
            status = error.status if isinstance(error, UploadError) else status_for(error)
            return page("check.html", status, error=str(error), form=_job_choice(form))
        from .editor import editor_blocks, edited_name
        from ..render.check import experience_note, partial_lines
        from .highlight import as_lines, posting_pieces, resume_pieces

        token = reports.add(report)
        original = form.text("original") or report.document.text
        return page("report.html", report=report, token=token, result=report.result, categories=_by_category(report.result),
                    resume_pieces=resume_pieces(report), posting_lines=as_lines(posting_pieces(report)), notice=notice,
                    blocks=editor_blocks(report.document), original=original, editor_job=_editor_job(form, report),
                    report_json=json.dumps(report.to_dict(), ensure_ascii=False), edited=form.file("resume") is None,
                    edited_name=edited_name(report.document.source), years=experience_note(report.result),
                    partial=partial_lines(report.result))

    @app.get("/reports/{token}.{fmt}", include_in_schema=False)
    def report_download(token: str, fmt: str):
        from ..render.check import render

        report = reports.get(token)
        if report is None or fmt not in DOWNLOADS:
            return PlainTextResponse("That report is no longer kept here; run the check again.", 404)
        media, suffix = DOWNLOADS[fmt]
        return Response(render(report, fmt), media_type=f"{media}; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="resumematch-report.{suffix}"'})

    # -- the shortlist page ------------------------------------------------------------------

    @app.get("/shortlist", response_class=HTMLResponse, include_in_schema=False)
    def shortlist_page():
        return page("shortlist.html")

    @app.post("/shortlist", include_in_schema=False)
    async def shortlist_submit(request: Request):
        from .runs import start_shortlist

        form = None
        try:
            form = await read_form(request, rank_limits)
            collection, job, options = await off_loop(_rank_request, form)
        except (UploadError, ResumeMatchError) as error:
            status = error.status if isinstance(error, UploadError) else status_for(error)
            return page("shortlist.html", status, error=str(error), form=_job_choice(form))
        token = shortlists.add(start_shortlist(collection, job, **options))
        return RedirectResponse(f"/shortlist/{token}", status_code=303)

    @app.get("/shortlist/{token}", response_class=HTMLResponse, include_in_schema=False)
    def shortlist_result(token: str):
        shortlist = shortlists.get(token)
        if shortlist is None:
            return page("shortlist.html", 404, error="That shortlist is no longer kept here; upload the files again.")
        if not shortlist.finished.is_set():
            return page("progress.html", shortlist=shortlist, token=token)
        if shortlist.error:
            return page("shortlist.html", 422, error=shortlist.error)
        from ..render.ranking import ranking_legends

        return page("ranking.html", outcome=shortlist.outcome, token=token, counts=shortlist.outcome.counts(),
                    **ranking_legends(shortlist.outcome))

    @app.get("/shortlist/{token}/ranking.{fmt}", include_in_schema=False)
    def shortlist_download(token: str, fmt: str):
        from ..render.ranking import render

        shortlist = shortlists.get(token)
        if shortlist is None or shortlist.outcome is None or fmt not in RANK_DOWNLOADS:
            return PlainTextResponse("That shortlist is no longer kept here; upload the files again.", 404)
        text = render(shortlist.outcome, fmt)
        body = ("\ufeff" + text) if fmt == "csv" else text  # the BOM makes spreadsheets read UTF-8, as the CLI's file
        return Response(body, media_type=f"{RANK_DOWNLOADS[fmt]}; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="ranking.{fmt}"'})

    @app.get("/shortlist/{token}/explain/{index}", include_in_schema=False)
    def shortlist_explanation(token: str, index: int):
        """One candidate's row in plain words (as `rank --explain`)."""
        from ..render.explanation import render_explanation

        shortlist = shortlists.get(token)
        if shortlist is None or shortlist.outcome is None or not 0 <= index < len(shortlist.outcome.rows):
            return PlainTextResponse("That shortlist is no longer kept here; upload the files again.", 404)
        return PlainTextResponse(render_explanation(shortlist.outcome, shortlist.outcome.rows[index]))

    # -- the JSON API ------------------------------------------------------------------------

    @app.get("/api/jobs", summary="The shipped ISP job descriptions (as `resumematch jobs --format json`).")
    def api_jobs():
        from ..render.documents import render_jobs

        return JSONResponse(json.loads(render_jobs(list(shipped_jobs().values()), "json")))

    @app.post("/api/check", summary="Check one resume (as `resumematch check --format json`).",
              openapi_extra=_form_schema({
                  "resume": ("binary", "The resume: PDF, DOCX, TXT or MD."),
                  "text": ("string", "Or the resume as plain text (read as a .txt file of that text is)."),
                  "name": ("string", "A name for the text, shown as the report's resume (default resume.txt)."),
                  "job": ("string", "A shipped job id; leave out, with no posting, for role fit."),
                  "posting": ("string", "A pasted posting (plain text); used instead of the job when both are given."),
                  "posting_file": ("binary", "A posting file: PDF, DOCX, TXT or MD."),
                  "all": ("string", "'true' for every suggestion, not the top eight."),
                  "format": ("string", "json (the default), or html, md or text: the report as a file to download."),
              }, required=[]))
    async def api_check(request: Request):
        from ..render.check import render

        try:
            form = await read_form(request, check_limits)
            fmt = form.text("format", "json").strip().lower() or "json"
            if fmt not in DOWNLOADS:
                raise UploadError(400, f"format {fmt!r}: choose json, html, md or text")
            report, _ = await _run_check(form, postings)
        except (UploadError, ResumeMatchError) as error:
            return _json_error(error)
        if fmt == "json":
            return Response(render(report, "json"), media_type="application/json")
        media, suffix = DOWNLOADS[fmt]
        return Response(render(report, fmt), media_type=f"{media}; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="resumematch-report.{suffix}"'})

    @app.post("/api/export", summary="The resume of a text as a DOCX (one column, ATS-safe) or as plain text.",
              openapi_extra=_form_schema({
                  "text": ("string", "The resume as plain text: headings, bullets ('• ', '- ') and lines as written."),
                  "format": ("string", "docx (the default) or txt."),
                  "name": ("string", "The downloaded file's name, without extension (default resume)."),
              }, required=["text"]))
    async def api_export(request: Request):
        from ..render.resume import resume_docx, resume_text

        try:
            form = await read_form(request, export_limits)
            text = _resume_text(form)
            if not text.strip():
                raise UploadError(400, "give the resume's text (the text field)")
            _within_export_limits(text)
            fmt = form.text("format", "docx").strip().lower() or "docx"
            if fmt not in ("docx", "txt"):
                raise UploadError(400, f"format {fmt!r}: choose docx or txt")
        except UploadError as error:
            return _json_error(error)
        filename = f"{_safe_stem(form.text('name'))}.{fmt}"
        headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
        if fmt == "txt":
            return Response(await off_loop(resume_text, text), media_type="text/plain; charset=utf-8", headers=headers)
        return Response(await off_loop(resume_docx, text), media_type=DOCX_MEDIA, headers=headers)

    @app.post("/api/rank", summary="Rank many resumes (as `resumematch rank --format json`); every input gets a row.",
              openapi_extra=_form_schema({
                  "files": ("binary[]", "Resumes, and zip archives of resumes."),
                  "job": ("string", "A shipped job id (or give a posting)."),
                  "posting": ("string", "A pasted posting (plain text)."),
                  "posting_file": ("binary", "A posting file."),
                  "require": ("string[]", "Knock-out skills: taxonomy id, name or alias; repeatable."),
                  "blind": ("string", "'true' to leave out names, contact details and file names."),
                  "top": ("string", "Shortlist the N best."),
                  "min_score": ("string", "Shortlist only scores at least this."),
              }, required=["files"]))
    async def api_rank(request: Request):
        from ..render.ranking import render
        from ..screening.rank import rank
        from .runs import IN_PROCESS

        try:
            form = await read_form(request, rank_limits)
            collection, job, options = await off_loop(_rank_request, form)
            inputs = len(collection.inputs) + len(collection.problems)
            outcome = await off_loop(
                rank, collection, job, cache_path=None, workers=1 if inputs <= IN_PROCESS else None, **options
            )
        except (UploadError, ResumeMatchError) as error:
            return _json_error(error)
        return Response(render(outcome, "json"), media_type="application/json")

    @app.get("/api/rank/{token}", summary="Progress of a shortlist started from the page.")
    def api_rank_progress(token: str):
        shortlist = shortlists.get(token)
        if shortlist is None:
            return JSONResponse({"error": "no such shortlist (it is kept for an hour)"}, 404)
        return shortlist.to_dict()

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return Response(status_code=204)  # no icon; browsers ask for one on every page

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs(request: Request):
        # The API described from the app's own OpenAPI schema, as a page like the others: same
        # stylesheet, same CSP, no script (an interactive explorer needed inline styles and did
        # not pass the accessibility rules every page here is held to).
        from .apidoc import operations

        base = str(request.base_url).rstrip("/")
        return page("api.html", active="api", operations=operations(app.openapi(), base), schema_version=app.openapi()["openapi"])

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException):
        # The API answers in JSON; a person who mistypes an address gets a page with a way back.
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse({"error": _HTTP_MESSAGES.get(error.status_code, str(error.detail))}, error.status_code,
                                headers=error.headers)
        message = _HTTP_MESSAGES.get(error.status_code, str(error.detail))
        return page("missing.html", error.status_code, message=message, code=error.status_code)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception):
        # A bug of ours, not the user's file: one line, no traceback, nothing of the upload.
        return PlainTextResponse(f"resumematch could not answer ({type(error).__name__}); please report it", 500)

    return app


_HTTP_MESSAGES = {404: "There is no page at this address.", 405: "This address does not take that kind of request."}


async def _run_check(form, postings=None):
    """The check a form asks for: the resume (a file, or its text), and a shipped job, a posting
    or neither. Returns the report and, when a posting and a role were both given, a note
    saying which one was used."""
    from ..api import check

    resume = form.file("resume")
    text = _resume_text(form) if resume is None else ""
    if resume is None and not text.strip():
        raise UploadError(400, "choose a resume file (PDF, DOCX, TXT or MD), or give its text")
    job, notice = await off_loop(_job_from_form, form, required=False, postings=postings)
    everything = form.text("all").lower() in ("1", "true", "on", "yes")

    def run():
        from ..parsers import parse_text
        from ..parsers.isolated import parse_isolated

        if resume is not None:
            # Read in a child process under the memory ceiling: a hostile upload cannot take the server down.
            document = parse_isolated(resume.data, name=resume.filename or "resume")
        else:  # plain text, read as a .txt file is: no document reader involved
            document = parse_text(text, name=form.text("name").strip()[:200] or "resume.txt")
        return check(document, job, all_suggestions=everything)

    return await off_loop(run), notice


def _within_export_limits(text: str) -> None:
    lines = text.count("\n") + 1
    if len(text.encode("utf-8")) > EXPORT_BYTES or lines > EXPORT_LINES:
        raise UploadError(413, f"the resume's text is {lines:,} lines and {len(text):,} characters, more than an "
                               f"export takes ({EXPORT_LINES:,} lines, {EXPORT_BYTES // 1024} KB); send the resume itself")


def _resume_text(form) -> str:
    """The resume's text: the ``text`` field, or the editor's ``section`` boxes joined in order
    (what the report page's editor sends when its script is not running)."""
    text = form.text("text")
    return text if text.strip() else "\n".join(form.texts("section"))


def _job_from_form(form, *, required: bool, postings=None) -> tuple:
    """The job a form asks for, and a note when it names both a posting and a shipped role."""
    from ..jobs import load_job, load_posting, shipped_jobs

    job_id = form.text("job").strip()
    posting_file = form.file("posting_file")
    pasted = form.text("posting").strip()
    load = postings.job if postings is not None else load_posting
    job = None
    if posting_file is not None:
        job = load(posting_file.data, posting_file.filename or "posting")
    elif pasted:
        job = load(pasted.encode("utf-8"), "pasted posting.txt")
    if job is not None:
        role = shipped_jobs().get(job_id.lower())
        notice = None
        if role is not None:
            what = "posting file" if posting_file is not None else "pasted posting"
            notice = (f"Scored against the {what}, not the role you also chose ({role.title}). "
                      f"To score against {role.title}, check again without the posting.")
        return job, notice
    if job_id:
        if job_id.lower() not in shipped_jobs():  # never a path on the server
            import difflib

            close = difflib.get_close_matches(job_id.lower(), list(shipped_jobs()), n=2, cutoff=0.6)
            hint = f"did you mean {' or '.join(repr(c) for c in close)}? " if close else ""
            raise UploadError(400, f"unknown job {job_id!r}; {hint}choose one of the shipped roles "
                                   "(the list on the page, or GET /api/jobs)")
        return load_job(job_id), None
    if required:
        raise UploadError(400, "choose a job, or paste or upload a posting")
    return None, None


def _job_choice(form) -> dict:
    """What the user chose and pasted, to fill the form again after an error."""
    if form is None:
        return {}
    return {"job": form.text("job").strip(), "posting": form.text("posting"), "all": form.text("all") == "true",
            "require": form.text("require"), "top": form.text("top").strip(), "blind": form.text("blind") == "true"}


def _editor_job(form, report) -> dict:
    """The job fields the editor sends with each re-score: the same job as this report's."""
    job = report.job
    if report.roles is not None:  # role fit: scored over every role again
        return {"job": "", "posting": "", "all": form.text("all")}
    if job.source == "shipped":
        return {"job": job.id, "posting": "", "all": form.text("all")}
    return {"job": "", "posting": job.text, "all": form.text("all")}


def _safe_stem(name: str) -> str:
    import re

    stem = re.sub(r"[^A-Za-z0-9._ -]+", "", name.rsplit("/", 1)[-1]).strip(" .")[:80]
    return stem or "resume"


def _rank_request(form):
    from ..screening.inputs import collect_uploads

    uploads = form.files("files")
    if not uploads:
        raise UploadError(400, "choose the resumes to rank (files, or a zip archive)")
    job, _ = _job_from_form(form, required=True)
    require = [name.strip() for text in form.texts("require") for name in text.replace("\n", ",").split(",") if name.strip()]
    options = {"require": require, "blind": form.text("blind").lower() in ("1", "true", "on", "yes")}
    for name, convert in (("top", int), ("min_score", float)):
        value = form.text(name).strip()
        if value:
            try:
                options[name] = convert(value)
            except ValueError:
                raise UploadError(400, f"{name.replace('_', ' ')}: {value!r} is not a number") from None
    collection = collect_uploads([(u.filename or "upload", u.data) for u in uploads])
    return collection, job, options


def _by_category(result) -> list[dict]:
    """Matched and missing skill names per category, required ones first within each."""
    order = {"required": 0, "preferred": 1, "other keyword": 2}
    categories: dict[str, dict] = {}
    for key, items in (("matched", result.matched), ("missing", result.missing)):
        for item in sorted(items, key=lambda m: order.get(m.importance, 3)):
            row = categories.setdefault(item.category, {"name": item.category, "matched": [], "missing": []})
            row[key].append(item.name)
    return [categories[name] for name in sorted(categories)]


def _json_error(error) -> JSONResponse:
    status = error.status if isinstance(error, UploadError) else status_for(error)
    return JSONResponse({"error": str(error)}, status)


def _form_schema(fields: dict[str, tuple[str, str]], required: list[str]) -> dict:
    """The OpenAPI description of a multipart form (the routes read it themselves, streaming)."""
    properties = {}
    for name, (kind, description) in fields.items():
        many = kind.endswith("[]")
        base = kind.removesuffix("[]")
        item = {"type": "string", "format": "binary"} if base == "binary" else {"type": "string"}
        properties[name] = ({"type": "array", "items": item} if many else item) | {"description": description}
    schema = {"type": "object", "properties": properties} | ({"required": required} if required else {})
    return {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": schema}}}}
