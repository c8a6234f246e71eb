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
the news covers less than half the lead weight (then it is a side story).

Which news leads (`choose_lead`):

- the development most outlets report: the lead weight of an opening is how many
  independent stories put its words in their headline or first sentence (position and
  lead features are the strongest single signals of word importance in news: Hong &
  Nenkova 2014, "Improving the estimation of word importance for news multi-document
  summarization");
- when the articles span days, the latest of it: an opening from a later-dated article
  that tells of the same story (SAME_STORY_TERMS content words) leads over
  the earlier one, as an update summary states what the later articles add (TAC 2008-2011
  update task; the publication date is the ordering evidence of Barzilay, Elhadad &
  McKeown 2002, "Inferring strategies for sentence ordering in multidocument news
  summarization"). Undated articles give no date; among them an opening that announces
  a plan yields to a comparable one that reports something done;
- it stands alone: an opening with a relative day no date places ("yesterday", "this
  morning") or a description of something it never names ("the supermarket") yields to a
  comparable one without (`stands_alone`);
- for a topic (an event with a focus, as DUC 2005-2007's query-focused task gives), the
  sentence that best answers it: relevance to the topic, times 1 + the share of the
  concept weight it covers (how central it is), among all the event's sentences, not its
  openings only."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

import numpy as np

from summarize.selection.concepts import ConceptIndex
from summarize.selection.currency import MIN_SHARED_TERMS
from summarize.selection.dating import announces_future, unplaced_days
from summarize.selection.mentions import in_quotation
from summarize.selection.names import POSITIONS, is_role_head
from summarize.selection.references import opening_description
from summarize.text.tense import PAST, main_group, parse
from summarize.text.words import EventText

# An article states its news in its first sentences (the inverted pyramid): the lead of
# the briefing is chosen among these.
LEAD_POSITIONS = 3
# An opening that states news is preferred to one with more lead weight, up to this share
# of the best opening's: below it the news is another story's.
NEWS_LEAD_SHARE = 0.5
# A later opening tells of the same story as the central one when they share this many
# content words (as `currency.same_happening` asks of two counts).
SAME_STORY_TERMS = MIN_SHARED_TERMS
# ... and it has at least this share of the best opening's lead weight: below it, the
# later article tells another story (on the ECB+ stories, a later conviction has 0.21 of
# the lead weight of the shooting it follows).
LATEST_SHARE = 0.15
# A later article states its development in its first sentences; a standfirst or a title
# given as the first sentence may come before it.
LATEST_POSITIONS = 2
# An opening that cannot stand alone yields to one that can with at least this share of its
# value.
COMPARABLE = 0.7

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


# (asked of each opening again in every round of selection: kept per sentence)
@lru_cache(maxsize=1 << 14)
def states_news(text: str) -> bool:
    """Who did what, when or where: a name (a capitalized word that is not a date or the
    sentence's opening function word), a main verb in the past or present perfect that is
    an event (not a lone "was", "were" or "had"), and a time or a place."""
    if not (_WHEN.search(text) or _WHERE.search(text)):
        return False  # (before parsing: the cheap test first)
    parsed = parse(text)
    words = parsed.words
    named = any(w[:1].isupper() and w not in _NOT_NAMES and not (k == 0 and w in _OPENERS)
                for k, w in enumerate(words))
    if not named:
        return False
    group = main_group(parsed)
    return (group is not None and group.tense == PAST
            and not (group.end - group.start == 1 and group.head in ("was", "were", "had")))


class LeadWeights(dict[int, int]):
    """`lead_weights`: concept code -> weight; and each sentence's lead value (the weights
    of its codes, summed) and the best opening's, each computed once: selection asks for
    them again in every round."""

    def __init__(self, weights: dict[int, int], text: EventText, index: ConceptIndex):
        super().__init__(weights)
        self.text, self.index = text, index
        self._values: dict[int, float] = {}
        self._best_opening: float | None = None

    def value(self, sentence: int) -> float:
        """The weight of the sentence's concept codes."""
        if sentence not in self._values:
            self._values[sentence] = float(sum(self.get(c, 0) for c in
                                               self.index.codes_of_sentence(sentence)))
        return self._values[sentence]

    def best_opening(self) -> float:
        """The highest value of an article's opening sentences (LEAD_POSITIONS)."""
        if self._best_opening is None:
            self._best_opening = max(
                self.value(i) for i, sentence in enumerate(self.text.sentences)
                if sentence.position < LEAD_POSITIONS)
        return self._best_opening


def lead_weights(
    text: EventText,
    index: ConceptIndex,
    groups: Sequence[Sequence[int]],
) -> LeadWeights:
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
    return LeadWeights({c: len(s) for c, s in leading.items() if len(s) >= floor}, text,
                       index)


_THE = re.compile(r"\bthe\s+(?=[a-z])")


def unresolved_inside(text: str) -> str | None:
    """A definite description inside the sentence that it does not introduce ("tackled the
    blaze on the roof of the supermarket"): a "the" phrase without a name, a number, a
    restrictive modifier or a superlative (Vieira & Poesio 2000, as
    `references.opening_description` reads the one that opens a sentence), whose head no
    word before it in the sentence names."""
    for match in _THE.finditer(text):
        found = opening_description("The " + text[match.end():])
        if found is None:
            continue
        phrase, head = found
        before = text[:match.start()]
        # ("the two leaders", "the officer": people the sentence has named before)
        named = is_role_head(head) and any(w[:1].isupper() for w in before.split()[1:])
        if not head or not (named or head.lower() in before.lower()):
            return phrase.replace("The ", "the ", 1)
    return None


_FIRST_PERSON = re.compile(r"\b(?:I|we|my|our|me|us)\b")
# "Technology that allows for its implementation is new.": a pronoun before any name.
_PRONOUN = re.compile(r"\b(?:it|its|they|their|them|he|his|him|she|her)\b")


# Nouns a "he" or "she" later in the sentence stands for: "a son accused of killing his
# mother" (a role or title, `names.is_role_head`, stands for one as well).
PERSON_NOUNS = frozenset("man woman boy girl son daughter mother father brother sister wife "
                         "husband child teenager teen baby person resident student driver "
                         "suspect victim worker pilot passenger patient defendant".split())


def _pronoun_first(text: str) -> bool:
    """A third-person pronoun comes before any name (a capitalized word after the first)
    the sentence gives, and a "he" or "she" before any person it could stand for."""
    pronoun = _PRONOUN.search(text)
    if pronoun is None:
        return False
    first = text.split(None, 1)
    rest_start = len(first[0]) if first else 0
    name = re.search(r"\b[A-Z][a-z]", text[rest_start:])
    if name is not None and name.start() + rest_start < pronoun.start():
        return False
    if pronoun.group() in ("it", "its", "they", "their", "them"):
        return True
    before = re.findall(r"[a-z]+", text[:pronoun.start()].lower())
    return not any(w in PERSON_NOUNS or (is_role_head(w) and w not in POSITIONS)
                   for w in before)


@lru_cache(maxsize=1 << 14)  # (asked of the same openings in every round of selection)
def stands_alone(text: str) -> bool:
    """A lead a reader can take in first: no relative day that no date places, no
    description of something it never names, no pronoun before the names it could stand
    for, no "I" or "we" outside a quotation (a columnist's, whom no one named)."""
    return not unplaced_days(text) and unresolved_inside(text) is None \
        and not _pronoun_first(text) and not any(
            not in_quotation(text, m.start()) for m in _FIRST_PERSON.finditer(text))


def has_topic(relevance: np.ndarray | None) -> bool:
    """The event has a topic its sentences answer (a focus some sentence is relevant to)."""
    return relevance is not None and float(relevance.max()) > 0


def lead_unchanged(text: EventText, left_out: Iterable[int], topic: bool) -> bool:
    """Whether `choose_lead`, asked again with the same budget and the sentences
    `left_out` newly left out, chooses as before: without a topic it reads the articles'
    openings alone (LEAD_POSITIONS), so when none of them is left out."""
    return not topic and not any(text.sentences[i].position < LEAD_POSITIONS
                                 for i in left_out)


def choose_lead(
    text: EventText,
    candidates: np.ndarray,
    index: ConceptIndex,
    weights: LeadWeights,
    count: int,
    max_similarity: float,
    relevance: np.ndarray | None = None,
    concept_weight: np.ndarray | None = None,
    accept: Callable[[int], bool] | None = None,
    unplaced: Callable[[int], bool] | None = None,
) -> list[int]:
    """The sentences that open the briefing (those of the `candidates` mask that pass
    `accept`), none restating another, in this order of preference:

    - with a focus (`relevance`): every candidate, by relevance times 1 + the concept
      weight it covers (`concept_weight`, relative to the most any covers), the best
      answer to the topic first;
    - else the articles' opening sentences (LEAD_POSITIONS), by the lead weight they cover
      (`lead_weights`), then (when outlets share no headline words) by concept weight;
      those that state news (`states_news`) with at least NEWS_LEAD_SHARE of the best
      lead weight first, and of these the latest development (`_latest`) before the rest.

    An opening that does not stand alone (`stands_alone`; for undated articles, one that
    announces a plan) yields to the next one that does with COMPARABLE of its value. Of
    candidates of the same value (the same news), one that `unplaced` says names a day no
    date places ("yesterday", in an undated article) comes after those that do not."""
    if concept_weight is not None and len(concept_weight):
        covered = np.asarray(index.incidence @ concept_weight).ravel()
    else:
        covered = np.zeros(len(text.sentences))
    topic = has_topic(relevance)
    if topic:
        pool = [int(i) for i in np.flatnonzero(candidates)]
        most = float(covered[pool].max()) if pool else 0.0
        values = {i: (float(relevance[i]) * (1.0 + (covered[i] / most if most > 0 else 0.0)),
                      covered[i]) for i in pool}
    else:
        pool = [int(i) for i in np.flatnonzero(candidates)
                if text.sentences[i].position < LEAD_POSITIONS]
        values = {i: (weights.value(i), covered[i]) for i in pool}
    late = {i for i in pool if unplaced is not None and unplaced(i)}
    ranked = sorted(pool, key=lambda i: (-values[i][0], i in late, -values[i][1], i))
    accepted: dict[int, bool] = {}

    def stands(i: int) -> bool:  # (`accept` asked best first: of a few candidates, not all)
        if i not in accepted:
            accepted[i] = accept is None or accept(i)
        return accepted[i]

    latest = None
    if not topic:
        top = next((i for i in ranked if stands(i)), None)
        floor = NEWS_LEAD_SHARE * values[top][0] if top is not None else 0.0
        news = [i for i in ranked if values[i][0] >= floor
                and states_news(text.sentences[i].text) and stands(i)]
        latest = _latest(text, ranked, values, weights, news[0] if news else top,
                         stands)
        first = ([latest] if latest is not None else []) + [i for i in news if i != latest]
        ranked = first + [i for i in ranked if i not in first]
    if latest is None:  # (the latest news is not given up for a better read)
        ranked = _standing_first(text, ranked, values, topic, stands)
    chosen: list[int] = []
    for i in ranked:
        if len(chosen) == count:
            break
        if stands(i) and all(_cosine(text, i, j) <= max_similarity for j in chosen):
            chosen.append(i)
    return chosen


def _latest(text: EventText, ranked: list[int], values: dict[int, tuple[float, float]],
            weights: LeadWeights, central: int | None,
            stands: Callable[[int], bool]) -> int | None:
    """The opening of the latest development of the main story, when it is later than the
    `central` one: of the articles' first sentences (`_opens`) that state news, stand
    alone, share SAME_STORY_TERMS content words with the central one and have LATEST_SHARE
    of the best opening's lead weight, from articles dated after its (after none, when its
    article is undated), the best of the latest date."""
    if central is None:
        return None
    # (an undated opening is not known to be later than any dated one: then every dated
    # opening is later than it)
    since = text.articles[text.sentences[central].article].published

    def later_than_central(i: int) -> bool:
        published = text.articles[text.sentences[i].article].published
        return published is not None and (since is None or published > since)

    story = set(text.terms[central])
    # (of the event's openings, whether or not they may be chosen now: the floor stays
    # when selection runs again without some of them)
    floor = LATEST_SHARE * weights.best_opening()
    later = [i for i in ranked if later_than_central(i)
             and values[i][0] >= floor and _opens(text, i)
             and len(story & set(text.terms[i])) >= SAME_STORY_TERMS]
    for i in sorted(later, key=lambda i: -text.articles[text.sentences[i].article]
                    .published.toordinal()):  # type: ignore[union-attr]
        sentence = text.sentences[i].text
        if states_news(sentence) and stands_alone(sentence) and stands(i):
            return i  # (sorted is stable: the best of the latest date first)
    return None


def _opens(text: EventText, i: int) -> bool:
    """One of its article's first two sentences, where a later article says what is new
    (the third, more often, says it again in a clause that leans on them: "The Saints
    made that move only one day after …")."""
    return text.sentences[i].position < LATEST_POSITIONS


def _standing_first(text: EventText, ranked: list[int],
                    values: dict[int, tuple[float, float]], topic: bool,
                    stands: Callable[[int], bool]) -> list[int]:
    """`ranked` with the first candidate that `stands`, when it does not stand alone,
    after the first one that does, has COMPARABLE of its value and is not from an older
    article, nor, when the first is dated, from an undated one (a later development is not
    given up for a background sentence that reads better). With a topic, `ranked` is by
    value: the search stops below COMPARABLE."""
    def flawed(i: int) -> bool:
        sentence = text.sentences[i]
        return not stands_alone(sentence.text) or (
            not topic and text.articles[sentence.article].published is None
            and announces_future(sentence.text))

    def date(i: int) -> dt.date | None:
        return text.articles[text.sentences[i].article].published

    head = next((i for i in ranked if stands(i)), None)
    if head is None or not flawed(head):
        return ranked
    since = date(head)
    news = not topic and states_news(text.sentences[head].text)
    for j in ranked[ranked.index(head) + 1:]:
        if news and not states_news(text.sentences[j].text):
            continue  # (news is not given up for background that reads better)
        if values[j][0] < COMPARABLE * values[head][0]:
            if topic:
                break
            continue
        if (since is None or (date(j) or dt.date.min) >= since) and stands(j) \
                and not flawed(j):
            return [j] + [i for i in ranked if i != j]
    return ranked


def headline_values(titles: Sequence[str], lead: str, index: ConceptIndex,
                    weights: dict[int, int]) -> list[tuple[int, int]]:
    """For each title: how much it says of what the lead says (shared concepts, each
    counting 1 + its lead weight), and how much lead weight it covers."""
    *coded, lead_codes = index.codes_of_texts([*titles, lead])
    return [(sum(1 + weights.get(c, 0) for c in codes & lead_codes),
             sum(weights.get(c, 0) for c in codes)) for codes in coded]


def _cosine(text: EventText, a: int, b: int) -> float:
    return float((text.unit_vectors[a] @ text.unit_vectors[b].T).toarray()[0, 0])
