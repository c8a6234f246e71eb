"""The briefing's title, as a desk would write it: a headline from the articles, in sentence
case, without the labels, codes and outlet names feeds wrap it in; or, where the articles
have none, the lead's main clause trimmed to a headline (after Dorr, Zajic & Schwartz 2003,
"Hedge Trimmer: a parse-and-trim approach to headline generation": the attribution, the
adjuncts before the subject, time expressions, appositives and articles go, then trailing
clauses and phrases while it is long). Never a sentence cut off with "…": a clause that
cannot be trimmed to a headline is not used."""

from __future__ import annotations

import re

from summarize.selection.casing import is_all_caps, is_title_case
from summarize.text.tense import (
    PARTICIPLE,
    PREPOSED,
    SUBORDINATORS,
    Group,
    is_past_form,
    parse,
    verb_groups,
)
from summarize.text.words import content_terms, tokenize

HEADLINE_MAX_WORDS = 14
# Hedge Trimmer's length: shorten a headline while it is longer than this.
HEADLINE_TARGET_WORDS = 10


# A wire's slug line (ANPA 1312 keyword line): a budget code, the story's keywords joined
# by hyphens, its word count ("BC-NJ--Evolution & Schools,730"). Feeds pass it on as the
# title when the headline is missing; it is a filing label, not a headline.
_SLUG = re.compile(r"^[A-Z]{1,4}-\S*-|(?<=[^\W\d_]),\d{2,5}$")


def is_wire_slug(title: str) -> bool:
    return bool(_SLUG.search(title.strip()))


_SPEECH = frozenset("said says told reported reports announced announces added stated "
                    "according confirmed quoted".split())
_TIME_WORDS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday today tonight "
                        "yesterday".split())
_DAY_PARTS = frozenset("night morning afternoon evening".split())
_TIME_LEADS = frozenset("on late early by last this".split())
_MONTHS = frozenset("January February March April May June July August September October "
                    "November December Jan. Feb. Aug. Sept. Oct. Nov. Dec.".split())
_PREPOSITIONS = frozenset("in at on for from with near to of over after before during amid "
                          "under into against by as since about between across through "
                          "without within".split())
# Openings of a stretch before the subject that a headline drops: "After …,", "In a move
# …,", "Despite …,", "According to …,", "Bucking …,", "Days after …,": the clause openers
# of `tense` but "until" and "unless" (as the title rules have always had them), and spans
# of time.
_PREPOSED = (PREPOSED - {"until", "unless"}) | {"days", "hours", "weeks"}
_ARTICLES = frozenset("the a an".split())
_PRONOUNS = frozenset("he she it they this these those that which who i we you one some "
                      "yes no".split())
# A headline cannot end on these: they promise a word that was cut.
_DANGLING = (_PREPOSITIONS | _ARTICLES | SUBORDINATORS
             | frozenset("and or but said says is are was were has have had be been being "
                         "will would can could may might should must to its his her their "
                         "our my your 's".split()))


def _verbs(words: list[str]) -> list[Group]:
    """The finite verb groups (not an infinitive's "to", not a participle after a noun)."""
    return [g for g in verb_groups(words) if g.head != "to" and g.tense != PARTICIPLE]


def _segments(words: list[str]) -> list[list[str]]:
    """The stretches between commas and dashes (a parenthesis is dropped whole)."""
    segments: list[list[str]] = [[]]
    depth = 0
    for k, word in enumerate(words):
        if word == "," and _in_list(words, k):
            segments[-1].append(word)  # "his IBF, IBO and WBO titles": one phrase
        elif word == "(":
            depth += 1
        elif word == ")":
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif word in (",", "--", "—", "–", ";"):
            segments.append([])
        elif word not in ("“", "”", '"'):
            segments[-1].append(word)
    return [s for s in segments if s]


def _in_list(words: list[str], comma: int) -> bool:
    """The comma at `comma` separates items of a list of names ("IBF, IBO and WBO"): one
    or two capitalized words after it, then "and", "or" or another comma."""
    following = words[comma + 1:comma + 4]
    for k, word in enumerate(following):
        if word.lower() in ("and", "or") or word == ",":
            return k > 0
        if not word[:1].isupper():
            return False
    return False


