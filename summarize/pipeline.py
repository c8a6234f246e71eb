"""The whole path from one event folder to its briefing, in one place.

    1. load        inputs.loading.load_event             files        -> Article
    2. clean       text.cleaning.clean_lines             Article      -> CleanArticle
       language    pipeline.event_language               the event's main language; articles
                                                         in others are listed as coverage
    3. split       text.segmenting.split_sentences       paragraphs   -> Sentence (weekdays dated)
    4. words       text.words.prepare_text               sentences    -> EventText (once; + focus)
    5. duplicates  selection.redundancy.find_duplicates  copies of a story are ranked once
    6. rank        ranking.rank_sentences                EventText    -> one score per sentence
    7. corroborate selection.eligibility.Eligibility     which sentences can stand alone
                   selection.currency.Currency           and which a later one overtakes
                   (selection.redundancy.corroborate     candidates   -> the sources backing each,
                                                         for mmr / threshold, which weigh them)
    8. select      selection.lead.choose_lead            the article opening that states the news
                   selection.concepts.select_by_concepts concepts, scores -> chosen (budget)
                   (or selection.strategies.select_sentences for mmr / threshold)
                   selection.references                  again, until each person, acronym,
                                                         description is resolved where read
                   selection.redundancy.corroborate      chosen       -> the sources backing each
    9. order       selection.ordering.order_sentences    lead first, then reading order
   10. render      outputs/                              Briefing     -> JSON data -> Markdown

Each stage takes plain data and returns plain data; none reaches back into an earlier one.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from summarize.config import ConceptSelector, Config, Languages
from summarize.errors import InputError
from summarize.inputs.dates import settle_day_month
from summarize.inputs.loading import NESTED_FOLDER, load_event
from summarize.models import (
    Briefing,
    ChosenSentence,
    CleanArticle,
    Event,
    Sentence,
    SkippedFile,
)
from summarize.ranking import rank_sentences
from summarize.selection.casing import (
    is_all_caps,
    opens_in_capitals,
    sentence_case,
    unshouted_lede,
)
from summarize.selection.concepts import ConceptIndex, event_concepts, select_by_concepts
from summarize.selection.currency import Currency
from summarize.selection.dating import date_weekdays, unplaced_days
from summarize.selection.eligibility import Eligibility
from summarize.selection.lead import (
    LeadWeights,
    choose_lead,
    has_topic,
    headline_values,
    lead_unchanged,
    lead_weights,
)
from summarize.selection.ordering import order_sentences
from summarize.selection.people import People
from summarize.selection.redundancy import (
    MainFacts,
    corroborate,
    find_duplicates,
    independent_sources,
)
from summarize.selection.references import coherent_selection, expansions
from summarize.selection.strategies import select_sentences
from summarize.selection.titles import (
    agrees,
    clean_title,
    is_headline,
    is_lede,
    is_wire_slug,
    reads_as_headline,
    topic_title,
    trim_headline,
    without_attribution,
)
from summarize.text.cleaning import article_lines, clean_lines
from summarize.text.focus import focus_relevance, focus_terms
from summarize.text.languages import LANGUAGE_NAMES, SUPPORTED_LANGUAGES
from summarize.text.segmenting import NamesIn, split_sentences
from summarize.text.templates import template_lines
from summarize.text.words import (
    DocumentFrequencies,
    EventText,
    content_terms,
    prepare_text,
    tokenize,
    words_in,
)
from summarize.timing import StageTimer

log = logging.getLogger(__name__)

@dataclass(frozen=True)
class PreparedEvent:
    """An event after cleaning and splitting: what `summarize sentences` shows."""

    slug: str
    articles: tuple[CleanArticle, ...]
    sentences: tuple[Sentence, ...]
    skipped: tuple[SkippedFile, ...]
    # (path, encoding) of the articles that were not UTF-8, for the run report
    decoded: tuple[tuple[str, str], ...] = ()
    focus: str | None = None  # the event's own focus (summarize/text/focus.py)
    language: str = "en"  # the event's main language: its sentences are read in it
    # its articles in other languages, listed as coverage (`languages.others`)
    elsewhere: tuple[CleanArticle, ...] = ()


def event_language(articles: list[CleanArticle], accepted: tuple[str, ...] | None) -> str:
    """The language most of the event's words are written in, among the `accepted` ones
    that a briefing can be written in (`summarize.text.languages`); ties go to the
    language of the earlier article. Without any: English, or the first accepted."""
    allowed = accepted or SUPPORTED_LANGUAGES
    words: dict[str, int] = {}
    for article in articles:
        if article.language in allowed:
            words[article.language] = words.get(article.language, 0) + sum(
                len(p.split()) for p in article.paragraphs)
    if not words:
        return "en" if "en" in allowed else allowed[0]
    return max(words, key=words.__getitem__)  # (max keeps the first of equals)


def _language_name(code: str | None) -> str:
    return LANGUAGE_NAMES.get(code or "", code or "an unknown language")


def prepare_event(event: Event, timer: StageTimer | None = None,
                  languages: Languages | None = None) -> PreparedEvent:
    """Clean every article and split it into sentences, in the event's main language
    (`event_language`); articles left empty are skipped, articles in another language are
    listed as coverage or skipped (`languages.others`)."""
    timer = timer or StageTimer()
    languages = languages or Languages()
    articles: list[CleanArticle] = []
    sentences: list[Sentence] = []
    skipped = list(event.skipped)
    elsewhere: list[CleanArticle] = []
    with timer.stage("clean"):
        # dates like 07/12/1998 read the way the outlet's other dates here are written
        event_articles = settle_day_month(event.articles)
        lines = [article_lines(article) for article in event_articles]
        template = template_lines(event_articles, lines)
        cleaned = [clean_lines(article, own_lines, template)
                   for article, own_lines in zip(event_articles, lines)]
    language = event_language(cleaned, languages.accepted)
    # a story of more than one year dates its weekdays with the year
    with_year = len({a.published.year for a in event_articles if a.published}) > 1
    for article, clean in zip(event_articles, cleaned):
        if clean.language not in (language, None):
            # Each language has its own stop words, stemmer and splitter, and a briefing
            # is written in one: another language's sentences are never mixed into it.
            written = _language_name(clean.language)
            if languages.others == "coverage":
                log.info("%s: in %s: listed as coverage of a briefing in %s", article.path,
                         written, _language_name(language))
                elsewhere.append(clean)
            else:
                reason = f"in {written}, the briefing in {_language_name(language)}"
                log.warning("%s: skipped: %s", article.path, reason)
                skipped.append(SkippedFile(article.path, reason))
            continue
        with timer.stage("split"):
            # ("…from strongman Hun Sen. He said…": the name may be written in full elsewhere)
            names = NamesIn("\n".join(clean.paragraphs)) if language == "en" else frozenset()
            # A title that is the story's first sentence (`titles.is_lede`) opens it again.
            lede = (clean.title,) if language == "en" and clean.title \
                and is_lede(clean.title) else ()
            texts = [s for paragraph in lede + clean.paragraphs
                     for s in split_sentences(paragraph, language, names)]
            if language == "en":  # (weekdays are dated by English verbs' tenses)
                texts = [date_weekdays(s, clean.published, with_year) for s in texts]
        if not texts:
            log.warning("%s: skipped: no sentences after cleaning", article.path)
            skipped.append(SkippedFile(article.path, "no sentences after cleaning"))
            continue
        index = len(articles)
        articles.append(clean)
        sentences.extend(Sentence(t, index, p) for p, t in enumerate(texts))
    # a lede opening in capitals ("A MAN has been charged") as the event writes its words
    shouted = [k for k, s in enumerate(sentences)
               if language == "en" and s.position == 0 and opens_in_capitals(s.text)]
    if shouted:
        texts = [s.text for s in sentences]
        for k in shouted:
            sentences[k] = replace(sentences[k], text=unshouted_lede(texts[k], texts))
    decoded = tuple((a.path, a.encoding) for a in event.articles
                    if a.encoding not in ("utf-8", "utf-8-sig"))
    return PreparedEvent(event.slug, tuple(articles), tuple(sentences), tuple(skipped), decoded,
                         event.focus, language, tuple(elsewhere))


def load_prepared(folder: Path, root: Path, max_article_bytes: int,
                  timer: StageTimer | None = None,
                  max_event_bytes: int | None = None,
                  languages: Languages | None = None) -> PreparedEvent:
    """Stages 1-3 for one event folder; InputError when no article is left to summarize."""
    timer = timer or StageTimer()
    with timer.stage("load"):
        event = load_event(folder, root, max_article_bytes, max_event_bytes)
    return prepare_loaded(event, timer, languages)


def prepare_loaded(event: Event, timer: StageTimer | None = None,
                   languages: Languages | None = None) -> PreparedEvent:
    """Stages 2-3 for a loaded event; InputError when no article is left to summarize."""
    if not event.articles:
        nested = sum(1 for item in event.skipped if item.reason == NESTED_FOLDER)
        hint = (f" (it holds {nested} folder{'s' if nested > 1 else ''}, which an event's "
                "folder does not read: is the input a stream of articles at any depth? Add "
                "--group to sort them into events)") if nested else ""
        raise InputError("no readable articles" + hint, event.skipped)
    prepared = prepare_event(event, timer, languages)
    if not prepared.articles and prepared.elsewhere:
        others = tuple(SkippedFile(a.path, f"in {_language_name(a.language)}")
                       for a in prepared.elsewhere)
        written = sorted({_language_name(a.language) for a in prepared.elsewhere})
        raise InputError(f"no article in a language a briefing can be written in (articles "
                         f"in {', '.join(written)})", prepared.skipped + others)
    if not prepared.articles:
        raise InputError(f"no article can be summarized: {_reasons(prepared.skipped)}",
                         prepared.skipped)
    return prepared


def _reasons(skipped: tuple[SkippedFile, ...], shown: int = 3) -> str:
    """"a.txt: language de: not supported; b.txt: …, and 2 more": why articles were left out."""
    listed = "; ".join(f"{item.path}: {item.reason}" for item in skipped[:shown])
    return listed + (f"; and {len(skipped) - shown} more" if len(skipped) > shown else "")


def summarize_event(event: Event, config: Config, timer: StageTimer | None = None) -> Briefing:
    """Run stages 2-9 on a loaded event and return its briefing as data; InputError, with
    the reasons, when no article can be summarized (none read, another language…)."""
    timer = timer or StageTimer()
    return summarize_prepared(prepare_loaded(event, timer, config.languages), config, timer)


def summarize_prepared(prepared: PreparedEvent, config: Config,
                       timer: StageTimer | None = None,
                       background: DocumentFrequencies | None = None) -> Briefing:
    """Run stages 4-9 on a cleaned and split event; `background` holds the run's term
    statistics when the ranker uses them (`idf: batch`)."""
    timer = timer or StageTimer()
    focus = (prepared.focus if config.focus.from_event else None) or config.focus.text
    with timer.stage("words"):
        text = prepare_text(prepared.sentences, prepared.articles, background,
                            focus_terms(focus, prepared.language), prepared.language)
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
        paragraphs = [p for article in prepared.articles for p in article.paragraphs]
        owners = [a for a, article in enumerate(prepared.articles) for _ in article.paragraphs]
        # What a later statement of the event overtakes, and who the people are: read
        # from English evidence (tolls, plan verbs; titles, speech verbs), so in English
        # only, never applied across languages.
        english = text.language == "en"
        people = People(paragraphs if english else (), owners if english else ())
        stale = Currency(text, people) if english else (lambda index: False)
        if not isinstance(config.selector, ConceptSelector):  # (they take a mask)
            allowed &= ~np.array([bool(allowed[i]) and stale(i) for i in range(len(allowed))],
                                 dtype=bool)

        relative: dict[int, bool] = {}
        told = MainFacts(text)
        topic = has_topic(relevance)
        previous: dict = {}  # the last round's excluded sentences, budget and lead

        def unplaced(i: int) -> bool:  # (asked of the sentences selection reaches, once each)
            if i not in relative:
                relative[i] = english and unplaced_days(text.sentences[i].text)
            return relative[i]

        def select(excluded: frozenset[int], words: int | None) -> tuple[list[int], list[int]]:
            usable = allowed.copy()
            usable[list(excluded)] = False
            fits = usable.copy()  # a lead longer than the whole budget cannot open it
            if words is not None:
                fits &= text.word_counts <= words

            def accept(i: int) -> bool:
                return i not in excluded and eligibility(i) and not stale(i)

            before = previous.get("excluded")
            if before is not None and words == previous["words"] and before <= excluded \
                    and lead_unchanged(text, excluded - before, topic):
                lead = previous["lead"]  # (choosing it again gives the same)
            else:
                lead = choose_lead(text, fits, index, leading, config.output.lead_sentences,
                                   config.selector.max_similarity, relevance, weights, accept,
                                   unplaced)
            previous.update(excluded=excluded, words=words, lead=lead)
            budget = config.budget.model_copy(update={"words": words})
            if isinstance(config.selector, ConceptSelector):
                # A key point does not tell the lead's news again for one new detail, nor
                # name a day no date places ("this morning", in an undated article): the
                # lead may, when nothing else states the news as well (`choose_lead`).
                chosen = select_by_concepts(
                    text, scores, config.selector, budget, usable, index, weights,
                    required=lead, accept=lambda i: accept(i) and not unplaced(i)
                    and not told.repeats(i, lead))
            else:
                chosen = select_sentences(text, scores, config.selector, budget, support,
                                          config.corroboration.weight, usable, required=lead)
            return lead, chosen

        def reading_order(chosen: list[int], lead: int) -> list[int]:
            # The lead opens the briefing; the key points follow in the configured order.
            picked = [ChosenSentence(text.sentences[i], float(scores[i]), (i,)) for i in chosen]
            return [c.sources[0] for c in picked[:lead] + order_sentences(
                picked[lead:], prepared.articles, config.order.strategy)]

        coherent = coherent_selection(select, reading_order, [s.text for s in text.sentences],
                                      [s.article for s in text.sentences],
                                      people,
                                      expansions(paragraphs),
                                      config.budget.words)
    chosen = list(coherent.order)
    if not chosen:
        raise InputError(f"no sentence can stand alone in a briefing (of {len(text.sentences)}:"
                         " all too short, too long, fragments, questions or quotations)")
    with timer.stage("corroborate"):
        unsupported = [i for i in chosen if i not in backing]
        backing.update(zip(unsupported, corroborate(text, unsupported,
                                                    config.corroboration.min_similarity)))
    with timer.stage("order"):
        # Each sentence shows its text as the briefing reads it (a first mention in full)
        # and cites its source sentence.
        ordered = [ChosenSentence(replace(text.sentences[i], text=shown), float(scores[i]),
                                  backing[i], None if shown == text.sentences[i].text
                                  else text.sentences[i].text)
                   for i, shown in zip(chosen, coherent.texts)]
        lead = chosen[:coherent.lead]
    return Briefing(
        event=prepared.slug,
        title=_event_title(prepared.slug, prepared.articles, prepared.sentences, ordered,
                           len(lead), index, leading, eligibility.opinion,
                           prepared.focus if config.focus.from_event else None),
        sentences=tuple(ordered),
        lead=frozenset(range(len(lead))),
        articles=prepared.articles,
        config=config.effective(),
        language=prepared.language,
        elsewhere=prepared.elsewhere,
    )


def run_statistics(events: list[PreparedEvent]) -> DocumentFrequencies:
    """Term statistics over the sentences of every event of a run (for `idf: batch`),
    each read in its event's language."""
    def terms(event: PreparedEvent) -> list[tuple[str, ...]]:
        if event.language == "en":
            return [content_terms(tokenize(s.text)) for s in event.sentences]
        words = words_in(event.language)
        return [words.content_terms(words.tokenize(s.text)) for s in event.sentences]

    return DocumentFrequencies.of([terms(event) for event in events])


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
        language=text.language,
    )
    scores = np.full(len(text.sentences), np.nan)
    scores[members] = rank_sentences(subset, config.ranker)
    return scores


