"""The briefing as data: what `<event>.json` holds and what every template receives.

Article text is untrusted; `visible` removes the characters that would make a reader see
something other than what is there. Each format escapes the rest for itself (Markdown in
`outputs.markdown`).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from typing import Any
from urllib.parse import quote, urlsplit

from summarize.models import Briefing, ChosenSentence, CleanArticle, Sentence
from summarize.selection.ordering import publication_order

# Bidirectional controls reorder what a reader sees ("Invoice \u202egpj.exe" shows as
# "Invoice exe.jpg"); zero-width characters hide inside names and links. Article text
# never needs them in a briefing.
_INVISIBLE = "\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff"
# Control characters: XML 1.0 forbids C0 ones but tab and line breaks (one "\v" in a title
# made index.xml not well-formed for every event), and a terminal obeys them and C1 ones
# ("\x1b[31m" colours, "\x1b]0;" retitles, "\x1bc" clears what prints a file).
# Noncharacters are not for interchange (Unicode 15, sec. 23.7); U+FFFE and U+FFFF are not
# XML characters either.
_CONTROLS = ("\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ufdd0-\ufdef"
             + "".join(f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}"
                       for plane in range(0, 0x110000, 0x10000)))
_DROPPED = re.compile(f"[{_INVISIBLE}{_CONTROLS}]")
# What ends a line or a page, besides "\n" and "\r": a space in a value, as in str.split()
_BREAKS = re.compile("[\x0b\x0c\x1c-\x1f\x85\u2028\u2029]")
# Half a UTF-16 surrogate pair is no character: no file can hold it (a tampered state
# could bring one back; inputs replace theirs when they are read).
_SURROGATE = re.compile("[\ud800-\udfff]")


def visible(value: str | None) -> str | None:
    """Text as every output may write it, the one place where it is made safe (Markdown,
    HTML, the Atom feed, JSON, the run report, the terminal): without bidirectional
    controls, zero-width characters, control characters and noncharacters, line and page
    separators as spaces, and U+FFFD for what is no character."""
    if not value:
        return value
    return _SURROGATE.sub("\ufffd", _BREAKS.sub(" ", _DROPPED.sub("", value)))


LOG_FORMAT = "summarize: %(levelname)s: %(message)s"


class VisibleFormatter(logging.Formatter):
    """Log lines as a terminal may print them (`visible`): a logged path or title holding
    "\x1b]0;" would retitle the terminal, "\x1bc" clear it."""

    def format(self, record: logging.LogRecord) -> str:
        return visible(super().format(record)) or ""


# What may stay as it is in a link's address; everything else is percent-encoded, so an
# address can never close the link or the attribute it stands in.
_URL_SAFE = "/:?#[]@!$&'()*+,;=%~-._"


def web_address(url: str | None) -> str | None:
    """The article's address if a reader may follow it (http or https, with a host),
    percent-encoded where it needs to be; None for anything else ("javascript:", "data:",
    a local path)."""
    url = (url or "").strip()
    if not url or any(ord(c) < 32 or ord(c) == 127 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[bad" and the like
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(url, safe=_URL_SAFE)


def briefing_data(briefing: Briefing) -> dict[str, Any]:
    """The briefing as JSON-ready data; also what templates receive as `briefing`.

    `sources` are the cited articles, numbered in the order the briefing first cites them
    (so [1] is the first citation a reader meets); `also_covered` lists the articles no
    sentence cites, earliest first: they reported the event too, but added nothing the
    briefing says. `since` and each sentence's `new` say what changed since the event's
    previous briefing (`outputs.changes.mark_new`; none here)."""
    number: dict[int, int] = {}
    for chosen in briefing.sentences:
        for article in chosen.sources:
            number.setdefault(article, len(number) + 1)
    used = {a: 0 for a in range(len(briefing.articles))}
    cited = {a: 0 for a in range(len(briefing.articles))}
    sentences = []
    for index, chosen in enumerate(briefing.sentences):
        used[chosen.sentence.article] += 1
        for article in chosen.sources:
            cited[article] += 1
        sentences.append({
            "text": visible(chosen.sentence.text),
            "score": round(float(chosen.score), 6),
            "sources": sorted(number[a] for a in chosen.sources),
            "lead": index in briefing.lead,
            "new": False,
        })
        if chosen.source_text is not None:  # what the source wrote, where a name was rewritten
            sentences[-1]["source_text"] = visible(chosen.source_text)

    def described(article: int) -> dict[str, Any]:
        a = briefing.articles[article]
        return {
            "article": visible(a.id),
            "outlet": visible(a.outlet),
            "title": visible(a.title),
            "author": visible(a.author),
            "published": a.published.isoformat() if a.published else None,
            "path": visible(a.path),
            "url": visible(a.url),
        }

    sources = [{"id": place, **described(article), "sentences_used": used[article],
                "cited_by": cited[article]}
               for article, place in sorted(number.items(), key=lambda item: item[1])]
    also = [described(a) for a in publication_order(briefing.articles) if a not in number]
    dates = sorted(a.published.isoformat() for a in briefing.articles if a.published)
    data = {
        "event": briefing.event,
        "title": visible(briefing.title),
        "dates": {"first": dates[0], "last": dates[-1]} if dates else None,
        "since": None,
        "sentences": sentences,
        "sources": sources,
        "also_covered": also,
        "articles": len(briefing.articles),
        "config": briefing.config,
    }
    # (present only when they say something: an English briefing of articles in English
    # reads as it did before languages were told apart)
    if briefing.language != "en":
        data["language"] = briefing.language
    if briefing.elsewhere:
        data["other_languages"] = other_languages(briefing)
    return data


def other_languages(briefing: Briefing) -> list[dict[str, Any]]:
    """The articles in other languages than the briefing's, by language (most articles
    first, then by name), each language's earliest first: `{"language", "name",
    "articles": [{article, outlet, title, published, path, url}]}`."""
    from summarize.text.languages import LANGUAGE_NAMES

    groups: dict[str, list[int]] = {}
    order = publication_order(briefing.elsewhere)
    for index in order:
        groups.setdefault(briefing.elsewhere[index].language or "", []).append(index)
    listed = []
    for code, members in sorted(groups.items(),
                                key=lambda item: (-len(item[1]), LANGUAGE_NAMES.get(item[0],
                                                                                    item[0]))):
        articles = []
        for index in members:
            a = briefing.elsewhere[index]
            articles.append({
                "article": visible(a.id),
                "outlet": visible(a.outlet),
                "title": visible(a.title),
                "published": a.published.isoformat() if a.published else None,
                "path": visible(a.path),
                "url": visible(a.url),
            })
        listed.append({"language": code or None,
                       "name": LANGUAGE_NAMES.get(code, "an unknown language"),
                       "articles": articles})
    return listed


def covered_in(group: dict[str, Any]) -> str:
    """"2 articles from Der Spiegel and Die Zeit": one language's coverage in one line (the
    templates' `covered_in` filter)."""
    return _articles_from(group["articles"], "")


def sample_data(config: dict[str, Any]) -> dict[str, Any]:
    """A one-sentence briefing's data: what a user's template is tried on before a run
    writes anything."""
    article = CleanArticle(path="sample/article.txt", id="sample", paragraphs=("A fact.",),
                           title="Sample", outlet="Outlet", url="https://example.org/a",
                           published=dt.date(2000, 1, 1), author="A. Writer")
    sample = Briefing(event="sample", title="Sample",
                      sentences=(ChosenSentence(Sentence("A fact.", 0, 0), 1.0, (0,)),),
                      lead=frozenset({0}), articles=(article,), config=config)
    return briefing_data(sample)


def also_covered(data: dict[str, Any]) -> str:
    """"7 more articles from Reuters, Xinhua and 2 other outlets": the uncited coverage in
    one line (the template's `also_covered` filter)."""
    return _articles_from(data["also_covered"], "more ")


def _articles_from(also: list[dict[str, Any]], more: str) -> str:
    if not also:
        return ""
    outlets = list(dict.fromkeys(a["outlet"] for a in also if a["outlet"]))
    count = f"{len(also)} {more}article{'s' if len(also) > 1 else ''}"
    if not outlets:
        return count
    named = outlets[:3]
    rest = len(outlets) - len(named)
    if rest:
        listed = ", ".join(named) + f" and {rest} other outlet{'s' if rest > 1 else ''}"
    elif len(named) > 1:
        listed = ", ".join(named[:-1]) + " and " + named[-1]
    else:
        listed = named[0]
    return f"{count} from {listed}"


def render_json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
