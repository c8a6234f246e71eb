"""Concept-coverage selection, the lead and the focus, on small hand-made events."""

from itertools import combinations

import numpy as np
import pytest

from summarize.config import Budget, ConceptSelector, validate_config
from summarize.models import Article
from summarize.ranking import rank_sentences
from summarize.selection.concepts import (
    ConceptIndex,
    Restatements,
    SentenceConcepts,
    concept_weights,
    exact_cover,
    greedy_cover,
    select_by_concepts,
)
from summarize.selection.lead import choose_lead, lead_weights
from summarize.text.focus import focus_relevance, focus_terms
from summarize.text.words import EventText, prepare_text, word_count
from tests.conftest import SEED_EVENT, event_text

PLEDGE = "Kim Jong Un pledged full support for Vladimir Putin at the summit in Russia."
PLEDGE_2 = "At the summit in Russia, Kim Jong Un pledged full support to Vladimir Putin."
PLEDGE_3 = "Kim Jong Un offered Vladimir Putin his full support during the summit."
MISSILES = "North Korea fired two ballistic missiles hours before the summit began in Russia."
MISSILES_2 = "Hours before the summit, North Korea fired two ballistic missiles into the sea."
MISSILES_3 = "Two ballistic missiles were fired by North Korea before the summit started."
TRAIN = "Armoured carriages crossed the frontier early on Tuesday after a journey east."
LUNCH = "Leaders ate crab dumplings and sturgeon at lunch inside a spaceport hall."


def bigram(index: ConceptIndex, code: int) -> tuple[str, str]:
    """The two stems a concept code stands for."""
    words = {number: word for word, number in index.stems.items()}
    return (words[int(code) >> 32], words[int(code) & 0xFFFFFFFF])


def seed_text() -> EventText:
    """The seed event's sentences, cleaned and split as the pipeline does."""
    from summarize.pipeline import load_prepared

    prepared = load_prepared(SEED_EVENT, SEED_EVENT.parent, 2**24)
    return prepare_text(prepared.sentences, prepared.articles)


def bigrams(index: ConceptIndex, sentence: int) -> set[tuple[str, str]]:
    return {bigram(index, code) for code in index.codes_of_sentence(sentence)}


def test_concepts_are_stemmed_bigrams_without_stop_word_pairs():
    index = ConceptIndex.of(event_text([["The missiles of the north were fired."]]))
    found = bigrams(index, 0)
    assert ("missil", "of") in found and ("the", "north") in found
    assert ("of", "the") not in found  # two stop words say nothing
    assert index.codes_of_texts(["Missiles of the north"])[0] <= index.codes_of_sentence(0)


def test_stems_are_numbered_in_order_of_first_appearance_and_titles_share_new_ones():
    """Concept codes are built from stem ids numbered as the stems first appear (so they
    depend on the event only); a title's stem the sentences lack gets one new id, the same
    in every title, and the event's numbering is left as it was."""
    index = ConceptIndex.of(event_text([["Missiles fired; the missile flew north."],
                                        ["North Korea fired a missile."]]))
    assert list(index.stems) == ["missil", "fire", "the", "flew", "north", "korea", "a"]
    assert list(index.stems.values()) == list(range(7))
    first, second = index.codes_of_texts(["Launch of missiles", "Missile launch"])
    launch, of = 7, 8  # the new stems, as they first appear
    assert first == {(launch << 32) | of, (of << 32) | 0}
    assert second == {(0 << 32) | launch}
    assert len(index.stems) == 7


def test_a_concept_weighs_the_stories_that_report_it_copies_counting_once():
    text = event_text([[PLEDGE], [PLEDGE_2], [PLEDGE], [MISSILES]])
    index = ConceptIndex.of(text)
    weights = concept_weights(text, index, [[0, 2], [1], [3]], min_sources=2)
    by_bigram = {bigram(index, code): weights[column] for column, code in enumerate(index.codes)}
    assert by_bigram[("kim", "jong")] == 2  # articles 0 and 2 are one story
    assert by_bigram[("ballist", "missil")] == 0  # one story only: pruned


