"""The whole path from one event folder to its briefing, in one place.

    1. load        inputs.loading.load_event             files        -> Article
    2. clean       text.cleaning.clean_lines             Article      -> CleanArticle
    3. split       text.segmenting.split_sentences       paragraphs   -> Sentence (weekdays dated)
    4. words       text.words.prepare_text               sentences    -> EventText (once; + focus)
    5. duplicates  selection.redundancy.find_duplicates  copies of a story are ranked once
    6. rank        ranking.rank_sentences                EventText    -> one score per sentence
    7. corroborate selection.eligibility.Eligibility     which sentences can stand alone
                   (selection.redundancy.corroborate     candidates   -> the sources backing each,
                                                         for mmr / threshold, which weigh them)
    8. select      selection.lead.choose_lead            the article opening that states the news
                   selection.concepts.select_by_concepts concepts, scores -> chosen (budget)
                   (or selection.strategies.select_sentences for mmr / threshold)
                   selection.redundancy.corroborate      chosen       -> the sources backing each
    9. order       selection.ordering.order_sentences    lead first, then reading order
   10. render      outputs/                              Briefing     -> JSON data -> Markdown

Each stage takes plain data and returns plain data; none reaches back into an earlier one.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from summarize.config import ConceptSelector, Config
from summarize.errors import InputError
from summarize.inputs.dates import settle_day_month
from summarize.inputs.loading import load_event
from summarize.models import (
    Briefing,
    ChosenSentence,
    CleanArticle,
    Event,
    Sentence,
    SkippedFile,
)
from summarize.ranking import rank_sentences
from summarize.selection.concepts import ConceptIndex, event_concepts, select_by_concepts
from summarize.selection.dating import date_weekdays
from summarize.selection.eligibility import Eligibility
from summarize.selection.focus import focus_relevance, focus_terms
from summarize.selection.lead import choose_lead, headline_values, lead_weights
from summarize.selection.ordering import order_sentences
from summarize.selection.redundancy import corroborate, find_duplicates, independent_sources
from summarize.selection.strategies import select_sentences
from summarize.selection.titles import headline_from, is_all_caps, is_wire_slug, truecase
from summarize.text.cleaning import article_lines, clean_lines, template_lines
from summarize.text.segmenting import names_in, split_sentences
from summarize.text.words import (
    DocumentFrequencies,
    EventText,
    content_terms,
    prepare_text,
    tokenize,
)
from summarize.timing import StageTimer

log = logging.getLogger(__name__)

SUPPORTED_LANGUAGES = ("en",)


@dataclass(frozen=True)
class PreparedEvent:
    """An event after cleaning and splitting: what `summarize sentences` shows."""

    slug: str
    articles: tuple[CleanArticle, ...]
    sentences: tuple[Sentence, ...]
    skipped: tuple[SkippedFile, ...]
    # (path, encoding) of the articles that were not UTF-8, for the run report
    decoded: tuple[tuple[str, str], ...] = ()
    focus: str | None = None  # the event's own focus (summarize/selection/focus.py)


def prepare_event(event: Event, timer: StageTimer | None = None) -> PreparedEvent:
    """Clean every article and split it into sentences; articles left empty are skipped."""
    timer = timer or StageTimer()
    articles: list[CleanArticle] = []
    sentences: list[Sentence] = []
    skipped = list(event.skipped)
    with timer.stage("clean"):
        # dates like 07/12/1998 read the way the outlet's other dates here are written
        event_articles = settle_day_month(event.articles)
        lines = [article_lines(article) for article in event_articles]
        template = template_lines(event_articles, lines)
    for article, own_lines in zip(event_articles, lines):
        with timer.stage("clean"):
            clean = clean_lines(article, own_lines, template)
        if clean.language not in SUPPORTED_LANGUAGES + (None,):
            # Stop words, stemming and the splitter are English: another language would be
            # summarized as noise.
            reason = f"language {clean.language}: not supported"
            log.warning("%s: skipped: %s", article.path, reason)
            skipped.append(SkippedFile(article.path, reason))
            continue
        with timer.stage("split"):
            # ("…from strongman Hun Sen. He said…": the name may be written in full elsewhere)
            names = names_in("\n".join(clean.paragraphs))
            texts = [date_weekdays(s, clean.published) for paragraph in clean.paragraphs
                     for s in split_sentences(paragraph, names)]
        if not texts:
            log.warning("%s: skipped: no sentences after cleaning", article.path)
            skipped.append(SkippedFile(article.path, "no sentences after cleaning"))
            continue
        index = len(articles)
        articles.append(clean)
        sentences.extend(Sentence(t, index, p) for p, t in enumerate(texts))
    decoded = tuple((a.path, a.encoding) for a in event.articles
                    if a.encoding not in ("utf-8", "utf-8-sig"))
    return PreparedEvent(event.slug, tuple(articles), tuple(sentences), tuple(skipped), decoded,
                         event.focus)


def load_prepared(folder: Path, root: Path, max_article_bytes: int,
                  timer: StageTimer | None = None,
                  max_event_bytes: int | None = None) -> PreparedEvent:
    """Stages 1-3 for one event folder; InputError when no article is left to summarize."""
    timer = timer or StageTimer()
    with timer.stage("load"):
        event = load_event(folder, root, max_article_bytes, max_event_bytes)
    return prepare_loaded(event, timer)


def prepare_loaded(event: Event, timer: StageTimer | None = None) -> PreparedEvent:
    """Stages 2-3 for a loaded event; InputError when no article is left to summarize."""
    if not event.articles:
        raise InputError("no readable articles", event.skipped)
    prepared = prepare_event(event, timer)
    if not prepared.articles:
        raise InputError("no article has any sentence after cleaning", prepared.skipped)
    return prepared


def summarize_event(event: Event, config: Config, timer: StageTimer | None = None) -> Briefing:
    """Run stages 2-9 on a loaded event and return its briefing as data."""
    timer = timer or StageTimer()
    return summarize_prepared(prepare_event(event, timer), config, timer)


def summarize_prepared(prepared: PreparedEvent, config: Config,
                       timer: StageTimer | None = None,
                       background: DocumentFrequencies | None = None) -> Briefing:
    """Run stages 4-9 on a cleaned and split event; `background` holds the run's term
    statistics when the ranker uses them (`idf: batch`)."""
    timer = timer or StageTimer()
    focus = (prepared.focus if config.focus.from_event else None) or config.focus.text
    with timer.stage("words"):
        text = prepare_text(prepared.sentences, prepared.articles, background,
                            focus_terms(focus))
    with timer.stage("duplicates"):
        groups = find_duplicates(text, config.duplicates.threshold,
                                 config.duplicates.sentence_similarity)
        for group in groups:
            if len(group) > 1:
                log.info("%s: copies of one story: %s", prepared.slug,
                         ", ".join(prepared.articles[a].path for a in group))
    with timer.stage("rank"):
        scores = _rank_once_per_story(text, groups, config)
    with timer.stage("corroborate"):
        # Concept coverage asks whether a sentence can stand alone only of those it
        # reaches (selection.Eligibility); MMR and the threshold weigh every candidate's
        # independent sources, so they need all of them, and their sources, now.
        eligibility = Eligibility(text, config.selector)
        allowed = eligibility.possible & np.isfinite(scores)
        backing: dict[int, tuple[int, ...]] = {}
        support = np.zeros(len(text.sentences))
        if not isinstance(config.selector, ConceptSelector):
            allowed &= eligibility.mask()
            candidates = np.flatnonzero(allowed)
            backing = dict(zip(candidates.tolist(), corroborate(
                text, candidates, config.corroboration.min_similarity)))
            support[candidates] = independent_sources(list(backing.values()), groups)
    with timer.stage("select"):
        relevance = focus_relevance(text)
        index, weights = event_concepts(text, groups, config.selector, relevance)
        leading = lead_weights(text, index, groups)
        fits = allowed.copy()  # a lead longer than the whole budget cannot open it
        if config.budget.words is not None:
            fits &= text.word_counts <= config.budget.words
        lead = choose_lead(text, fits, index, leading, config.output.lead_sentences,
                           config.selector.max_similarity, relevance, weights, eligibility)
        if isinstance(config.selector, ConceptSelector):
            chosen = select_by_concepts(text, scores, config.selector, config.budget, allowed,
                                        index, weights, required=lead, accept=eligibility)
        else:
            chosen = select_sentences(text, scores, config.selector, config.budget, support,
                                      config.corroboration.weight, allowed, required=lead)
    if not chosen:
        raise InputError(f"no sentence can stand alone in a briefing (of {len(text.sentences)}:"
                         " all too short, too long, fragments, questions or quotations)")
    with timer.stage("corroborate"):
        unsupported = [i for i in chosen if i not in backing]
        backing.update(zip(unsupported, corroborate(text, unsupported,
                                                    config.corroboration.min_similarity)))
    with timer.stage("order"):
        picked = [ChosenSentence(text.sentences[i], float(scores[i]), backing[i])
                  for i in chosen]
        # The lead opens the briefing; the key points follow in the configured order.
        ordered = picked[:len(lead)] + order_sentences(picked[len(lead):], prepared.articles,
                                                       config.order.strategy)
    return Briefing(
        event=prepared.slug,
        title=_event_title(prepared.slug, prepared.articles, prepared.sentences, ordered,
                           len(lead), index, leading),
        sentences=tuple(ordered),
        lead=frozenset(range(len(lead))),
        articles=prepared.articles,
        config=config.effective(),
    )


def run_statistics(events: list[PreparedEvent]) -> DocumentFrequencies:
    """Term statistics over the sentences of every event of a run (for `idf: batch`)."""
    return DocumentFrequencies.of(
        [[content_terms(tokenize(s.text)) for s in event.sentences] for event in events])


def _rank_once_per_story(text: EventText, groups: list[list[int]], config: Config) -> np.ndarray:
    """Scores for the sentences of each story's representative (its longest copy, first in
    its group); NaN for the other copies, so that a story is not central because it was
    syndicated."""
    representatives = {group[0] for group in groups}
    if len(representatives) == len(text.articles):
        return rank_sentences(text, config.ranker)  # no copies: rank the event as it is
    members = [i for i, s in enumerate(text.sentences) if s.article in representatives]
    subset = EventText(
        sentences=tuple(text.sentences[i] for i in members),
        articles=text.articles,
        tokens=tuple(text.tokens[i] for i in members),
        terms=tuple(text.terms[i] for i in members),
        background=text.background,
        focus=text.focus,
    )
    scores = np.full(len(text.sentences), np.nan)
    scores[members] = rank_sentences(subset, config.ranker)
    return scores


def _event_title(slug: str, articles: tuple[CleanArticle, ...], sentences: tuple[Sentence, ...],
                 chosen: list[ChosenSentence], lead_count: int, index: ConceptIndex,
                 leading: dict[int, int]) -> str:
    """A headline for the event: the article title that says most of what the lead says,
    then that covers most of what the outlets led with (`lead.lead_weights`), then the
    title of the lead's article, then the earliest listed; a wire's slug line only when no
    other exists, titles in capitals only when no other does, then in their usual case.
    Without any title, the lead's first clause; else the folder name."""
    lead_articles = {c.sentence.article for c in chosen[:lead_count]}
    lead_text = " ".join(c.sentence.text for c in chosen[:lead_count])
    titled = [a for a in range(len(articles)) if articles[a].title]
    if titled:
        values = dict(zip(titled, headline_values([articles[a].title or "" for a in titled],
                                                  lead_text, index, leading)))
        best = max(titled, key=lambda a: (not is_wire_slug(articles[a].title or ""),
                                          not is_all_caps(articles[a].title or ""),
                                          values[a], a in lead_articles, -a))
        title = articles[best].title or slug
        return truecase(title, [s.text for s in sentences]) if is_all_caps(title) else title
    if chosen and lead_count:
        return headline_from(chosen[0].sentence.text)
    return slug.replace("-", " ").replace("_", " ").strip().capitalize() or slug
