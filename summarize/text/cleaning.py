"""Cleaning: keep the story of a scraped article, drop everything else, read its metadata.

Plain-text (`.txt`) articles arrive as scrapers leave them: page chrome, captions, promo
blocks, reader comments and credits around the story. Cleaning works line by line (a line
of a scraped page is one paragraph) and every rule below says what evidence it uses:
pattern, length, punctuation, position in the page, or overlap with the story's words.
Markdown articles (front matter + clean body) only get text normalization and the dateline.

Every dropped line is kept with its reason (`CleanArticle.dropped`, shown by
`summarize sentences --explain`) so a rule that is too eager can be seen and fixed.
"""

from __future__ import annotations

import datetime as dt
import re

from summarize.inputs.credits import byline_author, copyright_owner
from summarize.models import Article, CleanArticle, DroppedLine
from summarize.text.boilerplate import rejoin_broken_lines, story_lines
from summarize.text.comments import thread_openers
from summarize.text.language import page_language, stop_words, story_language
from summarize.text.line_rules import (
    NAVIGATION,
    WIRES,
    ends_sentence,
    is_headline_like,
    line_rule,
    remembered_spans,
)
from summarize.text.memo import per_line
from summarize.text.normalizing import (
    joined_contractions,
    newswire_dashes,
    newswire_quotes,
    newswire_units,
    normalize_text,
    title_quotes,
)
from summarize.text.words import content_terms, tokenize

# --- metadata found in the text ------------------------------------------------------

# Wire services as they sign stories, mapped to the name a reader knows.
OUTLETS = {
    "ap": "Associated Press",
    "associated press": "Associated Press",
    "the associated press": "Associated Press",
    "reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "xinhua": "Xinhua",
    "bloomberg": "Bloomberg",
}
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|"
           "Nov\\.?|Dec\\.?")
# "Tuesday, April 16, 2024" or "September 13, 2023 at 14:15 JST", alone on a line.
_DATE_LINE = re.compile(
    r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?P<month>{_MONTHS})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})"
    r"(?P<time>,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?\.?$",
    re.IGNORECASE,
)
# A scraper's explicit marker, possibly glued to the first sentence: " date 2023-09-12 Joined…"
_DATE_MARKER = re.compile(r"^date\s+(?P<iso>\d{4}-\d{2}-\d{2})\b\s*", re.IGNORECASE)
# The datelines of the wires and newspapers: "SEOUL, South Korea (AP) —", "VLADIVOSTOK,
# Russia –", "SEOUL--", "PINE RIDGE, S.D. (AP) --", "WASHINGTON _" (the New York Times
# service), "SYDNEY, September 28 (Xinhua) --", and a wire slug before it ("CUBA-ELIAN _
# MIAMI _"). The place is in capitals; what follows the dash starts a sentence.
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)+\s+_\s+)?"
    r"(?P<place>[A-Z][A-Z.']+(?:[ -][A-Z][A-Z.']+)*(?:,\s*[A-Z][A-Za-z.']+"
    r"(?:[ -][A-Z][A-Za-z.']+)*)?)"
    rf"(?:,?\s+(?:{_MONTHS})\s+\d{{1,2}}(?:,\s*\d{{4}})?)?"
    r"\s*(?:\((?P<agency>[A-Za-z ]{2,20})\))?\s*"
    r"(?:—|–|--|-|\s_)\s*(?=[A-Z“\"‘'`])"
)
_AGENCY_SIGN_OFFS = ("REUTERS", "AFP", "AP", "XINHUA", "BLOOMBERG")
_TRAILING_AGENCY = re.compile(r"(?<=[.!?”\"’])\s+(?P<agency>" + "|".join(_AGENCY_SIGN_OFFS)
                              + r")$")
_BYLINE_AGENCY = re.compile(r"^(?P<agency>(?:THE )?ASSOCIATED PRESS|REUTERS|AFP|XINHUA)$")

_MONTH_NUMBER = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}


def _outlet_name(name: str) -> str:
    return OUTLETS.get(name.strip().lower(), name.strip())


def _date_from_line(match: re.Match[str]) -> dt.date | None:
    month = _MONTH_NUMBER[match.group("month")[:3].lower()]
    try:
        return dt.date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None


