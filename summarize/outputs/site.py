"""The site across events: `index.html` lists every event, newest first, and `index.xml`
is an Atom feed (RFC 4287) with one entry per briefing, updated when it changes.

Both are built from the run's state alone (each event's `index` record, kept when its
briefing is written), so an event that this run did not rebuild is listed exactly as it
was, and the index needs no briefing file to be read back.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from summarize.outputs.changes import History

# outputs.html (Jinja2, the pipeline's data helpers) is imported when something is
# rendered: a run that changes nothing looks up the site's files here and renders none.
INDEX_PAGE = "index.html"
FEED = "index.xml"
# Feed readers keep what they have seen: the feed carries the recent changes only.
FEED_ENTRIES = 100


def site_address(url: str) -> str:
    """`output.site_url` as the feed uses it (ending in "/"); ValueError, saying what is
    expected, for anything but an http(s) address (a "javascript:" one would go into every
    link of the feed)."""
    if not re.match(r"https?://[^/\s]+", url) or any(c.isspace() for c in url):
        raise ValueError(f"expected an http(s) address such as https://example.org/"
                         f"briefings/, got {url!r}")
    return url if url.endswith("/") else url + "/"


def index_record(data: dict[str, Any]) -> dict[str, Any]:
    """What the index and the feed show of one briefing (kept in the state)."""
    from summarize.outputs.html import outlet_names

    lead = [s["text"] for s in data["sentences"] if s["lead"]] or \
        [s["text"] for s in data["sentences"][:1]]
    return {
        "title": data["title"],
        "dates": data["dates"],
        "articles": data["articles"],
        "sources": len(data["sources"]),
        "outlets": len(outlet_names(data)),
        "lead": " ".join(lead),
        "new": [s["text"] for s in data["sentences"] if s["new"]],
        "since": data["since"],
    }


def site_entries(state: dict[str, dict], history: dict[str, History],
                 now: str) -> list[dict[str, Any]]:
    """Every event with a briefing, newest news first (undated last), with its times and
    whether this run wrote it first (`status` "new") or changed it ("updated")."""
    entries = []
    for slug, known in state.items():
        record = known.get("index")
        versions = history.get(slug)
        if not isinstance(record, dict) or versions is None or versions.current is None:
            continue
        first = known.get("first_written", versions.current.written)
        written = versions.current.written
        status = ("new" if first == now else "updated") if written == now else None
        entries.append({**record, "event": slug, "page": quote(slug) + ".html",
                        "first_written": first, "written": written, "status": status})
    entries.sort(key=lambda e: e["event"])
    entries.sort(key=lambda e: (e["dates"] or {}).get("last", ""), reverse=True)
    return entries


def render_index(entries: list[dict[str, Any]], now: str, title: str) -> str:
    """`index.html`, titled `title` (`output.site_title`)."""
    from summarize.outputs.html import render

    return render("index.html.j2", events=entries, now=now, site_title=title)


def render_feed(entries: list[dict[str, Any]], now: str, site_url: str | None,
                title: str) -> str:
    """`index.xml`, whose title and author are `title` (`output.site_title`)."""
    from summarize.outputs.html import render

    recent = sorted(entries, key=lambda e: (e["written"], e["event"]), reverse=True)
    return render("index.xml.j2", events=recent[:FEED_ENTRIES], now=now,
                  updated=max((e["written"] for e in entries), default=now),
                  site_url=site_url, site_title=title)