def _drop_time(words: list[str]) -> list[str]:
    kept: list[str] = []
    k = 0
    while k < len(words):
        word = words[k]
        if (word.lower() in _DAY_PARTS and kept and kept[-1].lower() in ("this", "last")):
            kept.pop()
            k += 1
            continue
        if word in _TIME_WORDS or (word in _MONTHS and k + 1 < len(words)
                                   and words[k + 1][:1].isdigit()):
            while kept and kept[-1].lower() in _TIME_LEADS:
                kept.pop()
            k += 1
            while k < len(words) and (words[k] in _DAY_PARTS or words[k][:1].isdigit()):
                k += 1
            continue
        kept.append(word)
        k += 1
    return kept


def _valid(words: list[str]) -> bool:
    """A clause a headline can be: a subject (not a pronoun, not one that holds a relative
    clause) before a finite verb, a verb in every subordinate clause, and nothing left
    hanging at its end."""
    groups = _verbs(words)
    for k, word in enumerate(words):
        if k and word.lower() in SUBORDINATORS and not any(g.start > k for g in groups):
            return False
    if not words or words[0].lower() in _PRONOUNS or words[0].lower() in SUBORDINATORS:
        return False
    if words[-1].lower() in _DANGLING or not words[-1][-1:].isalnum():
        return False
    groups = _verbs(words)
    if not groups or groups[0].start == 0:
        return False
    subject = [w.lower() for w in words[: groups[0].start]]
    if any(w in ("who", "which", "that", "whose", "whom") for w in subject):
        return False
    # the verb group must not end the headline when it is only an auxiliary or a "said"
    last = groups[-1]
    return not (last.end >= len(words) and words[-1].lower() in _DANGLING)


_DETERMINERS = frozenset("the a an his her its their our my this that these those some any "
                         "every each another".split())
_PUNCTUATION = frozenset(",;:()“”\"!?—–")


def words_of(text: str) -> list[str]:
    """The text's words, punctuation that separates as words of its own; tokens written
    together ("anti-smoking", "U.S.", "Britain's") stay one word."""
    merged: list[str] = []
    end = -1
    parsed = parse(text)
    for token, (start, stop) in zip(parsed.words, parsed.spans):
        if (merged and start == end and token not in _PUNCTUATION
                and merged[-1] not in _PUNCTUATION):
            merged[-1] += token
        else:
            merged.append(token)
        end = stop
    return merged


def _is_participle(word: str) -> bool:
    return is_past_form(word.lower()) and word.lower() not in ("was", "were", "had", "did")


def _opens_with_verb(segment: list[str]) -> bool:
    """The stretch starts with its finite verb (an adverb before it aside): "was arrested
    …", "reportedly has died …"."""
    groups = _verbs(segment)
    return bool(groups) and (groups[0].start == 0 or (
        groups[0].start == 1 and segment[0].lower().endswith("ly")))


def _appositive(segment: list[str]) -> bool:
    """A stretch between commas that describes the word before it ("the capital of West
    Papua", "35", "aided by interpreters") rather than carrying the main verb."""
    first = segment[0]
    return (first.lower() in _DETERMINERS or first[:1].isdigit() or _is_participle(first)
            or not _verbs(segment))


