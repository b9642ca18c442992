"""The ``resumematch`` command: a thin shell over the library.

Every command calls the library and turns its ``ResumeMatchError`` into click's one-line
``Error: ...`` on stderr with exit code 1. Usage mistakes stay click's own (exit 2).
"""

from __future__ import annotations

import functools
import json

import click

from . import __version__
from .errors import ResumeMatchError


def translate_errors(command):
    """Library errors become ``Error: <file>: <what to do>``, exit 1, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except ResumeMatchError as error:
            raise click.ClickException(str(error)) from None

    return wrapper


def format_option(*choices: str):
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default=choices[0], show_default=True, help="Output format."
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="resumematch")
def cli() -> None:
    """Match resumes against Internet Service Provider jobs, offline."""


@cli.command()
@click.argument("file")
@format_option("text", "json")
@translate_errors
def parse(file: str, fmt: str) -> None:
    """Read a PDF, DOCX, TXT or Markdown resume and print its text.

    Example:

        resumematch parse samples/network-technician.pdf --format json
    """
    from .parsers import parse as parse_document

    document = parse_document(file)
    if fmt == "json":
        click.echo(json.dumps(document.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(document.text)
    for warning in document.warnings:
        click.echo(f"Warning: {document.source}: {warning}", err=True)


def main() -> None:
    cli(prog_name="resumematch")
