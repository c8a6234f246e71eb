"""Grouping: a flat stream of articles into stories (events), stable across runs.

Single-pass clustering in publication order, the method of on-line new event detection
(Allan, Papka & Lavrenko 1998, "On-line new event detection and tracking"; Yang, Pierce &
Carbonell 1998, "A study on retrospective and on-line event detection"; Miranda et al.
2018, "Multilingual clustering of streaming news"): each new article is compared with
every story so far and joins the most similar one, or starts a new story when it is not
similar enough. Decisions are never revisited, so an article keeps its story from run to
run, and reading a stream in daily batches gives the grouping one run over all of it
gives (each decision depends only on the articles published before it).

- **Similarity** of an article to a story: the average cosine between the article and the
  story's articles (group-average link: a story is all of its articles, not a centroid
  that drifts toward whatever joined it last; the sum of a story's unit vectors is kept,
  so comparing costs one dot product per story), on TF-IDF vectors of three views
  (`views.py`): the title and text, the lead, and the names and numbers, weighted by
  `grouping.lead_weight` and `names_weight`. Words are lower-cased and the stop words of
  the article's own language dropped, not stemmed: on the pooled DUC 2006 articles
  stemming scored no better and took 5x longer. IDF is counted over the stream read so
  far, so it needs no corpus shipped with the tool. Lines met in an earlier article are
  left out (a scraped page's menus, teasers and footers: `_new_text`), unless that leaves
  a copy with next to nothing.
- **The cut, set by the stream**: an article joins its most similar story when the
  similarity reaches `grouping.cohesion_share` of that story's cohesion, the average
  similarity between the story's own articles (and at least `grouping.threshold`). A
  story of few articles says little about itself: its cohesion is drawn toward the
  median cohesion of the stream's stories in the article's language, as if it had
  `PRIOR_PAIRS` more pairs of articles that alike (a story of one article takes that
  median), and the median is `FIRST_COHESION` until the language has
  `MIN_LANGUAGE_STORIES` stories of two articles or more. So no threshold is set on
  labelled data: each stream, language and story sets its own, as CluStream's
  micro-clusters admit a point within a factor of their own spread (Aggarwal, Han, Wang
  & Yu 2003; Aggarwal & Yu 2006 for text streams). It is also what keeps near-twins
  apart: an article on another bank bombing is less like a story's articles than they
  are like each other, while any fixed cut low enough to gather a loose story lets the
  twin in, and then the next. On the development set of stories with near-twins
  (`../shared/eval/grouping`, `benchmarks/grouping.py`) the best fixed cut, chosen on the
  answer, is 0.20 for English and 0.30 for Vietnamese (B-cubed F1 0.887 and 0.926); the
  share, chosen on half of the stories, gives 0.903 and 0.919 with no labels, level with
  average-link clustering at its best cut (0.901, 0.922).
- **Time**: a story is a burst. Past `window_days` after its latest article, a story's
  similarity to a dated article decays, halving its distance to `decay_floor` every
  `half_life_days`: a story dormant for months continues only on 1 / `decay_floor` times
  the evidence (Yang, Pierce & Carbonell 1998 decay similarity within a time window;
  Allan, Papka & Lavrenko 1998 raise the threshold with time). Undated articles are
  grouped by content alone.
- **Copies** (one wire story republished by several outlets) always share a story: an
  article whose 64-bit SimHash of word 3-grams (Charikar 2002; Manku, Jain & Das Sarma
  2007, who flag copies at 3 bits or fewer) is within `copy_bits` of an earlier
  article's joins it, whatever the similarity. A byline or footer added to a seed article
  moves 0-3 bits; two seed articles on the same summit differ by 21-37.
- A feed entry that names its `event` joins that story.

Why no merge-and-split pass, nor batch clustering: on the development set this online
grouping scores what average-link agglomerative clustering scores at its best cut, chosen
on the answer (`benchmarks/grouping.py`), and either would move articles already
grouped between events, renaming them and rebuilding events that received nothing.

The state (`GroupingState`) lives in the output folder as `.groups.json`: the story of
every article seen, each story's summed vectors, language and cohesion, the word counts
behind IDF, and a hash of every line seen.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from summarize.grouping.copies import CopyIndex, line_hashes, simhash
from summarize.grouping.saved_state import FINGERPRINT, csr_arrays, story_fields
from summarize.grouping.views import article_views
from summarize.inputs import saved
from summarize.inputs.layout import RESERVED_SLUGS, ascii_folded, check_slug
from summarize.models import Article
from summarize.text.words import STOP_WORDS, tokenize

if TYPE_CHECKING:
    import scipy.sparse as sp

    from summarize.config import Grouping as GroupingConfig

log = logging.getLogger(__name__)

GROUPS_FILE = ".groups.json"
STATE_VERSION = 3  # 2: the lines seen; 3: three views, each story's language and cohesion
VIEWS = ("text", "lead", "names")  # see views.py
CHUNK = 256  # articles scored against the stories together (one sparse product)
EXPLAINED = 8  # stories shown per article by --explain
SLUG_WORDS = 6
# An article left with fewer new words than this once the lines seen before are set aside
# is a copy (its story was seen before, on this site or another): it is compared whole.
MIN_NEW_WORDS = 25
# The cohesion a story is judged by (see the module's docstring): its own, drawn toward the
# median of its language's stories by this many pairs of articles; that median once the
# language has this many stories of two articles or more, and this before. The figures
# barely matter on the development set (PRIOR_PAIRS 0.5-3, FIRST_COHESION 0.2-0.4 and
# MIN_LANGUAGE_STORIES 3-10 move B-cubed F1 by 0.006 at most): they only need to be sane.
PRIOR_PAIRS = 1.0
FIRST_COHESION = 0.3
MIN_LANGUAGE_STORIES = 3
# The median is taken over the stream's latest stories only, so that its cost does not grow
# with the stream (and stories of years ago do not set today's standard).
RECENT_STORIES = 1000


# -- what an article says ---------------------------------------------------------------

def text_lines(text: str) -> list[str]:
    """The non-blank lines of a text, stripped."""
    return [line for line in (raw.strip() for raw in text.split("\n")) if line]


# -- the state ----------------------------------------------------------------------------

@dataclass
class Story:
    slug: str
    size: int = 0
    latest: dt.date | None = None  # the newest publication date among its articles
    language: str = ""  # its first article's ("": unknown, in a state of version 2)
    # the sum of the similarities between its articles, each pair once (see `cohesion`)
    inner: float = 0.0


@dataclass
class Decision:
    """Why an article is in its story: what `summarize group --explain` prints."""

    article: str
    story: str
    reason: str  # "joined", "new story", "copy of <article>", "named by the feed"
    scores: list[tuple[str, float]] = field(default_factory=list)  # best first
    needed: float | None = None  # the score the most similar story needed to be joined


class GroupingState:
    """Everything the grouping remembers between runs; `add` extends it in place."""

    def __init__(self) -> None:
        self.articles: dict[str, str] = {}  # article key -> story slug
        self.stories: list[Story] = []
        self.vocabulary: dict[str, int] = {}
        self.document_frequency = np.zeros(0, dtype=np.int64)  # per vocabulary word
        self.documents = 0
        # per view (VIEWS), per story, the sum of its articles' unit TF-IDF vectors
        self.sums: dict[str, sp.csr_matrix] = {}
        self.fingerprints: list[int] = []  # SimHash of every article, in arrival order
        self.fingerprint_story: list[int] = []  # and the story (index) it went to
        self.fingerprint_article: list[str] = []
        # hashes of every line of the articles seen (`line_hashes`), sorted: a line met
        # again is a site's furniture (menus, teasers, footers) or a copy's text
        self.lines_seen = np.zeros(0, dtype=np.uint32)
        self._index_of: dict[str, int] = {}  # story slug -> index
        self._taken: set[str] = set()  # the slugs, lower-cased (no two may differ by case)

    # -- persistence --

    def to_json(self) -> str:
        sums = {view: {"data": m.data.tolist(), "indices": m.indices.tolist(),
                       "indptr": m.indptr.tolist()} for view, m in self.sums.items()}
        data = {
            "version": STATE_VERSION,
            "documents": self.documents,
            "vocabulary": list(self.vocabulary),
            "document_frequency": self.document_frequency.tolist(),
            "stories": [{"slug": s.slug, "size": s.size,
                         "latest": s.latest.isoformat() if s.latest else None,
                         "language": s.language, "inner": s.inner}
                        for s in self.stories],
            "articles": [[key, self.articles[key]] for key in sorted(self.articles)],
            "copies": [[f"{f:016x}", s, a] for f, s, a in zip(
                self.fingerprints, self.fingerprint_story, self.fingerprint_article)],
            "sums": sums,
            # 4 bytes a line, little-endian, base64 (the 19,152 distinct lines of the
            # 1,250 DUC 2006 articles: 0.1 MB of the state's 5 MB)
            "lines": base64.b64encode(self.lines_seen.astype("<u4").tobytes()).decode("ascii"),
        }
        return json.dumps(data, separators=(",", ":")) + "\n"

    @classmethod
    def from_json(cls, text: str) -> GroupingState:
        """The state written by `to_json`, every name and value checked (summarize/inputs/saved.py):
        `saved.Damaged` when it is not one."""
        import scipy.sparse as sp

        data = saved.expect(saved.parse(text), dict, "the file")
        if data.get("version") not in (1, 2, STATE_VERSION):
            raise saved.Damaged(f"not a version {STATE_VERSION} grouping state")
        missing = sorted({"documents", "vocabulary", "document_frequency", "stories",
                          "articles", "copies", "sums"} - set(data))
        if missing:
            raise saved.Damaged(f"no {missing[0]!r}")
        state = cls()
        state.documents = saved.count(data["documents"], "documents")
        words = saved.items(data["vocabulary"], "vocabulary", saved.text)
        state.vocabulary = {word: column for column, word in enumerate(words)}
        if len(state.vocabulary) < len(words):
            raise saved.Damaged("vocabulary: a word is listed twice")
        state.document_frequency = saved.integers(data["document_frequency"],
                                                  "document_frequency", state.documents + 1)
        if len(state.document_frequency) != len(words):
            raise saved.Damaged("document_frequency: not one count per vocabulary word")
        state.stories = [Story(*fields) for fields in
                         saved.items(data["stories"], "stories", story_fields)]
        state._index_of = {story.slug: index for index, story in enumerate(state.stories)}
        state._taken = {story.slug.lower() for story in state.stories}
        # (lower case: two names that differ in case are one file on some file systems)
        if len({slug.lower() for slug in state._index_of}) < len(state.stories):
            raise saved.Damaged("stories: an event name is listed twice")
        for key, story in saved.items(data["articles"], "articles", saved.pair):
            if story not in state._index_of:
                raise saved.Damaged(f"articles: {key!r:.80} is in {story!r:.80}, no event")
            state.articles[key] = story
        for index, copy in enumerate(saved.expect(data["copies"], list, "copies")):
            where = f"copies[{index}]"
            fingerprint, story, article = saved.fixed(copy, 3, where)
            if not FINGERPRINT.fullmatch(saved.text(fingerprint, f"{where}[0]")):
                raise saved.Damaged(f"{where}[0]: expected 16 hexadecimal digits")
            state.fingerprints.append(int(fingerprint, 16))
            state.fingerprint_story.append(saved.index(story, f"{where}[1]",
                                                       len(state.stories)))
            state.fingerprint_article.append(saved.text(article, f"{where}[2]"))
        sums = saved.expect(data["sums"], dict, "sums")
        views = {"text", "lead", "names"} if data["version"] == STATE_VERSION \
            else {"body", "lead"}
        if set(sums) - views:
            raise saved.Damaged(f"sums: {sorted(set(sums) - views)[0]!r:.40} is no view")
        shape = (len(state.stories), len(state.vocabulary))
        for view, matrix in sums.items():
            state.sums[view] = sp.csr_matrix(csr_arrays(matrix, f"sums.{view}", shape),
                                             shape=shape)
        if state.stories:  # (a view missing from a state with stories: all zeros)
            for view in sorted(views - set(sums)):
                state.sums[view] = sp.csr_matrix(shape)
        if data["version"] < STATE_VERSION:
            if state.stories:
                state._upgrade_views()
            else:  # (no story to carry over: as a new state's)
                state.sums.clear()
        # (version 1 kept no lines: its articles' furniture is learnt again)
        try:
            lines = base64.b64decode(saved.text(data.get("lines", ""), "lines"), validate=True)
        except binascii.Error as error:
            raise saved.Damaged(f"lines: not base64 ({error})") from None
        if len(lines) % 4:
            raise saved.Damaged("lines: not 4 bytes a line")
        state.lines_seen = np.frombuffer(lines, dtype="<u4").astype(np.uint32)
        return state

    def _upgrade_views(self) -> None:
        """A state of version 1 or 2 goes on: its articles keep their events. It compared
        two views, the text ("body") and the lead: its stories get no names (new articles
        share none with them) and no language, and the cohesion their two views give with
        the default weights, names left out as in their scores: for unit vectors summing
        to S, the similarities of all pairs add up to (|S|^2 - n) / 2."""
        import scipy.sparse as sp

        from summarize.config import Grouping

        weights = Grouping()
        self.sums["text"] = self.sums.pop("body")
        self.sums["names"] = sp.csr_matrix(self.sums["text"].shape)
        sizes = np.array([story.size for story in self.stories], dtype=np.float64)
        inner = np.zeros(len(self.stories))
        for view, weight in (("text", 1 - weights.lead_weight - weights.names_weight),
                             ("lead", weights.lead_weight)):
            squares = np.asarray(self.sums[view].multiply(self.sums[view]).sum(axis=1))
            inner += weight * np.maximum(squares.ravel() - sizes, 0.0) / 2
        for story, pairs_total in zip(self.stories, inner):
            story.inner = float(pairs_total)

    # -- grouping --

    def add(self, articles: Sequence[Article], config: GroupingConfig) -> list[Decision]:
        """Group the articles not seen before (by `Article.path`), in publication order,
        undated ones last; returns a decision for each."""
        new = sorted((a for a in dict((a.path, a) for a in articles).values()
                      if a.path not in self.articles), key=stream_order)
        decisions: list[Decision] = []
        copies = CopyIndex(config.copy_bits, self.fingerprints)
        for start in range(0, len(new), CHUNK):
            decisions.extend(self._add_chunk(new[start:start + CHUNK], config, copies))
        return decisions

    def _columns(self, words: Sequence[str]) -> list[int]:
        """The words' columns, new words added to the vocabulary."""
        columns = list(map(self.vocabulary.get, words))
        if None in columns:
            for index, word in enumerate(words):
                if columns[index] is None:
                    columns[index] = self.vocabulary[word] = len(self.vocabulary)
        return columns  # type: ignore[return-value]

    def _views(self, chunk: list[Article]
               ) -> tuple[dict[str, sp.csr_matrix], np.ndarray, list[str]]:
        """Each article's unit TF-IDF vector in each view (VIEWS; 1 + log tf; smoothed
        IDF as of its arrival, so the vectors are those a run reading one article at a
        time would make), its SimHash and its language; the counts behind IDF updated."""
        import scipy.sparse as sp

        triples: dict[str, tuple[list[int], list[int], list[int]]] = {
            view: ([], [], []) for view in VIEWS}
        fingerprints = np.zeros(len(chunk), dtype=np.uint64)
        languages = []
        new_lines: set[int] = set()  # lines of the chunk's articles so far
        for row, article in enumerate(chunk):
            words = tokenize(article.body)
            fingerprints[row] = simhash(words)  # (a copy is a copy with its furniture)
            described = article_views(article.title,
                                      *self._new_text(article.body, words, new_lines))
            languages.append(described.language)
            for view in VIEWS:
                bag = getattr(described, view)
                rows, columns, counts = triples[view]
                rows.extend([row] * len(bag))
                columns.extend(self._columns(list(bag)))
                counts.extend(bag.values())
        width = len(self.vocabulary)
        counts = {view: sp.csr_matrix((np.array(c, dtype=np.float64), (r, k)),
                                      shape=(len(chunk), width))
                  for view, (r, k, c) in triples.items()}
        # document frequency of each (article, word) as of the article's arrival: the
        # count before the chunk plus the chunk's articles up to and including it
        seen = (sum(counts.values()) > 0).tocsc()
        seen.sort_indices()
        ranks = np.arange(seen.nnz) - np.repeat(seen.indptr[:-1], np.diff(seen.indptr))
        before = np.concatenate([self.document_frequency, np.zeros(
            width - len(self.document_frequency), dtype=np.int64)])
        columns = np.repeat(np.arange(width), np.diff(seen.indptr))
        arrival = sp.csc_matrix((before[columns] + ranks + 1, seen.indices, seen.indptr),
                                shape=seen.shape).tocsr()
        documents = self.documents + np.arange(1, len(chunk) + 1)  # n as each arrives
        views = {}
        for view, matrix in counts.items():
            frequency = arrival[matrix.nonzero()].A1 if matrix.nnz else np.zeros(0)
            matrix = matrix.tocoo()
            weights = (1 + np.log(matrix.data)) * (
                np.log((documents[matrix.row] + 1) / (frequency + 1)) + 1)
            norms = np.sqrt(np.bincount(matrix.row, weights ** 2, minlength=len(chunk)))
            weights = weights / np.maximum(norms[matrix.row], 1e-12)
            views[view] = sp.csr_matrix((weights, (matrix.row, matrix.col)),
                                        shape=matrix.shape)
        self.documents += len(chunk)
        self.document_frequency = before + np.diff(seen.indptr)
        self.lines_seen = np.union1d(self.lines_seen,
                                     np.fromiter(new_lines, np.uint32, len(new_lines)))
        return views, fingerprints, languages

    def _new_text(self, body: str, words: list[str], new_lines: set[int],
                  ) -> tuple[str, list[str]]:
        """The article's text without the lines met in earlier articles: on a scraped page
        its site's menus, teasers, share buttons and footers, which would make the pages
        of one site alike whatever their story (the pooled DUC 2006 articles, each
        wrapped in one of 20 real sites' page furniture, grouped at B-cubed F1 0.05, by
        site; without the lines seen, 0.82: benchmarks/grouping.py). The whole body when
        too little is new (a copy). Returns the text and its words (`words`: the body's);
        `new_lines` collects the lines of this chunk."""
        lines = text_lines(body)
        hashes = line_hashes(lines)
        at = np.searchsorted(self.lines_seen, hashes)
        known = (at < len(self.lines_seen)) & (
            self.lines_seen[np.minimum(at, len(self.lines_seen) - 1)] == hashes) \
            if len(self.lines_seen) else np.zeros(len(hashes), dtype=bool)
        fresh = [not seen and int(h) not in new_lines for seen, h in zip(known, hashes)]
        new_lines.update(hashes.tolist())
        if all(fresh):
            return body, words
        text = "\n".join(line for line, new in zip(lines, fresh) if new)
        new_words = tokenize(text)
        return (text, new_words) if len(new_words) >= MIN_NEW_WORDS else (body, words)

    def _add_chunk(self, chunk: list[Article], config: GroupingConfig,
                   copies: CopyIndex) -> list[Decision]:
        import scipy.sparse as sp

        views, fingerprints, languages = self._views(chunk)
        width = len(self.vocabulary)
        weights = {"text": 1 - config.lead_weight - config.names_weight,
                   "lead": config.lead_weight, "names": config.names_weight}
        known = len(self.stories)
        # Similarity to the stories as they were before this chunk, then to the chunk's
        # own earlier articles, whose stories are decided one by one below.
        against_stories = np.zeros((len(chunk), known))
        within = np.zeros((len(chunk), len(chunk)))
        for view, matrix in views.items():
            if known:
                against_stories += weights[view] * (matrix @ _widen(self.sums[view], width).T
                                                    ).toarray()
            within += weights[view] * (matrix @ matrix.T).toarray()
        # Per story: articles, newest day, cohesion's sum, language (as a number, compared
        # at C speed). Room is made for a new story per article of the chunk.
        room = known + len(chunk)
        sizes, inner = np.zeros(room), np.zeros(room)
        latest = np.full(room, np.nan)
        story_languages = np.zeros(room, dtype=np.int32)
        codes = {language: code for code, language in enumerate(sorted(
            {s.language for s in self.stories} | set(languages)))}
        for index, story in enumerate(self.stories):
            sizes[index], inner[index] = story.size, story.inner
            latest[index] = story.latest.toordinal() if story.latest else np.nan
            story_languages[index] = codes[story.language]
        decisions, members = [], np.full(len(chunk), -1)
        for i, article in enumerate(chunk):
            count = len(self.stories)
            totals = np.bincount(members[:i], within[i, :i], minlength=room).astype(
                np.float64, copy=False)  # (int when empty)
            totals[:known] += against_stories[i]
            scores = totals[:count] / np.maximum(sizes[:count], 1) * self._decay(
                article.published, latest[:count], config)
            copy = copies.closest(int(fingerprints[i]))
            copies.add(int(fingerprints[i]))
            best = int(np.argmax(scores)) if count else None
            needed = None if best is None else max(config.threshold, config.cohesion_share * (
                cohesion(inner[:count], sizes[:count], story_languages[:count], best,
                         codes[languages[i]])))
            decision = self._decide(article, scores, copy, best, needed)
            story = self._story_index(decision, article, languages[i])
            story_languages[story] = codes[self.stories[story].language]
            members[i] = story
            inner[story] += totals[story]  # (undecayed: how alike its articles are)
            sizes[story] += 1
            if article.published:
                day = article.published.toordinal()
                latest[story] = day if np.isnan(latest[story]) else max(latest[story], day)
            self.articles[article.path] = decision.story
            self.fingerprints.append(int(fingerprints[i]))
            self.fingerprint_story.append(story)
            self.fingerprint_article.append(article.path)
            decisions.append(decision)
        for story, size, day, pairs_total in zip(self.stories, sizes, latest, inner):
            story.size = int(size)
            story.latest = None if np.isnan(day) else dt.date.fromordinal(int(day))
            story.inner = float(pairs_total)
        # add the chunk's vectors to their stories' sums
        assign = sp.csr_matrix((np.ones(len(chunk)), (members, np.arange(len(chunk)))),
                               shape=(len(self.stories), len(chunk)))
        for view, matrix in views.items():
            previous = self.sums.get(view)
            previous = (_widen(previous, width, len(self.stories)) if previous is not None
                        else sp.csr_matrix((len(self.stories), width)))
            self.sums[view] = (previous + assign @ matrix).tocsr()
        return decisions

    @staticmethod
    def _decay(published: dt.date | None, latest: np.ndarray,
               config: GroupingConfig) -> np.ndarray:
        """Per story, the factor its similarity is multiplied by for the days between it
        and the article: 1 within the window, then halving its distance to the floor
        every half-life."""
        if published is None or config.window_days is None:
            return np.ones(len(latest))
        # (fmax: a story with no dated article, NaN, is not late)
        late = np.fmax(np.abs(published.toordinal() - latest) - config.window_days, 0.0)
        floor = config.decay_floor
        return floor + (1 - floor) * np.exp2(-late / config.half_life_days)

    def _decide(self, article: Article, scores: np.ndarray, copy: int | None,
                best: int | None, needed: float | None) -> Decision:
        """`best`: the most similar story (the oldest of equals), which the article joins
        if its score reaches `needed`."""
        # the EXPLAINED most similar, shown best first (argpartition: not all sorted)
        top = np.argpartition(-scores, EXPLAINED)[:EXPLAINED] if len(scores) > EXPLAINED \
            else np.arange(len(scores))
        ranked = sorted(top.tolist(), key=lambda j: (-scores[j], j))
        shown = [(self.stories[j].slug, round(float(scores[j]), 4)) for j in ranked]
        needed = None if needed is None else round(float(needed), 4)
        if article.event:
            problem = check_slug(article.event)
            if problem is None:
                return Decision(article.path, article.event, "named by the feed", shown,
                                needed)
            log.warning("%s: event %r ignored (%s); grouped by content", article.path,
                        article.event, problem)
        if copy is not None:
            return Decision(article.path, self.stories[self.fingerprint_story[copy]].slug,
                            f"copy of {self.fingerprint_article[copy]}", shown, needed)
        if best is not None and needed is not None and scores[best] >= needed:
            return Decision(article.path, self.stories[best].slug, "joined", shown, needed)
        return Decision(article.path, "", "new story", shown, needed)

    def _story_index(self, decision: Decision, article: Article, language: str) -> int:
        """The index of the decision's story; a new story is named and added here, in
        the language of its first article."""
        index = self._index_of.get(decision.story)
        if index is not None:
            return index
        decision.story = decision.story or story_slug(article, self._taken)
        self._index_of[decision.story] = len(self.stories)
        self._taken.add(decision.story.lower())
        self.stories.append(Story(decision.story, language=language))
        return len(self.stories) - 1


