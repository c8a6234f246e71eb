"""Text normalization, before any cleaning: mojibake repaired (ftfy), spaces unified, stray
quote marks dropped, and the newswire's ASCII typography (``quotes'', `inner', ' _ ' dashes)
made typographic. Normalizing normalized text changes nothing (a fixed point)."""

from __future__ import annotations

import re
from functools import lru_cache

import ftfy

from summarize.text.memo import per_line

# Spaces that are not U+0020 (no-break, thin, zero-width…) split or join words invisibly.
_ODD_SPACES = re.compile("[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]")
_RUNS_OF_SPACES = re.compile(r"[ \t]{2,}")
# A quote mark with white space (or the line's edge) on both sides quotes nothing: it is a
# scraping artefact, as in `” In this photo…` or `…will stand.” ”`. Applied to the whole
# text at once, so the space after it stops at the line's end; the mark comes first in the
# pattern and the space before it is looked for behind it (no non-space before the mark),
# which lets the engine skip to quote marks (4x faster than the look-behind first). A
# mark spaced from a single quote mark is a quotation inside a quotation, set apart as
# typography asks (`told him, ‘Go.’ ”`, `“ ‘Star Wars’ is…`): it is kept.
_SINGLE_QUOTES = "‘’'`"
_STRAY_QUOTE = re.compile(
    r"[”“\"](?<!\S.)(?<![" + _SINGLE_QUOTES + r"][^\S\n][”“\"])"
    r"(?:[^\S\n]++(?![" + _SINGLE_QUOTES + r"])|$)", re.MULTILINE)
# Newswire quote marks spaced from what they quote (``  Need …'', … . . . '') attach to
# it, as the typographic ones they become. (The opening mark comes first in its pattern,
# as above; the closing one's spaces come before it, so that pattern, 30x slower, runs
# only where a mark follows white space.)
_SPACED_OPENING = re.compile(r"“(?<!\S“)[^\S\n]+(?=[^\s“”\"" + _SINGLE_QUOTES + r"])")
_SPACED_CLOSING = re.compile(r"(?<=[^\s“”\"" + _SINGLE_QUOTES + r"])[^\S\n]+”(?!\S)")
_SPACED_BEFORE_CLOSING = re.compile(r"”(?<=\s”)")
# Some wire copy types both marks as '' (''disgraceful,'' in 98 of DUC 2006's 1,250
# articles, none of which has a ``): read as closing marks, every quotation in it would
# close one nobody opened. A '' is an opening mark where a straight quote would be one,
# by SmartyPants' rule (Gruber 2002): at the text's start or after white space or an
# opening bracket, and before a non-space; any other '' closes.
_OPENING_PAIR = re.compile(r"''(?<![^\s(\[]'')(?=\S)")
# A quotation inside a quotation, on the wire: `like this' (in 131 of DUC 2006's 1,250
# articles). It closes at the first ' that does not run on into a word, as an apostrophe
# does (`I'm not dressed.'), also the first of three that close both quotations at once.
_NEWSWIRE_SINGLE = re.compile(r"`(?=[^\s'])((?:[^`'‘’\n]|'(?=\w))+)'(?!\w)")


# ftfy's repairs depend on their surroundings: a no-break space or a line's edge beside
# mojibake ("\xa0Â€", " Â a") hides it until spaces are unified, and "&amp;amp;" unescapes
# one level at a time. Normalizing is repeated until it changes nothing (a fixed point, so
# that normalizing normalized text changes nothing), at most this many times.
MAX_PASSES = 3


# What ftfy could change: anything but printable ASCII, tabs and line feeds (mojibake,
# controls, line separators), or "&" (HTML entities). Text without any is left as it is,
# which skips ftfy for most newswire text (94% of the DUC 2006 articles; ftfy was 1.8 s
# of the 1,250).
_ASCII_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False,
                             normalization="NFC", explain=False)


# From the first character ftfy could change (as `ftfy_matters` finds) to its line's end.
_FTFY_LINE = re.compile(r"[^\x20-\x25\x27-\x7e\n\t][^\n]*")


