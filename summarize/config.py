"""The config schema: every option, its default and what it does, in one place.

A config is YAML; `summarize list` prints the rankers' options from this schema and
`summarize validate FILE` checks a file. The whole config is validated before any article
is read, and a mistake is reported as one line naming the key path, the bad value and the
accepted values.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from summarize.errors import ConfigError
from summarize.outputs.site import site_address
from summarize.ranking import RankerConfig
from summarize.ranking.lexrank import LexRankRanker
from summarize.text.languages import SUPPORTED_LANGUAGES


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Run(Section):
    executor: Literal["local", "dask"] = Field(
        "local",
        description="Where events are built: local worker processes (--jobs), or dask: a "
        "Dask distributed cluster (the dask extra, installed by make), the one at `scheduler` "
        "or a local one of --jobs workers. Briefings are byte-identical either way.",
    )
    scheduler: str | None = Field(
        None,
        description="With executor dask: the scheduler's address (tcp://host:8786); its "
        "workers must run the same version and see the input at the same path. null: a "
        "local cluster, started and stopped with the run.",
    )

    @model_validator(mode="after")
    def _scheduler_is_for_dask(self) -> Run:
        if self.scheduler is not None and self.executor != "dask":
            raise ValueError(f"scheduler {self.scheduler!r} is for the dask executor; "
                             f"set run.executor: dask (it is {self.executor!r})")
        return self


class Grouping(Section):
    """How `run --group` and `summarize group` sort a flat stream of articles into events
    (summarize/grouping/stories.py). A change applies to articles not yet grouped: grouped ones
    keep their event. The defaults group stories (one bombing, one vote);
    configs/topics.yaml groups broad topics, as DUC's are."""

    cohesion_share: float = Field(
        0.55,
        ge=0.0,
        le=1.0,
        description="An article joins the story most similar to it when their similarity "
        "(the average, over the story's articles, of the weighted TF-IDF cosines below) "
        "reaches this share of the story's cohesion: how alike the story's own articles "
        "are, drawn toward the median story of the article's language while it has few. "
        "So the cut follows the stream, its languages and each story, with no labels. "
        "Higher: more, tighter stories. 0: `threshold` alone.",
    )
    threshold: float = Field(
        0.05,
        gt=0.0,
        le=1.0,
        description="The least similarity at which an article joins a story, whatever the "
        "story's cohesion; otherwise it starts a new story.",
    )
    lead_weight: float = Field(
        0.3,
        ge=0.0,
        le=1.0,
        description="Share of the similarity taken from the title and the text's first "
        "60 words (the lead).",
    )
    names_weight: float = Field(
        0.3,
        ge=0.0,
        le=1.0,
        description="Share of the similarity taken from names (runs of capitalised words) "
        "and numbers; the rest, after lead_weight, comes from the whole text.",
    )
    window_days: int | None = Field(
        3,
        ge=0,
        description="A story stays open this many days after its newest article; then its "
        "similarity to a later article decays toward decay_floor, halving the distance "
        "every half_life_days. null: no time limit. Undated articles are grouped by "
        "content alone.",
    )
    half_life_days: float = Field(
        7.0, gt=0.0, description="See window_days."
    )
    decay_floor: float = Field(
        0.7,
        ge=0.0,
        le=1.0,
        description="What a dormant story's similarity decays to (see window_days): a "
        "story dormant for months takes 1 / decay_floor times the similarity to continue. "
        "0: it closes.",
    )
    copy_bits: int = Field(
        3,
        ge=0,
        le=16,
        description="An article whose 64-bit SimHash differs from an earlier article's in "
        "at most this many bits is a copy of it and joins its story, whatever the threshold.",
    )

    @model_validator(mode="after")
    def _weights_leave_the_text_a_share(self) -> Grouping:
        if self.lead_weight + self.names_weight > 1:
            raise ValueError(f"lead_weight {self.lead_weight} and names_weight "
                             f"{self.names_weight} add up to more than 1")
        return self


class Limits(Section):
    max_article_bytes: int = Field(
        5_000_000, ge=1, description="Articles larger than this are skipped with a reason."
    )
    max_event_bytes: int = Field(
        20_000_000,
        ge=1,
        description="An event reads its files (in name order) until they total this many "
        "bytes; the rest are skipped with a reason, so one huge event cannot take the run's "
        "time and memory (the 1,250 DUC 2006 articles total 6 MB).",
    )