def trim_headline(sentence: str) -> str | None:
    """A headline from a lead sentence: its main clause without the attribution, the
    preposed adjuncts, time expressions, appositives, parentheticals and articles, and
    (while longer than HEADLINE_TARGET_WORDS words) without its last subordinate clause or
    prepositional phrase, as long as what is left is still a clause; None when no clause of
    at most HEADLINE_MAX_WORDS words is left."""
    words = words_of(sentence.strip())
    while words and words[-1] in (".", "!", "”", '"'):
        words.pop()
    if words and words[-1].endswith(".") and words[-1].count(".") == 1:
        words[-1] = words[-1][:-1]
    segments = _segments(words)
    if len(segments) > 1 and _SPEECH & {w.lower() for w in segments[-1]}:
        segments = segments[:-1]  # ", officials said Tuesday"
    # "X said (on Tuesday) that …": the statement
    lowered = [w.lower() for w in segments[0]] if segments else []
    for k, word in enumerate(lowered[:-1]):
        # ("confirmed to the Los Angeles Times that …": the statement after its hearer)
        if word in _SPEECH and "that" in lowered[k + 1:k + SPEECH_REACH]:
            segments[0] = segments[0][lowered.index("that", k + 1) + 1:]
            break
    # preposed adjuncts before the subject: "After …,", "Despite …,"
    while len(segments) > 1 and (segments[0][0].lower() in _PREPOSED
                                 or segments[0][0].lower().endswith("ing")) \
            and any(_verbs(s) for s in segments[1:]):
        segments = segments[1:]
    if not segments or not segments[0]:
        return None
    # a subject set off by appositives: "Gary Gomes, 35, was arrested"; the predicate is
    # the stretch that opens with a verb ("Bettie Page, the pin-up whose romps with whips,
    # garters and heels titillated a generation, has died": not "garters … titillated")
    if not _verbs(segments[0]) or _is_participle(segments[0][0]):
        main = next((k for k, s in enumerate(segments[1:], 1) if not _appositive(s)
                     and s[0].lower() not in ("and", "or") and _opens_with_verb(s)), None)
        if main is None:
            return None
        # "Guillermo Hernandez, 20, and Carlos Velasquez, 24, were arrested"
        joined = [w for s in segments[1:main] if s[0].lower() in ("and", "or") for w in s]
        words = segments[0] + joined + segments[main]
    else:
        words = segments[0]  # what follows the main clause's first comma goes
    words = _drop_time(words)
    words = [w for k, w in enumerate(words) if w.lower() not in _ARTICLES or k == len(words) - 1]
    cut = _cut_clause(words)
    if cut is not None and _valid(cut) and _words(words) > HEADLINE_TARGET_WORDS:
        words = cut
    while _words(words) > HEADLINE_TARGET_WORDS:
        shorter = _cut_last(words)
        if shorter is None or not _valid(shorter):
            break
        words = shorter
    if _words(words) > HEADLINE_MAX_WORDS or not _valid(words) or not _specific(words) \
            or _bare_verb_end(words):
        return None
    text = re.sub(r"\s+,", ",", " ".join(words))
    return text[0].upper() + text[1:]


# Words after a verb of speech within which its "that" opens the statement.
SPEECH_REACH = 8
_MODALS = frozenset("will would can could may might shall should must to".split())


# A trimmed headline this short must name someone or something, or count.
SPECIFIC_WORDS = 5


def _specific(words: list[str]) -> bool:
    """Names someone or something, counts, or says enough: "Judge sentenced man" says
    nothing a reader can place."""
    return _words(words) >= SPECIFIC_WORDS or any(
        w[:1].isupper() or w[:1].isdigit() for w in words[1:])


def _bare_verb_end(words: list[str]) -> bool:
    """Ends on a verb after a modal or "to" ("… Matt Smith will take"): its object was
    cut."""
    return len(words) > 2 and words[-2].lower() in _MODALS and words[-1][:1].islower()


def _words(words: list[str]) -> int:
    return sum(1 for w in words if w not in _PUNCTUATION)


def _cut_clause(words: list[str]) -> list[str] | None:
    """The words up to the first subordinate clause after the main verb."""
    groups = _verbs(words)
    if not groups:
        return None
    for k in range(groups[0].end + 1, len(words)):
        if words[k].lower() in SUBORDINATORS:
            return words[:k]
    return None


def _cut_last(words: list[str]) -> list[str] | None:
    """The words without the last subordinate clause or prepositional phrase after the
    main verb; never an "of" phrase alone, which completes the noun before it ("in the
    heart of Paris", "a generation of men": "struck in heart" says nothing)."""
    groups = _verbs(words)
    if not groups:
        return None
    for k in range(len(words) - 1, groups[-1].end, -1):
        word = words[k].lower()
        # (not "to meet": an infinitive is the verb's own complement)
        if word in SUBORDINATORS or (word in _PREPOSITIONS and word != "of" and not (
                word == "to" and k + 1 < len(words) and words[k + 1][:1].islower()
                and words[k + 1].lower() not in _DETERMINERS)):
            return words[:k]
    return None


