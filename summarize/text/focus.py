"""Focus: what the reader wants to know about an event, as a short text (a DUC topic, an
editor's question). It biases ranking (biased LexRank, Otterbacher, Erkan & Radev 2005)
and concept weights toward the sentences that answer it.

Where it comes from, first found wins: the event folder's `topic.txt` (a title line, then
optionally a blank line and a narrative), a `focus:` key in an article's front matter, or
`focus.text` in the config. `focus.from_event: false` ignores the first two.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarize.text.words import content_terms, smooth_idf, stem, tokenize, words_in

if TYPE_CHECKING:
    import numpy as np

    from summarize.text.words import EventText

# Words that tell the summarizer what to do rather than what the news is about ("Discuss
# conditions on…", "Include the benefits…"): matching them in articles says nothing about
# relevance. The verbs of request found in question-style topics (DUC 2005-2007, TAC).
INSTRUCTION_WORDS = (
    "discuss describe include identify explain specify provide information details "
    "question questions report reports give list mention"
).split()


def focus_terms(focus: str | None, language: str = "en") -> tuple[str, ...]:
    """Stemmed content words of the focus text, in the event's language; (English)
    instruction words left out."""
    if not focus:
        return ()
    if language != "en":
        words = words_in(language)
        return words.content_terms(words.tokenize(focus))
    instructions = {stem(w) for w in INSTRUCTION_WORDS}
    return tuple(t for t in content_terms(tokenize(focus)) if t not in instructions)


def focus_relevance(text: EventText) -> np.ndarray | None:
    """Cosine of each sentence with the focus in the event's TF-IDF space; None without a
    focus, or when no focus word occurs in the event."""
    if not text.focus:
        return None
    import numpy as np  # (on first use: a run with nothing to build imports this module)

    vocabulary = text.vocabulary
    idf = smooth_idf(text.counts)
    query = np.zeros(len(vocabulary))
    for term in text.focus:
        column = vocabulary.get(term)
        if column is not None:
            query[column] += idf[column]
    norm = np.linalg.norm(query)
    if norm == 0:
        return None
    return np.asarray(text.unit_vectors @ (query / norm)).ravel()
