"""Concept coverage: choose the set of sentences that covers the event's most important
concepts within the word budget (`selector.strategy: concepts`).

The model is Gillick & Favre's ("A Scalable Global Model for Summarization", 2009; the
ICSI system of TAC 2008/2009): a concept is a stemmed word bigram, weighted by how many
sources report it, and a summary is worth the total weight of the concepts it covers,
each counted once. Redundancy costs words and earns nothing, so the best summary states
each fact once without any similarity threshold. What we took from later work:

- weights count independent stories, not articles: copies of one wire story count once
  (the corroboration this pipeline already measures);
- rare concepts are pruned (`min_sources`; Boudin, Mougard & Favre 2015, "Concept-based
  summarization using integer linear programming: from concept pruning to multiple optimal
  solutions", find pruning by document frequency the strongest single lever);
- a concept's weight grows with its relevance to the event's focus (the mean relevance of
  the sentences that contain it), and a sentence's gain with its ranker score (biased
  LexRank when a focus is given): `focus_weight` and `prior_weight`. Both were kept
  because they win across DUC 2006 events in a paired test; a sentence-position prior,
  concept weights by articles instead of stories and unigram concepts lost there (see the
  README's evaluation section);
- solving: `solver: greedy` (default) is the cost-scaled greedy of Lin & Bilmes ("Multi-
  document summarization via budgeted maximization of submodular functions", 2010): add
  the sentence with the best gain per word until nothing fits. `solver: exact` solves
  the integer program with HiGHS (scipy.optimize.milp) and falls back to greedy above
  `max_exact_sentences` candidates. On DUC 2006 the two differ by 0.001 ROUGE-2, not
  significantly, and greedy is 15x faster.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
import scipy.sparse as sp

from summarize.config import Budget, ConceptSelector, SelectorBase
from summarize.selection.reading import restated
from summarize.selection.redundancy import attribution
from summarize.selection.strategies import scaled_between
from summarize.text.words import ENGLISH, EventText, Words, term_presence

Concept = int  # a column of an event's `ConceptIndex`


@dataclass(frozen=True)
class ConceptIndex:
    """The concepts of an event's sentences: a sparse sentence x concept incidence matrix.

    A concept is coded as an integer, (first stem's id << 32) | second stem's id, with
    stem ids numbered in order of first appearance in the event: built with numpy from the
    event's tokens in one pass, not bigram by bigram in Python (an event has ~10^5 of
    them), and deterministic. Columns are the distinct codes, in increasing order.
    """

    incidence: sp.csr_matrix  # sentence x column, 1 where the sentence has the concept
    codes: np.ndarray  # column -> code
    stems: dict[str, int]  # stem -> id
    words: Words = ENGLISH  # the event's language's words

    @classmethod
    def of(cls, text: EventText) -> ConceptIndex:
        stems: dict[str, int] = {}
        words = text.words
        codes, rows = _bigram_codes(text.tokens, stems, words)
        columns, found = np.unique(codes, return_inverse=True)
        incidence = sp.csr_matrix((np.ones(len(codes)), (rows, found)),
                                  shape=(len(text.tokens), len(columns)))
        incidence.sum_duplicates()
        incidence.data[:] = 1.0
        return cls(incidence, columns, stems, words)

    def of_sentence(self, index: int) -> frozenset[Concept]:
        start, end = self.incidence.indptr[index], self.incidence.indptr[index + 1]
        return frozenset(self.incidence.indices[start:end].tolist())

    def codes_of_sentence(self, index: int) -> set[int]:
        start, end = self.incidence.indptr[index], self.incidence.indptr[index + 1]
        return set(self.codes[self.incidence.indices[start:end]].tolist())

    def codes_of_texts(self, texts: Sequence[str]) -> list[set[int]]:
        """The concept codes of texts outside the event's sentences (titles), coded alike:
        a stem the event's sentences lack gets the same new id in all of them."""
        codes, owner = _bigram_codes([self.words.tokenize(t) for t in texts],
                                     dict(self.stems), self.words)
        found: list[set[int]] = [set() for _ in texts]
        for code, number in zip(codes.tolist(), owner.tolist()):
            found[number].add(code)
        return found

    def stem_ids(self, words: Sequence[str]) -> np.ndarray:
        return np.array([self.stems[w] for w in words if w in self.stems], dtype=np.int64)