def _event_title(slug: str, articles: tuple[CleanArticle, ...], sentences: tuple[Sentence, ...],
                 chosen: list[ChosenSentence], lead_count: int, index: ConceptIndex,
                 leading: LeadWeights, opinion: frozenset[int],
                 focus: str | None = None) -> str:
    """A headline for the event that agrees with its lead. The title line of the event's
    topic when it has one (`titles.topic_title`: the briefing answers the topic). Else, of
    the titles of the articles the lead cites that read as headlines (cleaned of labels,
    codes and attribution, `titles.clean_title`, `titles.without_attribution`; short
    enough; no question, clock time or feature opener, `titles.reads_as_headline`; not one
    of the `opinion` pieces') and agree with the lead (`titles.agrees`; the lead's own
    article's headline may agree with the key points instead), the one that says
    most of what the lead says, then that covers most of what the outlets led with
    (`lead.lead_weights`), the lead's own article's first; a wire's slug line only when no
    other exists, titles in capitals only when no other does; in sentence case. Without
    one, the first that trims to a headline (`titles.trim_headline`) of: the lead, then the
    reporters' opening sentences and long titles that agree with it, those that say most
    of what the lead says first. Else the folder name."""
    texts = [s.text for s in sentences]
    topic = topic_title(focus)
    if topic:
        return sentence_case(topic, texts)
    # (a briefing whose lead the references left out agrees with its first sentence)
    lead_count = lead_count or min(1, len(chosen))
    lead_text = " ".join(c.sentence.text for c in chosen[:lead_count])
    body_text = " ".join(c.sentence.text for c in chosen[lead_count:])
    own = {c.sentence.article for c in chosen[:lead_count]}
    cited = own | {a for c in chosen[:lead_count] for a in c.sources}
    titles = {a: without_attribution(clean_title(articles[a].title or "", articles[a].outlet))
              for a in range(len(articles)) if articles[a].title and a not in opinion}
    headlines = [a for a in titles if a in cited and is_headline(articles[a].title or "")
                 and reads_as_headline(titles[a])
                 and not (is_lede(articles[a].title or "") and _words_within(titles[a], lead_text))
                 # (the lead's own article's headline may say what the key points say;
                 # an event of one article has no other story's headline to fear)
                 and (agrees(titles[a], lead_text, a in own) or (a in own and (
                     len(articles) == 1 or agrees(titles[a], body_text))))]
    if headlines:
        values = dict(zip(headlines, headline_values([titles[a] for a in headlines],
                                                      lead_text, index, leading)))
        best = max(headlines, key=lambda a: (not is_wire_slug(titles[a]),
                                             not is_all_caps(titles[a]), a in own,
                                             values[a], -a))
        return sentence_case(titles[best], texts)
    others = [s.text for s in sentences if s.position == 0 and s.article not in opinion]
    others += [titles[a] for a in titles if not is_headline(articles[a].title or "")]
    ranked = sorted(zip(headline_values(others, lead_text, index, leading), others),
                    key=lambda pair: (-pair[0][0], -pair[0][1]))
    for candidate in [c.sentence.text for c in chosen[:lead_count]] + \
            [t for _, t in ranked if agrees(t, lead_text)]:
        headline = trim_headline(candidate)
        if headline and reads_as_headline(headline):
            return headline
    return slug.replace("-", " ").replace("_", " ").strip().capitalize() or slug


def _words_within(title: str, text: str) -> bool:
    def words(t: str) -> str:
        return " ".join(w.lower() for w in tokenize(t))
    return words(title) in words(text)
