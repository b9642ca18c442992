"""Where the data files are: inside the installed package, or at the top of a checkout.

``models/`` and ``job_descriptions/`` sit at the top of the repository and are copied into the
wheel as ``resumematch/models`` and ``resumematch/job_descriptions`` (see pyproject.toml), so
both a ``pip install .`` and a source checkout find the same files through this one module.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

DATA_DIRS = ("models", "job_descriptions")


def load_yaml(text: str):
    """YAML text as plain data (mappings, lists, strings, numbers: no Python objects), through
    libyaml where PyYAML was built with it: shipped jobs are read at the start of every command,
    and the pure-Python reader takes about 15 ms a file."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def data_dir(name: str) -> Path:
    if name not in DATA_DIRS:
        raise ValueError(f"unknown data folder {name!r}; expected one of {DATA_DIRS}")
    packaged = Path(str(resources.files("resumematch") / name))
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"resumematch is installed without its {name}/ folder; reinstall it")