def _bigram_codes(tokens: Sequence[Sequence[str]], stems: dict[str, int],
                  words: Words = ENGLISH) -> tuple[np.ndarray, np.ndarray]:
    """Codes of the stemmed bigrams of adjacent words in each token list (not two stop
    words: "of the" says nothing), and the list each comes from. `stems` is extended with
    new stems."""
    flat = list(chain.from_iterable(tokens))
    distinct = list(dict.fromkeys(flat))
    place = {token: i for i, token in enumerate(distinct)}
    stemmed = list(map(words.stem, distinct))
    # new stems numbered in order of first appearance, in C-level passes
    new = [s for s in dict.fromkeys(stemmed) if s not in stems]
    stems.update(zip(new, range(len(stems), len(stems) + len(new))))
    stem_of = np.fromiter(map(stems.__getitem__, stemmed), dtype=np.int64, count=len(stemmed))
    stop = np.fromiter(map(words.stop_words.__contains__, distinct), dtype=bool,
                       count=len(distinct))
    ids = np.fromiter(map(place.__getitem__, flat), dtype=np.int64, count=len(flat))
    owner = np.repeat(np.arange(len(tokens)), [len(t) for t in tokens])
    first, second = ids[:-1], ids[1:]
    keep = (owner[:-1] == owner[1:]) & ~(stop[first] & stop[second])
    codes = (stem_of[first[keep]] << 32) | stem_of[second[keep]]
    return codes, owner[:-1][keep]


def concept_weights(
    text: EventText,
    index: ConceptIndex,
    groups: Sequence[Sequence[int]],
    min_sources: int,
    relevance: np.ndarray | None = None,
    focus_weight: float = 0.0,
    focus_word_bonus: float = 0.0,
) -> np.ndarray:
    """Weight of each concept (column): the number of independent stories (groups of
    copies) whose sentences contain it; 0 for concepts in fewer than `min_sources` stories
    (pruned). With a focus, a weight is scaled by 1 + focus_weight · (the mean `relevance`
    of the sentences that contain the concept) / (the highest such mean), and by
    1 + focus_word_bonus for each of its two words that is a word of the focus
    (`text.focus`)."""
    incidence = index.incidence
    if not incidence.shape[1] or not groups:
        return np.zeros(incidence.shape[1])
    story = {article: number for number, group in enumerate(groups) for article in group}
    of_story = sp.csr_matrix((np.ones(len(text.sentences)),
                              ([story[s.article] for s in text.sentences],
                               np.arange(len(text.sentences)))),
                             shape=(len(groups), len(text.sentences)))
    per_story = sp.csc_matrix(of_story @ incidence)
    per_story.eliminate_zeros()
    sources = np.diff(per_story.indptr)  # stories per concept
    # An event of fewer stories than min_sources would have no concept at all.
    kept = sources >= min(min_sources, len(groups))
    weight = sources.astype(float)
    if text.focus and focus_word_bonus:
        asked = index.stem_ids(text.focus)
        words = (np.isin(index.codes >> 32, asked).astype(int)
                 + np.isin(index.codes & 0xFFFFFFFF, asked))
        weight *= 1.0 + focus_word_bonus * words
    if relevance is not None and focus_weight and kept.any():
        counts = np.asarray(incidence.sum(axis=0)).ravel()
        mean = np.asarray(incidence.T @ relevance).ravel() / np.maximum(counts, 1)
        top = mean[kept].max()
        if top > 0:
            weight *= 1.0 + focus_weight * mean / top
    return np.where(kept, weight, 0.0)