# What a feed or a wire puts around a headline: a label before it ("Breaking News:",
# "UPDATE 2-", "EDITORIAL:"), a part number or a desk code after it ("(2)", "(DW)"), a
# wire's advisory code ("$ADV21"), and a final period.
_LABEL_BEFORE = re.compile(
    r"^(?:\$\S+\s+|(?:breaking(?:\s+news)?|update(?:\s+\d+)?|exclusive|urgent|flash|"
    r"refile|corrected|editorial|opinion|commentary|analysis|column|op-ed|letters?|"
    r"[A-Z][A-Za-z]*\s+column)\s*[:\-–—|]\s*)", re.IGNORECASE)
_LABEL_AFTER = re.compile(r"\s*\((?:\d{1,2}|[A-Z]{2,4}|(?i:for release|for use|eds?\b|attn|"
                          r"embargo)[^)]*)\)\s*$")
# A final period that belongs to an abbreviation stays ("U.S.", "Jr.").
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]|\b(?:Jr|Sr|Inc|Co|Corp|Ltd|St|Dr|Mr|Mrs|Ms))\.$")


def clean_title(title: str, outlet: str | None = None) -> str:
    """A title without the labels, codes and outlet name around the headline, and without
    a final period."""
    text = title.strip()
    for _ in range(3):
        before = text
        text = _LABEL_BEFORE.sub("", text)
        text = _LABEL_AFTER.sub("", text)
        # ", THE INDEPENDENT", " - Reuters", " | The Guardian": the outlet's name
        parts = re.split(r"\s+[|–—-]\s+|,\s+", text)
        if len(parts) > 1:
            last = parts[-1].strip()
            named = bool(outlet) and _bare(last) == _bare(outlet or "")
            # a name in capitals after a title in lower case: its outlet ("…, THE INDEPENDENT")
            shouting = (last.isupper() and len(last.split()) <= 4
                        and not text[: -len(last)].isupper())
            if named or shouting:
                text = text[: text.rfind(last)].rstrip(" ,|–—-")
        if text == before:
            break
    if text.endswith(".") and not _ABBREVIATION_END.search(text):
        text = text[:-1]
    text = text.strip()
    return text[:1].upper() + text[1:] if text else title.strip()


def _bare(name: str) -> str:
    return name.lower().removeprefix("the ").strip()


def is_headline(title: str) -> bool:
    """Reads as a headline, not as the lead sentence a feed gave for a title: at most
    HEADLINE_MAX_WORDS words when it ends in a period as a sentence does, else at most
    LONG_HEADLINE_WORDS."""
    words = len(clean_title(title).split())
    end = title.rstrip().rstrip("\"”’'")
    sentence = end.endswith(".") and not _ABBREVIATION_END.search(end)
    return 2 <= words <= (HEADLINE_MAX_WORDS if sentence else LONG_HEADLINE_WORDS)


# The longest headlines papers print (the seeds' Post: 15 words) are still shorter than this.
LONG_HEADLINE_WORDS = 20


# -- choosing the title ----------------------------------------------------------------------

# A headline opens with its subject; these open a feature's first line, a question or a
# clause that leans on another ("It's a tough job …", "If only he'll …", "Now that …").
_NOT_HEADLINE_OPENERS = frozenset("""
it it's its he she they we i you this that these those if when as even and but or so now
well not today here there why how what who yes no then also still just
""".split())
# A clock time tells when a wire filed, not what happened: "17:06 pm", "9:27 a.m.", "1336 GMT".
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\b\.?|GMT|BST|UTC)|\b\d{1,2}\s*[ap]\.?m\b\.?"
                    r"|\b\d{4}\s*(?:GMT|BST|UTC)\b", re.IGNORECASE)
