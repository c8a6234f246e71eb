"""References a reader can resolve: every sentence of a briefing is read after the ones
before it, never after the sentences of its article that the reader does not see.

- People (Nenkova 2008, "Entity-driven rewrite for multi-document summarization";
  Siddharthan, Nenkova & McKeown 2004): the first mention of a person carries the full
  name, and the role the sources give, as the event's own articles write them; later
  mentions may use the surname. An extractive briefing rewrites exactly this: the form of
  a name at its first mention. A surname becomes the full name only when exactly one
  person of the event has it (`people.People.resolve`); a role is added only to a full
  name that has none beside it. A mention that cannot be made full (a surname two people
  share, one inside a quotation, a person the event never names in full) leaves its
  sentence out unless an earlier sentence of the briefing introduced the person.
- Acronyms: the first use carries its expansion, "Federal Emergency Management Agency
  (FEMA)", where the event's articles expand it (found as Schwartz & Hearst 2003, "A
  simple algorithm for identifying abbreviation definitions in biomedical text", find
  them: the shortest run of words before "(FEMA)" that holds its letters in order).
- Definite descriptions: a sentence that opens with one ("The clinic …", "The measure …",
  "One would require …") is chosen only after a sentence of the briefing that names its
  referent, or not at all (coherence in selection: Christensen, Mausam, Soderland &
  Etzioni 2013, "Towards coherent multi-document summarization", G-Flow, admit a sentence
  only when what it refers to comes before it). Which descriptions introduce their own
  referent follows Vieira & Poesio 2000 ("An empirically based system for processing
  definite descriptions"): a restrictive postmodifier ("The crime rate in the United
  States"), a name or number inside, a superlative or ordinal ("The first …"), an
  apposition.

`coherent_selection` runs selection again without the sentences that cannot be resolved
where they would stand, and with the words a rewrite adds taken off the budget, until the
briefing reads. The rewritten text is what a briefing shows; its citation still points to
the source sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from summarize.selection.mentions import Mention, in_quotation, mentions
from summarize.selection.names import ROLE_HEADS, ROLE_MODIFIERS, TITLES, is_role_head
from summarize.selection.people import People
from summarize.selection.reading import restates
from summarize.text.words import content_terms, stem, tokenize, word_count

# -- acronyms --------------------------------------------------------------------------------

_PARENTHESISED = re.compile(r"\(([A-Z][A-Za-z&.\-]{1,9})\)")
_ACRONYM = re.compile(r"\b[A-Z][A-Z&]{1,7}s?\b")


def _holds_letters(short: str, long: str) -> bool:
    """Schwartz & Hearst's test: every letter of the short form, right to left, is found in
    the long form, the first one at the start of a word."""
    letters = [c.lower() for c in short if c.isalnum()]
    position = len(long) - 1
    for index in range(len(letters) - 1, -1, -1):
        while position >= 0 and (long[position].lower() != letters[index] or (
                index == 0 and position > 0 and long[position - 1].isalnum())):
            position -= 1
        if position < 0:
            return False
        position -= 1
    return True


def expansions(texts: Sequence[str]) -> dict[str, str]:
    """Acronym -> its expansion, for every "long form (SF)" the texts write: the shortest
    run of at most min(|SF| + 5, 2·|SF|) words before the parenthesis that starts with the
    short form's first letter and holds its letters in order; the expansion the event
    writes most often wins."""
    found: dict[str, dict[str, int]] = {}
    for text in texts:
        if "(" not in text:
            continue
        for match in _PARENTHESISED.finditer(text):
            short = match.group(1)
            capitals = sum(c.isupper() for c in short)
            if capitals < 2:
                continue
            window = text[: match.start()].split()[-min(capitals + 5, capitals * 2):]
            for k in range(len(window) - 1, -1, -1):
                candidate = " ".join(window[k:]).strip(",;:\"“”'")
                if candidate[:1].lower() == short[0].lower() \
                        and _holds_letters(short, candidate) and short not in candidate.split():
                    if len(candidate.split()) >= 2 and not any(c in candidate for c in "()[]"):
                        forms = found.setdefault(short, {})
                        forms[candidate] = forms.get(candidate, 0) + 1
                    break
    return {short: max(forms.items(), key=lambda item: (item[1], item[0]))[0]
            for short, forms in found.items()}


def letters_of(text: str) -> str:
    """Letters only, lower-cased: "non-steroidal" reads as "nonsteroidal"."""
    return "".join(c for c in text.lower() if c.isalpha())


# -- definite descriptions -------------------------------------------------------------------

# Words that end the description that opens a sentence.
_ENDS_DESCRIPTION = frozenset("""
is was are were be been being has have had will would can could shall should may might must
do does did said says say told of in on at by for with from to into over under after before
since during about as than that which who whom whose where when while and or but nor if
because although though so its their his her this these those also not no now then only
""".split())
# Pointers to something named before: never a new referent.
_POINTING = frozenset("other same latter former remaining rest".split())
# A superlative or an ordinal makes a description unique on its own (Vieira & Poesio
# 2000), and so do things there is one of.
_UNIQUE = frozenset("""
first second third fourth fifth last next final latest best worst biggest largest smallest
highest lowest most least main only top oldest newest earliest greatest world earth sun
moon internet web economy public government military police media weather environment past
future
""".split())
_VERB_LIKE = re.compile(
    r"^(?:\w+ed|found|made|took|gave|came|went|began|became|left|held|saw|knew|got|led|won|"
    r"lost|fell|rose|ran|set|put|kept|paid|sent|met|sold|built|brought|thought|bought|"
    r"caught|taught|fought|stood|spent|meant|shows|remains|remain|includes|include|seems|"
    r"seem|appears|appear|continues|continue|needs|need)$")
_DESCRIPTION_WORD = re.compile(r"[A-Za-z][\w'’-]*|\S")
# Verbs that end the phrase after "in", "at" … in a description.
_VERBS = frozenset("is was are were has have had will would can could said says".split())
# Words after "in", "at" … where a name makes a description's place its own.
_PLACE_WORDS = 6
_ONE_WITH_MODAL = re.compile(r"^One\s+(?:would|will|could|should|might|may|must|can)\b")


def opening_description(text: str) -> tuple[str, str] | None:
    """The definite description that opens a sentence, and its head word, when it needs a
    referent named before ("The clinic is …", "The other tenders …", "One would …"); None
    when the sentence opens otherwise or the description introduces its own referent."""
    if _ONE_WITH_MODAL.match(text):
        return "One", "one"
    if not text.startswith("The "):
        return None
    words = _DESCRIPTION_WORD.findall(text)
    described: list[str] = []
    for word in words[1:6]:
        if not word[0].isalpha() or word.lower() in _ENDS_DESCRIPTION \
                or (described and _VERB_LIKE.match(word)):
            break
        described.append(word)
    if not described:
        return None
    rest = words[1 + len(described):]
    phrase = "The " + " ".join(described)
    if any(w[0].isupper() or w[0].isdigit() for w in described):
        return None  # a name or a number inside: "The Russian military", "The 1998 law"
    if any(w.lower() in _POINTING for w in described):
        return phrase, ""
    if any(w.lower() in _UNIQUE for w in described):
        return None
    following = rest[0].lower() if rest else ""
    after = rest[1] if len(rest) > 1 else ""
    if following in ("of", "who", "whose", "that", "which"):
        return None  # "The crime rate of …", "The man who …"
    if following == "," and (after[:1].isupper() or re.match(r"^\w+ed$", after)):
        return None  # "The report, Climate Change …", "The study, published in …"
    if following in ("in", "at", "for", "on", "from", "near", "outside") \
            and _names_place(rest[1:_PLACE_WORDS]):
        return None  # "The crime rate in the United States", "The fire in the valley of Ardal"
    if following in ("is", "was") and after == "that":
        return None  # "The theory is that …"
    return phrase, described[-1]


def _names_place(words: Sequence[str]) -> bool:
    """A name or number in the phrase after "in", "at" …, before its verb."""
    for word in words:
        if word[:1].isupper() or word[:1].isdigit():
            return True
        if _VERB_LIKE.match(word) or word in _VERBS:
            return False
    return False


# A source named by a definite description after the fact it reports ("…, the newspaper
# said.", "…, the agency reported."): which newspaper, the reader was never told.
_ATTRIBUTED = re.compile(
    r",\s+(the\s+(?:[a-z-]+\s+){0,2}?([a-z]+))\s+(?:said|says|reported|reports|added|"
    r"stated|announced|noted)\b[^,]{0,40}$")


def attributed_description(text: str) -> tuple[str, str] | None:
    """The definite description that names the source of the sentence at its end ("the
    newspaper" of "…, the newspaper said."), and its head; None when there is none or it
    needs no referent ("the police", "the government")."""
    match = _ATTRIBUTED.search(text)
    if match is None:
        return None
    phrase, head = match.group(1), match.group(2)
    if head in _UNIQUE or any(w in _POINTING for w in phrase.split()):
        return None if head in _UNIQUE else (phrase, "")
    return phrase, head


def unresolved_description(text: str, before: Sequence[str]) -> str | None:
    """The definite description opening `text`, or naming its source at its end ("…, the
    newspaper said."), when no sentence `before` it names its head (or a word ending with
    it: "earthquake" for "the quake")."""
    found = opening_description(text) or attributed_description(text)
    if found is None:
        return None
    phrase, head = found
    if head in ("", "one"):
        return phrase
    target = stem(head.lower().replace("’", "'").removesuffix("'s"))
    for sentence in before:
        for word in _DESCRIPTION_WORD.findall(sentence):
            if word[0].isalpha() and stem(word.lower().replace("’", "'").removesuffix("'s")) \
                    .endswith(target):
                return None
    return phrase


# -- reading a briefing ----------------------------------------------------------------------

# Words after which a role can stand before a name: a role is added only there (never
# after "Israel's", "the late", "creator", which describe the person already).
_BEFORE_ROLE = frozenset("""
said says say told tells added and or but with by to for from that as met meet meets
meeting when while after before against including between like than on at in if because
since until about according of
""".split())


# What a reader cannot resolve where it stands (`Reading.problems`).
PERSON, DESCRIPTION, ACRONYM = "person named by surname only", "definite description", "acronym"


@dataclass(frozen=True)
class Reading:
    """A briefing read in order: its sentences as shown (first mentions rewritten), and
    what a reader cannot resolve where it stands: (place, kind, the words)."""

    texts: tuple[str, ...]
    problems: tuple[tuple[int, str, str], ...] = ()

    @property
    def unresolved(self) -> frozenset[int]:
        """The places of the sentences a reader cannot resolve (an acronym left without
        its expansion is a blemish, not a reason to leave a sentence out)."""
        return frozenset(p for p, kind, _ in self.problems if kind != ACRONYM)


def read_briefing(texts: Sequence[str], people: People, known: dict[str, str],
                  rewrite: bool = True, articles: Sequence[int] | None = None) -> Reading:
    """Read the sentences in order: rewrite each person's first mention to the full name
    (and role), each acronym's first use to carry its expansion (`known`), and find the
    sentences whose people or definite description the sentences before them do not
    introduce. `articles` holds the article of each sentence: a role comes from the
    sentence's own article (from any, when they agree, without it). With `rewrite` False,
    only find: a first mention that would be rewritten is a problem too
    (`benchmarks/readability.py` reads briefings so)."""
    introduced: set[str] = set()  # surnames of the people named so far
    expanded: set[str] = set()
    shown: list[str] = []
    problems: list[tuple[int, str, str]] = []
    for place, text in enumerate(texts):
        description = unresolved_description(text, shown)
        if description is not None:
            problems.append((place, DESCRIPTION, description))
        edits: list[tuple[int, int, str]] = []
        article = articles[place] if articles is not None else None
        for mention in mentions(text, people):
            if not _name_edit(text, mention, people, introduced, edits, rewrite, article):
                problems.append((place, PERSON, mention.word))
        for match in _ACRONYM.finditer(text):
            short = match.group()
            if short in expanded or short not in known:
                continue
            expanded.add(short)
            long = known[short]
            if letters_of(long) in letters_of(" ".join(shown + [text])) \
                    or text[match.start() - 1:match.start()] == "(":
                continue  # expanded already (perhaps in another wording: "(WWF)")
            edit = _acronym_edit(text, match, long) if rewrite else None
            if edit is None:
                problems.append((place, ACRONYM, short))
            else:
                edits.append(edit)
        shown.append(_apply(text, edits))
    return Reading(tuple(shown), tuple(problems))


def _name_edit(text: str, mention: Mention, people: People, introduced: set[str],
               edits: list[tuple[int, int, str]], rewrite: bool, article: int | None) -> bool:
    """Add the rewrite a mention needs to `edits`; False when a reader cannot resolve it
    and it cannot (or may not) be rewritten."""
    word = mention.word
    if mention.full:
        first = word not in introduced
        # every word of a full name stands for the person after it ("Kim" after "Kim Jong
        # Un", whose family name comes first)
        introduced.update(mention.words)
        person = people.person(mention.person) if mention.person else None
        role = _role_for(person.role(article) if person else None, text, mention.start)
        if first and role and not mention.role and not mention.quoted \
                and mention.role_start == mention.start and _bare_before(text, mention.start):
            edits.append((mention.start, mention.start, role + " "))
        return True
    if word in introduced or mention.role:
        introduced.add(word)
        return True
    person = people.resolve(word)
    introduced.add(word)
    if person is None or mention.quoted or not rewrite:
        return False
    full = " ".join(person.name)
    start = mention.role_start if mention.honorific else mention.start
    role = _role_for(person.role(article), text, start)
    written = text[mention.start:mention.end]
    possessive = written[len(word):]  # "'s", "’s" or "'"
    if role and _bare_before(text, start):
        full = f"{role} {full}"
    elif start == 0:
        full = full[0].upper() + full[1:]
    edits.append((start, mention.end, full + possessive))
    return True


def _bare_before(text: str, at: int) -> bool:
    """A role may stand before a name at `at`: it opens the sentence or a clause, or follows
    a verb of speech or a preposition; not after "her publicist," (an apposition that
    gives it already)."""
    before = text[:at].rstrip()
    if not before:
        return True
    if before[-1] in ",;:(—–\"“":
        words = before[:-1].split()
        return not (words and is_role_head(words[-1].strip("\"“”")))
    return before.split()[-1].lower() in _BEFORE_ROLE


def _role_for(role: str | None, text: str, at: int) -> str | None:
    """The role as it stands before a name at `at`: capitalised there when it opens the
    sentence; an occupation in lower case ("actress", "spokesman") elsewhere, a title as
    the articles write it ("Prime Minister"); None when the sentence says it already."""
    if role is None:
        return None
    head = role.split()[-1].lower()
    if any(w.lower().rstrip(",.") == head for w in text.split()):
        return None
    words = role.split()
    if at == 0:
        words[0] = words[0][0].upper() + words[0][1:]
    elif head.rstrip(".") not in TITLES:
        words = [w.lower() if w.lower() in ROLE_HEADS or w.lower() in ROLE_MODIFIERS else w
                 for w in words]
    return " ".join(words)


def _acronym_edit(text: str, match: re.Match[str], long: str) -> tuple[int, int, str] | None:
    """"FEMA" -> "Federal Emergency Management Agency (FEMA)", "NASA's" -> "National
    Aeronautics and Space Administration's (NASA's)", with "a"/"an" before it made to
    agree; None inside a quotation (a speaker's words are never changed)."""
    start, end = match.start(), match.end()
    if in_quotation(text, start):
        return None
    possessive = text[end:end + 2] if text[end:end + 2] in ("'s", "’s") else ""
    end += len(possessive)
    expansion = f"{long}{possessive} ({match.group()}{possessive})"
    if start == 0:
        expansion = expansion[0].upper() + expansion[1:]
    article = re.search(r"\b(a|an|A|An)\s+$", text[:start])
    if article:
        wanted = "an" if long[0].lower() in "aeiou" else "a"
        if article.group(1)[0].isupper():
            wanted = wanted.capitalize()
        return article.start(1), end, f"{wanted} {expansion}"
    return start, end, expansion


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


# -- choosing a briefing that reads ----------------------------------------------------------

# Rounds of selection before the sentences still unresolved are dropped: on DUC 2006, 98%
# of the events read after the second.
MAX_ROUNDS = 4


@dataclass(frozen=True)
class Coherent:
    """The chosen sentences in reading order, how many open it (the lead), and their
    texts as the briefing shows them."""

    order: tuple[int, ...]
    lead: int
    texts: tuple[str, ...]


def coherent_selection(
    select: Callable[[frozenset[int], int | None], tuple[list[int], list[int]]],
    order: Callable[[list[int], int], list[int]],
    sentences: Sequence[str],
    articles: Sequence[int],
    people: People,
    known: dict[str, str],
    words: int | None,
) -> Coherent:
    """Selection until the briefing reads. `select(excluded, words)` returns the lead and
    the chosen sentences (lead first, then in the order chosen) without the `excluded`
    ones, within `words`; `order(chosen, lead)` puts them in reading order; `sentences`
    and `articles` are the event's sentences and the article of each. A sentence a
    reader cannot resolve where it stands is excluded and selection runs again; so it does
    with a smaller budget when the rewrites make the briefing longer than `words`. After
    MAX_ROUNDS, the unresolved sentences and the last chosen ones over the budget are
    dropped."""
    excluded: set[int] = set()
    budget = words
    lead: list[int] = []
    chosen: list[int] = []
    for _ in range(MAX_ROUNDS):
        lead, chosen = select(frozenset(excluded), budget)
        reading, ordered = _read(chosen, len(lead), order, sentences, articles, people, known)
        if reading.unresolved:
            excluded.update(ordered[p] for p in reading.unresolved)
            continue
        if restating := _restating(reading, ordered, chosen):
            excluded.update(restating)
            continue
        over = _words_over(reading, words)
        if over > 0 and budget is not None:
            budget = max(1, budget - over)
            continue
        return Coherent(tuple(ordered), len(lead), reading.texts)
    while True:  # what selection could not avoid is dropped
        reading, ordered = _read(chosen, len(lead), order, sentences, articles, people, known)
        dropped = {ordered[p] for p in reading.unresolved} or _restating(reading, ordered,
                                                                        chosen)
        if not dropped and _words_over(reading, words) > 0 and len(chosen) > len(lead):
            dropped = {chosen[-1]}
        if not dropped:
            return Coherent(tuple(ordered), len(lead), reading.texts)
        lead = [i for i in lead if i not in dropped]
        chosen = [i for i in chosen if i not in dropped]


def _read(chosen: list[int], lead: int, order: Callable[[list[int], int], list[int]],
          sentences: Sequence[str], articles: Sequence[int], people: People,
          known: dict[str, str]) -> tuple[Reading, list[int]]:
    ordered = order(chosen, lead) if chosen else []
    return read_briefing([sentences[i] for i in ordered], people, known,
                         articles=[articles[i] for i in ordered]), ordered


def _restating(reading: Reading, ordered: list[int], chosen: list[int]) -> set[int]:
    """Sentences that say what another says once their names are written in full ("Carter"
    become "Jimmy Carter"): the one chosen later of each pair."""
    rank = {sentence: place for place, sentence in enumerate(chosen)}
    terms = [content_terms(tokenize(t)) for t in reading.texts]
    return {max(ordered[a], ordered[b], key=rank.__getitem__)
            for a in range(len(terms)) for b in range(a + 1, len(terms))
            if restates(terms[a], terms[b])}


def _words_over(reading: Reading, words: int | None) -> int:
    if words is None:
        return 0
    return sum(word_count(t) for t in reading.texts) - words