def cohesion(inner: np.ndarray, sizes: np.ndarray, languages: np.ndarray, story: int,
             language: int) -> float:
    """How alike the articles of `story` are, for an article in `language` (see the
    module's docstring): the average similarity of its pairs of articles, drawn toward
    the median of the stream's latest RECENT_STORIES stories in that language by
    PRIOR_PAIRS pairs. `languages`: each story's, as numbers."""
    recent = slice(max(0, len(sizes) - RECENT_STORIES), len(sizes))
    pairs = sizes * (sizes - 1) / 2
    alike = (pairs[recent] > 0) & (languages[recent] == language)
    usual = (float(np.median(inner[recent][alike] / pairs[recent][alike]))
             if np.count_nonzero(alike) >= MIN_LANGUAGE_STORIES else FIRST_COHESION)
    return (inner[story] + PRIOR_PAIRS * usual) / (pairs[story] + PRIOR_PAIRS)


def _widen(matrix: sp.csr_matrix, width: int, height: int | None = None) -> sp.csr_matrix:
    """The matrix with zero columns (words seen since) and rows (new stories) appended."""
    import scipy.sparse as sp

    height = matrix.shape[0] if height is None else height
    if matrix.shape == (height, width):
        return matrix
    indptr = np.concatenate([matrix.indptr,
                             np.full(height - matrix.shape[0], matrix.indptr[-1])])
    return sp.csr_matrix((matrix.data, matrix.indices, indptr), shape=(height, width))


def stream_order(article: Article) -> tuple[bool, dt.date, str]:
    """Publication order; undated articles after dated ones; then by path."""
    return (article.published is None, article.published or dt.date.min, article.path)


def story_slug(article: Article, taken: set[str]) -> str:
    """A readable, unique name from the story's first article: its date and the first
    words of its title, or of its story text (cleaned of a scraped page's menus and
    dateline), e.g. `2023-09-13-north-koreas-kim-vows-full-support-putins`."""
    published, source = article.published, article.title
    if not source:  # a scraped page: its headline, or its story's first words
        from summarize.text.cleaning import clean_article  # once per new story, not per article

        clean = clean_article(article)
        published = published or clean.published
        source = clean.title or " ".join(clean.paragraphs)[:300] or article.body[:300]
    folded = ascii_folded(source.replace("\u2019", "'"))
    words = [w for w in re.findall(r"[a-z0-9]+(?:'[a-z]+)?", folded.lower())
             if w not in STOP_WORDS][:SLUG_WORDS] or ["story"]
    words = [w.replace("'", "") for w in words]
    if published:
        words.insert(0, published.isoformat())
    base = "-".join(words)[:80].strip("-")
    slug, number = base, 1
    while slug.lower() in taken or slug.lower() in RESERVED_SLUGS:
        number += 1
        slug = f"{base}-{number}"
    return slug


