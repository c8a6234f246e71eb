"""Eligibility: which sentences can stand alone in a briefing at all, whatever their score.

A sentence that opens with a pronoun or a connective, quotes nobody by name, carries no news,
is not the reporter's and names no speaker (a transcript's, an opinion piece's, an
unsourced judgement), or announces a plan that a later article may have overtaken is never
chosen, by any selector (the rules in `reading`, `voices` and `dating`;
`Eligibility.mask`)."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

import numpy as np

from summarize.config import SelectorBase
from summarize.selection.dating import announces_future
from summarize.selection.reading import no_news, unnamed_quote
from summarize.selection.voices import (
    names_speaker,
    opinion_articles,
    unreported,
    unsourced_judgement,
)
from summarize.text.languages import LANGUAGES
from summarize.text.tense import is_past_form
from summarize.text.words import EventText

# Openers that point back to an earlier sentence: out of context the reader cannot tell
# who "he" is or what "however" contrasts with.
DEPENDENT_OPENERS = frozenset(
    "he she it they them him her his its their this these those such but however also and "
    "so yet still meanwhile moreover furthermore instead nevertheless nonetheless then "
    "thus therefore besides otherwise likewise similarly accordingly hence or nor "
    "additionally both another earlier later previously last that which whereupon thereby "
    "thereafter consequently subsequently indeed afterwards anyway plus".split()
)
# "I need portable skills." names no speaker: out of its article (a list of what workers
# say, an unmarked quotation, a column), the reader cannot tell who says it. Within
# quotation marks, the attribution that follows names the speaker.
FIRST_PERSON = frozenset("i we me us my our".split())
# "You've come to Rome to see the sights": a column speaks to its reader; a report does not.
SECOND_PERSON = frozenset("you your you've you're you'll you'd".split())
# "The two cases", "The latter", "Some were…", "In any case,": a count, a pointer or a
# connective phrase that leans on what came before.
_COUNTED_BACK = re.compile(
    r"^(?:(?:The|These|Those)\s+(?:two|three|four|five|latter|former|same)\b"
    r"|(?:Some|Many|Most|Others|Several|All|None|One|Two|Three)\s+(?:of\s+them|were|are|was|is"
    r"|had|have|did|do)\b"
    r"|(?:In any case|In addition|As a result|At the same time|For example|For instance|"
    r"Even so|In contrast|On the other hand|After that|By then|Since then|In turn|"
    r"Even then|That is why|This is why|In that case|After all|As such|Even so)\b"
    # an answer or a spoken aside: "Yes, the phone arrives in February" answers what the
    # reader never saw ("No one was hurt" opens with no comma and stands alone)
    # "In other public places, …", "Other countries …": other than what the reader saw
    r"|(?:(?:In|At|For|On|Among|Unlike|Like)\s+(?:the\s+|many\s+|some\s+)?)?[Oo]ther\b"
    r"|(?:Yes|No|Well|Sure|Okay|OK|Oh|Right|Sadly|Luckily|Fortunately|Unfortunately|"
    r"Interestingly|Surprisingly|Of course|Again|Instead|Now)\s*,"
    # an editor's note about the text itself ("Following is a transcript of …")
    r"|(?:Following is|Following are|The following|Here is|Here are|Below is|Below are)\b"
    # an aside in parentheses, a list dash, a Q&A's "Q." or "A.", a chronology's "June 1 --"
    r"|[(_\-–—]|[QA]\.\s"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)\s+\d{1,2}(?:,\s*\d{4})?\s*"
    r"(?:--|—|–|:|_)\s)"
)
# "four of those swimmers", "these weapons": mid-sentence pointers to what the article
# named before ("those who…" defines its own referent); ", however," contrasts with it.
_POINTER = re.compile(r"\b(?:those|these)\b(?!\s+(?:who|which|that|whose|with|in|at|of)\b)"
                      r"|,\s*however\s*,", re.IGNORECASE)
# "the victim in that case", "shed little light on that response", "two types of this
# enzyme": after a preposition, "that" or "this" points at what the article named before
# (a determiner there, not the conjunction). The calendar ("of this year", "since that
# week") and the present ("at this point") point at no earlier sentence. 1.6% of the
# sentences of half of DUC 2006's events; of 15 drawn at random, 12 point back.
_DEMONSTRATIVE = re.compile(
    r"\b(?:in|of|at|on|for|from|with|by|to|about|after|before|during|since|under|over|"
    r"against|despite)\s+(?:that|this)\s+(?!(?:year|week|month|morning|afternoon|evening|"
    r"night|weekend|season|spring|summer|fall|autumn|winter|century|decade|point|stage|"
    r"moment|is|was|are|were|has|had|will|would|could|should|may|might|can|must|said|says|"
    r"one|kind|sort)\b)[a-z]{3,}\b", re.IGNORECASE)
_FIRST_WORD = re.compile(r"[^\W\d_]+")
# "such" as a determiner ("deny such claims", "such a deal") points back at something the
# reader has not seen; "such as" introduces examples and is fine.
_BACK_REFERENCE = re.compile(r"\bsuch\b(?!\s+as\b)", re.IGNORECASE)
# A time counted from one the sentence does not give ("Minutes later, …", "Soon afterward,
# …", "Until then, …", "The next day, …", "… by then", "She then switched …"): it is the
# previous sentence's time. ("… Tuesday and then lined the gallery" counts from its own.)
# 24 of 14,268 sentences of 400 DUC 2006 articles; of them, 22 lean on a time before.
_TIME_BEFORE = re.compile(
    r"^(?:(?:[A-Z]?[a-z]+|\d+)\s+){0,3}?(?:later|afterwards?)\b"
    r"(?!\s+(?:this|next|that|today|tonight|tomorrow)\b)"  # "Later this month": a date
    r"|^(?:Until|By|Since|Even) then\b"
    r"|^The (?:previous|next|following) (?:day|morning|afternoon|evening|night|week|month|"
    r"year)\b"
    r"|\bby then\b"
    r"|\b(?:shortly|soon|immediately) after(?:wards?)?\b(?!\s+(?:the|a|an|his|her|their|its|"
    r"this|that|being|[A-Z0-9]))")
_THEN = re.compile(r"(?<!\band )(?<!\bbut )(?<!\bor )(?<!, )\bthen\s+([a-z]+)\b")


def counts_from_a_time_before(text: str) -> bool:
    """The sentence's time is counted from one an earlier sentence gave."""
    if "later" not in text and "after" not in text and "then" not in text \
            and "The " not in text:
        return False
    return bool(_TIME_BEFORE.search(text)) or any(
        is_past_form(m.group(1)) for m in _THEN.finditer(text))
