"""``resumematch serve``: the check and the shortlist in a browser, on this machine.

An optional extra (``pip install 'resumematch[web]'``): FastAPI on uvicorn, Jinja2 templates
with autoescaping, python-multipart's streaming parser for uploads (kept in memory, never on
disk). The API page is made from the app's own OpenAPI schema.
"""

from __future__ import annotations

INSTALL_HINT = "the web page needs the web extra: pip install 'resumematch[web]'"
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def available() -> bool:
    try:
        import fastapi  # noqa: F401
        import python_multipart  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        return False
    return True


def allowed_hosts(host: str, extra: tuple[str, ...] = ()) -> list[str]:
    """The Host header names the app answers: the name it is bound to, this machine's loopback
    names when bound there, and any the user adds. Anything else is a DNS-rebinding attempt
    (a web page elsewhere pointing its own name at 127.0.0.1) and is refused."""
    names = [host.strip("[]"), *extra]
    if host in LOCAL_HOSTS or host in ("0.0.0.0", "::"):
        names += ["127.0.0.1", "localhost", "[::1]"]
    return sorted(set(names))


def create_app(**kwargs):
    from .app import create_app as build

    return build(**kwargs)