# -- reading and writing the state -------------------------------------------------------

def load_grouping(folder: Path) -> GroupingState:
    """The grouping state kept in an output folder, or a fresh one. A state that cannot
    be read is an error, never silently replaced: starting over would move articles
    between events and rename them."""
    from summarize.errors import OutputError

    path = folder / GROUPS_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return GroupingState()
    except OSError as error:
        raise OutputError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        return GroupingState.from_json(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        problem = f"not UTF-8 text: byte {error.start}"
    except saved.Damaged as error:
        problem = str(error)
    raise OutputError(f"{path} is damaged ({problem}); move it away to regroup every "
                      "article from scratch (events may be renamed)")


def events_of(state: GroupingState, articles: Sequence[Article]) -> dict[str, list[Article]]:
    """The articles of each story, in path order; stories none of `articles` is in are
    left out."""
    events: dict[str, list[Article]] = {}
    for article in sorted(articles, key=lambda a: a.path):
        slug = state.articles.get(article.path)
        if slug is not None:
            events.setdefault(slug, []).append(article)
    return events


def grouping_json(events: dict[str, list[Article]]) -> str:
    """`summarize group --json`: a list of {"event", "articles"} in slug order."""
    return json.dumps([{"event": slug, "articles": [a.path for a in members]}
                       for slug, members in sorted(events.items())], indent=1) + "\n"
