"""Selection: choose the briefing's sentences from the ranker's scores, within the budget.

Strategies (`selector.strategy`): `mmr`, maximal marginal relevance (Carbonell & Goldstein
1998): at each step the sentence maximizing λ·score − (1−λ)·max similarity to the chosen
ones; `threshold`, MEAD's reranker (Radev et al. 2004): best score first, skipping any
sentence too similar to a chosen one. Both never choose a sentence more similar than
`max_similarity` to a chosen one, and both keep filling the word budget with the next best
sentence that still fits, so the budget is never exceeded and rarely left half empty.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from summarize.config import Budget, MMRSelector, SelectorBase
from summarize.selection.eligibility import eligible
from summarize.selection.reading import restates
from summarize.text.words import EventText


def unit_scaled(scores: np.ndarray, among: np.ndarray, flat: float) -> np.ndarray:
    """Scores rescaled so that the lowest and highest finite ones in the `among` mask are 0
    and 1: rankers score on different scales (KL-Sum's are negative). `flat` everywhere
    when those scores are all equal (or absent); 0 where a score is not finite."""
    counted = among & np.isfinite(scores)
    if not counted.any():
        return np.full(len(scores), flat)
    return scaled_between(scores, scores[counted].min(), scores[counted].max(), flat)


def scaled_between(scores: np.ndarray, low: float, top: float, flat: float) -> np.ndarray:
    """Scores rescaled so that `low` and `top` are 0 and 1; `flat` everywhere when
    `top` <= `low`; 0 where a score is not finite."""
    if top <= low:
        return np.full(len(scores), flat)
    finite = np.isfinite(scores)
    return np.where(finite, (np.where(finite, scores, low) - low) / (top - low), 0.0)


def select_sentences(
    text: EventText,
    scores: np.ndarray,
    selector: SelectorBase,
    budget: Budget,
    support: np.ndarray | None = None,
    support_weight: float = 0.0,
    allowed: np.ndarray | None = None,
    required: Sequence[int] = (),
) -> list[int]:
    """Indices of the chosen sentences, in the order they were chosen, `required` first.

    `scores` may hold NaN for sentences that must not be chosen (copies of a story).
    `support` (optional) counts the independent sources backing each sentence; with
    `support_weight` w, relevance is (1-w)·score + w·support, both scaled to [0, 1].
    `allowed` is `eligible(text, selector)` when the caller has computed it already.
    """
    n = len(text.sentences)
    if n == 0:
        return []
    if allowed is None:
        allowed = eligible(text, selector)
    candidates = allowed & np.isfinite(scores)
    # MMR weighs scores against cosines in [0, 1]
    relevance = unit_scaled(scores, candidates, flat=1.0)
    if support is not None and support_weight > 0 and candidates.any():
        most = support[candidates].max()
        backed = (support - 1.0) / (most - 1.0) if most > 1 else np.zeros(n)
        relevance = (1.0 - support_weight) * relevance + support_weight * backed
    lengths = text.word_counts
    words_left = budget.words if budget.words is not None else int(lengths.sum())
    sentences_left = budget.sentences if budget.sentences is not None else n
    max_similarity = np.zeros(n)  # to the closest chosen sentence
    vectors = text.unit_vectors
    chosen: list[int] = []
    lam = selector.lambda_ if isinstance(selector, MMRSelector) else 1.0

    def take(best: int) -> None:
        nonlocal words_left, sentences_left
        chosen.append(best)
        candidates[best] = False
        for other in np.flatnonzero(candidates):
            if restates(text.terms[best], text.terms[other], text.language):
                candidates[other] = False
        words_left -= int(lengths[best])
        sentences_left -= 1
        similarity = np.asarray((vectors @ vectors[best].T).todense()).ravel()
        np.maximum(max_similarity, similarity, out=max_similarity)

    for index in required:
        take(index)
    while sentences_left > 0:
        fits = candidates & (lengths <= words_left) & (max_similarity <= selector.max_similarity)
        if not fits.any():
            break
        gain = np.where(fits, lam * relevance - (1.0 - lam) * max_similarity, -np.inf)
        take(int(np.argmax(gain)))  # first index among ties: deterministic
    return chosen