# A title is the headline just above the story: the nearest headline-like line of at least
# this many words, at most TITLE_REACH lines above the first story line.
TITLE_MIN_WORDS = 3
TITLE_REACH = 8
# A line that recurs verbatim in other articles of the event is page template (menus,
# notices, share buttons) unless it reads as a sentence of this many words: copies of one
# wire story share their sentences, pages of one site share their template.
SENTENCE_MIN_WORDS = 8


# A series teaser ("Here is a collection of…") opens a block of teasers for other stories;
# the block ends only at a line that plainly continues the story: long, and mostly made of
# the story's words (the seeds' teasers share at most 30% of their words with the story).
RESUME_MIN_OVERLAP = 0.5
RESUME_MIN_WORDS = 15


# A sentence's end inside a line: a whole article on one line is prose, even when it ends
# in a wire's slug ("(pfg-xx)") or a syndication note rather than a sentence's end.
_INNER_END = re.compile(r"[.!?…][”\"’')\]]*\s")


def holds_sentences(line: str) -> bool:
    """Whether the line reads as a sentence, or holds sentences and has as many words."""
    return reads_as_sentence(line) or (len(line.split()) >= SENTENCE_MIN_WORDS
                                        and _INNER_END.search(line) is not None)


@per_line  # (asked of every line of the event's template, on every page that has it)
def reads_as_sentence(line: str) -> bool:
    # (a line shorter than this cannot hold the words: most of a page's menu is skipped)
    return (len(line) >= 2 * SENTENCE_MIN_WORDS - 1 and ends_sentence(line)
            and len(line.split()) >= SENTENCE_MIN_WORDS)


