"""Every sumy summarizer behind our ranking contract, fed with our own sentences and words.

sumy's default tokenizer needs NLTK data that is not installed (and is never downloaded), so
we build sumy's document model ourselves: one paragraph per article, its title as heading
(Edmundson's title method reads it), and a tokenizer that answers with the words we already
computed. Stop words and the stemmer are ours too, so every engine sees the same words.

To read a score for every sentence, we pass sumy a callable as the sentence count: sumy calls
it with all sentences sorted by rating, and we record the ratings.
"""

from __future__ import annotations

import importlib
import random
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import Field, model_validator

from summarize.ranking.base import Ranker
from summarize.text.words import ENGLISH, Words, tokenize

if TYPE_CHECKING:
    import numpy as np
    from sumy.models.dom import ObjectDocumentModel
    from sumy.models.dom import Sentence as SumySentence

    from summarize.text.words import EventText

# Imported when first used: the summarizers pull in nltk, which a run that finds nothing
# changed should not pay for.
SUMY_CLASSES: dict[str, str] = {
    "lexrank": "sumy.summarizers.lex_rank:LexRankSummarizer",
    "textrank": "sumy.summarizers.text_rank:TextRankSummarizer",
    "lsa": "sumy.summarizers.lsa:LsaSummarizer",
    "luhn": "sumy.summarizers.luhn:LuhnSummarizer",
    "kl": "sumy.summarizers.kl:KLSummarizer",
    "sumbasic": "sumy.summarizers.sum_basic:SumBasicSummarizer",
    "reduction": "sumy.summarizers.reduction:ReductionSummarizer",
    "random": "sumy.summarizers.random:RandomSummarizer",
    "edmundson": "sumy.summarizers.edmundson:EdmundsonSummarizer",
}


def sumy_class(name: str) -> Callable[..., Any]:
    module, _, cls = SUMY_CLASSES[name].partition(":")
    return getattr(importlib.import_module(module), cls)  # type: ignore[no-any-return]


class _KnownWords:
    """sumy tokenizer that returns the words we computed for each sentence text."""

    language = "english"

    def __init__(self, words_by_text: dict[str, tuple[str, ...]],
                 split: Callable[[str], list[str]] = tokenize):
        self.words_by_text, self.split = words_by_text, split

    def to_words(self, text: str) -> tuple[str, ...]:
        # Headings (article titles) are not in the table; tokenize them the same way.
        found = self.words_by_text.get(text)
        return found if found is not None else tuple(self.split(text))

    def to_sentences(self, text: str) -> tuple[str, ...]:
        raise AssertionError("sentences are split by summarize.text.segmenting, never by sumy")