# Whose report a headline is, after it ("…, five hurt: media", "… - police"): attribution a
# desk leaves to the story.
_ATTRIBUTION_TAIL = re.compile(
    r"\s*(?::|,|\s[-–—])\s*(?:(?:state\s+)?(?:media|tv|television|radio|agency|press)|reports?|"
    r"(?:police|officials?|sources?|witnesses|authorities|report|paper|newspaper)"
    r"(?:\s+(?:say|says|said))?)\s*\.?$", re.IGNORECASE)
# A title agrees with the lead when it shares this many content words with it (one, when it
# is the headline of the lead's own article, which wrote the lead under it).
MIN_SHARED_WITH_LEAD = 2
# Words that tell the summarizer what to do, opening a topic's narrative ("Discuss …").
_INSTRUCTIONS = frozenset("discuss describe include identify explain specify provide note "
                          "list mention give report what how why who when where which".split())


def without_attribution(title: str) -> str:
    """The headline without whose report it is ("Quake hits island off south Iran, five
    hurt: media" -> "…, five hurt")."""
    return _ATTRIBUTION_TAIL.sub("", title).strip() or title


_PRONOUN = re.compile(r"\b(?:it|its|they|their|them|he|his|him|she|her)\b")
_NAME = re.compile(r"(?<!^)\b[A-Z][a-z]")


def reads_as_headline(title: str) -> bool:
    """A headline's form, beyond its length (`is_headline`): no question, no clock time,
    no pronoun before the names it could stand for ("Engineers found cracks in three of
    its steel supports"), no opening that a feature's first line or a dependent clause
    has."""
    words = title.split()
    if not words or "?" in title or _CLOCK.search(title):
        return False
    pronoun, name = _PRONOUN.search(title), _NAME.search(title)
    if pronoun and (name is None or name.start() > pronoun.start()):
        return False
    first = words[0].strip("\"'“‘(").lower().replace("’", "'")
    return first not in _NOT_HEADLINE_OPENERS


def agrees(title: str, lead: str, own: bool = False) -> bool:
    """Says what the lead says: shares MIN_SHARED_WITH_LEAD of its content words (one for
    the headline of the lead's own article)."""
    shared = set(content_terms(tokenize(title))) & set(content_terms(tokenize(lead)))
    return len(shared) >= (1 if own else MIN_SHARED_WITH_LEAD)


def topic_title(focus: str | None) -> str | None:
    """The title line of an event's topic (`topic.txt`: a title line, then a narrative),
    in sentence case, when it reads as a title: short, not a question, not an instruction
    ("Discuss …")."""
    if not focus:
        return None
    line = focus.strip().split("\n")[0].strip()
    words = line.split()
    if not (1 <= len(words) <= HEADLINE_MAX_WORDS) or line.endswith("?") \
            or words[0].lower().strip(",.:") in _INSTRUCTIONS:
        return None
    line = line.rstrip(".")
    return line[0].upper() + line[1:]


# Headlinese drops articles and auxiliaries ("Quake hits island"); a story's first sentence
# keeps them ("A huge fire has destroyed the Waitrose store in Banstead High Street.").
_SENTENCE_WORDS = frozenset("a an the has have had was were is are will would".split())
# A lede has at least this many words; shorter titles read as headlines whatever they hold.
LEDE_MIN_WORDS = 8


def is_lede(title: str) -> bool:
    """A title that is the story's first sentence, which a feed or a corpus moved into the
    title (ECB+ gives each article's first sentence so): it ends as a sentence does, has
    LEDE_MIN_WORDS words at least, a finite verb, and the articles or auxiliaries that
    headlines drop; not in capitals or title case."""
    end = title.rstrip().rstrip("\"”’'")
    words = title.split()
    if not end.endswith(".") or _ABBREVIATION_END.search(end) or len(words) < LEDE_MIN_WORDS \
            or is_all_caps(title) or is_title_case(title) or not words[0][:1].isupper():
        return False
    return any(w.lower() in _SENTENCE_WORDS for w in words) and bool(_verbs(words_of(title)))