def greedy_cover(
    concepts: Sequence[frozenset[Concept]],
    weights: np.ndarray,
    lengths: np.ndarray,
    budget: int,
    prior: np.ndarray,
    conflicts: Sequence[frozenset[int]],
    fixed: Sequence[int] = (),
    accept: Callable[[int], bool] | None = None,
) -> list[int]:
    """Cost-scaled greedy (Lin & Bilmes 2010): starting from the `fixed` sentences,
    repeatedly add the sentence with the most new concept weight per word, times its
    prior, among those that fit the words left and restate no chosen sentence
    (`conflicts`). Ties go to the earlier sentence. `accept`: a test a sentence must also
    pass, asked only of one that would be chosen (one that fails it is passed over, as if
    it had never been a candidate)."""
    chosen: list[int] = list(fixed)
    covered: set[Concept] = set().union(*(concepts[i] for i in fixed))
    left = budget - int(sum(lengths[i] for i in fixed))
    # Gains only shrink as concepts get covered (the objective is submodular), so a
    # sentence's stale gain is an upper bound: "lazy greedy" (Minoux 1978) re-evaluates
    # only the top of the queue.
    weight = weights.tolist()  # (Python floats: the same sums, without numpy's per-item cost)
    if isinstance(concepts, SentenceConcepts):  # one sparse product, no set per sentence
        totals = concepts.totals()
    else:
        totals = np.array([sum(weight[c] for c in found) for found in concepts], dtype=float)
    gain = prior * totals / lengths
    alive = gain > 0
    for i in fixed:
        alive[i] = False
        alive[list(conflicts[i])] = False
    while alive.any():
        alive &= lengths <= left
        if not alive.any():
            break
        best = -1
        while True:
            candidate = int(np.argmax(np.where(alive, gain, -np.inf)))
            if accept is not None and not accept(candidate):
                alive[candidate] = False
                if not alive.any():
                    break
                continue
            fresh = prior[candidate] * sum(
                weight[c] for c in concepts[candidate] - covered) / lengths[candidate]
            if fresh >= gain[candidate] - 1e-12:
                best = candidate
                break
            gain[candidate] = fresh
            if fresh <= 0:
                alive[candidate] = False
                if not alive.any():
                    break
        if best < 0 or gain[best] <= 0:
            break
        chosen.append(best)
        covered |= concepts[best]
        left -= int(lengths[best])
        alive[best] = False
        for other in conflicts[best]:
            alive[other] = False
    return chosen


def exact_cover(
    concepts: Sequence[frozenset[Concept]],
    weights: np.ndarray,
    lengths: np.ndarray,
    budget: int,
    prior: np.ndarray,
    conflicts: Sequence[frozenset[int]],
    fixed: Sequence[int] = (),
) -> list[int] | None:
    """The integer program of Gillick & Favre (2009), solved by HiGHS:

        maximize   Σ_c w_c·y_c  (+ the sentences' priors, as a tie-breaker)
        subject to Σ_s len_s·x_s <= budget,  y_c <= Σ_{s contains c} x_s,
                   x_s + x_t <= 1 for sentences that restate each other,  x, y binary.

    (The constraints x_s <= y_c of the paper are implied: covering a concept never lowers
    the objective.) Among summaries of equal coverage the one whose sentences have the
    higher priors wins; the `fixed` sentences are in it. None when the solver finds no
    solution."""
    from scipy.optimize import Bounds, LinearConstraint, milp

    n = len(concepts)
    columns = {c: n + j for j, c in enumerate(sorted({c for found in concepts for c in found
                                                        if weights[c] > 0}))}
    size = n + len(columns)
    objective = np.zeros(size)
    for c, column in columns.items():
        objective[column] = -weights[c]
    # far below the smallest concept weight (1): it can only break ties
    objective[:n] = -1e-3 * prior / max(float(prior.sum()), 1.0)
    rows, cols, values = [0] * n, list(range(n)), lengths.astype(float).tolist()
    lower, upper = [-np.inf], [float(budget)]
    row = 1
    holders: dict[int, list[int]] = defaultdict(list)
    for s, found in enumerate(concepts):
        for c in found:
            if c in columns:
                holders[columns[c]].append(s)
    for column, sentences in holders.items():
        rows += [row] * (len(sentences) + 1)
        cols += [column] + sentences
        values += [1.0] + [-1.0] * len(sentences)
        lower.append(-np.inf)
        upper.append(0.0)
        row += 1
    for s, others in enumerate(conflicts):
        for t in others:
            if s < t:
                rows += [row, row]
                cols += [s, t]
                values += [1.0, 1.0]
                lower.append(-np.inf)
                upper.append(1.0)
                row += 1
    matrix = sp.csr_matrix((values, (rows, cols)), shape=(row, size))
    low = np.zeros(size)
    low[list(fixed)] = 1.0
    result = milp(objective, constraints=LinearConstraint(matrix, lower, upper),
                  integrality=np.ones(size), bounds=Bounds(low, 1),
                  options={"disp": False, "presolve": True})
    if result.x is None:
        return None
    chosen = [s for s in range(n) if result.x[s] > 0.5 and s not in fixed]
    # In the greedy's order (best gain per word first), so that a budget in sentences
    # keeps the most valuable ones.
    own = [sum(weights[c] for c in concepts[s]) for s in chosen]
    ranked = sorted(zip((-prior[s] * o / lengths[s] for s, o in zip(chosen, own)), chosen))
    return list(fixed) + [s for _, s in ranked]