def sumy_document(text: EventText) -> tuple[ObjectDocumentModel, list[SumySentence]]:
    """sumy's document model of an event, and its sentences in our order."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    tokenizer = _KnownWords({s.text.strip(): t for s, t in zip(text.sentences, text.tokens)},
                            text.words.tokenize)
    sentences = [SumySentence(s.text, tokenizer) for s in text.sentences]
    paragraphs = []
    for index, article in enumerate(text.articles):
        members = [sentences[i] for i, s in enumerate(text.sentences) if s.article == index]
        heading = [SumySentence(article.title, tokenizer, is_heading=True)] if article.title else []
        paragraphs.append(Paragraph(heading + members))
    return ObjectDocumentModel(paragraphs), sentences


def sumy_scores(summarizer: Any, text: EventText) -> np.ndarray:
    """Run a configured sumy summarizer and read back one rating per sentence."""
    import numpy as np

    document, sentences = sumy_document(text)
    ratings: dict[SumySentence, float] = {}

    def record_all(infos: list[Any]) -> list[Any]:
        for info in infos:
            ratings[info.sentence] = float(info.rating)
        return infos

    summarizer(document, record_all)
    return np.array([ratings.get(s, 0.0) for s in sentences], dtype=np.float64)


def configured(name: str, words: Words = ENGLISH, **attributes: Any) -> Any:
    """A sumy summarizer with our stemmer and stop words (of the event's language), plus
    any extra attributes."""
    summarizer = sumy_class(name)(words.stem)
    if hasattr(summarizer, "stop_words"):
        summarizer.stop_words = words.stop_words
    for key, value in attributes.items():
        setattr(summarizer, key, value)
    return summarizer


class SumyRanker(Ranker):
    """sumy's LSA, Luhn, KL-Sum, SumBasic, Reduction and Random summarizers, as rankers."""

    # What `summarize list` says of each algorithm, and which options apply to which.
    DESCRIPTIONS: ClassVar[dict[str, str]] = {
        "lsa": "Latent semantic analysis (Steinberger & Jezek 2004): sentences that carry "
               "the strongest topics of the event's term-sentence matrix.",
        "luhn": "Luhn (1958): clusters of significant (frequent, non-stop) words in a "
                "sentence.",
        "kl": "KL-Sum (Haghighi & Vanderwende 2009): sentences whose words keep the "
              "summary's word distribution closest to the event's.",
        "sumbasic": "SumBasic (Nenkova & Vanderwende 2005): average probability of a "
                    "sentence's words in the event.",
        "reduction": "Reduction: sentences by the summed similarity to all others (a "
                     "graph-based centrality without a random walk).",
        "random": "Random order (a baseline): sentences shuffled with a fixed seed.",
    }
    OPTIONS: ClassVar[dict[str, tuple[str, ...]]] = {"seed": ("random",)}

    algorithm: Literal["lsa", "luhn", "kl", "sumbasic", "reduction", "random"]
    seed: int = Field(0, description="Seed of the shuffle, for repeatable runs.")

    def score(self, text: EventText) -> np.ndarray:
        import numpy as np

        if not text.sentences:
            return np.zeros(0)
        summarizer = configured(self.algorithm, text.words)
        if self.algorithm != "random":
            return sumy_scores(summarizer, text)
        # sumy shuffles with the global generator: seed it, and restore it for other users.
        state = random.getstate()
        random.seed(self.seed)
        try:
            return sumy_scores(summarizer, text)
        finally:
            random.setstate(state)


class EdmundsonRanker(Ranker):
    """Edmundson (1969) via sumy: cue, key, title and location evidence, weighted."""

    algorithm: Literal["edmundson"] = "edmundson"
    cue_weight: float = Field(0.0, ge=0.0, description="Weight of bonus/stigma cue words.")
    key_weight: float = Field(0.0, ge=0.0, description="Weight of frequent bonus words.")
    title_weight: float = Field(1.0, ge=0.0, description="Weight of words shared with titles.")
    location_weight: float = Field(1.0, ge=0.0, description="Weight of position and headings.")
    bonus_words: tuple[str, ...] = Field((), description="Words that raise a sentence (cue, key).")
    stigma_words: tuple[str, ...] = Field((), description="Words that lower a sentence (cue).")

    @model_validator(mode="after")
    def _cue_and_key_need_words(self) -> EdmundsonRanker:
        if (self.cue_weight > 0 or self.key_weight > 0) and not self.bonus_words:
            raise ValueError("cue_weight and key_weight need bonus_words")
        if self.cue_weight > 0 and not self.stigma_words:
            raise ValueError("cue_weight needs stigma_words")
        return self

    def score(self, text: EventText) -> np.ndarray:
        import numpy as np

        if not text.sentences:
            return np.zeros(0)
        summarizer = sumy_class("edmundson")(
            text.words.stem,
            cue_weight=self.cue_weight,
            key_weight=self.key_weight,
            title_weight=self.title_weight,
            location_weight=self.location_weight,
        )
        summarizer.null_words = text.words.stop_words
        if self.bonus_words:
            summarizer.bonus_words = self.bonus_words
        if self.stigma_words:
            summarizer.stigma_words = self.stigma_words
        return sumy_scores(summarizer, text)


def sumy_reference_scores(algorithm: str, text: EventText) -> np.ndarray:
    """sumy's own LexRank or TextRank (`engine: sumy`), on our words."""
    import numpy as np

    if not text.sentences:
        return np.zeros(0)
    return sumy_scores(configured(algorithm, text.words), text)
