"""The ``resumematch`` command: a thin shell over the library.

Every command calls the library and turns its ``ResumeMatchError`` into click's one-line
``Error: ...`` on stderr with exit code 1. Usage mistakes stay click's own (exit 2).
"""

from __future__ import annotations

import functools
import os
import signal
import sys
import threading

import click

from . import __version__
from .errors import ResumeMatchError
from .render import FORMATS, terminal_safe
from .taxonomy import CATEGORIES


class Terminated(Exception):
    """SIGTERM arrived: stop like Ctrl-C does, with the exit code a shell expects (143)."""


def _terminated(signum, frame) -> None:
    raise Terminated()


def translate_errors(command):
    """Library errors become ``Error: <file>: <what to do>``, exit 1, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except ResumeMatchError as error:
            raise click.ClickException(terminal_safe(str(error))) from None

    return wrapper


def format_option(command: str):
    choices = FORMATS[command]
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default=choices[0], show_default=True, help="Output format."
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="resumematch")
def cli() -> None:
    """Match resumes against Internet Service Provider jobs, offline."""


@cli.command()
@click.argument("file")
@format_option("parse")
@translate_errors
def parse(file: str, fmt: str) -> None:
    """Read a PDF, DOCX, TXT or Markdown resume (or, with the ocr extra, a PNG, JPEG or TIFF
    scan or photo) and print its text.

    Example:

    \b
        resumematch parse samples/network-technician.pdf --format json
    """
    from .parsers.isolated import parse_isolated as parse_document
    from .render.documents import render_document

    document = parse_document(file)
    click.echo(render_document(document, fmt))
    if fmt == "json":
        return
    for warning in document.warnings:
        click.echo(terminal_safe(f"Warning: {document.source}: {warning}"), err=True)


@cli.command()
@click.argument("file", required=False)
@format_option("skills")
@click.option("--list", "list_all", is_flag=True, help="List the taxonomy itself (the names --require takes).")
@click.option("--category", type=click.Choice(CATEGORIES), default=None, help="With --list: only this category.")
@translate_errors
def skills(file: str | None, fmt: str, list_all: bool, category: str | None) -> None:
    """List the skills found in a resume, grouped by category; or, with --list, every skill
    resumematch knows.

    Example:

    \b
        resumematch skills samples/network-technician.pdf --format json
        resumematch skills --list --category certification
    """
    from .parsers.isolated import parse_isolated as parse_document
    from .render.documents import render_skills, render_taxonomy
    from .skills import extract_skills, group_by_skill, taxonomy

    if list_all:
        known = sorted(taxonomy().skills.values(), key=lambda s: (s.category, s.name.lower()))
        click.echo(render_taxonomy([s for s in known if category in (None, s.category)], fmt))
        return
    if category:
        raise click.UsageError("--category goes with --list")
    if not file:
        raise click.UsageError("give a resume FILE, or --list to see the taxonomy")
    document = parse_document(file)
    text = render_skills(document.source, group_by_skill(extract_skills(document)), fmt)
    click.echo(text if fmt == "json" else terminal_safe(text))


@cli.group(invoke_without_command=True)
@format_option("jobs")
@click.pass_context
@translate_errors
def jobs(ctx: click.Context, fmt: str) -> None:
    """List the ISP job descriptions shipped with resumematch.

    Example:

    \b
        resumematch jobs --format json
        resumematch jobs show network-technician
    """
    if ctx.invoked_subcommand is not None:
        return
    from .jobs import shipped_jobs
    from .render.documents import render_jobs

    click.echo(render_jobs(list(shipped_jobs().values()), fmt))


@jobs.command("show")
@click.argument("job")
@format_option("jobs")
@translate_errors
def jobs_show(job: str, fmt: str) -> None:
    """Show one job description: a shipped id, or a posting file (TXT, MD, PDF, DOCX).

    Example:

    \b
        resumematch jobs show isp-technician
        resumematch jobs show saved-posting.pdf --format json
    """
    from .jobs import load_job
    from .render.documents import render_job
    from .skills import taxonomy

    click.echo(render_job(load_job(job), fmt, taxonomy()))


def use_colour() -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _output_format(command: str, fmt: str | None, output: str | None) -> str:
    from .render import OutputFormatError, format_for_output

    try:
        return format_for_output(command, fmt, output)
    except OutputFormatError as error:
        raise click.UsageError(str(error)) from None


def _check_output_folder(output: str | None) -> None:
    """A missing --output folder is found before the work, not after a whole run."""
    if output:
        from pathlib import Path

        folder = Path(output).resolve().parent
        if not folder.is_dir():
            raise click.UsageError(f"{output}: the folder {folder} does not exist; create it first")


def _write_output(output: str, text: str, what: str, encoding: str = "utf-8") -> None:
    from pathlib import Path

    try:
        Path(output).write_text(text if text.endswith("\n") else text + "\n", encoding=encoding, newline="")
    except OSError as error:
        raise click.ClickException(f"{output}: cannot write the {what} ({error.strerror})") from None


@cli.command()
@click.argument("resume")
@click.option("--job", "job", default=None, help="A shipped job id (see `resumematch jobs`) or a posting file.")
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS["check"]), default=None,
    help="Output format (default: text, or taken from --output's extension).",
)
@click.option("--output", "output", type=click.Path(dir_okay=False, writable=True), default=None, help="Write the report to this file.")
@click.option("--all", "all_suggestions", is_flag=True, help="Every suggestion, not only the eight that matter most.")
@translate_errors
def check(resume: str, job: str | None, fmt: str | None, output: str | None, all_suggestions: bool) -> None:
    """Score a resume against a job and say what to change.

    Without --job, scores the resume against every shipped ISP role and reports them best first.

    Example:

    \b
        resumematch check samples/network-technician.pdf --job network-technician
        resumematch check my-resume.docx --job saved-posting.pdf --output report.html
    """
    from .api import check as run_check
    from .render.check import render

    fmt = _output_format("check", fmt, output)
    _check_output_folder(output)
    report = run_check(resume, job, all_suggestions=all_suggestions)
    colour = fmt == "text" and output is None and use_colour()
    text = render(report, fmt, colour=colour)
    if output:
        _write_output(output, text, "report")
        click.echo(f"Wrote {output} ({fmt}, score {report.result.score:g}/100)", err=True)
    else:
        click.echo(text)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--job", "job", required=True, help="A shipped job id (see `resumematch jobs`) or a posting file.")
@click.option("--format", "fmt", type=click.Choice(FORMATS["rank"]), default=None,
              help="Output format (default: table, or taken from --output's extension).")
@click.option("--output", "output", type=click.Path(dir_okay=False, writable=True), default=None, help="Write the ranking to this file.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes (default: one per core).")
@click.option("--require", "require", multiple=True,
              help="A knock-out: rows whose resume does not show this skill (id, name or alias) are rejected; repeatable.")
@click.option("--knock-out-must-haves", "must_haves_knock_out", is_flag=True,
              help="Reject resumes that do not state the job's must-haves (by default they are only flagged 'not stated').")
@click.option("--answers", "answers", type=click.Path(dir_okay=False), default=None,
              help="Screening answers CSV (candidate file, requirement, yes/no): 'no' rejects, 'yes' settles it.")
@click.option("--top", type=click.IntRange(min=1), default=None, help="Shortlist the N best.")
@click.option("--min-score", type=click.FloatRange(0, 100), default=None, help="Shortlist only scores at least this.")
@click.option("--blind", is_flag=True, help="Leave out names, emails, phones and file names.")
@click.option("--cache", "cache", type=click.Path(dir_okay=False), default=None, help="Parse cache file (default: in your cache folder).")
@click.option("--no-cache", is_flag=True, help="Parse everything again and keep nothing.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--wide", is_flag=True, help="Table: every column (status, full paths, every reason), however wide.")
@click.option("--scheduler", envvar="RESUMEMATCH_SCHEDULER", default=None, metavar="ADDRESS",
              help="Run the per-file work on a Dask cluster: tcp://HOST:8786, or 'local' for a LocalCluster of --workers "
                   "processes (needs resumematch[cluster]; also RESUMEMATCH_SCHEDULER).")
@click.option("--paths-shared", is_flag=True, help="With --scheduler: workers read the files from the same paths (shared storage).")
@click.option("--log", "log", type=click.Path(dir_okay=False), default=None,
              help="Append the run to this log (default: runs.jsonl in your data folder; see `resumematch log`).")
@click.option("--no-log", is_flag=True, help="Do not log this run.")
@click.option("--explain", "explain", type=click.Path(file_okay=False), default=None,
              help="Write a plain-words explanation of each candidate's row into this folder.")
@translate_errors
def rank(paths, job, fmt, output, workers, require, must_haves_knock_out, answers, top, min_score, blind, cache, no_cache,
         quiet, wide, scheduler, paths_shared, log, no_log, explain) -> None:
    """Rank resumes (files, folders, globs, zip archives) against a job.

    One row per resume, always: ok (ranked; a must-have the resume does not state is flagged
    "not stated"), rejected (a knock-out you asked for), duplicate, or error. Files that are no
    resume (LaTeX sources, licences, code, earlier rankings...) are skipped and counted.

    Example:

    \b
        resumematch rank applicants/ more.zip --job network-technician --format csv --output ranking.csv
        resumematch rank applicants/ --job isp-technician --answers screening.csv --knock-out-must-haves
    """
    from .jobs import load_job
    from .render.ranking import render, summary
    from .render.ranking import skipped_summary as summary_of_skipped
    from .screening.cache import default_cache_path
    from .screening.rank import rank as run_rank

    if paths_shared and not scheduler:
        raise click.UsageError("--paths-shared only applies with --scheduler")
    if log and no_log:
        raise click.UsageError("--log and --no-log contradict each other; give one")
    fmt = _output_format("rank", fmt, output)
    _check_output_folder(output)
    target = load_job(job)
    screening_answers = None
    if answers:
        from .screening.requirements import load_answers
        from .skills import taxonomy

        screening_answers = load_answers(answers, taxonomy())
    cache_path = None if no_cache else (cache or default_cache_path())
    bar = None
    show_progress = not quiet and sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = click.progressbar(length=total, label="Ranking", file=sys.stderr)
            bar.__enter__()
        bar.update(1)

    previous = signal.signal(signal.SIGTERM, _terminated) if threading.current_thread() is threading.main_thread() else None
    try:
        outcome = run_rank(list(paths), target, require=list(require), must_haves_knock_out=must_haves_knock_out,
                           answers=screening_answers, workers=workers, cache_path=cache_path,
                           top=top, min_score=min_score, blind=blind, progress=progress if show_progress else None,
                           scheduler=scheduler, paths_shared=paths_shared, log=False if no_log else (log or True),
                           explain=bool(explain))
    except (KeyboardInterrupt, Terminated) as stop:
        # The workers (or the Dask cluster) are stopped by rank itself; nothing partial is written.
        click.echo("\nStopped; no output was written.", err=True)
        if bar is not None:
            bar.__exit__(None, None, None)
        sys.stderr.flush()
        # Leave now: the interpreter's exit handlers would wake the stopped pool's manager
        # thread through a pipe that may already be closed, and print a traceback.
        os._exit(143 if isinstance(stop, Terminated) else 130)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    if not outcome.rows:
        found = f"; {summary_of_skipped(outcome.skipped)}" if outcome.skipped else ""
        raise click.ClickException(terminal_safe(f"nothing to rank: no resume (PDF, DOCX, TXT or Markdown) in {', '.join(paths)}{found}"))
    text = render(outcome, fmt, wide=wide)
    if output:
        # The BOM makes spreadsheets read the CSV as UTF-8.
        _write_output(output, text, "ranking", "utf-8-sig" if fmt == "csv" else "utf-8")
    else:
        click.echo(text)
    if explain:
        from .render.explanation import write_explanations

        try:
            written = write_explanations(outcome, explain)
        except OSError as error:
            raise click.ClickException(f"{explain}: cannot write the explanations ({error.strerror or error})") from None
        click.echo(f"Wrote {written} explanations to {explain}", err=True)
    for warning in outcome.warnings:
        click.echo(terminal_safe(f"Warning: {warning}"), err=True)
    click.echo(summary(outcome), err=True)
    if outcome.rows and all(row.status == "error" for row in outcome.rows):
        raise click.ClickException("no input could be read; check the paths and files above")


@cli.command()
@click.argument("ranking", type=click.Path(dir_okay=False))
@click.option("--groups", "groups", required=True, type=click.Path(dir_okay=False),
              help="CSV of self-identified categories: a source column, then sex, race_ethnicity and any others.")
@click.option("--format", "fmt", type=click.Choice(FORMATS["audit"]), default=None,
              help="Output format (default: text, or taken from --output's extension).")
@click.option("--output", "output", type=click.Path(dir_okay=False, writable=True), default=None, help="Write the audit to this file.")
@translate_errors
def audit(ranking: str, groups: str, fmt: str | None, output: str | None) -> None:
    """Bias audit of a ranking: each group's rate of scoring above the median (and of being
    shortlisted), its impact ratio to the highest group, the four-fifths flag and Fisher's exact
    test, by sex, race/ethnicity, their intersections and any other category in GROUPS.

    Categories come only from the people themselves (voluntary self-identification); a blank
    answer is counted as unknown, never guessed.

    Example:

    \b
        resumematch rank applicants/ --job network-technician --top 20 --output ranking.json
        resumematch audit ranking.json --groups self-id.csv --output audit.html
    """
    from .audit import audit_files
    from .render.audit import render

    fmt = _output_format("audit", fmt, output)
    _check_output_folder(output)
    text = render(audit_files(ranking, groups), fmt)
    if output:
        _write_output(output, text, "audit", "utf-8-sig" if fmt == "csv" else "utf-8")
        click.echo(f"Wrote {output} ({fmt})", err=True)
    else:
        click.echo(text)


@cli.group("log", invoke_without_command=True)
@format_option("log")
@click.option("--log", "path", type=click.Path(dir_okay=False), default=None, help="Log file (default: in your data folder).")
@click.pass_context
@translate_errors
def log_command(ctx: click.Context, fmt: str, path: str | None) -> None:
    """List the runs of `rank`: when, which version, job, settings, knock-outs, each input's
    SHA-256 and outcome, and the output's hash. Never resume text, names or contact details.

    Example:

    \b
        resumematch log
        resumematch log check 3f2a9c applicants/ --job network-technician
    """
    if ctx.invoked_subcommand is not None:
        ctx.obj = {"path": path}
        return
    import json

    from .screening.runlog import read_runs

    runs = read_runs(path)
    if fmt == "json":
        click.echo(json.dumps(runs, ensure_ascii=False, indent=2))
        return
    if not runs:
        click.echo("No runs logged yet.")
        return
    for run in runs:
        counts = ", ".join(f"{n} {status}" for status, n in run.get("counts", {}).items() if n)
        settings = run.get("settings", {})
        chosen = [f"top {settings['top']}" if settings.get("top") else "", f"min {settings['min_score']:g}"
                  if settings.get("min_score") is not None else "", "blind" if settings.get("blind") else ""]
        knockouts = f"; knock-outs {', '.join(run['knockouts'])}" if run.get("knockouts") else ""
        click.echo(terminal_safe(
            f"{run['run_id']}  {run['time']}  v{run['tool_version']}  {run['job']['id']}  "
            f"{len(run['inputs'])} input{'' if len(run['inputs']) == 1 else 's'} ({counts}){knockouts}"
            + (f"; {', '.join(c for c in chosen if c)}" if any(chosen) else "")
            + f"  output {run['output_sha256'][:12]}"
        ))


@log_command.command("check")
@click.argument("run_id")
@click.argument("paths", nargs=-1, required=True)
@click.option("--job", "job", default=None, help="The posting file, when the run was against one (shipped jobs are found by id).")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes (default: one per core).")
@click.pass_context
@translate_errors
def log_check(ctx: click.Context, run_id: str, paths, job: str | None, workers: int | None) -> None:
    """Rank the same files again and say whether the logged run is reproduced (same inputs,
    version and job give the same output hash). Exit 1 when it is not."""
    from .jobs import load_job
    from .screening.recheck import recheck
    from .screening.runlog import find_run, read_runs

    record = find_run(read_runs((ctx.obj or {}).get("path")), run_id)
    result = recheck(record, list(paths), load_job(job) if job else None, workers=workers)
    if result.same:
        click.echo(f"Run {record['run_id']} reproduced: output {result.output_sha256[:12]}.")
        return
    raise click.ClickException(f"run {record['run_id']} not reproduced: " + "; ".join(result.differences))


@cli.group()
def cache() -> None:
    """Manage the parse cache used by `rank`."""


@cache.command("clear")
@click.option("--cache", "path", type=click.Path(dir_okay=False), default=None, help="Cache file (default: in your cache folder).")
def cache_clear(path: str | None) -> None:
    """Delete the parse cache (it holds the text of every resume ranked)."""
    from .screening.cache import clear, default_cache_path

    target = path or default_cache_path()
    try:
        count = clear(target)
    except ResumeMatchError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Removed {target} ({count} cached resumes)." if count else f"No cache at {target}.")


SERVE_GRACE_SECONDS = 3


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (this machine only by default).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default browser.")
@click.option("--allow-host", "allow_host", multiple=True, metavar="NAME",
              help="Another Host name the page may be reached by (with --host 0.0.0.0); repeatable.")
def serve(host: str, port: int, open_browser: bool, allow_host: tuple[str, ...]) -> None:
    """Open the check and the shortlist in a browser: a local web page over the same library.

    Nothing you upload is sent anywhere or written to disk.

    Example:

    \b
        resumematch serve --open
    """
    from . import web

    if not web.available():
        raise click.ClickException(web.INSTALL_HINT)
    import uvicorn

    from .skills import load_pipeline

    shown = f"[{host}]" if ":" in host else host
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else shown}:{port}/"
    if host in web.LOCAL_HOSTS:
        click.echo(f"resumematch is serving on {url} (this machine only). Ctrl-C stops it.", err=True)
    else:
        click.echo(f"Warning: listening on {host}:{port}: anyone who can reach it can upload resumes and read the "
                   "results. Resumes are personal data; use --host 127.0.0.1 unless you mean to share it.", err=True)
    load_pipeline()  # once, before the first request: a check then answers in well under a second
    app = web.create_app(allowed_hosts=web.allowed_hosts(host, allow_host))
    if open_browser:
        import webbrowser

        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    # A stop (SIGTERM, Ctrl-C) waits at most a few seconds for requests in flight; the work they
    # started runs in daemon threads (web/offload.py), which do not hold the process at exit.
    uvicorn.run(app, host=host, port=port, access_log=False, log_level="warning", server_header=False,
                timeout_graceful_shutdown=SERVE_GRACE_SECONDS)


def main() -> None:
    try:
        cli(prog_name="resumematch", standalone_mode=True)
        sys.stdout.flush()
    except BrokenPipeError:  # `resumematch rank ... | head`: the reader has what it wanted
        _quiet_stdout()
        sys.exit(141)
    except OSError as error:  # stdout on a full disk (`> /dev/full`), a vanished terminal
        _quiet_stdout()
        print(f"Error: cannot write the output ({error.strerror or error}); check the disk or the pipe", file=sys.stderr)
        sys.exit(1)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush raises nothing more."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass
