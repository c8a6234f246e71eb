"""Whose words a sentence is: the reporter's, or those of someone the sentence does not name.

A briefing states its sentences as facts. Three kinds of text are not the reporter's
statements of fact:

- a transcript (an interview's "Q. … A. …", a hearing's speaker labels): every turn is
  someone's words, from the first turn on;
- an opinion piece (an editorial, a column, a letter, a blog post): its claims are its
  author's, whom the briefing's reader never meets;
- evaluative analysis ("the clearest sign yet that …", "…, underscoring the dangers"): a
  judgement no one in the sentence makes (subjectivity clues after Wiebe et al. 2004,
  "Learning subjective language").

The first two are known by evidence about the whole article, never by one outlet's
markers: the section in the title or the URL, a line about the writer, turns marked "Q."
and "A." or by speakers' labels, and the author's own voice (first person outside
quotation marks, Biber 1988's mark of involved, opinionated text) from the first
sentences on. A sentence of theirs stays eligible when it names its speaker ("…, Smith
said"); an evaluative one when it says who judges so ("critics said").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from summarize.models import CleanArticle, Sentence
from summarize.selection.reading import GENERIC_SPEAKERS
from summarize.text.words import STOP_WORDS

# "Q. …", "A: …", "QUESTION: …": an interview's turns.
_QA = re.compile(r"^(?:(?P<q>Q|QUESTION|Question)|(?P<a>A|ANSWER|Answer))\s*[.:]\s")
# "SMITH: …", "DR. BRAZELTON: …", "President Obama: …": a speaker's label.
_LABEL = re.compile(r"^(?P<label>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s*:\s+\S")
# A line that could be either.
_TURN = re.compile(r"^(?:[QA]|QUESTION|Question|ANSWER|Answer)\s*[.:]\s"
                   r"|^(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*\s*:\s+\S", re.MULTILINE)
_FIRST_OR_SECOND = re.compile(r"\b(?:I|me|my|we|us|our|you|your)\b")
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|myself|I['’]m|I['’]ve|I['’]d|I['’]ll)\b")
_QUOTED = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")
_SAYS = re.compile(r"\b(?:said|says|say|told|tells|asked|added|recalled|explained|wrote|"
                   r"according to)\b")
# Who is said to speak: "…, Smith said", "said Mr. Cuomo", "according to Putin".
_SPEAKS = re.compile(
    r"\b(?:said|says|told|tells|added|adds|asked|stated|declared|noted|wrote|writes|"
    r"insisted|argued|explained|warned|announced|stressed|recalled|acknowledged|replied|"
    r"according to|testified|conceded|admitted|predicted|cautioned)\b", re.IGNORECASE)
_NAME = re.compile(r"^(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]{2,}|[A-Z]\.)$")
# A section's name before the headline, or the section in the URL's path.
_OPINION_TITLE = re.compile(
    r"^(?:[\w ]{0,24}\b)?(?:editorial|opinion|commentary|column|op-ed|letters?|viewpoint|"
    r"essay|analysis|perspective|blog)\s*[:|–—-]\s|\bletters? to the editor\b",
    re.IGNORECASE)
_OPINION_PATH = re.compile(
    r"/(?:opinions?|editorials?|commentary|letters|op-?ed|columns?|columnists?|blogs?|"
    r"viewpoints?)(?:/|$)", re.IGNORECASE)
# A column's or letter's own words about itself, where a sentence starts (one pass over the
# article's sentences joined by newlines), or anywhere ("This column").
_OPINION_BODY = re.compile(
    r"^\(?(?:The writer|The author|[A-Z][\w.'’ -]{2,40}) (?:is|was) an? (?:[\w-]+ ){0,3}"
    r"(?:columnist|contributor|editorialist)\b|^To the editor\b|\bThis column\b"
    r"|^\(?The (?:writer|author) (?:is|was)\b", re.IGNORECASE | re.MULTILINE)
# Words every match of _OPINION_BODY has (lower case).
_OPINION_BODY_WORDS = ("columnist", "contributor", "editorialist", "to the editor",
                       "this column", "the writer", "the author")
# A column opens in its author's voice: first person outside quotation marks, no one
# said to be speaking, in one of its first sentences and in at least this share of them.
OPINION_FIRST_PERSON_SHARE = 0.15
OPINION_MIN_FIRST_PERSON = 3
OPENING_SENTENCES = 3
# A dialogue's labels: two speakers at least, each speaking twice, and a third of the
# turns in the first or second person (a fact box's "STATUS: …", "IMPACT: …" labels repeat
# too, but say nothing in the first person).
MIN_TURNS_PER_SPEAKER = 2
MIN_PERSONAL_TURNS_SHARE = 1 / 3


def transcript_start(sentences: Sequence[str]) -> int | None:
    """Where an article's transcript begins (its first turn), or None if it has none: a
    question and an answer marked "Q."/"A.", or a dialogue between labelled speakers."""
    joined = "\n".join(sentences)
    if not _TURN.search(joined):  # (one pass: most articles have no line that could be a turn)
        return None
    questions = answers = 0
    first = None
    for k, text in enumerate(sentences):
        match = _QA.match(text)
        if match:
            questions += match.group("q") is not None
            answers += match.group("a") is not None
            first = k if first is None else first
    if first is not None and questions and (answers or questions >= 2):
        return first
    turns = [(k, m.group("label").upper(), text[m.end() - 1:]) for k, text in
             enumerate(sentences) if (m := _LABEL.match(text))]
    speakers = Counter(label for _, label, _ in turns)
    talking = [label for label, count in speakers.items() if count >= MIN_TURNS_PER_SPEAKER]
    if len(talking) < 2:
        return None
    spoken = [(k, said) for k, label, said in turns if label in talking]
    personal = sum(1 for _, said in spoken if _FIRST_OR_SECOND.search(said))
    if personal < MIN_PERSONAL_TURNS_SHARE * len(spoken):
        return None
    return spoken[0][0]


def is_opinion(title: str | None, url: str | None, sentences: Sequence[str]) -> bool:
    """An editorial, column, letter or blog post: its section in the title or the URL, a
    line about its writer, or its author's own voice from its first sentences on."""
    if title and _OPINION_TITLE.search(title):
        return True
    if url and _OPINION_PATH.search(url.split("?", 1)[0]):
        return True
    joined = "\n".join(sentences)
    # (a word the pattern needs, first: a search of the whole article is slow, and
    # "author" alone let every "authorities" through to it)
    lowered = joined.lower()
    if any(word in lowered for word in _OPINION_BODY_WORDS) and _OPINION_BODY.search(joined):
        return True
    # (the opening first: most articles have no first person there, and are done)
    if not any(_own_voice(text) for text in sentences[:OPENING_SENTENCES]):
        return False
    own = sum(1 for text in sentences if _own_voice(text))
    return own >= OPINION_MIN_FIRST_PERSON and own >= OPINION_FIRST_PERSON_SHARE * len(sentences)