_FINAL = re.compile(r"[.!?…][”\"’')\]]*$|[.!?…]$")


# "1)", "b)": a list's markers close no parenthesis.
_LIST_MARKER = re.compile(r"(?:^|\s)[a-z\d]{1,2}\)")


def closes_an_aside(text: str) -> bool:
    """Closes a parenthesis it did not open: the end of an aside that began in an earlier
    sentence ("… Santa Rosa, Calif. The Press Democrat is part of the … Group.)"), often an
    editor's note or a credit. (One that opens with the parenthesis is a dependent opener.)"""
    depth = 0
    for mark in re.findall(r"[()]", _LIST_MARKER.sub(" ", text)):
        depth += 1 if mark == "(" else -1
        if depth < 0:
            return True
    return False


def is_question(text: str) -> bool:
    return text.rstrip("”\"’') ").endswith("?")


# Text a reader cannot take as prose: a character its decoding could not read (U+FFFD, "the
# BlackBerry� Q10") or a web address, which a page's text cut into words ("at: http: / /
# business. t-mobile.com / …"), and which a briefing's reader cannot follow anyway.
_NOT_PROSE = re.compile(r"\ufffd|\bhttps?:|\bwww\.")


# An appeal to the reader, a police or charity notice rather than a report: "Anyone with
# information is asked to contact …", "… are urged to call", a telephone number.
_APPEAL = re.compile(
    r"\b(?:anyone|those|people|witnesses|residents)\s+with\s+(?:any\s+)?information\b"
    r"|\b(?:is|are)\s+(?:being\s+)?(?:asked|urged|encouraged|invited)\s+to\s+(?:contact|call|"
    r"phone|ring|come forward|get in touch|email)\b"
    r"|\b(?:call|contact|phone|ring)\s+(?:[A-Z][\w.&'-]*\s+){0,4}(?:on\s+|at\s+)?"
    r"(?:\+?\d[\d\s().-]{6,}\d)", re.IGNORECASE)