def brute_force(concepts, weights, lengths, budget, conflicts):
    best_value = -1.0
    for size in range(len(concepts) + 1):
        for subset in combinations(range(len(concepts)), size):
            if sum(lengths[i] for i in subset) > budget:
                continue
            if any(j in conflicts[i] for i in subset for j in subset):
                continue
            value = sum(weights[c] for c in set().union(*(concepts[i] for i in subset)))
            if value > best_value:
                best_value = value
    return best_value


def coverage(chosen, concepts, weights):
    return sum(weights[c] for c in set().union(*(concepts[i] for i in chosen)))


@pytest.mark.parametrize("seed", range(8))
def test_exact_cover_is_optimal_and_greedy_close_within_the_budget(seed):
    rng = np.random.default_rng(seed)
    weights = rng.integers(1, 6, size=12).astype(float)
    concepts = [frozenset(rng.choice(12, size=rng.integers(1, 5), replace=False).tolist())
                for _ in range(9)]
    lengths = rng.integers(5, 20, size=9)
    conflicts = [frozenset() for _ in range(9)]
    conflicts[0], conflicts[1] = frozenset({1}), frozenset({0})
    prior = np.ones(9)
    exact = exact_cover(concepts, weights, lengths, 40, prior, conflicts)
    greedy = greedy_cover(concepts, weights, lengths, 40, prior, conflicts)
    for chosen in (exact, greedy):
        assert sum(lengths[i] for i in chosen) <= 40
        assert not {0, 1} <= set(chosen)
    optimum = brute_force(concepts, weights, lengths, 40, conflicts)
    assert coverage(exact, concepts, weights) == optimum
    # the cost-scaled greedy is within (1 - 1/e)/2 of the optimum (Lin & Bilmes 2010)
    assert coverage(greedy, concepts, weights) >= 0.31 * optimum


def test_selection_states_each_fact_once_and_keeps_the_budget():
    text = event_text([[PLEDGE, MISSILES, TRAIN], [PLEDGE_2, MISSILES_2, LUNCH],
                       [PLEDGE_3, MISSILES_3]])
    selector = ConceptSelector(min_sources=2)
    allowed = np.ones(len(text.sentences), dtype=bool)
    index = ConceptIndex.of(text)
    weights = concept_weights(text, index, [[0], [1], [2]], selector.min_sources)
    chosen = select_by_concepts(text, np.ones(len(text.sentences)), selector,
                                Budget(words=60), allowed, index, weights)
    texts = [text.sentences[i].text for i in chosen]
    assert sum(word_count(t) for t in texts) <= 60
    # one pledge and one missile launch: a second telling of either covers nothing new
    assert sum(t in (PLEDGE, PLEDGE_2, PLEDGE_3) for t in texts) == 1
    assert sum(t in (MISSILES, MISSILES_2, MISSILES_3) for t in texts) == 1
    # what only one outlet reported carries no weight
    assert TRAIN not in texts and LUNCH not in texts


def test_a_required_sentence_is_chosen_first_by_both_solvers():
    text = event_text([[PLEDGE, MISSILES, TRAIN], [PLEDGE_2, MISSILES_2], [MISSILES_3]])
    index = ConceptIndex.of(text)
    weights = concept_weights(text, index, [[0], [1], [2]], 2)
    allowed = np.ones(len(text.sentences), dtype=bool)
    for solver in ("greedy", "exact"):
        chosen = select_by_concepts(text, np.ones(len(text.sentences)),
                                    ConceptSelector(solver=solver, min_sources=2),
                                    Budget(words=40), allowed, index, weights, required=[2])
        assert chosen[0] == 2


def test_the_lead_is_the_opening_that_says_what_outlets_led_with():
    text = event_text([[TRAIN, PLEDGE], [PLEDGE_2, LUNCH], [MISSILES, PLEDGE_3]])
    index = ConceptIndex.of(text)
    weights = lead_weights(text, index, [[0], [1], [2]])
    allowed = np.ones(len(text.sentences), dtype=bool)
    lead = choose_lead(text, allowed, index, weights, 1, 0.5)
    # Two of three outlets opened with the pledge; the train led one story only.
    assert len(lead) == 1 and "pledged full support" in text.sentences[lead[0]].text


FOCUSED = [[PLEDGE, MISSILES], [PLEDGE_2, MISSILES_2], [PLEDGE_3, MISSILES_3]]