def _own_voice(text: str) -> bool:
    """First person outside quotation marks, no one said to speak."""
    if not _FIRST_PERSON.search(text) or _SAYS.search(text):
        return False
    return bool(_FIRST_PERSON.search(_QUOTED.sub(" ", text)))


def names_speaker(text: str) -> bool:
    """The sentence says who speaks: a verb of saying with a name within four words before
    it or right after it ("…, Smith said", "said Mr. Cuomo")."""
    for verb in _SPEAKS.finditer(text):
        before = text[: verb.start()].split()[-4:]
        after = text[verb.end():].split()[:3]
        if any(_is_name(w) for w in before) or any(_is_name(w) for w in after[:2]):
            return True
    return False


def _is_name(word: str) -> bool:
    word = word.strip(",.;:()“”\"'’")
    word = word[:-2] if word.endswith(("'s", "’s")) else word
    return bool(_NAME.match(word)) and word.lower() not in STOP_WORDS \
        and word.lower() not in GENERIC_SPEAKERS


def opinion_articles(articles: Sequence[CleanArticle],
                     sentences: Sequence[Sentence]) -> frozenset[int]:
    """The articles (indices) that are opinion pieces (`is_opinion`)."""
    texts = _texts_by_article(sentences)
    return frozenset(a for a, article in enumerate(articles)
                     if is_opinion(article.title, article.url, texts.get(a, [])))