_APPEAL_WORDS = ("nformation", "asked to", "urged to", "encouraged to", "invited to", "call",
                 "ontact", "phone", "ring ")


def is_appeal(text: str) -> bool:
    lowered = text.lower()
    return any(w in lowered for w in _APPEAL_WORDS) and _APPEAL.search(text) is not None


def is_not_prose(text: str) -> bool:
    # (substring tests first, in C: the pattern's search is slow for every sentence)
    return "\ufffd" in text or (("http" in text or "www." in text)
                                 and _NOT_PROSE.search(text) is not None)


# "The report was greeted skeptically by critics." opens with a description of something
# the article named before, and names nothing itself (no name, no number): out of its
# article the reader cannot tell which report.
_DESCRIPTION = re.compile(r"^(?:The|A|An)\s+[a-z]")


def names_nothing(text: str) -> bool:
    """No word after the first has a capital letter or a digit."""
    words = text.split(None, 1)
    rest = words[1] if len(words) > 1 else ""  # (white space is neither: no need to split)
    return not (any(map(str.isupper, rest)) or any(map(str.isdigit, rest)))


def is_dependent(text: str) -> bool:
    """Opens with a pronoun or connective (a first-person one outside quotation marks
    too), refers back with "such" or "the two …", opens with a description and names
    nothing, lacks final punctuation (a fragment), or closes an aside it did not open."""
    if _DESCRIPTION.match(text) and names_nothing(text):
        return True
    if ")" in text and closes_an_aside(text):
        return True
    lowered = text.lower()
    # (the `in` tests skip regular expressions that cannot match: this runs per sentence)
    if (not _FINAL.search(text[-8:]) or ("such" in lowered and _BACK_REFERENCE.search(text))
            or _COUNTED_BACK.match(text) or counts_from_a_time_before(text)
            or (any(w in lowered for w in ("those", "these", "however"))
                and _POINTER.search(text))
            or (("that" in lowered or "this" in lowered) and _DEMONSTRATIVE.search(text))):
        return True
    first = _FIRST_WORD.search(text)
    if not first:
        return False
    word = first.group().lower()
    # (first person outside quotation marks: the speaker goes unnamed)
    return word in DEPENDENT_OPENERS or (
        (word in FIRST_PERSON or word.replace("’", "'") in SECOND_PERSON)
        and first.start() == 0)


@cache
def _final_in(language: str) -> re.Pattern[str]:
    """A sentence's final punctuation, then its closing quotation marks and brackets (set
    off by a space where the language spaces them: "… demain. »")."""
    entry = LANGUAGES[language]
    closers = "[" + re.escape(entry.closers) + "]"
    spaced = "|\\s[" + re.escape(entry.spaced_closers) + "]" if entry.spaced_closers else ""
    return re.compile(r"[.!?…](?:" + closers + spaced + r")*$")