def ftfy_matters(text: str) -> bool:
    """Whether `text` has a character ftfy could change (as the pattern
    `[^\x20-\x7e\n\t]|&` finds, four times faster: str.isascii and `in` are single C
    passes, and one character class is quicker to search than an alternation)."""
    return not text.isascii() or "&" in text or _ASCII_CONTROLS.search(text) is not None


def fix_text(text: str) -> str:
    """ftfy's `fix_text`, run only on the lines it could change. ftfy fixes each line on
    its own anyway, but for one thing: after a line with "<" it stops decoding HTML
    entities ("auto"), which is carried over here. On scraped pages only 15% of the lines
    (43% of the text) have a character ftfy could change: it does a quarter of the work it
    did on whole pages."""
    if not ftfy_matters(text):
        return text
    # (the lines to fix are found by one search through the text, not a test of each line:
    # a page's lines that hold no such character are copied as they are)
    out, at = [], 0
    first_tag = text.find("<")  # (the lines after the one that holds it: unescape False)
    for found in _FTFY_LINE.finditer(text):
        start = text.rfind("\n", 0, found.start()) + 1
        end = found.end() + 1 if text.startswith("\n", found.end()) else found.end()
        out.append(text[at:start])
        out.append(_fixed_line(text[start:end], "auto" if not 0 <= first_tag < start else False))
        at = end
    out.append(text[at:])
    return "".join(out)


@per_line  # (ftfy takes 0.15 ms a line)
def _fixed_line(line: str, unescape_html: str | bool) -> str:
    return _recently_fixed(line, unescape_html)


# (and a paragraph too long for `per_line` is read again by `normalize_text`'s next pass)
@lru_cache(maxsize=64)
def _recently_fixed(line: str, unescape_html: str | bool) -> str:
    return ftfy.fix_text(line, _FTFY._replace(unescape_html=unescape_html))


