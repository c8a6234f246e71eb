"""Scores of a grouping against a labelled one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence


def bcubed(reference: Sequence[str], found: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga & Baldwin 1998; Amigó et al. 2009) of a
    grouping `found` against a `reference` one, both given as each item's group: per
    item, the share of its found group that shares its reference group (precision) and
    the reverse (recall), averaged over the items."""
    pairs = Counter(zip(reference, found))
    found_sizes, reference_sizes = Counter(found), Counter(reference)
    n = len(reference)
    precision = sum(c * c / found_sizes[f] for (_, f), c in pairs.items()) / n
    recall = sum(c * c / reference_sizes[r] for (r, _), c in pairs.items()) / n
    return precision, recall, 2 * precision * recall / (precision + recall)
