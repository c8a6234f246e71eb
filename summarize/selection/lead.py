"""The lead: the sentences that open the briefing, chosen among the articles' opening
sentences by what the outlets put in their headlines and first sentences (the inverted
pyramid), and the headline that says most of what the lead says."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

import numpy as np

from summarize.selection.concepts import ConceptIndex
from summarize.text.words import EventText

# An article states its news in its first sentences (the inverted pyramid): the lead of
# the briefing is chosen among these.
LEAD_POSITIONS = 3


def lead_weights(
    text: EventText,
    index: ConceptIndex,
    groups: Sequence[Sequence[int]],
) -> dict[int, int]:
    """What the news is, by what outlets put in their headlines and first sentences (the
    inverted pyramid): for each concept code, the number of independent stories whose title
    or first sentence contains it, for concepts in two stories at least."""
    story = {article: number for number, group in enumerate(groups) for article in group}
    leading: dict[int, set[int]] = defaultdict(set)
    titled = [number for number, article in enumerate(text.articles) if article.title]
    for number, codes in zip(titled, index.codes_of_texts(
            [text.articles[number].title or "" for number in titled])):
        for code in codes:
            leading[code].add(story[number])
    for i, sentence in enumerate(text.sentences):
        if sentence.position == 0:
            for code in index.codes_of_sentence(i):
                leading[code].add(story[sentence.article])
    floor = min(2, len(groups))
    return {c: len(s) for c, s in leading.items() if len(s) >= floor}


def choose_lead(
    text: EventText,
    candidates: np.ndarray,
    index: ConceptIndex,
    weights: dict[int, int],
    count: int,
    max_similarity: float,
    relevance: np.ndarray | None = None,
    concept_weight: np.ndarray | None = None,
    accept: Callable[[int], bool] | None = None,
) -> list[int]:
    """The sentences that open the briefing, chosen among the articles' opening sentences
    (those of the `candidates` mask that pass `accept`), none restating another: those
    that cover the most lead weight (`lead_weights`), then (when outlets share no headline
    words, as two very different stories may) the most concept weight (`concept_weights`);
    each times 1 + the sentence's relevance to the focus (relative to the most relevant
    one) when there is one."""
    openings = [int(i) for i in np.flatnonzero(candidates)
                if text.sentences[i].position < LEAD_POSITIONS]
    top = relevance.max() if relevance is not None else 0.0

    def value(i: int) -> tuple[float, float]:
        focus = 1.0 + (relevance[i] / top if top > 0 else 0.0)
        leading = sum(weights.get(c, 0) for c in index.codes_of_sentence(i))
        covered = float(concept_weight[list(index.of_sentence(i))].sum()) \
            if concept_weight is not None else 0.0
        return leading * focus, covered * focus

    values = {i: value(i) for i in openings}
    chosen: list[int] = []
    for i in sorted(openings, key=lambda i: (-values[i][0], -values[i][1], i)):
        if len(chosen) == count:
            break
        if (accept is None or accept(i)) and all(_cosine(text, i, j) <= max_similarity
                                                 for j in chosen):
            chosen.append(i)  # (`accept` asked best first: of a few openings, not all)
    return chosen


def headline_values(titles: Sequence[str], lead: str, index: ConceptIndex,
                    weights: dict[int, int]) -> list[tuple[int, int]]:
    """For each title: how much it says of what the lead says (shared concepts, each
    counting 1 + its lead weight), and how much lead weight it covers."""
    *coded, lead_codes = index.codes_of_texts([*titles, lead])
    return [(sum(1 + weights.get(c, 0) for c in codes & lead_codes),
             sum(weights.get(c, 0) for c in codes)) for codes in coded]


def _cosine(text: EventText, a: int, b: int) -> float:
    return float((text.unit_vectors[a] @ text.unit_vectors[b].T).toarray()[0, 0])
