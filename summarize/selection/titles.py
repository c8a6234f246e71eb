"""The briefing's title: a headline from the articles in sentence case, never shouting."""

from __future__ import annotations

import re

_LETTERS = re.compile(r"[^\W\d_]")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
HEADLINE_MAX_WORDS = 14


def is_all_caps(title: str) -> bool:
    """Written in capitals ("STUDY SAYS INDIANS ARE VICTIMS"): shouting, to a reader."""
    letters = _LETTERS.findall(title)
    words = [w for w in title.split() if _LETTERS.search(w)]
    return len(words) >= 2 and len(letters) >= 6 and all(c.isupper() for c in letters)


# A wire's slug line (ANPA 1312 keyword line): a budget code, the story's keywords joined
# by hyphens, its word count ("BC-NJ--Evolution & Schools,730"). Feeds pass it on as the
# title when the headline is missing; it is a filing label, not a headline.
_SLUG = re.compile(r"^[A-Z]{1,4}-\S*-|(?<=[^\W\d_]),\d{2,5}$")


def is_wire_slug(title: str) -> bool:
    return bool(_SLUG.search(title.strip()))


def truecase(title: str, sentences: list[str]) -> str:
    """A capitals-only title in sentence case, each word as the event's sentences usually
    write it inside a sentence ("Indians", "casino"); the first word capitalized (after
    Lita et al. 2003, truecasing by the most frequent form)."""
    forms: dict[str, dict[str, int]] = {}
    for sentence in sentences:
        for match in list(_TOKEN.finditer(sentence))[1:]:  # the first word is capitalized anyway
            word = match.group()
            counts = forms.setdefault(word.lower(), {})
            counts[word] = counts.get(word, 0) + 1

    def usual(match: re.Match[str]) -> str:
        word = match.group()
        seen = forms.get(word.lower())
        if not seen:
            return word.lower()
        return max(seen.items(), key=lambda kv: (kv[1], kv[0]))[0]

    cased = _TOKEN.sub(usual, title)
    first = _LETTERS.search(cased)
    if first:
        cased = cased[: first.start()] + cased[first.start()].upper() + cased[first.start() + 1:]
    return cased


def headline_from(sentence: str) -> str:
    """A headline from the lead sentence: its first clause, at most HEADLINE_MAX_WORDS
    words (cut at a word, marked with "…"), without the final period."""
    clause = re.split(r",\s|;\s|\s[—–]\s|\s--\s", sentence, maxsplit=1)[0].rstrip(" .")
    words = clause.split()
    if len(words) > HEADLINE_MAX_WORDS:
        return " ".join(words[:HEADLINE_MAX_WORDS]) + "…"
    return clause
