"""RSS 2.0 and Atom feeds: one article per item (RSS) or entry (Atom).

RSS 2.0 (the RSS Advisory Board's specification, 2009) and Atom (RFC 4287) are what
feed readers, news sites and scrapers (trafilatura's and news-please's feed modes) keep.
Each item or entry is an article:

| article | RSS 2.0 item | Atom entry |
|---|---|---|
| story | `content:encoded`, else `description` | `content`, else `summary` |
| title, url | `title`, `link` | `title`, `link rel="alternate"` (or no `rel`) |
| id | `guid` | `id` |
| published | `pubDate`, else `dc:date` | `published`, else `updated` |
| author | `dc:creator`, else the name in `author` | `author/name` (entry's, else feed's) |
| outlet | item's `source`, else channel's `title` | entry's `source/title`, else feed's `title` |

The story is HTML (RSS always escapes it; Atom says so with `type="html"` or `"xhtml"`) and
goes through the same extraction as a saved page (`inputs.html.extract`); Atom's
`type="text"` is plain text. An entry with neither is skipped with its number and the
reason, and the rest of the feed is read. A feed is untrusted: it is parsed with lxml
under a parser that expands no entity, reads no DTD and reaches no network, and a feed
that declares entities is refused (the "billion laughs" and external entities need them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

from summarize.inputs.dates import numeric_date, read_published
from summarize.inputs.feeds import html_entry
from summarize.models import Article, SkippedFile

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"
# RSS 2.0's author is an e-mail address, with the name (if any) in parentheses after it.
_NAMED_ADDRESS = re.compile(r"\((?P<name>[^()]+)\)\s*$")


@dataclass(frozen=True)
class Entry:
    """What an item or entry states, before its story is read."""

    story: str | None
    is_html: bool
    title: str | None
    url: str | None
    id: str | None
    published: str | None
    author: str | None
    outlet: str | None


def _parser() -> etree.XMLParser:
    # (a parser per file: lxml's parsers are not to be shared between threads)
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


def read_syndication(raw: bytes, relative: str, stem: str,
                     ) -> tuple[list[Article], list[SkippedFile]]:
    """The articles of an RSS 2.0 or Atom file, and the entries skipped with their
    reasons; a file that is neither is skipped whole, with why."""
    try:
        root = etree.fromstring(raw, _parser())
    except etree.XMLSyntaxError as error:
        return [], [SkippedFile(relative, f"not well-formed XML ({error.msg})")]
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        return [], [SkippedFile(relative, "the feed declares XML entities (refused: a feed "
                                          "never needs them, and they can grow without end "
                                          "or read local files)")]
    if root.tag == "rss" and root.find("channel") is not None:
        channel = root.find("channel")
        entries = [_rss_item(item, _text(channel.find("title")))
                   for item in channel.iterfind("item")]
    elif root.tag == f"{ATOM}feed":
        entries = [_atom_entry(entry, _atom_text(root.find(f"{ATOM}title")),
                               _atom_author(root)) for entry in root.iterfind(f"{ATOM}entry")]
    else:
        return [], [SkippedFile(relative, "not an RSS 2.0 or Atom feed (its root element is "
                                          f"<{etree.QName(root).localname}>)")]
    if not entries:
        return [], [SkippedFile(relative, "feed with no entries")]
    articles: list[Article] = []
    skipped: list[SkippedFile] = []
    for number, entry in enumerate(entries, start=1):
        result = entry_article(entry, f"{relative}#{number}", f"{stem}-{number}")
        (skipped if isinstance(result, SkippedFile) else articles).append(result)
    return articles, skipped


def _text(element: etree._Element | None) -> str | None:
    """An element's text content, whitespace collapsed; None when absent or blank."""
    if element is None:
        return None
    return " ".join("".join(element.itertext()).split()) or None


def _rss_item(item: etree._Element, channel_title: str | None) -> Entry:
    story = item.find(f"{CONTENT}encoded")
    if _text(story) is None:
        story = item.find("description")
    author = _text(item.find(f"{DC}creator"))
    if author is None:
        address = _text(item.find("author"))
        named = _NAMED_ADDRESS.search(address or "")
        # an address alone is no name to show
        author = named.group("name").strip() if named else (
            address if address and "@" not in address else None)
    return Entry(
        story=None if story is None else "".join(story.itertext()),
        is_html=True,
        title=_text(item.find("title")),
        url=_text(item.find("link")),
        id=_text(item.find("guid")),
        published=_text(item.find("pubDate")) or _text(item.find(f"{DC}date")),
        author=author,
        outlet=_text(item.find("source")) or channel_title,
    )


def _atom_text(element: etree._Element | None) -> str | None:
    """An Atom text construct shown as plain text (a title of type "html" is markup)."""
    if element is None or element.get("type") != "html":
        return _text(element)
    markup = "".join(element.itertext())
    if not markup.strip():
        return None
    return _text(lxml.html.fragment_fromstring(markup, create_parent="div"))


def _atom_author(element: etree._Element) -> str | None:
    names = [_text(a.find(f"{ATOM}name")) for a in element.iterfind(f"{ATOM}author")]
    return ", ".join(n for n in names if n) or None


def _atom_entry(entry: etree._Element, feed_title: str | None,
                feed_author: str | None) -> Entry:
    content = entry.find(f"{ATOM}content")
    if content is None or content.get("src") or _atom_story(content) is None:
        content = entry.find(f"{ATOM}summary")
    links = entry.findall(f"{ATOM}link")
    link = next((link for link in links if link.get("rel", "alternate") == "alternate"), None)
    source = entry.find(f"{ATOM}source")
    return Entry(
        story=None if content is None else _atom_story(content),
        is_html=content is not None and content.get("type", "text") in ("html", "xhtml"),
        title=_atom_text(entry.find(f"{ATOM}title")),
        url=(link.get("href", "").strip() or None) if link is not None else None,
        id=_text(entry.find(f"{ATOM}id")),
        published=_text(entry.find(f"{ATOM}published")) or _text(entry.find(f"{ATOM}updated")),
        author=_atom_author(entry) or (None if source is None else _atom_author(source))
        or feed_author,
        outlet=(None if source is None else _atom_text(source.find(f"{ATOM}title")))
        or feed_title,
    )


def _atom_story(content: etree._Element) -> str | None:
    """An Atom text construct (RFC 4287 section 3.1): text, escaped HTML, or an XHTML div
    serialized back to markup."""
    if content.get("type") == "xhtml":
        story = "".join(etree.tostring(child, encoding="unicode", method="html",
                                       with_tail=True) for child in content)
    else:
        story = "".join(content.itertext())
    return story if story.strip() else None


def entry_article(entry: Entry, path: str, default_id: str) -> Article | SkippedFile:
    """One item or entry as an article (what the feed states wins over what its HTML
    says), or why it is skipped."""
    if entry.story is None:
        return SkippedFile(path, "no content or description")
    article_id = entry.id or default_id
    published = read_published(entry.published, path)
    stated = {"title": entry.title, "outlet": entry.outlet, "url": entry.url,
              "author": entry.author}
    stated = {k: v for k, v in stated.items() if v}
    if not entry.is_html:
        return Article(path=path, id=article_id, body=entry.story.strip(), format="feed",
                       published=published, numeric_date=numeric_date(entry.published),
                       **stated)
    return html_entry(entry.story, path, article_id, stated, published, entry.published)
