"""What an article says, in the three views grouping compares it by (`stories.py` weighs
them: `grouping.lead_weight`, `names_weight`, the rest on the text).

- **text**: the words of its title and text, lower-cased, without bare numbers and
  without the stop words of the article's own language.
- **lead**: the same for the title and the text's first paragraphs (`LEAD_PARAGRAPHS`,
  at most `LEAD_WORDS` words). A news story
  opens with who, what, where and when (the inverted pyramid), and its headline and lead
  are what two reports of one event share most; the rest of an article wanders into
  background that other stories of the same kind share too.
- **names**: runs of capitalised words (`North Korea`, `Tara Reid`, `Hà Nội`), each word and
  the run joined (`north_korea`), and numbers of two characters or more (`6.1`, `22/10`,
  `2013`). Named entities are what set apart two events of one kind (Kumaran & Allan 2004,
  "Text classification and named entities for new event detection"): two bank bombings
  share their vocabulary, not their city, victims or death toll. On the development set
  (`benchmarks/grouping.py`) the names view lifts B-cubed F1 from 0.889 to 0.903 on the
  English stories, which all come with a near-twin, and from 0.887 to 0.919 on the
  Vietnamese ones. A sentence's first word is capitalised whatever it is: it counts only
  at the head of a longer run, and not when it is a stop word ("In Hanoi").

Every language by its own words: the article's language is told by `likely_language`
(the English stop-word test, else langid), and its stop words are sumy's English list for
English and jusText's list for the others (Vietnamese among them: its syllables `của`,
`các`, `và` made any two Vietnamese articles alike through English stop words).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from summarize.text.language import likely_language, stop_words
from summarize.text.words import STOP_WORDS, tokenize

# The lead: the title, then the text's first paragraphs, up to so many words (a news lead's
# first two or three sentences), read from the text's first characters (more than enough).
LEAD_PARAGRAPHS = 2
LEAD_WORDS = 60
LEAD_CHARS = 2000
# Every capital letter of the Basic Multilingual Plane, for a character class: `re` has none
# for "upper case" (40 ms once, when grouping first runs).
_CAPITALS = re.escape("".join(c for c in map(chr, range(0x10000)) if c.isupper()))
_CAPITALISED = f"[{_CAPITALS}][^\\W_]*(?:['’.][^\\W_]+)*"
NAME_RUN = re.compile(f"{_CAPITALISED}(?: {_CAPITALISED})*")
NUMBER = re.compile(r"[0-9][0-9.,:/]*[0-9]")
# what precedes a sentence's first word: the text's start, a line break or a sentence's
# end, and perhaps an opening quotation mark or bracket
_OPENS_SENTENCE = re.compile(r"(?:\A|[.!?:]['\"”’)\]]*\s|\n)\s*['\"“‘(\[]?\Z")


@dataclass(frozen=True)
class ArticleViews:
    """An article's language and its bag of terms in each view."""

    language: str
    text: Counter[str]
    lead: Counter[str]
    names: Counter[str]


@lru_cache(maxsize=64)
def grouping_stop_words(language: str) -> frozenset[str]:
    """The stop words an article in `language` is compared without: sumy's English list
    (the pipeline's, `text.words.STOP_WORDS`) for English, jusText's for the others."""
    return STOP_WORDS if language == "en" else stop_words(language)


def article_views(title: str | None, text: str, words: list[str] | None = None
                  ) -> ArticleViews:
    """The views of an article with this title and (story) text; `words`: the text's,
    when already tokenized."""
    whole = f"{title}\n{text}" if title else text
    heading = tokenize(title) if title else []
    words = heading + (tokenize(text) if words is None else words)
    language = likely_language(whole, words)
    stop = grouping_stop_words(language)
    opening = [line for line in text[:LEAD_CHARS].split("\n") if line.strip()]
    lead = heading + tokenize("\n".join(opening[:LEAD_PARAGRAPHS]))[:LEAD_WORDS]
    return ArticleViews(language, content_counts(words, stop), content_counts(lead, stop),
                        Counter(names_and_numbers(whole, stop)))


def content_counts(words: list[str], stop: frozenset[str]) -> Counter[str]:
    """How often each word occurs, stop words and bare numbers left out."""
    counts = Counter(words)  # counted first: far fewer words to filter
    return Counter({w: n for w, n in counts.items() if w not in stop and not w.isdigit()})


def names_and_numbers(text: str, stop: frozenset[str]) -> list[str]:
    """The names view's terms of a text (see the module's docstring), in text order."""
    terms = []
    opens = _OPENS_SENTENCE.search
    for match in NAME_RUN.finditer(text):
        run, start = match.group().lower(), match.start()
        if " " not in run:  # one word: capitalised maybe only for opening its sentence
            if run not in stop and not opens(text, max(0, start - 4), start):
                terms.append(run)
            continue
        words = run.split(" ")
        if words[0] in stop and opens(text, max(0, start - 4), start):
            words = words[1:]  # "In Hanoi", "The White House"
        terms.extend(w for w in words if w not in stop)
        if len(words) > 1:
            terms.append("_".join(words))
    terms.extend(NUMBER.findall(text))
    return terms
