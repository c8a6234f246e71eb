from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path

import pytest

from summarize.models import CleanArticle, Sentence
from summarize.text.words import DocumentFrequencies, EventText, prepare_text

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_EVENT = SEEDS / "kim-putin-summit-2023"
DUC2006 = ROOT.parent / "shared" / "eval" / "duc2006"


@pytest.fixture(autouse=True, scope="session")
def _own_cache_folder(tmp_path_factory: pytest.TempPathFactory):
    """What runs keep between them (langid's model: summarize/text/boilerplate.py) goes to a
    folder of the test session's, removed with it, not to the user's cache folder; the
    runs that tests start in fresh processes inherit it."""
    folder = tmp_path_factory.mktemp("cache")
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield
    if before is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = before
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def duc2006() -> Path:
    if not DUC2006.is_dir():
        pytest.skip(f"DUC 2006 data not found at {DUC2006} (it lives beside the project, "
                    "in ../shared/eval/duc2006, and is never committed)")
    return DUC2006


def write_event(root: Path, slug: str, files: dict[str, str | bytes]) -> Path:
    folder = root / slug
    folder.mkdir(parents=True)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def event_text(articles: Sequence[Sequence[str]], dates: Sequence[dt.date | None] | None = None,
               titles: bool = False, background: DocumentFrequencies | None = None,
               ) -> EventText:
    """An event made of articles given as lists of sentences (one paragraph each)."""
    dates = dates or [None] * len(articles)
    clean = tuple(CleanArticle(path=f"ev/{i}.txt", id=str(i), paragraphs=tuple(a),
                               title=f"T{i}" if titles else None, outlet=None, url=None,
                               published=d)
                  for i, (a, d) in enumerate(zip(articles, dates)))
    return prepare_text([Sentence(s, i, p) for i, a in enumerate(articles)
                         for p, s in enumerate(a)], clean, background)


def summarize(*args: str, cwd: Path = ROOT, check: bool = False,
              ) -> subprocess.CompletedProcess[str]:
    """`python -m summarize ARGS` in a fresh process, as a user or cron starts it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "summarize", *args], cwd=cwd, env=env,
                            capture_output=True, text=True, timeout=300)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def fresh_python(code: str) -> str:
    """What `code` prints when run in a fresh Python process (its own imports, as a run
    starts); the process must succeed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


class Page(HTMLParser):
    """The tags, attributes and text of an HTML document."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def links(self) -> list[str]:
        return [a["href"] for tag, a in self.tags if tag == "a" and a.get("href")]
