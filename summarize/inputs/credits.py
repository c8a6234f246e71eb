"""Who wrote an article and who published it, as its page and its lines say.

The outlet of a saved page, on the strongest evidence the page gives (issue 34: pages that
named their outlet were cited as "Unknown outlet"):

1. `og:site_name`: the name the site gives itself (the Open Graph protocol).
2. The `<title>` beyond the headline: sites title their pages "Headline | The Outlet" (or
   "The Outlet: Headline"); the part the page's headline leaves is the outlet's name.
3. The masthead: the name on the link to the site's home page (its logo's text), and
4. the copyright line ("© 2023 The Outlet. All rights reserved.").

A page's `<title>`, header and footer also name sections, parent companies and the wires
it reprints, so 2-4 count only where the name agrees with the page's own address ("The
Boston Globe" and bostonglobe.com, "New York Times" and nytimes.com): on the 893 pages of
`../shared/eval/webpages` and `webpages2`, title segments that the address does not spell
were sections ("Arts and Entertainment", "Breaking News") about half the time. Without an
address, a title's segment is taken alone. What trafilatura reads (other tags, JSON-LD,
the address itself) comes last.

A name is short and reads as one (every word capitalized, connectors aside), never a
sentence or a date. Bylines ("By Maria Lopez and Tom Reed, Staff Writers") give the author
and are never a title.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

# "Headline | Outlet", "Headline - Section - Outlet", "Outlet: Headline", "Headline » Outlet"
_SEPARATOR = re.compile(r"\s+(?:[|\-–—·•»~/]|::)\s+|\s*:\s+")
_YEARS = r"(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?"
# "© 2023 The Outlet", "Copyright © 2008-2023 The Outlet, Inc.", "(c) The Outlet 2023"
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|\bcopyright\b)(?:\s*(?:©|\(c\)))?[\s,:]*"
    r"(?:" + _YEARS + r"[\s,.]*(?:by\s+)?(?P<after>[^.|©\n]{2,80}?)"
    r"|(?:by\s+)?(?P<before>[^.|©\n\d]{2,80}?)[\s,]+" + _YEARS + r")"
    r"\s*(?:[.,;|]|\ball rights\b|$)", re.IGNORECASE)
_COMPANY = re.compile(r"(?i)[,\s]*(?:all rights reserved|inc|ltd|llc|plc)\b.*$")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_CONNECTORS = frozenset("of the and & for on in at a an de du des la le el del di da "
                        "van von".split())
MAX_NAME_WORDS = 7
MAX_NAME_CHARACTERS = 60
# How sites label the link to their home page besides (or around) their name.
_HOME_LABEL = re.compile(r"(?i)^(?:back to\s+)?(.*?)(?:'s)?\s*(?:home\s*page|homepage|home|"
                         r"logo|front page)?$")
# Second-level labels of countries' registries ("co.uk", "com.au"): the site's own label
# is the one before them.
_SECOND_LEVEL = frozenset("co com org net gov ac edu ne or go".split())

# A byline: "By" and one or more names (joined by "and", "&", or commas then "and"),
# optionally followed by a role or an outlet after a comma, a bar or a dash.
_NAME = (r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|das|dos|du|del|della|di|la|le|van|"
         r"von|der|den|ter|al|bin))*")
_BYLINE = re.compile(rf"^(?:By|BY|by)\s+(?P<names>{_NAME}(?:(?:\s*,\s*{_NAME})*\s*(?:,\s*)?"
                     rf"\s(?:and|AND|&)\s+{_NAME})?)(?:(?:\s*,|\s+[|·•–—-])\s*.{{0,60}})?$")
MAX_BYLINE_WORDS = 14


@dataclass(frozen=True)
class PageEvidence:
    """What a page's markup says of who published it, read before extraction."""

    site_name: str | None = None  # og:site_name
    title: str | None = None  # the <title> element's text
    mastheads: tuple[str, ...] = ()  # the names on links to the site's home page
    copyrights: tuple[str, ...] = ()  # the owners that copyright lines name


def name_like(text: str | None) -> str | None:
    """The text as an outlet's or a person's name, or None when it does not read as one."""
    name = " ".join((text or "").split()).strip(" .,;:|-–—")
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or len(name) > MAX_NAME_CHARACTERS:
        return None
    if _YEAR.search(name) or any(c in name for c in "!?\"“”©"):
        return None
    if not (words[0][0].isupper() or words[0][0].isdigit()) or not all(
            w[0].isupper() or w[0].isdigit() or w.lower() in _CONNECTORS or "." in w
            for w in words):
        return None
    return name


