"""Redundancy across sources: copies of one story, and the sources that back each fact.

- `find_duplicates`: syndicated copies (the same wire story republished, trimmed or lightly
  edited) are articles most of whose sentences reappear in another. A group of copies is
  ranked once, through its longest copy, so a story that five outlets ran is not five
  times as "central"; every copy stays a source.
- `corroborate`: each chosen sentence cites every article that says the same thing, in a
  sentence or a clause (cosine at least `corroboration.min_similarity`), earliest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain

import numpy as np
import scipy.sparse as sp

from summarize.selection.ordering import publication_order
from summarize.selection.reading import RESTATED_MIN_WORDS, restated
from summarize.text.languages import LANGUAGES
from summarize.text.similarity import identical_rows, self_similar_pairs, similar_pairs
from summarize.text.tense import main_group, parse
from summarize.text.words import (
    EventText,
    content_terms,
    smooth_idf,
    stem,
    term_presence,
    tfidf_unit_rows,
    tokenize,
    words_in,
)


def find_duplicates(
    text: EventText, threshold: float | None, sentence_similarity: float
) -> list[list[int]]:
    """Groups of articles that are copies of one story; singletons too.

    Two articles are copies when at least `threshold` of the shorter one's sentences
    reappear in the other (cosine >= `sentence_similarity`). Sentence containment, unlike
    the cosine of whole articles, also catches a trimmed copy inside a longer version, and
    does not join two different stories that merely share a topic. Each group starts with
    its representative, the copy with most sentences (it contains the others), then the
    rest in publication order; groups come in publication order of their representative.
    With `threshold` None every article is a story of its own.
    """
    n = len(text.articles)
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    sizes = np.bincount([s.article for s in text.sentences], minlength=n)
    if threshold is not None and n > 1 and text.sentences:
        for a, b in copy_pairs(Reappearances.of(text, sentence_similarity), threshold):
            first, second = sorted((root(a), root(b)))
            parent[second] = first
    rank = {article: place for place, article in enumerate(publication_order(text.articles))}
    groups: dict[int, list[int]] = {}
    for article in range(n):
        groups.setdefault(root(article), []).append(article)
    ordered = []
    for members in groups.values():
        members.sort(key=rank.__getitem__)
        representative = max(members, key=lambda a: (sizes[a], -rank[a]))
        ordered.append([representative] + [a for a in members if a != representative])
    return sorted(ordered, key=lambda g: rank[g[0]])


# Prefix filtering pays at high similarities, where a row's prefix is a term or two. On
# the pooled DUC 2006 event (35,893 sentences) it takes 1.86 s against 1.71 s for the full
# product at 0.6, 0.70 s against 1.44 s at 0.7, 0.32 s against 1.33 s at 0.8; on the 51
# separate events (not used to choose this) the two are level from 0.7 up (0.16 s against
# 0.155 s at 0.7), and the pairs found are the same everywhere.
PREFIX_FILTER_FROM = 0.7


@dataclass(frozen=True)
class Reappearances:
    """Which sentences of an event say the same (cosine >= `min_similarity`), found without
    comparing every pair of sentences or of articles: sentences with the same vector are
    one class (a repeated sentence, a copy's sentences), and only distinct ones are
    compared, with the prefix filter."""

    sizes: np.ndarray  # each article's number of sentences
    classes: tuple[tuple[int, ...], ...]  # per article, its sentences' classes (none for a
    # sentence without content words: it reappears nowhere)
    similar: tuple[frozenset[int], ...]  # per class, the classes that say the same, itself too

    @classmethod
    def of(cls, text: EventText, min_similarity: float) -> Reappearances:
        vectors = text.unit_vectors
        of_sentence, first = identical_rows(vectors)
        distinct = sp.csr_matrix(vectors[first])
        if min_similarity >= PREFIX_FILTER_FROM:
            pairs = self_similar_pairs(distinct, min_similarity)
        else:
            pairs = similar_pairs(distinct, distinct, min_similarity)
        similar: list[set[int]] = [{c} for c in range(len(first))]
        for one, other in zip(pairs.row.tolist(), pairs.col.tolist()):
            similar[one].add(other)
        articles = [s.article for s in text.sentences]
        classes: list[list[int]] = [[] for _ in text.articles]
        for article, found in zip(articles, of_sentence.tolist()):
            if found >= 0:
                classes[article].append(found)
        return cls(np.bincount(articles, minlength=len(text.articles)),
                   tuple(map(tuple, classes)), tuple(map(frozenset, similar)))

    def matched(self, a: int, b: int) -> int:
        """How many sentences of article a reappear in article b."""
        theirs = set(self.classes[b])
        return sum(1 for c in self.classes[a] if not self.similar[c].isdisjoint(theirs))


def copy_pairs(found: Reappearances, threshold: float) -> Iterator[tuple[int, int]]:
    """Pairs of articles (a, b) of which one has at least `threshold` of its sentences in
    the other: enough pairs that those joined through them are the groups every such pair
    would join, in time that grows with the articles, not with their square.

    Articles made of the same sentences (as many, and of the same classes) stand for each
    other (5,000 copies of one story are compared as one). For the others, the candidates
    of article a come from a prefix of its sentences, rarest first (the prefix filter of
    Chaudhuri, Ganti & Kaushik 2006, "A primitive operator for similarity joins", ICDE;
    Bayardo et al. 2007): for m of its n sentences to reappear in b, one of any n - m + 1
    of them must, so b must hold one of a's first n - m + 1. Each candidate is then
    counted exactly."""
    standing: dict[tuple[int, ...], int] = {}
    distinct = []
    for article, classes in enumerate(found.classes):
        size = int(found.sizes[article])
        first = standing.setdefault((size, *sorted(classes)), article)
        if first == article:
            distinct.append(article)
        elif _contained(len(classes), size, threshold):
            yield first, article
        else:  # (most of its sentences have no content word: it is compared on its own)
            distinct.append(article)
    occurs: dict[int, list[int]] = {}
    for article in distinct:
        for c in set(found.classes[article]):
            occurs.setdefault(c, []).append(article)
    # how many articles a class's sentences reappear in, at most: the rarest come first
    reach = [sum(len(occurs.get(o, ())) for o in similar) for similar in found.similar]
    for article in distinct:
        size, classes = int(found.sizes[article]), found.classes[article]
        needed = next((m for m in range(len(classes) + 1)
                       if _contained(m, size, threshold)), None)
        if needed is None:
            continue  # too few of its sentences can reappear anywhere
        if needed == 0:  # (threshold 0: every article is a copy of every other)
            yield article, distinct[0]
            continue
        prefix = sorted(classes, key=lambda c: (reach[c], c))[:len(classes) - needed + 1]
        candidates = {other for c in set(prefix) for similar in found.similar[c]
                      for other in occurs.get(similar, ())}
        candidates.discard(article)
        for other in sorted(candidates):
            if _contained(found.matched(article, other), size, threshold):
                yield article, other


def _contained(matched: int, size: int, threshold: float) -> bool:
    return size > 0 and matched / size >= threshold


# Clause boundaries inside a sentence: punctuation, and the conjunctions that join two
# statements ("Kim vowed support as the leaders held a summit"). A fact is often one clause
# of a long sentence, and another outlet reports it in a sentence of its own.
_CLAUSE_BREAK = re.compile(
    r"\s*[,;:()\u2014\u2013]\s*|\s+-{1,2}\s+|"
    r"\s+(?:as|while|whereas|after|before|because|although|though|but|when|which|who|where)\s+",
    re.IGNORECASE,
)
# Words of attribution ("Russian state media reported", "the Kremlin said") say who told,
# not what happened: two sentences do not report the same fact because both were
# "reported by state media". They are left out when statements are compared, and a clause
# needs this many other content words to stand alone.
MIN_CLAUSE_TERMS = 4
ATTRIBUTION_WORDS = (
    "said says say told tells tell reported reports report according added adding stated "
    "announced quoted media spokesman spokeswoman".split()
)


@cache
def attribution(language: str = "en") -> frozenset[str]:
    """The stems of ATTRIBUTION_WORDS, or of a language's own (`summarize.text.languages`;
    computed once, on first use)."""
    if language == "en":
        return frozenset(stem(w) for w in ATTRIBUTION_WORDS)
    words = words_in(language)
    return frozenset(words.stem(w) for w in
                     words.tokenize(LANGUAGES[language].attribution))


@cache
def _clause_break(language: str) -> re.Pattern[str]:
    """_CLAUSE_BREAK with a language's own conjunctions (none: punctuation only)."""
    if language == "en":
        return _CLAUSE_BREAK
    joining = LANGUAGES[language].clause_words.split()
    return re.compile(r"\s*[,;:()\u2014\u2013]\s*|\s+-{1,2}\s+"
                      + (r"|\s+(?:" + "|".join(map(re.escape, joining)) + r")\s+"
                         if joining else ""), re.IGNORECASE)


