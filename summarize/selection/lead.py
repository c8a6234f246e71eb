"""The lead: the sentences that open the briefing, chosen among the articles' opening
sentences by what the outlets put in their headlines and first sentences (the inverted
pyramid), preferring one that states news, and the headline that says most of what the
lead says.

A news lead says who did what, when or where (the "summary lead" of news writing: Brooks
et al., "News Reporting and Writing"; the 5W1H of Pan & Schneider's lead analysis):
`states_news` asks for a named actor, a main verb in the simple past or present perfect
that is an event, not a state ("was a leader"), and a time or a place. An opening that
gives background ("Melissa is a new and promiscuous virus", "The common wisdom was that
…") or a scene ("Like thousands of children, …") loses to one that states news, unless
the news covers less than half the lead weight (then it is a side story)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence

import numpy as np

from summarize.selection.concepts import ConceptIndex
from summarize.text.tense import PAST, main_group, parse
from summarize.text.words import EventText

# An article states its news in its first sentences (the inverted pyramid): the lead of
# the briefing is chosen among these.
LEAD_POSITIONS = 3
# An opening that states news is preferred to one with more lead weight, up to this share
# of the best opening's: below it the news is another story's.
NEWS_LEAD_SHARE = 0.5

_WHEN = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tonight|yesterday)"
    r"\b|\b(?:this|last)\s+(?:morning|night|evening|afternoon|week|weekend)\b"
    r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)\s+\d{1,2}\b")
_WHERE = re.compile(
    r"\b(?:in|at|near|outside|off|from|into|across|to)\s+(?:the\s+)?(?:(?:northern|southern|"
    r"eastern|western|central|north|south|east|west|downtown|suburban|rural)\s+)?"
    r"[A-Z][a-z]|\bhere\b")
_NOT_NAMES = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January "
                       "February March April May June July August September October "
                       "November December I".split())
_OPENERS = frozenset("The A An This That These Those It He She They We In On At For After "
                     "Before As When While Like".split())


def states_news(text: str) -> bool:
    """Who did what, when or where: a name (a capitalized word that is not a date or the
    sentence's opening function word), a main verb in the past or present perfect that is
    an event (not a lone "was", "were" or "had"), and a time or a place."""
    parsed = parse(text)
    words = parsed.words
    named = any(w[:1].isupper() and w not in _NOT_NAMES and not (k == 0 and w in _OPENERS)
                for k, w in enumerate(words))
    if not named or not (_WHEN.search(text) or _WHERE.search(text)):
        return False
    group = main_group(parsed)
    return (group is not None and group.tense == PAST
            and not (group.end - group.start == 1 and group.head in ("was", "were", "had")))


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
    unplaced: Callable[[int], bool] | None = None,
) -> list[int]:
    """The sentences that open the briefing, chosen among the articles' opening sentences
    (those of the `candidates` mask that pass `accept`), none restating another: those
    that cover the most lead weight (`lead_weights`), then (when outlets share no headline
    words, as two very different stories may) the most concept weight (`concept_weights`);
    each times 1 + the sentence's relevance to the focus (relative to the most relevant
    one) when there is one. Openings that state news (`states_news`) with at least
    NEWS_LEAD_SHARE of the best lead weight come before all others. Of openings with the
    same lead weight (the same news), one that `unplaced` says names a day no date places
    ("yesterday", in an undated article) comes after those that do not."""
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
    late = {i for i in openings if unplaced is not None and unplaced(i)}
    ranked = sorted(openings, key=lambda i: (-values[i][0], i in late, -values[i][1], i))
    accepted: dict[int, bool] = {}

    def stands(i: int) -> bool:  # (`accept` asked best first: of a few openings, not all)
        if i not in accepted:
            accepted[i] = accept is None or accept(i)
        return accepted[i]

    top = next((i for i in ranked if stands(i)), None)
    floor = NEWS_LEAD_SHARE * values[top][0] if top is not None else 0.0
    chosen: list[int] = []

    def fits(i: int) -> bool:
        return stands(i) and all(_cosine(text, i, j) <= max_similarity for j in chosen)

    # news first (asked best first, and only until the lead is full), then the rest
    for i in ranked:
        if len(chosen) == count or values[i][0] < floor:
            break
        if states_news(text.sentences[i].text) and fits(i):
            chosen.append(i)
    for i in ranked:
        if len(chosen) == count:
            break
        if i not in chosen and fits(i):
            chosen.append(i)
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