def test_a_focus_moves_the_briefing_toward_what_it_asks():
    articles = event_text(FOCUSED).articles
    sentences = event_text(FOCUSED).sentences
    config = validate_config({"budget": {"words": 16}, "selector": {"min_sources": 2}})
    chosen = {}
    for focus in ("", "What weapons did North Korea test: ballistic missiles?"):
        text = prepare_text(sentences, articles, focus=focus_terms(focus))
        scores = rank_sentences(text, config.ranker)
        index = ConceptIndex.of(text)
        weights = concept_weights(text, index, [[0], [1], [2]], 2, focus_relevance(text),
                                  3.0, 0.5)
        picked = select_by_concepts(text, scores, config.selector, config.budget,
                                    np.ones(len(sentences), dtype=bool), index, weights)
        chosen[focus] = [text.sentences[i].text for i in picked]
    assert not any("missiles" in t for t in chosen[""])
    assert all("missiles" in t for t in chosen["What weapons did North Korea test: "
                                                "ballistic missiles?"])


def test_biased_lexrank_ranks_the_focus_first_and_without_focus_is_lexrank():
    base = event_text(FOCUSED)
    config = validate_config({})
    plain = rank_sentences(base, config.ranker)
    focused_text = prepare_text(base.sentences, base.articles,
                                focus=focus_terms("ballistic missiles"))
    focused = rank_sentences(focused_text, config.ranker)
    assert focused.argmax() in (1, 3, 5)
    unbiased = validate_config({"ranker": {"focus_bias": 0}}).ranker
    assert np.allclose(rank_sentences(focused_text, unbiased), plain)


def test_instruction_words_of_a_topic_are_not_focus_words():
    assert focus_terms("Discuss the conditions. Include the benefits of reservations.") == (
        "condit", "benefit", "reserv")


def test_two_stories_that_share_no_headline_words_still_get_a_lead():
    text = event_text([[TRAIN, PLEDGE], [LUNCH, PLEDGE_2]])
    index = ConceptIndex.of(text)
    leading = lead_weights(text, index, [[0], [1]])
    weights = concept_weights(text, index, [[0], [1]], 2)
    allowed = np.ones(len(text.sentences), dtype=bool)
    assert not any(leading.get(c) for c in index.codes_of_sentence(0))
    lead = choose_lead(text, allowed, index, leading, 1, 0.5, concept_weight=weights)
    # no opening leads in two stories: the opening covering most reported content does
    assert len(lead) == 1 and "pledged full support" in text.sentences[lead[0]].text


def test_a_lead_longer_than_the_budget_is_not_forced_into_it():
    from summarize.models import Event
    from summarize.pipeline import summarize_event
    from summarize.text.words import word_count as words

    long = ("North Korean leader Kim Jong Un and Russian President Vladimir Putin met for a "
            "rare summit at the Vostochny Cosmodrome on Wednesday, where they discussed "
            "military matters, the war in Ukraine and satellites for many hours.")
    articles = tuple(Article(path=f"e/{i}.txt", id=str(i), body=f"{long}\n\n{short}\n",
                             format="feed")
                     for i, short in enumerate([
                         "Kim pledged his full support for Putin on Wednesday.",
                         "Kim pledged full and unconditional support for Putin at the summit."]))
    for budget in (12, 60):
        briefing = summarize_event(Event("e", articles),
                                   validate_config({"budget": {"words": budget}}))
        assert sum(words(c.sentence.text) for c in briefing.sentences) <= budget
        assert briefing.sentences and briefing.lead == frozenset({0})