def event_concepts(
    text: EventText,
    groups: Sequence[Sequence[int]],
    selector: SelectorBase,
    relevance: np.ndarray | None,
) -> tuple[ConceptIndex, np.ndarray]:
    """The event's concepts and their weights, with the selector's settings (concept
    selection) or the defaults (the lead of other selectors)."""
    settings = selector if isinstance(selector, ConceptSelector) else ConceptSelector()
    index = ConceptIndex.of(text)
    weights = concept_weights(text, index, groups, settings.min_sources, relevance,
                              settings.focus_weight, settings.focus_word_bonus)
    return index, weights


def select_by_concepts(
    text: EventText,
    scores: np.ndarray,
    selector: ConceptSelector,
    budget: Budget,
    candidates: np.ndarray,
    index: ConceptIndex,
    weights: np.ndarray,
    required: Sequence[int] = (),
    accept: Callable[[int], bool] | None = None,
) -> list[int]:
    """Indices of the chosen sentences, `required` ones first, then most valuable first
    (see the module docstring).

    `candidates` is the mask of sentences that may be chosen (not a copy of a story, and
    eligible: `accept` tells for each, asked only of those the selection reaches);
    `scores` (the ranker's) give the prior; `index` and `weights` come from
    `event_concepts`.
    """
    pool = np.flatnonzero(candidates | np.isin(np.arange(len(candidates)), required))
    fixed_set = set(required)

    def admitted(sentence: int) -> bool:
        return accept is None or sentence in fixed_set or accept(sentence)

    if accept is not None and selector.solver == "exact":  # its program takes every one
        pool = np.array([i for i in pool.tolist() if admitted(i)], dtype=np.int64)
        accept = None
    scale = _score_range(scores, pool, admitted)
    if scale is None or not weights.any():
        return list(required)
    lengths = text.word_counts[pool]
    prior = 1.0 + selector.prior_weight * scaled_between(scores[pool], *scale, flat=0.0)
    words = budget.words if budget.words is not None else int(lengths.sum())
    own = SentenceConcepts(index, pool, weights)
    conflicts = Restatements(text, pool, selector.max_similarity)
    place = {int(sentence): k for k, sentence in enumerate(pool)}
    fixed = [place[i] for i in required]
    chosen = None
    if selector.solver == "exact" and len(pool) <= selector.max_exact_sentences:
        chosen = exact_cover(own, weights, lengths, words, prior, conflicts, fixed)
    if chosen is None:
        chosen = greedy_cover(own, weights, lengths, words, prior, conflicts, fixed,
                              None if accept is None else lambda k: admitted(int(pool[k])))
    if budget.sentences is not None:
        chosen = chosen[: budget.sentences]
    return [int(pool[i]) for i in chosen]


def _score_range(scores: np.ndarray, pool: np.ndarray,
                 admitted: Callable[[int], bool]) -> tuple[float, float] | None:
    """The lowest and highest score of the admitted sentences of `pool` (all finite),
    found from both ends of the ranking; None when none is admitted."""
    order = pool[np.argsort(scores[pool], kind="stable")].tolist()
    top = next((i for i in reversed(order) if admitted(i)), None)
    if top is None:
        return None
    low = next(i for i in order if admitted(i))
    return float(scores[low]), float(scores[top])