class Duplicates(Section):
    """Syndicated copies of one story (the same wire text republished by several outlets)."""

    threshold: float | None = Field(
        0.8,
        ge=0.0,
        le=1.0,
        description="Share of the shorter article's sentences that must reappear in the "
        "other (see sentence_similarity) for the two to be copies of one story: it is "
        "ranked once, through its longest copy, and every outlet stays in the Sources. "
        "null: do not look for copies.",
    )
    sentence_similarity: float = Field(
        0.8,
        gt=0.0,
        le=1.0,
        description="Cosine (TF-IDF of stemmed content words) at which a sentence counts as "
        "reappearing in another article.",
    )


class SelectorBase(Section):
    min_words: int = Field(8, ge=1, description="Shorter sentences are never chosen.")
    max_words: int = Field(60, ge=1, description="Longer sentences are never chosen.")
    skip_questions: bool = Field(True, description="Never choose a sentence ending in '?'.")
    skip_dependent: bool = Field(
        True,
        description="Never choose a sentence that cannot stand alone: it opens with a "
        "pronoun or a connective ('He said', 'But', 'However'), refers back ('such "
        "claims', 'the two cases'), is a fragment without final punctuation, is a piece "
        "of a quotation split across sentences, quotes someone it does not name ('he "
        "said'), or only says that someone declined to comment.",
    )
    max_similarity: float = Field(
        0.5,
        ge=0.0,
        le=1.0,
        description="A sentence more similar than this (cosine of stemmed content words) to "
        "a chosen one is never chosen: each fact is stated once.",
    )
    skip_stale_plans: bool = Field(
        True,
        description="Never choose a sentence about the future ('The talks will focus on …') "
        "from an article older than the event's newest: what it announces has happened, "
        "or changed, since.",
    )

    @model_validator(mode="after")
    def _bounds_ordered(self) -> SelectorBase:
        if self.min_words > self.max_words:
            raise ValueError(f"min_words ({self.min_words}) exceeds max_words ({self.max_words})")
        return self


class MMRSelector(SelectorBase):
    """Maximal marginal relevance (Carbonell & Goldstein 1998)."""

    strategy: Literal["mmr"] = "mmr"
    lambda_: float = Field(
        0.7,
        alias="lambda",
        ge=0.0,
        le=1.0,
        description="Weight of the ranker's score against novelty: 1 ignores redundancy.",
    )


class ThresholdSelector(SelectorBase):
    """MEAD's reranker: best-scored first, skipping what repeats a chosen sentence."""

    strategy: Literal["threshold"] = "threshold"


class ConceptSelector(SelectorBase):
    """Concept coverage (Gillick & Favre 2009): the sentences that together cover the most
    important word bigrams of the event, each counted once (summarize/selection/concepts.py)."""

    strategy: Literal["concepts"] = "concepts"
    min_sources: int = Field(
        3,
        ge=1,
        description="A concept (stemmed word bigram) counts only when at least this many "
        "independent stories report it (copies of one story count once).",
    )
    focus_weight: float = Field(
        3.0,
        ge=0.0,
        description="With a focus: a concept's weight is multiplied by up to 1 + this, in "
        "proportion to how relevant the sentences that contain it are to the focus.",
    )
    focus_word_bonus: float = Field(
        0.5,
        ge=0.0,
        description="With a focus: a concept's weight is multiplied by 1 + this for each of "
        "its two words that is a word of the focus.",
    )
    prior_weight: float = Field(
        3.0,
        ge=0.0,
        description="A sentence's gain is multiplied by up to 1 + this, in proportion to its "
        "ranker score (biased toward the focus, when there is one); 0: concepts only.",
    )
    solver: Literal["greedy", "exact"] = Field(
        "greedy",
        description="greedy: best concept weight per word first (Lin & Bilmes 2010); exact: "
        "the integer program, solved by HiGHS (slower; scores alike on DUC 2006).",
    )
    max_exact_sentences: int = Field(
        3000,
        ge=1,
        description="solver exact: events with more candidate sentences than this are "
        "solved greedily, so a huge event cannot stall the run.",
    )


SelectorConfig = Annotated[MMRSelector | ThresholdSelector | ConceptSelector,
                           Field(discriminator="strategy")]


class Corroboration(Section):
    min_similarity: float = Field(
        0.5,
        ge=0.0,
        le=1.0,
        description="Another article backs a sentence when one of its sentences, or a "
        "clause of one, is at least this similar (cosine) to the sentence or its main "
        "clause (its main verb's) and holds half of its words; it is then cited too.",
    )
    weight: float = Field(
        0.3,
        ge=0.0,
        le=1.0,
        description="How much the number of independent sources backing a sentence counts "
        "in selection, beside the ranker's score (0: not at all). Copies of one story count "
        "as one source.",
    )