def is_dependent_in(text: str, language: str) -> bool:
    """`is_dependent`'s counterpart in another language (`summarize.text.languages`): a
    fragment, an aside closed that it did not open, a first word (or two) that leans on
    the sentence before (a pronoun, a possessive or a connective of the language; a
    title before a lowercase word), the first person outside quotation marks, or a word
    that points back wherever it stands ("toutefois"). English's rules of descriptions,
    "such", counts and chronologies are not applied: they are English words."""
    if ")" in text and closes_an_aside(text):
        return True
    if not _final_in(language).search(text[-8:]):
        return True
    entry = LANGUAGES[language]
    first = _FIRST_WORD.search(text)
    if not first:
        return False
    word = first.group().lower()
    if word in entry.openers_first or (word in entry.first_person_words
                                       and first.start() == 0):
        return True
    following = _FIRST_WORD.search(text, first.end())
    if following and ((word, following.group().lower()) in entry.opening_phrases
                      or (word in entry.titles and following.group()[0].islower())):
        return True
    return bool(entry.pointer_words) and any(
        w.lower() in entry.pointer_words for w in _FIRST_WORD.findall(text))


@cache
def _unnamed_speaker(language: str) -> re.Pattern[str] | None:
    pattern = LANGUAGES[language].unnamed_speaker
    return re.compile(pattern, re.IGNORECASE) if pattern else None


def unnamed_quote_in(text: str, language: str) -> bool:
    """`reading.unnamed_quote`'s counterpart in another language, where the table has
    one: a quotation whose speaker is a pronoun ("a-t-elle déclaré", "sagte er")."""
    pattern = _unnamed_speaker(language)
    return (pattern is not None and bool(_quote_marks(language)[1].search(text))
            and bool(pattern.search(text)))


def quote_balance(text: str) -> int:
    """Quotations a sentence opens minus those it closes (curly quotes, the newswire's
    `` and '', and straight quotes told apart by the space before them)."""
    balance = text.count("\u201c") + text.count("``") - text.count("\u201d") - text.count("''")
    if '"' not in text:
        return balance
    for match in re.finditer(r'"', text.replace("''", "").replace("``", "")):
        before = match.string[match.start() - 1] if match.start() else " "
        balance += 1 if before.isspace() or before in "([" else -1
    return balance


_QUOTE_MARK = re.compile(r"[\u201c\u201d\"]|``|''")


@cache
def _quote_marks(language: str) -> tuple[tuple[tuple[str, str], ...], re.Pattern[str]]:
    """A language's pairs of quotation marks, and a pattern that finds any of them."""
    pairs = LANGUAGES[language].quote_pairs
    marks = "".join(sorted({m for pair in pairs for m in pair}))
    return pairs, re.compile("[" + re.escape(marks) + '"]')


def quote_balance_in(text: str, language: str) -> int:
    """`quote_balance` with the quotation marks of another language („…“, »…«, «…»). A
    mark that opens in one pair and closes in another (German “, which closes „ and opens
    “…”) opens only where the mark that closes it is there too."""
    pairs, _ = _quote_marks(language)
    balance = 0
    for mark in {m for pair in pairs for m in pair}:
        count = text.count(mark)
        if not count:
            continue
        opens = any(o == mark for o, _ in pairs)
        closes = any(c == mark for _, c in pairs)
        if opens and closes:
            opens = any(c in text for o, c in pairs if o == mark and c != mark)
        balance += count if opens else -count
    if '"' in text:
        balance += quote_balance(text.replace("\u201c", "").replace("\u201d", "")
                                 .replace("``", "").replace("''", ""))
    return balance


# A quotation left open for longer than this many sentences is taken for a typo.
MAX_QUOTED_SENTENCES = 4