def unreported(sentences: Sequence[Sentence], opinion: frozenset[int]) -> np.ndarray:
    """The sentences that are not the reporter's words: those of the `opinion` articles,
    and those of a transcript from its first turn on."""
    mask = np.zeros(len(sentences), dtype=bool)
    members: dict[int, list[int]] = {}
    for i, sentence in enumerate(sentences):
        members.setdefault(sentence.article, []).append(i)
    for number, own in members.items():
        if number in opinion:
            mask[own] = True
            continue
        start = transcript_start([sentences[i].text for i in own])
        if start is not None:
            mask[own[start:]] = True
    return mask


def _texts_by_article(sentences: Sequence[Sentence]) -> dict[int, list[str]]:
    texts: dict[int, list[str]] = {}
    for sentence in sentences:
        texts.setdefault(sentence.article, []).append(sentence.text)
    return texts


# Judgements a reporter's sentence passes off as fact (the editor's "analysis given as
# fact"): what an event is a sign of, a blow to, what it underscores or raises.
_EVALUATIVE = re.compile(
    r"\b(?:clearest|strongest|surest|latest|starkest|biggest|another|further|fresh)\s+"
    r"(?:sign|signal|indication)s?\b(?:\s+yet)?\s+(?:that|of)\b"
    r"|\bin (?:a|another|what) (?:clear |strong |further )?(?:sign|signal|move|blow|setback|"
    r"rebuke|snub|victory|boost)\b"
    r"|\b(?:a|an|another) (?:major |serious |stinging |severe |huge |significant )?"
    r"(?:blow|setback|rebuke|snub|embarrassment|boost)\s+(?:to|for)\b"
    r"|\b(?:underscor(?:ing|es|ed)|highlight(?:ing|s|ed)|illustrat(?:ing|es|ed)|reflect(?:ing|s|ed)"
    r"|signaling|signalling)\s+(?:that|how|the|a|an|its|their|his|her)\b"
    r"|\braising\s+(?:questions|fears|doubts|concerns|hopes|the prospect)\b"
    r"|\bin what (?:is|was|could be|may be|many|some|analysts|observers)\b"
    r"|\bsuggesting\s+that\b"
    # strongly subjective words of the MPQA subjectivity lexicon (Wilson, Wiebe & Hoffmann
    # 2005) that straight news leaves to its sources: "were tragically found dead", "in an
    # unprecedented move", "Miraculously, no one was hurt"
    r"|\b(?:tragic(?:ally)?|sadly|thankfully|miraculous(?:ly)?|shocking(?:ly)?|horrific(?:ally)?"
    r"|heinous|senseless|notorious(?:ly)?|unprecedented|brutal(?:ly)?|appalling(?:ly)?)\b",
    re.IGNORECASE)
# "The study suggests", "the report highlights": a document the sentence names says it.
_DOCUMENT = re.compile(
    r"\b(?:study|studies|report|reports|survey|poll|research|data|figures|findings|results|"
    r"statistics|census|paper|analysis|review|audit|investigation|inquiry|test)\b",
    re.IGNORECASE)
# Anyone said to judge: "analysts said", "seen by critics as", "according to".
_JUDGED_BY = re.compile(
    r"\b(?:said|says|say|told|according to|believe[sd]?|argued?|argues|contend(?:s|ed)?|"
    r"warned|noted|wrote|called|described|acknowledged|conceded|admitted|claimed|insisted|"
    r"cautioned|concluded|citing|cited|stressed|predicted|condemned|denounced|hailed|"
    r"praised|criticized|seen by|viewed by|regarded by|considered by|in the view of|"
    r"in the words of)\b", re.IGNORECASE)


def unsourced_judgement(text: str) -> bool:
    """Evaluative analysis no one in the sentence makes: "…, the clearest sign yet that …",
    "…, underscoring the dangers …" (a study or report that says it is a source)."""
    match = _EVALUATIVE.search(text)
    if not match or _JUDGED_BY.search(text):
        return False
    return not _DOCUMENT.search(text[: match.start()])