def _terms(text: str, language: str) -> list[str]:
    """Stemmed content words of `text`, attribution left out."""
    split, terms_of = (tokenize, content_terms) if language == "en" else (
        words_in(language).tokenize, words_in(language).content_terms)
    ignored = attribution(language)
    return [t for t in terms_of(split(text)) if t not in ignored]


def _pieces(sentence: str, language: str) -> tuple[list[int], list[list[str]]]:
    """Where each piece between clause breaks starts, and its words (`_terms`)."""
    breaks = [(m.start(), m.end()) for m in _clause_break(language).finditer(sentence)]
    starts = [0] + [end for _, end in breaks]
    ends = [start for start, _ in breaks] + [len(sentence)]
    return starts, [_terms(sentence[a:b], language) for a, b in zip(starts, ends)]


def _clause_spans(pieces: list[list[str]]) -> list[tuple[int, int]]:
    """The pieces each clause spans (first, last): a piece of MIN_CLAUSE_TERMS words opens
    one, with the short pieces before the first clause; the short ones after join it."""
    spans: list[list[int]] = []
    pending = None
    for k, terms in enumerate(pieces):
        if len(terms) >= MIN_CLAUSE_TERMS:
            spans.append([k if pending is None else pending, k])
            pending = None
        elif spans:
            spans[-1][1] = k
        elif pending is None:
            pending = k
    return [(first, last) for first, last in spans]


