"""The ranking stage: a registry of rankers selectable as `ranker.algorithm` in YAML.

Contract (summarize.ranking.base.Ranker): sentences of one event, with their words
(summarize.text.words.EventText) -> one finite score per sentence. Selection is a later stage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from pydantic import Field

from summarize.ranking.base import Ranker
from summarize.ranking.baselines import CentroidRanker, LeadRanker
from summarize.ranking.lexrank import LexRankRanker
from summarize.ranking.sumy_adapter import EdmundsonRanker, SumyRanker, sumy_reference_scores
from summarize.ranking.textrank import TextRankRanker

if TYPE_CHECKING:
    import numpy as np

    from summarize.text.words import EventText

RANKER_CLASSES: tuple[type[Ranker], ...] = (
    LexRankRanker,
    TextRankRanker,
    CentroidRanker,
    LeadRanker,
    SumyRanker,
    EdmundsonRanker,
)

RankerConfig = Annotated[
    LexRankRanker | TextRankRanker | CentroidRanker | LeadRanker | SumyRanker | EdmundsonRanker,
    Field(discriminator="algorithm"),
]


def algorithm_classes() -> dict[str, type[Ranker]]:
    """Algorithm name -> ranker class, in registry order."""
    names: dict[str, type[Ranker]] = {}
    for cls in RANKER_CLASSES:
        for name in cls.model_fields["algorithm"].annotation.__args__:  # type: ignore[union-attr]
            names[name] = cls
    return names


ALGORITHMS = tuple(algorithm_classes())


def rank_sentences(text: EventText, ranker: Ranker) -> np.ndarray:
    """Scores of every sentence of the event under the configured ranker."""
    # Each ranker module imports numpy where it computes: importing the rankers (as the
    # config does, in every command) costs no numpy.
    import numpy as np

    if getattr(ranker, "engine", "fast") == "sumy":
        scores = sumy_reference_scores(ranker.algorithm, text)  # type: ignore[attr-defined]
    else:
        scores = ranker.score(text)
    assert scores.shape == (len(text.sentences),)
    return np.nan_to_num(scores, nan=0.0, posinf=0.0, neginf=0.0)


__all__ = ["ALGORITHMS", "RankerConfig", "Ranker", "rank_sentences", "algorithm_classes"]
