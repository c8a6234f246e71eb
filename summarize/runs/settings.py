"""What a run must know of its config before it knows whether anything needs building, and
how a run that has nothing to build learns it without validating the config.

Validating a config imports pydantic and builds the schema's models (summarize/config.py):
about 0.1 s, most of the start-up of an hourly run that finds nothing new. What a run
plans with (`Settings`: the effective config, and whether the ranker uses the whole run's
statistics) is a function of three things only: this code (its defaults and rules), the
config file's bytes and the `--set` overrides. So a run keeps in its output folder the
settings its config gave, under a digest of those three (`ConfigFile.key`, see
summarize/runs/run.py), and the next run with the same three takes them from there: it
validates the config only when it has an event to build. Another file, override or code
gives another key, and a changed template another fingerprint: a stale record can only
ever be missed, never used.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarize.inputs import saved
from summarize.outputs.site import site_address
from summarize.runs.files import SUFFIXES

if TYPE_CHECKING:
    from summarize.config import Config

_PACKAGE = Path(__file__).resolve().parent.parent  # summarize/, from summarize/runs/
# What the fingerprint of the code covers besides this package: what shapes a briefing.
PACKAGES = ("summarize-news", "sumy", "nltk", "numpy", "scipy", "jinja2", "pydantic")


@cache  # the run report and the code fingerprint both ask
def versions() -> dict[str, str]:
    """Python's version and each of PACKAGES', as installed."""
    found = {"python": platform.python_version()}
    installed = _installed_versions()
    for package in PACKAGES:
        version = installed.get(_normalized(package))
        if version is None:  # not found by its .dist-info folder (an egg, a zip…)
            from importlib import metadata  # the standard lookup, 30 ms of imports

            try:
                version = metadata.version(package)
            except metadata.PackageNotFoundError:
                version = "unknown"
        found[package] = version
    return found


def _installed_versions() -> dict[str, str]:
    """Name -> version of the distributions installed as `{name}-{version}.dist-info`
    folders (the installed-project format pip and every installer write, with the name
    normalized and no '-' in either part) on sys.path, the first found winning as for
    imports: what importlib.metadata would say, without importing the e-mail parser it
    reads METADATA with."""
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = [e.name for e in os.scandir(entry or ".") if e.name.endswith(".dist-info")]
        except OSError:  # a zip, or a folder that is not there
            continue
        for name in sorted(names):
            project, _, version = name[: -len(".dist-info")].partition("-")
            if version and "-" not in version:
                found.setdefault(_normalized(project), version)
    return found


def _normalized(name: str) -> str:
    """A distribution's name as its .dist-info folder spells it ("summarize-news" ->
    "summarize_news")."""
    return re.sub(r"[-_.]+", "_", name).lower()


@cache
def code_fingerprint() -> str:
    """This code and its templates, and the versions of what it runs on: a new version of
    any rebuilds every briefing."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*")):
        if path.suffix in (".py", ".j2", ".css") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(_PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    for package, version in sorted(versions().items()):
        digest.update(f"{package}={version}".encode())
    return digest.hexdigest()


# run.executor's choices (summarize/config.py)
EXECUTORS = ("local", "dask")


@dataclass(frozen=True)
class Settings:
    """What a run plans with: which events to build, which files each gets."""

    effective: dict[str, Any]  # Config.effective(): the config as it shapes a briefing
    whole_run: bool  # the ranker's statistics come from the whole run (a change rebuilds all)
    executor: str  # run.executor: where the events are built (local processes, or Dask)

    @classmethod
    def of(cls, config: Config) -> Settings:
        return cls(config.effective(), config.ranker.uses_run_statistics, config.run.executor)

    @property
    def formats(self) -> tuple[str, ...]:
        return tuple(self.effective["output"]["formats"])

    @property
    def site_url(self) -> str | None:
        return self.effective["output"]["site_url"]

    @property
    def site_title(self) -> str:
        return self.effective["output"]["site_title"]

    def fingerprint(self) -> str:
        """Of the code, the effective config and the templates it names: a change in any
        rebuilds every briefing."""
        digest = hashlib.sha256(code_fingerprint().encode())
        digest.update(json.dumps(self.effective, sort_keys=True).encode())
        for key in ("template", "html_template"):
            template = self.effective["output"][key]
            if template is not None:
                try:
                    digest.update(Path(template).read_bytes())
                except OSError as error:  # validating the config, to build, will say why
                    digest.update(f"unreadable template: {error.strerror}".encode())
        return digest.hexdigest()

    def as_record(self, key: str) -> dict[str, Any]:
        return {"key": key, "effective": self.effective, "whole_run": self.whole_run,
                "executor": self.executor}

    @classmethod
    def from_record(cls, record: object, key: str) -> Settings | None:
        """The settings a record holds for this key (None for any other key), every value
        a run plans with checked as the config's are (summarize/inputs/saved.py): saved.Damaged
        when one is not what a validated config gives (a "javascript:" site_url would go
        into every link of the feed)."""
        if not isinstance(record, dict) or record.get("key") != key:
            return None
        effective = saved.expect(record.get("effective"), dict, "effective")
        output = saved.expect(effective.get("output"), dict, "effective.output")
        formats = saved.items(output.get("formats"), "output.formats", saved.text)
        if not formats or len(set(formats)) < len(formats) or set(formats) - set(SUFFIXES):
            raise saved.Damaged(f"output.formats: expected some of {', '.join(SUFFIXES)}, "
                                f"found {formats!r:.80}")
        url = saved.optional(saved.text)(output.get("site_url"), "output.site_url")
        try:
            if url is not None and site_address(url) != url:
                raise ValueError(f"expected {site_address(url)!r}, got {url!r}")
        except ValueError as error:
            raise saved.Damaged(f"output.site_url: {error}") from None
        saved.optional(saved.text)(output.get("template"), "output.template")
        executor = saved.text(record.get("executor"), "executor")
        if executor not in EXECUTORS:
            raise saved.Damaged(f"executor: expected one of {', '.join(EXECUTORS)}, found "
                                f"{executor!r:.40}")
        return cls(effective, saved.expect(record.get("whole_run"), bool, "whole_run"),
                   executor)


@dataclass(frozen=True)
class ConfigFile:
    """A config as the command line gives it: a YAML file (None: the built-in defaults)
    and `--set KEY=VALUE` overrides, read and validated only when `load`ed."""

    path: Path | None
    overrides: tuple[str, ...] = ()

    def key(self) -> str | None:
        """A digest of everything the config's settings are derived from: this code, the
        file's bytes and the overrides. None when the file cannot be read (`load` says
        why)."""
        digest = hashlib.sha256(code_fingerprint().encode())
        try:
            digest.update(b"\0file\0" + self.path.read_bytes() if self.path else b"\0defaults")
        except OSError:
            return None
        for override in self.overrides:
            digest.update(b"\0set\0" + override.encode(errors="surrogateescape"))
        return digest.hexdigest()

    def load(self) -> Config:
        from summarize.config import load_config

        return load_config(self.path, self.overrides)