def _joined(pieces: list[list[str]], first: int, last: int) -> tuple[str, ...]:
    return tuple(t for k in range(first, last + 1) for t in pieces[k])


def clauses(sentence: str, language: str = "en") -> list[tuple[str, ...]]:
    """Stemmed content words of each clause that states something on its own; pieces too
    short for that are joined to the clause before them (or after, at the start)."""
    _, pieces = _pieces(sentence, language)
    return [_joined(pieces, first, last) for first, last in _clause_spans(pieces)]


def main_clause(sentence: str, language: str = "en", core: bool = False) -> tuple[str, ...] | None:
    """Stemmed content words of what the sentence reports: the clause (`clauses`) of its
    main verb (`tense.main_group`: past an opening phrase, "In the month since the massacre
    at Columbine, a sense of foreboding has enveloped schools"), with the subject when commas
    set it off from its verb ("Jim Hall, chairman of the board, is taking …"); in other
    languages, and without a main verb, the first clause. `core`: the main verb's piece of
    the sentence only (with the subject so set off), without the pieces `clauses` joins to
    it ("…, officials said Saturday"). None when there is no other clause or piece."""
    starts, pieces = _pieces(sentence, language)
    if len(pieces) < 2:
        return None
    spans = _clause_spans(pieces)
    parts = [_joined(pieces, first, last) for first, last in spans]
    if language != "en":
        return parts[0] if len(parts) > 1 else None
    if len(parts) < 2 and not core:
        return None
    parsed = parse(sentence)
    group = main_group(parsed)
    if group is None:
        return parts[0] if len(parts) > 1 else None
    verb = parsed.spans[group.start][0]
    held = max(k for k in range(len(starts)) if starts[k] <= verb)
    first, last = held, held
    if not core:  # the verb's clause
        first, last = next(((a, b) for a, b in spans if a <= held <= b), (held, held))
    found = list(_joined(pieces, first, last))
    if held and first > 0 and not _terms(sentence[starts[held]:verb], language):
        found = pieces[0] + found  # the subject is the first piece, set off by commas
    if len(found) >= MIN_CLAUSE_TERMS:
        return tuple(found)
    return parts[0] if len(parts) > 1 else None