class _Cleaner:
    """State of one article's cleaning pass: kept lines, dropped lines, metadata found."""

    def __init__(self, article: Article):
        self.article = article
        self.kept: list[str] = []
        self.dropped: list[DroppedLine] = []
        self.title: str | None = None
        self.outlets: list[str] = []  # in order of the evidence's strength
        self.author: str | None = None  # from a byline
        self.published: dt.date | None = None
        self.dateline: str | None = None

    def drop(self, line: str, reason: str) -> None:
        self.dropped.append(DroppedLine(line, reason))

    def run_txt(self, lines: list[str], template: frozenset[str]) -> None:
        """Scraped text: the line classifier finds the story, rules drop what it let by."""
        # A joined line is normalized again: the join can make what ftfy reads as mojibake
        # ("Â" + " " + "a"), and cleaning what cleaning wrote must change nothing.
        given = set(lines)
        present = [line if line in given else normalize_text(line)
                   for line in rejoin_broken_lines(lines)]
        present = [line for line in present if line]
        language = page_language(present)
        story, scored = story_lines(present, stop_words(language), template=template)
        scores = scored.tolist()  # (floats: a numpy scalar is slow to read and to format)
        openers = thread_openers(present)  # (a thread runs to the page's end)
        story_started = in_teasers = after_related_header = False
        story_terms: set[str] | None = None  # the story's words, gathered once a teaser shows
        # (looked up in the dicts that remember them: two tests of every line of a page)
        headers, ruled = _header_evidence.lines(), remembered_spans.lines(False)
        for index, line in enumerate(present):
            # (a comment count beside the headline opens no thread: the story is below it)
            if story_started and index in openers:
                for rest in present[index:]:
                    self.drop(rest, "reader comments (the thread runs to the page's end)")
                break
            if (not story_started and headers[line] is not None
                    and self._page_header(present, index)):
                continue
            original = line
            spans = ruled[line]
            line, reason = self._without_spans(line, spans) if spans else (line, None)
            if not line:
                in_teasers = in_teasers or reason == "series teaser"
                # "More On This Topic" is followed by a list of other stories' headlines.
                after_related_header = reason == "header of a list of other stories"
                continue
            if after_related_header and is_headline_like(line):
                self.drop(line, "headline of another story (related list)")
                continue
            after_related_header = False
            if in_teasers:
                terms = set(content_terms(tokenize(line)))
                if story_terms is None:
                    story_terms = {t for kept in self.kept for t in content_terms(tokenize(kept))}
                overlap = len(terms & story_terms) / len(terms) if terms else 0.0
                if overlap < RESUME_MIN_OVERLAP or len(line.split()) < RESUME_MIN_WORDS:
                    self.drop(line, f"teaser after a series teaser ({overlap:.0%} of its "
                                    f"words occur in the story)")
                    continue
                in_teasers = False
            if original in template:
                self.drop(line, "recurs in other articles of the event (page template)"
                          if not reads_as_sentence(line) else
                          "recurs in other articles of the event, in words the others do not "
                          "use (page template)")
                continue
            if not story[index]:
                self.drop(line, f"boilerplate (story score {scores[index]:.2f})")
                continue
            if not story_started:
                if (is_headline_like(line) and self.title is None
                        and len(line.split()) >= TITLE_MIN_WORDS):
                    self.title = line  # the page's headline opens the story
                    self.drop(line, "headline (used as the title)")
                    continue
                self.title = self.title or self._title_above(
                    present[max(0, index - TITLE_REACH) : index])
                story_started = True
            if story_terms is not None:
                story_terms.update(content_terms(tokenize(line)))
            self.kept.append(line)

    def run_extracted(self, lines: list[str]) -> None:
        """Story text an extractor or a feed already chose: only the rules run."""
        title = " ".join((self.article.title or "").split()).casefold()
        for line in lines:
            if line and not self.kept and title and line.casefold() == title:
                self.drop(line, "headline (the title)")  # extractors keep the page's <h1>
            elif line and not self.kept and self._byline(line, byline_author(line)):
                continue
            elif line and (rest := self._without_ruled(line, extracted=True)[0]):
                self.kept.append(rest)

    def _without_ruled(self, line: str, extracted: bool = False) -> tuple[str, str | None]:
        """The line without what the rules (EXTRACTED_RULES for text an extractor chose)
        name (`ruled_spans`), each part dropped with its reason; and the last reason when
        nothing is left."""
        return self._without_spans(line, remembered_spans(line, extracted))

    def _without_spans(self, line: str, spans: tuple[tuple[int, int, str], ...],
                       ) -> tuple[str, str | None]:
        if not spans:
            return line, None
        rest, at = [], 0
        for start, end, reason in spans:
            rest.append(line[at:start])
            self._read_outlet(line[start:end], reason)
            self.drop(line[start:end], reason)
            at = end
        rest.append(line[at:])
        return " ".join(" ".join(rest).split()), spans[-1][2]

    def _title_above(self, above: list[str]) -> str | None:
        for line in reversed(above):
            if (is_headline_like(line) and len(line.split()) >= TITLE_MIN_WORDS
                    and not line_rule(line) and not byline_author(line)
                    and not _DATE_LINE.match(line) and not _BYLINE_AGENCY.match(line)):
                return line
        return None

    def _byline(self, line: str, author: str | None) -> bool:
        """A byline names the story's writers ("By Maria Lopez", `byline_author`): their
        names are the author, and the line is never the title (issue 34)."""
        if author:
            self.author = self.author or author
            self.drop(line, "byline (author)")
        return author is not None

    def _page_header(self, lines: list[str], index: int) -> bool:
        """Bylines and date lines above the story (`lines[index]`, non-empty lines); True
        when the line was consumed."""
        line = lines[index]
        byline, author, date = _header_evidence(line) or (None, None, None)
        if byline:
            self.outlets.append(_outlet_name(byline.group("agency")))
            self.drop(line, "byline (outlet)")
            return True
        if self._byline(line, author):
            return True
        if date:
            next_line = lines[index + 1] if index + 1 < len(lines) else ""
            # A timestamp ("… at 14:15 JST") stamps the article. A bare date above the
            # site's navigation is the page's own "today" (a 2024 date above a 2023 story),
            # so it is never taken as the publication date.
            if date.group("time") or not NAVIGATION.search(next_line):
                self.published = self.published or _date_from_line(date)
                self.drop(line, "publication date line")
            else:
                self.drop(line, "the page's own date (above the site navigation)")
            return True
        return False

    def _read_outlet(self, line: str, reason: str) -> None:
        wires = WIRES.match(line)
        if wires:
            self.outlets.append(_outlet_name(wires.group("outlet")))
        owner = copyright_owner(line)
        if owner and reason in ("copyright or rights notice", "contributor credit"):
            self.outlets.append(_outlet_name(owner))

    def strip_first_line_markers(self) -> None:
        """Scraper date markers and the dateline open the story: metadata, not text."""
        if not self.kept:
            return
        first = self.kept[0]
        marker = _DATE_MARKER.match(first)
        if marker:
            self.published = self.published or dt.date.fromisoformat(marker.group("iso"))
            first = first[marker.end() :]
        dateline = _DATELINE.match(first)
        if dateline:
            self.dateline = dateline.group("place").strip()
            if dateline.group("agency"):
                self.outlets.insert(0, _outlet_name(dateline.group("agency")))
            first = first[dateline.end() :]
        self.kept[0] = first

    def strip_trailing_agency(self) -> None:
        """"…by pooling efforts”. REUTERS": the agency's sign-off ends its last paragraph."""
        for index, line in enumerate(self.kept):
            # (`$` is the end or a last line feed: only a line ending so is searched)
            if not line.rstrip("\n").endswith(_AGENCY_SIGN_OFFS):
                continue
            match = _TRAILING_AGENCY.search(line)
            if match:
                self.outlets.append(_outlet_name(match.group("agency")))
                self.kept[index] = line[: match.start()]