def _normalize_once(text: str) -> str:
    text = fix_text(text)
    text = _ODD_SPACES.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    # (each substitution once over the whole text, not per line: 3x faster on newswire)
    if "  " in text or "\t" in text:  # (finding one space in every word is slower)
        text = _RUNS_OF_SPACES.sub(" ", text)
    text = _STRAY_QUOTE.sub("", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def normalize_text(text: str) -> str:
    """Repair mojibake, unify spaces, drop stray quote marks; typography is kept as is."""
    for _ in range(MAX_PASSES):
        normalized = _normalize_once(text)
        if normalized == text:
            break
        text = normalized
    return text



# The wires' ASCII dash: "the second black box _ the cockpit voice recorder" (in 557 of
# DUC 2006's 1,250 articles). One that opens a paragraph marks a list item, and stays.
_WIRE_DASH = " _ "


def newswire_dashes(paragraph: str) -> str:
    """The paragraph with the wires' spaced underscore as the dash it stands for."""
    return paragraph.replace(_WIRE_DASH, " \u2014 ") if _WIRE_DASH in paragraph else paragraph


# Wire abbreviations of money and units, in copy from wires whose character set lacked "$"
# (AP's and Xinhua's 1990s copy: "dlrs 2.6 million", "U.S. dlrs 205 million") or that
# wrote money and percentages so (Reuters: "2.6 mln dlrs", "12 pct"). Each is spelled out
# only beside a number, where it cannot be anything else.
_NUMBER = r"\d+(?:[.,]\d+)*"
_SCALES = {"mln": "million", "bln": "billion", "trln": "trillion", "million": "million",
           "billion": "billion", "trillion": "trillion"}
_SCALE = r"(?:\s+(?P<scale>mln|bln|trln|million|billion|trillion)\b)?"
# "U.S. dlrs" is "US$"; other dollars keep their country's name ("Hong Kong dlrs 5").
_CURRENCY = (r"(?:(?P<country>U\.S\.|US|Hong Kong|HK|Canadian|Australian|Singapore|"
             r"New Zealand|Taiwan)\s+)?")
_DOLLARS = re.compile(
    rf"\b{_CURRENCY}dlrs?\.?\s+(?P<number>{_NUMBER}){_SCALE}"
    rf"|\b(?P<number2>{_NUMBER})(?:\s+(?P<scale2>mln|bln|trln|million|billion|trillion))?"
    rf"\s+(?:(?P<country2>U\.S\.|US|Hong Kong|HK|Canadian|Australian|Singapore|New Zealand|"
    rf"Taiwan)\s+)?dlrs?\b")
_UNIT_WORDS = {"pct": "percent", "mln": "million", "bln": "billion", "trln": "trillion",
               "cts": "cents", "yrs": "years", "mths": "months", "wks": "weeks",
               "shrs": "shares"}
_UNITS = re.compile(rf"\b(?P<number>{_NUMBER})\s+(?P<unit>{'|'.join(_UNIT_WORDS)})\b")


def _dollars(match: re.Match[str]) -> str:
    number = match.group("number") or match.group("number2")
    scale = match.group("scale") or match.group("scale2")
    country = match.group("country") or match.group("country2")
    amount = number + (f" {_SCALES[scale]}" if scale else "")
    if country in ("U.S.", "US"):
        return f"US${amount}"
    return f"{amount} {country} dollars" if country else f"${amount}"


# Contractions and possessives split off as tokenizers for parsing write them (the Penn
# Treebank's "did n't", "ca n't", "Wayne 's", and "Wayne ’ s"), in text a corpus was built
# from: a space never stands there in prose, so the pieces are joined back (as the Moses
# detokenizer joins them).
_SPLIT_NOT = re.compile(r"\b(\w+) (n) ?([’']) ?(t)\b", re.IGNORECASE)
_SPLIT_CLITIC = re.compile(r"(?<=\w) ([’']) ?(s|re|m|ve|d|ll)\b", re.IGNORECASE)


_SPLIT_MARKS = (" '", " ’", " n'", " n’", " N'", " N’")


def joined_contractions(text: str) -> str:
    """"did n't" -> "didn't", "Wayne ’ s" -> "Wayne’s"."""
    if not any(split in text for split in _SPLIT_MARKS):
        return text  # (a split form always has a space before its apostrophe or its n)
    return _SPLIT_CLITIC.sub(r"\1\2", _SPLIT_NOT.sub(r"\1\2\3\4", text))


def newswire_units(text: str) -> str:
    """The text with the wires' "dlrs", "pct", "mln", "bln", "cts" … beside a number
    spelled out: "dlrs 2.6 million" and "2.6 mln dlrs" -> "$2.6 million", "12 pct" ->
    "12 percent"."""
    if "dlr" in text:
        text = _DOLLARS.sub(_dollars, text)
    if any(unit in text for unit in _UNIT_WORDS):
        text = _UNITS.sub(lambda m: f"{m.group('number')} {_UNIT_WORDS[m.group('unit')]}", text)
    return text


def newswire_quotes(paragraphs: list[str]) -> tuple[str, ...]:
    """The paragraphs (empty ones left out) with the newswire's ASCII quotation marks
    (``like this'', or ''like this'' in an article with no ``, and `this' inside them) as
    typographic ones. A mark spaced from what it quotes attaches to it, and one that
    quotes nothing goes, as normalizing the text would remove it (`normalize_text`):
    cleaning what cleaning wrote changes nothing."""
    paragraphs = [p for p in paragraphs if p]
    if not any("`" in p or "''" in p for p in paragraphs):
        return tuple(paragraphs)
    if any("``" in p for p in paragraphs):
        opening = [p.replace("``", "\u201c") for p in paragraphs]
    else:
        opening = [_OPENING_PAIR.sub("\u201c", p) for p in paragraphs]
    singles = (_NEWSWIRE_SINGLE.sub("\u2018\\1\u2019", p) if "`" in p else p
               for p in opening)
    typographic = (p.replace("''", "\u201d") for p in singles)
    opened = (_SPACED_OPENING.sub("“", p) for p in typographic)
    attached = (_SPACED_CLOSING.sub("”", p) if _SPACED_BEFORE_CLOSING.search(p) else p
                for p in opened)
    return tuple(p for p in (_STRAY_QUOTE.sub("", p).strip() for p in attached) if p)


def title_quotes(title: str | None) -> str | None:
    """A title (from front matter, a feed or the page) with newswire quotes as the story's."""
    if title and ("`" in title or "''" in title):
        return next(iter(newswire_quotes([title])), None)
    return title