class MainFacts:
    """What each sentence of an event reports (its `main_clause`, else all its content
    words, attribution left out), found when first asked: selection asks of the few
    sentences it reaches, in every round."""

    def __init__(self, text: EventText):
        self.text = text
        self._main: dict[int, frozenset[str]] = {}

    def of(self, index: int) -> frozenset[str]:
        if index not in self._main:
            ignored = attribution(self.text.language)
            main = main_clause(self.text.sentences[index].text, self.text.language,
                               core=True)
            self._main[index] = frozenset(main if main is not None
                                          else self.text.terms[index]) - ignored
        return self._main[index]

    def repeats(self, index: int, told: Sequence[int]) -> bool:
        """The sentence's main fact is one the `told` sentences state: most of its main
        clause's words are theirs (`reading.restated`). "An explosion at a bank killed a
        police officer and a bomb technician, officials said, offering a reward …" after
        "A bomb exploded Friday at a bank in Woodburn, killing a police officer and a
        bomb squad technician": a key point that tells the lead again, for one detail."""
        own = set(self.text.terms[index])
        # (the main clause's words are the sentence's: one that shares too few words with
        # every told sentence is not parsed)
        told = [other for other in told if other != index
                and len(own & set(self.text.terms[other])) >= RESTATED_MIN_WORDS]
        if not told:
            return False
        main = self.of(index)
        return any(bool(restated(len(main & set(self.text.terms[other])), len(main)))
                   for other in told)


def statement_vectors(text: EventText, sentences: Sequence[int], idf: np.ndarray,
                      main_only: bool = False) -> tuple[sp.csr_matrix, np.ndarray]:
    """Unit TF-IDF vectors of each of these sentences and of each of its clauses (when it
    has more than one; `main_only`: of its main clause only, `main_clause`), in the event's
    similarity space (`idf`), and the sentence each row belongs to. A row does not depend
    on the others: vectors of a few sentences are rows of the vectors of all."""
    units: list[tuple[str, ...]] = []
    owner: list[int] = []
    ignored = attribution(text.language)
    for index in sentences:
        own = tuple(t for t in text.terms[index] if t not in ignored)
        units.append(own)
        owner.append(index)
        # Two clauses need MIN_CLAUSE_TERMS words each, and a clause's words are words of
        # its sentence: a third of DUC 2006's sentences have too few to be split at all.
        if len(own) >= 2 * MIN_CLAUSE_TERMS:
            sentence = text.sentences[index].text
            parts = clauses(sentence, text.language)
            parts = parts if len(parts) > 1 else []
            if main_only and parts:
                parts = [main_clause(sentence, text.language) or parts[0]]
            units.extend(parts)
            owner.extend([index] * len(parts))
    vocabulary = text.vocabulary
    found = list(map(vocabulary.get, chain.from_iterable(units)))
    rows = np.repeat(np.arange(len(units)), [len(u) for u in units])
    known = np.array([column is not None for column in found], dtype=bool)
    cols = np.array([column for column in found if column is not None], dtype=np.int64)
    counts = sp.csr_matrix((np.ones(len(cols)), (rows[known], cols)),
                           shape=(len(units), len(vocabulary)))
    return tfidf_unit_rows(counts, idf), np.array(owner, dtype=np.int64)