def byline_author(line: str) -> str | None:
    """The names a byline gives ("By Maria Lopez, Staff Writer" -> "Maria Lopez"), or None
    when the line is no byline."""
    if len(line.split()) > MAX_BYLINE_WORDS:
        return None
    match = _BYLINE.match(line.strip())
    return " ".join(match.group("names").split()) if match else None


def copyright_owner(text: str) -> str | None:
    """The owner a copyright line names ("© 2023 The Outlet" -> "The Outlet"), or None."""
    for match in _COPYRIGHT.finditer(text):
        named = name_like(_COMPANY.sub("", match.group("after") or match.group("before")))
        if named and "copyright" not in named.lower():
            return named
    return None


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def title_outlet(title: str | None, headline: str | None) -> str | None:
    """The outlet a page's <title> names beside its headline, or None."""
    if not title or not headline:
        return None
    parts = _SEPARATOR.split(" ".join(title.split()))
    wanted = _words(headline)
    if len(parts) < 2 or not wanted:
        return None
    length = len(wanted.split())
    for cut in range(1, len(parts)):
        # (the site's name is the shorter part: a headline found in the <title> as the
        # short part is likely the site's name itself, taken by the extractor)
        if _words(" ".join(parts[:cut])) == wanted and len(parts[-1].split()) < length:
            return name_like(parts[-1])
        if _words(" ".join(parts[cut:])) == wanted and len(parts[0].split()) < length:
            return name_like(parts[0])
    return None


def _letters(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded)


def agrees_with_address(name: str, url: str | None) -> bool:
    """Whether the page's address spells the name: its site's label ("bostonglobe" in
    www.bostonglobe.com, "bbc" in news.bbc.co.uk) is the name's letters, is in them, holds
    them, or is its initials and then its last words ("nytimes": New York Times)."""
    try:
        labels = (urlsplit(url or "").hostname or "").split(".")
    except ValueError:
        return False
    cut = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    if len(labels) < cut:
        return False
    label = _letters(labels[-cut])
    words = [w for w in (_letters(w) for w in name.split() if w.lower() not in ("the", "a"))
             if w]
    if len(label) < 3 or not words:
        return False
    whole = "".join(words)
    spellings = {"".join(w[0] for w in words[:initials]) + "".join(words[initials:])
                 for initials in range(1, len(words) + 1)}
    return label in spellings or label in whole or (len(whole) >= 4 and whole in label)


def page_evidence(tree) -> PageEvidence:  # type: ignore[no-untyped-def]
    """What an lxml HTML tree says of its publisher (`page_outlet` weighs it)."""
    site = tree.xpath('//meta[@property="og:site_name" or @name="og:site_name"]/@content')
    title = tree.find(".//head//title")
    mastheads = []
    for link in tree.iterfind(".//a[@href]"):
        try:
            parts = urlsplit(link.get("href", "").strip())
        except ValueError:
            continue
        if parts.path not in ("", "/", "/index.html", "/index.htm") or parts.query \
                or parts.fragment or not (parts.netloc or parts.path == "/"):
            continue
        for label in [image.get("alt") for image in link.iterfind(".//img")] + [
                link.text_content(), link.get("title")]:
            named = name_like(_HOME_LABEL.match(" ".join((label or "").split()))[1])
            if named:
                mastheads.append(named)
                break
    lines = tree.xpath("//body//text()[contains(., '©') or contains(., 'opyright') or "
                       "contains(., '(c)') or contains(., '(C)')]")
    owners = (copyright_owner(str(line)) for line in lines)
    return PageEvidence(
        site_name=" ".join(str(site[0]).split()) or None if site else None,
        title=" ".join(title.text_content().split()) or None if title is not None else None,
        mastheads=tuple(mastheads),
        copyrights=tuple(owner for owner in owners if owner))


def page_outlet(evidence: PageEvidence, headline: str | None, url: str | None,
                ) -> str | None:
    """The outlet's name on the strongest evidence the page gives, or None."""
    if evidence.site_name:
        return evidence.site_name
    titled = title_outlet(evidence.title, headline)
    if titled and (url is None or agrees_with_address(titled, url)):
        return titled
    return next((name for name in (*evidence.mastheads, *evidence.copyrights)
                 if agrees_with_address(name, url)), None)