def inside_quotations(text: EventText) -> np.ndarray:
    """Sentences that are pieces of a quotation split across sentences: the one that opens
    it without closing it, the ones inside it, and the one that closes it. Out of context a
    reader would take a speaker's words for a fact ("The DPRK leader shows keen interest in
    rocket technology." is Putin speaking)."""
    mask = np.zeros(len(text.sentences), dtype=bool)
    open_since: int | None = None  # index of the sentence that left a quotation open
    previous_article = -1
    english = text.language == "en"
    marked = _QUOTE_MARK if english else _quote_marks(text.language)[1]
    for i, sentence in enumerate(text.sentences):
        if sentence.article != previous_article:
            open_since, previous_article = None, sentence.article
        if open_since is not None and i - open_since > MAX_QUOTED_SENTENCES:
            open_since = None
        balance = (quote_balance(sentence.text) if english
                   else quote_balance_in(sentence.text, text.language))
        if open_since is not None:
            mask[i] = True
            if balance < 0:
                open_since = None
        elif balance > 0:
            mask[i] = True
            open_since = i
        elif balance < 0:
            # It closes a quotation nobody opened (a misplaced quote mark, common in
            # machine translations): the sentences just before it, up to one with quote
            # marks of its own, are the speaker's words too.
            mask[i] = True
            j = i - 1
            while (j >= 0 and i - j <= MAX_QUOTED_SENTENCES
                   and text.sentences[j].article == sentence.article
                   and not marked.search(text.sentences[j].text)):
                mask[j] = True
                j -= 1
    return mask


class Eligibility:
    """Which sentences the selector may choose at all, each decided when first asked.

    The tests every sentence is put to at once are the cheap ones: its length, whether it
    asks a question, whether it is a piece of a quotation (`possible`). Whether it stands
    alone (a dozen patterns: whether it is prose and a report, not an appeal to the
    reader (`is_not_prose`, `is_appeal`), what it opens with, whom it quotes, whether it
    announces a plan its article's date has overtaken) is tested only for the sentences a
    selector reaches, best first: the concept selector decides 168 of the pooled DUC 2006 event's
    35,565 sentences, and 1,679 of the 36,048 of the DUC batch. `mask()` decides all."""

    def __init__(self, text: EventText, selector: SelectorBase):
        self.text, self.selector = text, selector
        words = text.word_counts
        possible = (words >= selector.min_words) & (words <= selector.max_words)
        if selector.skip_questions:
            possible &= ~np.array([is_question(s.text) for s in text.sentences], dtype=bool)
        if selector.skip_dependent:
            possible &= ~inside_quotations(text)
        # sentences of transcripts and opinion articles: eligible only naming their speaker
        self.opinion = opinion_articles(text.articles, text.sentences)
        self._unreported = unreported(text.sentences, self.opinion) \
            if selector.skip_dependent else None
        self.possible = possible
        dates = [a.published for a in text.articles if a.published is not None]
        self._newest = max(dates) if dates else None
        self._decided: dict[int, bool] = {}

    def __call__(self, index: int) -> bool:
        if not self.possible[index]:
            return False
        decided = self._decided.get(index)
        if decided is None:
            decided = self._decided[index] = self._stands_alone(index)
        return decided

    def mask(self) -> np.ndarray:
        return np.array([self(i) for i in range(len(self.possible))], dtype=bool)

    def _stands_alone(self, index: int) -> bool:
        sentence, selector = self.text.sentences[index], self.selector
        if is_not_prose(sentence.text) or is_appeal(sentence.text):
            return False
        if self.text.language != "en":
            # English's no-news and stale-plan rules have no counterpart here
            return not (selector.skip_dependent
                        and (is_dependent_in(sentence.text, self.text.language)
                             or unnamed_quote_in(sentence.text, self.text.language)))
        if selector.skip_dependent and (is_dependent(sentence.text)
                                        or unnamed_quote(sentence.text)
                                        or no_news(sentence.text)
                                        or unsourced_judgement(sentence.text)
                                        or (self._unreported[index]
                                            and not names_speaker(sentence.text))):
            return False
        return not (selector.skip_stale_plans and self._newest is not None
                    and _older(self.text.articles[sentence.article].published, self._newest)
                    and announces_future(sentence.text))


def eligible(text: EventText, selector: SelectorBase) -> np.ndarray:
    """Which sentences the selector may choose at all (every one decided)."""
    return Eligibility(text, selector).mask()


def _older(published: dt.date | None, newest: dt.date) -> bool:
    return published is not None and published < newest