def corroborate(
    text: EventText, indices: Sequence[int], min_similarity: float
) -> list[tuple[int, ...]]:
    """For each sentence in `indices`, the articles that say the same, its own included.

    An article backs a sentence when the sentence, or its main clause (`main_clause`: what
    it reports, the rest being circumstance), is at least `min_similarity` similar to a
    sentence of that article or a clause of one; sources are given earliest first. (Not
    any clause of the sentence: an article that states an aside of it would be cited for
    all of it, a quotation or the main fact included, and a reader who checks the source
    would not find them.)
    """
    if not len(indices):
        return []
    rank = {article: place for place, article in enumerate(publication_order(text.articles))}
    idf = smooth_idf(text.counts)
    asked, asked_owner = statement_vectors(text, list(indices), idf, main_only=True)
    # Only a sentence that has enough of an asked statement's terms can back it: for unit
    # vectors, cos(u, w) is at most the length of u over the terms w has (Cauchy-Schwarz),
    # and a clause has no term its sentence lacks, so no statement of a sentence v comes
    # closer to u than the length of u over v's terms. The others are never split into
    # clauses (that was most of the time on big events; this bound leaves half as many
    # as the sum of u's weights over v's terms did, on DUC 2006).
    squared = asked.multiply(asked)
    reach = np.sqrt(sp.csr_matrix(term_presence(text.counts) @ squared.T)
                    .max(axis=1).toarray().ravel())
    others = np.union1d(np.flatnonzero(reach >= min_similarity - 1e-9), np.asarray(indices))
    vectors, owner = statement_vectors(text, others.tolist(), idf)
    sentence_article = np.array([s.article for s in text.sentences], dtype=np.int64)
    position = {sentence: place for place, sentence in enumerate(indices)}
    close = similar_pairs(asked, vectors, min_similarity)
    # the row of each statement's whole sentence (a sentence's rows follow one another,
    # the whole sentence first): a clause matched, the sentence that holds it states it
    sentence_rows, first = np.unique(owner, return_index=True)
    whole = first[np.searchsorted(sentence_rows, owner)]
    backing: list[set[int]] = [{text.sentences[i].article} for i in indices]
    for row, column in zip(close.row.tolist(), close.col.tolist()):
        if _states_most_of(asked, row, vectors, int(whole[column])):
            backing[position[int(asked_owner[row])]].add(int(sentence_article[owner[column]]))
    return [tuple(sorted(found, key=rank.__getitem__)) for found in backing]


# Of what a sentence (or its main clause) says, the share of its distinct content words
# that the other article's sentence must hold to back it. The cosine weighs rare words
# most, so a statement that names the same rare things ("the Computer Emergency Response
# Team at Carnegie Mellon") comes close without stating the fact ("reports of 2,328
# computers damaged"), and a later count ("38 killed") close to an earlier ("36 killed").
MIN_STATED_SHARE = 0.5


def _states_most_of(asked: sp.csr_matrix, row: int, vectors: sp.csr_matrix,
                    column: int) -> bool:
    mine = asked.indices[asked.indptr[row]:asked.indptr[row + 1]]
    theirs = vectors.indices[vectors.indptr[column]:vectors.indptr[column + 1]]
    shared = len(np.intersect1d(mine, theirs, assume_unique=True))
    return shared >= MIN_STATED_SHARE * len(mine)


def independent_sources(backing: Sequence[tuple[int, ...]], groups: list[list[int]]) -> np.ndarray:
    """How many independent stories back each sentence: copies of one story count once."""
    story = {article: number for number, group in enumerate(groups) for article in group}
    return np.array([len({story[a] for a in sources}) for sources in backing], dtype=np.int64)