@per_line
def _header_evidence(line: str) -> tuple[re.Match[str] | None, str | None,
                                          re.Match[str] | None] | None:
    """The wire's byline, the byline's author and the date line (`_Cleaner._page_header`)
    the line is, each tested only when the one before is not, or None when it is none:
    read once per line, as the pages of one site repeat the lines above their stories."""
    byline = _BYLINE_AGENCY.match(line)
    author = None if byline else byline_author(line)
    date = None if byline or author is not None else _DATE_LINE.match(line)
    return (byline, author, date) if byline or author is not None or date else None


def strip_dateline(paragraph: str) -> str:
    """A paragraph without the dateline that opens it. Wire digests and updated stories
    repeat datelines inside an article; the first one is read as metadata before this."""
    match = _DATELINE.match(paragraph)
    return paragraph[match.end():] if match else paragraph



def article_lines(article: Article) -> list[str]:
    """The article's text normalized (`normalize_text`), as lines: what cleaning reads."""
    return normalize_text(article.body).split("\n")


def clean_article(article: Article) -> CleanArticle:
    """The story paragraphs of one article and its metadata (metadata the source states,
    in front matter, a page's tags or a feed's fields, always wins)."""
    return clean_lines(article, article_lines(article))


def clean_lines(article: Article, lines: list[str],
                template: frozenset[str] = frozenset()) -> CleanArticle:
    """`clean_article` on lines already normalized, knowing the lines of page template that
    recur in other articles of the event (`template_lines`): the pipeline normalizes each
    article once."""
    cleaner = _Cleaner(article)
    if article.format == "txt":
        cleaner.run_txt(lines, template)
    elif article.format == "md":
        cleaner.kept = _paragraphs(lines)
    else:  # html through the extractor, or a feed's text: one paragraph per line
        cleaner.run_extracted(lines)
    cleaner.strip_first_line_markers()
    cleaner.strip_trailing_agency()
    paragraphs = newswire_quotes([
        joined_contractions(newswire_units(newswire_dashes(strip_dateline(p))))
        for p in cleaner.kept if p])
    title = article.title or cleaner.title
    return CleanArticle(
        path=article.path,
        id=article.id,
        paragraphs=paragraphs,
        title=title_quotes(joined_contractions(newswire_units(title)) if title else title),
        outlet=article.outlet or (cleaner.outlets[0] if cleaner.outlets else None),
        author=article.author or cleaner.author,
        url=article.url,
        published=article.published or cleaner.published,
        dateline=cleaner.dateline,
        dropped=tuple(cleaner.dropped),
        language=story_language(paragraphs),
    )


def _paragraphs(lines: list[str]) -> list[str]:
    """Markdown bodies: paragraphs are separated by blank lines; line breaks are spaces."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines + [""]:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    return paragraphs
