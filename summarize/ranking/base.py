"""The ranking contract: an event's sentences in, one finite score per sentence out.

A ranker is its own config section: a frozen pydantic model whose fields are the algorithm's
options (validated and documented once) and whose `score` method does the work. Selection
reads the scores; no ranker chooses sentences itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:  # a config names its ranker without importing numpy (summarize/config.py)
    import numpy as np

    from summarize.text.words import EventText


class Ranker(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @property
    def uses_run_statistics(self) -> bool:
        """True when scores depend on every event of the run (EventText.background)."""
        return False

    def score(self, text: EventText) -> np.ndarray:
        """One score per sentence of `text`, higher is more central; finite, deterministic."""
        raise NotImplementedError