class Order(Section):
    strategy: Literal["chronological", "score", "source"] = Field(
        "chronological",
        description="chronological: publication date, then place in the article (undated "
        "articles last); score: best first; source: article by article.",
    )


class Budget(Section):
    words: int | None = Field(
        120,
        ge=1,
        description="The briefing never has more words than this (null: no cap; then "
        "sentences must be set).",
    )
    sentences: int | None = Field(
        None, ge=1, description="At most this many sentences (null: only the word budget)."
    )

    @model_validator(mode="after")
    def _some_budget(self) -> Budget:
        if self.words is None and self.sentences is None:
            raise ValueError("set budget.words, budget.sentences or both")
        return self


class Focus(Section):
    """What the reader wants to know: biases ranking and concept weights toward the
    sentences that answer it (summarize/text/focus.py)."""

    text: str | None = Field(
        None, description="A focus for every event (a question or a few words); null: none."
    )
    from_event: bool = Field(
        True,
        description="Use an event's own focus, when it has one: its folder's topic.txt, or "
        "a 'focus:' key in an article's front matter. It wins over text.",
    )


class Languages(Section):
    """The language a briefing is written in: its event's main language, the one most of
    its articles' words are in (summarize/text/languages.py lists the languages it can
    be). Articles in another language are never summarized with it."""

    accepted: tuple[str, ...] | None = Field(
        None,
        description="The languages (ISO 639-1 codes: de, fr, vi…) a briefing may be written "
        "in; null: every supported one. An event's main language is chosen among them; an "
        "article whose language cannot be told is read in it.",
    )
    others: Literal["coverage", "skip"] = Field(
        "coverage",
        description="Articles in another language than the briefing's: coverage lists them "
        "after its sources ('Also covered in German by …'); skip leaves them out, each in "
        "the run report's skipped files with its language.",
    )

    @field_validator("accepted")
    @classmethod
    def _supported(cls, accepted: tuple[str, ...] | None) -> tuple[str, ...] | None:
        if accepted is None:
            return None
        if not accepted:
            raise ValueError("expected at least one language code, or null for all")
        unknown = [code for code in accepted if code not in SUPPORTED_LANGUAGES]
        if unknown:
            raise ValueError(f"not a supported language: {', '.join(map(repr, unknown))}. "
                             f"Expected codes among: {', '.join(SUPPORTED_LANGUAGES)}")
        return tuple(dict.fromkeys(accepted))


OutputFormat = Literal["markdown", "json", "html"]


class Output(Section):
    formats: tuple[OutputFormat, ...] = Field(
        ("markdown", "json", "html"),
        min_length=1,
        description="What is written per event: markdown (<event>.md), json (<event>.json), "
        "html (<event>.html, plus index.html listing every event, newest first, and "
        "index.xml, an Atom feed of written and updated briefings).",
    )
    site_url: str | None = Field(
        None,
        description="The address the output folder is published at "
        "(https://example.org/briefings/): the Atom feed's links and ids become absolute, "
        "as feed readers need; null: links relative to the feed.",
    )
    site_title: str = Field(
        "Briefings",
        min_length=1,
        description="The site's name: the title of index.html and of the Atom feed "
        "index.xml, and the feed's author.",
    )
    template: Path | None = Field(
        None,
        description="Jinja2 template for the Markdown briefing (path relative to the "
        "current folder); null: the template shipped in summarize/templates.",
    )
    html_template: Path | None = Field(
        None,
        description="Jinja2 template for the briefing's HTML page (path relative to the "
        "current folder; it may extend or include the shipped page.html.j2 and style.css, "
        "and its values are HTML-escaped); null: the shipped briefing.html.j2.",
    )
    lead_sentences: int = Field(
        1,
        ge=0,
        description="How many sentences open the briefing as its lead: chosen among the "
        "articles' first sentences by how much they cover of what several outlets put in "
        "their headlines and first sentences.",
    )

    @field_validator("formats")
    @classmethod
    def _each_format_once(cls, formats: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(formats))

    @field_validator("site_url")
    @classmethod
    def _web_address(cls, url: str | None) -> str | None:
        return None if url is None else site_address(url)