@pytest.mark.parametrize("solver", ["greedy", "exact"])
def test_eligibility_asked_as_the_selection_goes_chooses_what_the_whole_mask_chooses(solver):
    """The pipeline asks whether a sentence can stand alone only of the sentences the
    selection reaches (selection.Eligibility): the briefing must be the one the mask of
    every eligible sentence gives, whatever the scores and whichever sentences fail."""
    text = seed_text()
    n = len(text.sentences)
    index = ConceptIndex.of(text)
    stories = [[a] for a in range(len(text.articles))]
    weights = concept_weights(text, index, stories, 2)
    leading = lead_weights(text, index, stories)
    selector = ConceptSelector(solver=solver, min_sources=2)
    rng = np.random.default_rng(5)
    asked_fewer = []
    for trial in range(12):
        scores = rng.random(n) ** 4  # (skewed: where the lowest and highest lie matters)
        failing = set(rng.choice(n, size=n // 3, replace=False).tolist())
        if trial % 3:  # the lower half and the top tenth fail: the prior is scaled
            ranking = np.argsort(scores)  # between the eligible ones' scores
            failing |= set(ranking[:n // 2].tolist()) | set(ranking[-n // 10:].tolist())
        asked: list[int] = []

        def accept(i: int, failing=failing, asked=asked) -> bool:
            asked.append(i)
            return i not in failing

        mask = np.array([i not in failing for i in range(n)])
        budget = Budget(words=[60, 120, 250][trial % 3])
        lead = choose_lead(text, mask, index, leading, 1, selector.max_similarity)
        assert choose_lead(text, np.ones(n, dtype=bool), index, leading, 1,
                           selector.max_similarity, accept=accept) == lead
        required = lead if trial % 2 else []
        whole = select_by_concepts(text, scores, selector, budget, mask, index, weights,
                                   required=required)
        asked.clear()
        lazy = select_by_concepts(text, scores, selector, budget, np.ones(n, dtype=bool),
                                  index, weights, required=required, accept=accept)
        assert lazy == whole, trial
        asked_fewer.append(len(set(asked)) < n)
    if solver == "greedy":  # (the exact solver's program takes every sentence)
        assert all(asked_fewer)


def test_the_greedy_on_sentence_rows_made_when_asked_chooses_what_it_chooses_on_sets():
    """select_by_concepts hands the greedy each sentence's valued concepts as rows made
    when asked for, with every sentence's total weight from one sparse product: the same
    sets, totals and choices as sets built for every sentence."""
    text = seed_text()
    index = ConceptIndex.of(text)
    weights = concept_weights(text, index, [[a] for a in range(len(text.articles))], 2)
    rng = np.random.default_rng(3)
    for trial in range(6):
        pool = np.sort(rng.choice(len(text.sentences), size=len(text.sentences) // 2,
                                  replace=False))
        rows = SentenceConcepts(index, pool, weights)
        sets = [frozenset(c for c in index.of_sentence(int(i)) if weights[c] > 0)
                for i in pool]
        assert len(rows) == len(sets) and list(rows) == sets
        assert any(sets) and not all(sets)  # (both kinds of sentence are tried)
        assert np.allclose(rows.totals(), [sum(weights[c] for c in f) for f in sets])
        lengths = text.word_counts[pool]
        prior = 1.0 + rng.random(len(pool))
        conflicts = [frozenset()] * len(pool)
        for budget in (40, 120):
            assert (greedy_cover(rows, weights, lengths, budget, prior, conflicts)
                    == greedy_cover(sets, weights, lengths, budget, prior, conflicts)), trial


def test_a_restatements_row_asked_alone_is_the_row_computed_with_all_the_others():
    """The greedy asks for one candidate's restatements at a time and the exact solver
    iterates over all of them: the same sets, the pairs `restates` and the cosine name,
    with similarities equal to the sparse product's to the last bit, so a threshold never
    falls differently."""
    from summarize.selection.concepts import _row_product
    from summarize.selection.reading import restates

    events = [event_text([[PLEDGE, MISSILES, TRAIN], [PLEDGE_2, MISSILES_2, LUNCH],
                          [PLEDGE_3, MISSILES_3, PLEDGE]])]
    events.append(seed_text())
    for text in events:
        n = len(text.sentences)
        pool = np.arange(0, n, 2) if n > 20 else np.arange(n)
        for max_similarity in (0.2, 0.5, 0.8):
            alone = Restatements(text, pool, max_similarity)
            together = Restatements(text, pool, max_similarity)
            rows = [alone[place] for place in range(len(pool))]
            assert rows == list(together)
            assert any(rows) or max_similarity > 0.2  # (some candidates restate others)
            whole = (alone.vectors @ alone.vector_columns).toarray()
            assert rows == [frozenset(
                other for other in range(len(pool)) if other != place and (
                    whole[place, other] > max_similarity
                    or restates(text.terms[pool[place]], text.terms[pool[other]])))
                for place in range(len(pool))]
        for place in range(len(pool)):
            assert np.array_equal(
                _row_product(alone.vectors, place, alone.vector_columns, len(pool)),
                whole[place])