def _row_product(matrix: sp.csr_matrix, row: int, columns: sp.csr_matrix,
                 size: int) -> np.ndarray:
    """Row `row` of `matrix` times `columns.T` (`columns` as CSR: a row per term), dense
    (`size` entries). Each entry adds up its products in the order scipy's sparse product
    does (the row's terms in order), so the values are the same to the last bit."""
    terms = matrix.indices[matrix.indptr[row]:matrix.indptr[row + 1]]
    weights = matrix.data[matrix.indptr[row]:matrix.indptr[row + 1]]
    starts = columns.indptr[terms]
    lengths = columns.indptr[terms + 1] - starts
    positions = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths) \
        + np.arange(int(lengths.sum()))
    return np.bincount(columns.indices[positions], minlength=size,
                       weights=np.repeat(weights, lengths) * columns.data[positions])


class SentenceConcepts(Sequence[frozenset[Concept]]):
    """The valued concepts (weight > 0) of each sentence of `pool`, by its place there.

    A row's set is made when asked for: the greedy asks only for the few sentences that
    reach the top of its queue, and takes every sentence's total weight from one sparse
    product (`totals`), so a big event does not build a set per sentence (the pooled
    DUC 2006 event has 20,000 candidates)."""

    def __init__(self, index: ConceptIndex, pool: np.ndarray, weights: np.ndarray):
        self.rows = index.incidence[pool]
        self.valued = weights > 0
        self.weights = np.where(self.valued, weights, 0.0)

    def __len__(self) -> int:
        return int(self.rows.shape[0])

    def __getitem__(self, place: int) -> frozenset[Concept]:  # type: ignore[override]
        found = self.rows.indices[self.rows.indptr[place]:self.rows.indptr[place + 1]]
        return frozenset(found[self.valued[found]].tolist())

    def __iter__(self) -> Iterator[frozenset[Concept]]:
        return (self[place] for place in range(len(self)))

    def totals(self) -> np.ndarray:
        """Each sentence's total weight of its valued concepts."""
        return np.asarray(self.rows @ self.weights, dtype=float)


class Restatements(Sequence[frozenset[int]]):
    """For each candidate (by its place in `candidates`), the others that say the same:
    more similar than `max_similarity` (cosine), or restating it in most of its words
    (readability.restates). Never both are chosen.

    A row is computed when asked for: the greedy asks only for the few sentences it
    chooses, so a big event never pays for every pair (the pooled DUC 2006 event has
    20,000 candidates: 400 million pairs). Iterating computes every row (the exact
    solver's constraints, on at most `max_exact_sentences` candidates)."""

    def __init__(self, text: EventText, candidates: np.ndarray, max_similarity: float):
        self.max_similarity = max_similarity
        self.vectors = sp.csr_matrix(text.unit_vectors[candidates])
        self.vector_columns = self.vectors.T.tocsr()
        ignored = [text.vocabulary[t] for t in attribution(text.language)
                   if t in text.vocabulary]
        self.present = term_presence(text.counts[candidates], ignored)
        self.present_columns = self.present.T.tocsr()
        self.sizes = np.diff(self.present.indptr)  # each candidate's words
        self.rows: dict[int, frozenset[int]] = {}

    def __len__(self) -> int:
        return int(self.vectors.shape[0])

    def __getitem__(self, place: int) -> frozenset[int]:  # type: ignore[override]
        if place not in self.rows:
            self.rows[place] = self._row(place)
        return self.rows[place]

    def _row(self, place: int) -> frozenset[int]:
        """The row of one place, with numpy on its few terms (a sparse product of one row
        costs scipy's fixed overhead, most of a millisecond, for much less work)."""
        n = len(self)
        similar = _row_product(self.vectors, place, self.vector_columns, n)
        shared = _row_product(self.present, place, self.present_columns, n)
        found = np.flatnonzero((similar > self.max_similarity)
                               | restated(shared, np.minimum(self.sizes[place], self.sizes)))
        return frozenset(found[found != place].tolist())

    def __iter__(self) -> Iterator[frozenset[int]]:
        return (self[place] for place in range(len(self)))
