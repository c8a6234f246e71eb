"""Saved web pages: the story text and its metadata, through trafilatura.

trafilatura (Barbaresi 2021, ACL demo) finds the main text of a page from its markup (the
best published scores on `../shared/eval/webpages`) and reads the title, site name,
canonical URL, author and date from the page's own tags; the outlet is weighed from the
page's own evidence first (og:site_name, its <title>, masthead and copyright line:
inputs/credits.py). Our cleaning rules then run on its paragraphs (captions, credits,
datelines), as on every other input.
"""

from __future__ import annotations

import gzip
import io
import re
import zlib

from summarize.inputs.credits import PageEvidence, page_evidence, page_outlet
from summarize.inputs.dates import read_published
from summarize.inputs.decoding import decode
from summarize.models import Article, SkippedFile

# <meta charset="…"> or <meta http-equiv=… content="…; charset=…"> in the page's first bytes
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
DECLARATION_WINDOW = 4096
_DOCUMENT = re.compile(r"<(?:html|head|body)\b", re.IGNORECASE)
# Labels browsers read as windows-1252 (WHATWG Encoding Standard): pages that say latin-1
# mean it, and their curly quotes would otherwise become control characters.
WINDOWS_1252_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1",
                                 "us-ascii", "ascii", "windows-1252"})


# A start tag and its attributes as HTML parsers read them (quoted values may hold "<" and
# ">"), with possessive quantifiers: no backtracking, one pass over the page whatever it
# holds, so the check costs next to nothing (10 ms on a 2 MB page).
_START_TAG = re.compile(r"""<[A-Za-z][^\s/>]*+((?:[\s/]++[^\s/>"'=]++"""
                        r"""(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]*+))?+)*+)""")
_ATTRIBUTE = re.compile(r"""[\s/]++[^\s/>"'=]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]*+))?+""")
# No page needs more attributes on one element (pages of the news sites we read have a few
# dozen at most). lxml's parser takes time that grows with their square: 16,000 took
# 0.8 s, 64,000 25 s, 200,000 more than 7 minutes, during which the run holds its lock.
MAX_ATTRIBUTES = 1_000


# What XML 1.0 has no character for (C0 controls but tab and line breaks, surrogates,
# U+FFFE and U+FFFF), written as such or as a reference (&#x0B;): lxml drops the paragraph
# holding one, or the whole page (one "&#x0B;" cost a page its story). A space instead.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def _xml_character(code: int) -> bool:
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD \
        or 0x10000 <= code <= 0x10FFFF


def xml_characters(page: str) -> str:
    """The page with a space for every character XML cannot hold, and every reference to
    one."""
    if "&#" in page:
        page = _REFERENCE.sub(lambda m: m.group(0) if _xml_character(
            int(m.group(1), 16) if m.group(1) else int(m.group(2))) else " ", page)
    return _NOT_XML.sub(" ", page)


def markup_problem(page: str) -> str | None:
    """Why a page cannot be parsed in bounded time (an element with more than
    MAX_ATTRIBUTES attributes), or None."""
    for tag in _START_TAG.finditer(page):
        attributes = tag.group(1)
        # each attribute takes two characters at least: shorter lists need no count
        if len(attributes) > 2 * MAX_ATTRIBUTES:
            count = sum(1 for _ in _ATTRIBUTE.finditer(attributes))
            if count > MAX_ATTRIBUTES:
                return (f"an element with {count} attributes (more than {MAX_ATTRIBUTES}): "
                        "not a page that can be parsed in bounded time")
    return None


def read_compressed(raw: bytes, max_bytes: int) -> bytes | str:
    """A gzipped file's content, or why it cannot be read (corrupt, or too large unpacked)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as stream:
            content = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as error:
        return f"not a readable gzip file ({error})"
    if len(content) > max_bytes:
        return f"larger than limits.max_article_bytes once unpacked (> {max_bytes})"
    return content


def decode_page(raw: bytes) -> tuple[str, str] | None:
    """A page's text: its declared encoding when that decodes it, else detection."""
    declared = _DECLARED.search(raw[:DECLARATION_WINDOW])
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        name = "cp1252" if name in WINDOWS_1252_LABELS else name
        try:
            return raw.decode(name), name
        except (LookupError, UnicodeError):  # no such codec, or one that fails other than
            pass  # on a byte ("undefined" always fails; "punycode" on any '<')
    return decode(raw)


def read_html(raw: bytes, relative: str, article_id: str) -> Article | SkippedFile:
    """One saved page as an article, or the reason it has no story text."""
    decoded = decode_page(raw)
    if decoded is None:
        return SkippedFile(relative, "binary file, not an HTML page")
    text, encoding = decoded
    return extract(text, relative, article_id, encoding)


def extract(page: str, relative: str, article_id: str, encoding: str = "utf-8",
            ) -> Article | SkippedFile:
    """The story of an HTML page given as text."""
    import trafilatura  # imported on first use: 0.3 s, not paid by runs without HTML

    problem = markup_problem(page)
    if problem:
        return SkippedFile(relative, problem)
    page = xml_characters(page)
    if not _DOCUMENT.search(page):
        # A fragment (a feed entry's content; a lone paragraph) parses as that element
        # alone, without the body trafilatura looks in: it finds no text in it at all.
        page = f"<html><body>{page}</body></html>"
    tree = trafilatura.load_html(page)
    # (read before extraction, which may prune the tree; the same tree extracts as the text)
    evidence = page_evidence(tree) if tree is not None else PageEvidence()
    document = trafilatura.bare_extraction(tree if tree is not None else page,
                                           with_metadata=True, include_comments=False,
                                           include_tables=True, deduplicate=False)
    body = (document.text or "").strip() if document is not None else ""
    if not body:
        return SkippedFile(relative, "no story text found in the HTML page")
    published = read_published(_stated_date(document.date, page), relative)
    title, url = _field(document.title), _field(document.url)
    return Article(
        path=relative,
        id=article_id,
        body=body,
        format="html",
        title=title,
        outlet=page_outlet(evidence, title, url) or _field(document.sitename),
        url=url,
        published=published,
        encoding=encoding,
        author=_field(document.author),
    )


def _field(value: object) -> str | None:
    return str(value).strip() or None if value else None


def _stated_date(found: str | None, page: str) -> str | None:
    """The date trafilatura found, unless only its last resort found it: when nothing on a
    page dates it, htmldate's extensive search takes the year of its copyright line and
    gives 1 January of it ("© 2023" became 2023-01-01), a date no source states. Such a
    date stands only when the page's metadata and markup (the search without its
    guesses) give it too; otherwise the page is undated, as a reader would have it."""
    if not found or not found.endswith("-01-01"):
        return found
    from htmldate import find_date

    return found if find_date(page, extensive_search=False, original_date=True) == found \
        else None