class Config(Section):
    """A whole run's settings. Every section is optional; omitted keys take their defaults."""

    ranker: RankerConfig = Field(
        default_factory=LexRankRanker,
        description="How each sentence of an event is scored: the algorithm and its options. "
        "Scores only; choosing sentences is the selector's.",
    )
    duplicates: Duplicates = Field(
        default_factory=Duplicates,
        description="Which articles are copies of one story, ranked once and counted as one "
        "source.",
    )
    selector: SelectorConfig = Field(
        default_factory=ConceptSelector,
        description="How the briefing's key points are chosen from the scored sentences, "
        "within the budget, and which sentences may never be chosen.",
    )
    corroboration: Corroboration = Field(
        default_factory=Corroboration,
        description="Which articles back each sentence (they are all cited), and how much "
        "that counts in selection.",
    )
    order: Order = Field(
        default_factory=Order, description="The order in which the key points are read."
    )
    budget: Budget = Field(
        default_factory=Budget, description="How long a briefing may be, lead included."
    )
    focus: Focus = Field(
        default_factory=Focus,
        description="A question or a few words the briefing should answer.",
    )
    output: Output = Field(
        default_factory=Output,
        description="The files written per event and for the site, and how they read.",
    )
    languages: Languages = Field(
        default_factory=Languages,
        description="Which language each briefing is written in, and what becomes of the "
        "articles in other languages.",
    )
    limits: Limits = Field(
        default_factory=Limits,
        description="Sizes past which input is skipped, with a reason in run-report.json.",
    )
    run: Run = Field(
        default_factory=Run,
        description="Where a run builds its events. Not part of a briefing's config: "
        "changing it rebuilds nothing.",
    )
    grouping: Grouping = Field(
        default_factory=Grouping,
        description="Sorting a flat stream of articles into events (`run --group`, "
        "`summarize group`). Not part of a briefing's config.",
    )

    @model_validator(mode="before")
    @classmethod
    def _default_choices(cls, data: Any) -> Any:
        """A ranker or selector section that omits its choice gets the default one."""
        if isinstance(data, dict):
            data = dict(data)
            for section, key, default in (("ranker", "algorithm", "lexrank"),
                                          ("selector", "strategy", "concepts")):
                if isinstance(data.get(section), dict) and key not in data[section]:
                    data[section] = {key: default, **data[section]}
        return data

    def effective(self) -> dict[str, Any]:
        """The full config with every default filled in, as JSON-ready data: what shapes
        a briefing (recorded in it and in its fingerprint). `run` and `grouping` are left
        out: where the events are built changes nothing in them, and grouping decides
        which articles an event has, which its fingerprint already covers. `languages`
        is left out while it has its defaults, so that briefings written before it
        existed keep their config and their fingerprint."""
        exclude = {"run", "grouping"}
        if self.languages == Languages():
            exclude.add("languages")
        return self.model_dump(mode="json", by_alias=True, exclude=exclude)


# --- loading, overrides and error messages ----------------------------------------------


def load_config(path: Path | None, overrides: tuple[str, ...] = ()) -> Config:
    """Read a YAML config (None: all defaults), apply `KEY=VALUE` overrides, validate."""
    data: dict[str, Any] = {}
    if path is not None:
        if not path.is_file():
            raise ConfigError(f"config file not found: {path}")
        try:
            loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f" (line {mark.line + 1})" if mark else ""
            raise ConfigError(f"{path}: not valid YAML{where}") from None
        except UnicodeDecodeError:
            raise ConfigError(f"{path}: not UTF-8 text") from None
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            raise ConfigError(f"{path}: the config must be a mapping of sections, "
                              f"got {type(loaded).__name__}")
        data = loaded
    for override in overrides:
        apply_override(data, override)
    return validate_config(data)


def apply_override(data: dict[str, Any], override: str) -> None:
    """Set a dotted key from `--set ranker.algorithm=textrank`; the value is read as YAML."""
    key, sep, raw = override.partition("=")
    parts = key.strip().split(".")
    if not sep or not all(parts):
        raise ConfigError(f"--set {override!r}: expected KEY=VALUE with a dotted key, "
                          "e.g. ranker.algorithm=textrank")
    try:
        value = yaml.safe_load(raw) if raw.strip() else None
    except yaml.YAMLError:
        value = raw
    node = data
    for i, part in enumerate(parts[:-1]):
        child = node.setdefault(part, {})
        if not isinstance(child, dict):
            raise ConfigError(f"--set {override!r}: {'.'.join(parts[: i + 1])} is not a section")
        node = child
    node[parts[-1]] = value


def validate_config(data: dict[str, Any]) -> Config:
    try:
        return Config.model_validate(data)
    except ValidationError as error:
        from summarize.config_text import describe_errors  # (walks the schema: on errors only)

        raise ConfigError(describe_errors(error)) from None
