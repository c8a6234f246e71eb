"""What a sentence says of the state of a happening, for `currency`: the plan it announces
(in any of the forms English announces with) and whether another sentence reports that
plan done; and where it stands in a few ordered chains of states that news reports
every day (charged -> convicted -> sentenced; evacuated -> allowed home; cut ->
restored; deadlocked -> agreed; missing -> found; on strike -> back at work).

Events of one kind follow each other in a known order: Chambers & Jurafsky ("Unsupervised
learning of narrative event chains", ACL 2008) learn such chains (arrest, charge, convict,
sentence) as partly ordered events sharing a protagonist, and Mani & Wilson ("Robust
temporal processing of news", ACL 2000) order a story's events by tense and time words.
Here the order of a few chains is written down (`CHAINS`), and each pair of states is
read from the event's own sentences: a later state overtakes an earlier one only for the
same subject (the names they give, and content words besides the states' own), done (not
planned, hoped or denied), and not on another occasion ("was convicted in 2005 of
beating her" is not the verdict on this year's charge). The later state is later by its
own evidence, dated or not: no one is sentenced before being charged. The table is
English, like the other English rules: `currency` runs on English events only.
"""

from __future__ import annotations

import re

from summarize.text.tense import is_past_form
from summarize.text.words import stem

# The chains of states, each a list of stages (earliest first), each stage a pattern of
# the words that report it, lower case. A stage's words are a done state only where
# `is_done` says so; an earlier stage's words also hold where they are planned ("is
# expected to be charged": a verdict overtakes the plan too).
CHAINS: dict[str, tuple[str, ...]] = {
    "trial": (
        r"charged (?:[\w'-]+ ){0,5}?with|charges? against|indicted (?:on|for)|accused of"
        r"|arrested (?:on|for|in "
        r"connection)|fac(?:es|ing) (?:\w+ ){0,3}charges?",
        r"convicted|acquitted|found (?:not )?guilty|pleaded guilty",
        r"sentenced|condemned to death",
        r"commuted|pardoned|exonerated|put to death|(?:was|were|been|is|are) (?:\w+ly )?"
        r"executed",  # (not "executed two of them": a killing)
    ),
    "evacuation": (
        r"evacuated|evacuation|fled (?:their|his|her) homes|ordered (?:\w+ ){0,2}to leave",
        r"(?:allowed|permitted|able|cleared) (?:\w+ ){0,2}(?:to )?(?:return|go back|go home)"
        r"|(?:began|begun|started) (?:returning|to return)|returned (?:to )?(?:their |his |her )?"
        r"homes?|evacuation (?:orders? )?(?:was |were |has been |have been )?lifted",
    ),
    "service": (
        r"outage|downtime|blackout|power cut|cut off|severed|disrupted|knocked out|went down"
        r"|(?:was|were|been|is|are|remains?|remained) (?:\w+ly )?(?:cut|closed|shut(?: down)?)",
        r"restored|repaired|reopened|(?:was|were|been|be|has|have|had) (?:\w+ly )?fixed"
        r"|back (?:online|to normal)|repairs? (?:\w+ ){0,2}completed|completed (?:the )?repairs?",
    ),
    "talks": (
        r"deadlock(?:ed)?|stalemate|impasse|stalled|(?:talks|negotiations) (?:\w+ ){0,2}"
        r"(?:collapsed|broke down|broken down|failed)",
        r"(?:broke|broken|ended) the (?:deadlock|impasse|stalemate)|(?:reached|struck|clinched"
        r"|sealed|signed) (?:\w+ ){0,3}(?:agreement|deal|accord)|agreed (?:on|to) (?:a |an |the )?"
        r"(?:deal|agreement|accord|compromise)",
    ),
    "missing": (
        r"(?:is|are|was|were|remains?|remained|been|went|gone|reported) (?:still )?(?:missing|"
        r"trapped|unaccounted for)",
        # the finding, of whom it names, with what it says of them ("found the two hikers
        # who had been missing for two days alive"); not "found guilty of shooting dead",
        # "found the virus in two dead birds", "found a dead dog"
        r"found (?:(?!(?:guilty|not|in|of|on|at|to|with)\b)[\w'-]+ ){0,6}?"
        r"(?:(?:who|that) (?:[\w'-]+ ){0,8}?)?(?<!\ba )(?<!\bthe )(?:alive|dead|safe|unharmed)"
        r"|(?:was|were|been|are|is) (?:\w+ly )?(?:rescued|"
        r"found|freed|located)|pulled (?:\w+ ){0,2}(?:alive|from the rubble)",
    ),
    "strike": (
        r"(?:go|went|gone|are|were|is|was|been|remains?|remained|stay\w*) on strike|walkout"
        r"|walked off the job",
        r"(?:ended|called off|suspended) (?:\w+ ){0,2}strike|strike (?:\w+ ){0,2}(?:ended|is "
        r"over|was over|was called off)|returned to work|back (?:at|to) work",
    ),
}
# Each chain's pattern, its later stage first where the words overlap ("broke the
# deadlock" is no deadlock).
PATTERNS = {name: re.compile("|".join(
    rf"(?P<{name}_{stage}>\b(?:{pattern})\b)"
    for stage, pattern in sorted(enumerate(stages), key=lambda item: -item[0])),
    re.IGNORECASE) for name, stages in CHAINS.items()}
# Words without one of which (as `tokenize` writes them) no stage of a chain is said, and
# those of its later stages: a chain whose later stages an event never mentions cannot
# overtake anything in it, and a sentence without its words is never read for it (the
# patterns are slow to try at every character of an event).
TRIGGERS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    name: (frozenset(first.split()), frozenset(later.split())) for name, (first, later) in {
        "trial": ("charged charge charges indicted accused arrested",
                  "convicted acquitted guilty sentenced condemned commuted pardoned "
                  "exonerated executed death"),
        "evacuation": ("evacuated evacuation fled leave",
                       "return returning returned lifted allowed permitted cleared"),
        "service": ("outage downtime blackout cut severed disrupted knocked down closed shut",
                    "restored repaired reopened fixed online normal repair repairs"),
        "talks": ("deadlock deadlocked stalemate impasse stalled collapsed broke broken failed",
                  "deadlock impasse stalemate agreement deal accord compromise"),
        "missing": ("missing trapped unaccounted", "found rescued freed located pulled"),
        "strike": ("strike walkout walked", "strike work"),
    }.items()}

# Before a state's words, within a few words, these make it undone: a plan, a condition, a
# denial, a wait ("if he is convicted", "will be sentenced", "were not allowed to return").
_UNDONE = frozenset("will would could may might should must shall to be if unless whether "
                    "expected likely not n't never no before until awaiting pending can "
                    "cannot once when".split())
_UNDONE_REACH = 3
_DENIALS = frozenset("not n't never no none neither nor without".split())
# Before a state's words, these make them an adjective ("a convicted killer", "on convicted
# Hong Kong people").
_ATTRIBUTIVE = frozenset("a an the on of for his her their its this that these those".split())
# A state's own words are longer ("… before normal service was restored"): the words of
# its clause before it, within this many characters.
_DONE_REACH = 60
# Around a state's words: it is another occasion than the event's ("In 2005, he was
# convicted of …", "was charged in 2003 with fraud", "prior convictions").
_YEAR = re.compile(r"\b(?:in|since|during|by)\s+(?:\w+\s+){0,2}?((?:1[89]|20)\d\d)\b",
                   re.IGNORECASE)
_EARLIER = re.compile(r"\b(?:another|previous|previously|earlier|in recent (?:years|months)|"
                      r"ago|prior|last (?:year|month|week|time)|first time|in the past|"
                      r"history|record|former|formerly)\b", re.IGNORECASE)
_BEFORE, _AFTER = 45, 25  # characters around a state's words where its time is said
# A time put before the sentence's subject holds for all of it ("In recent years, …").
_OPENER = 40
# What ends the clause a state is said in.
_CLAUSE_END = re.compile(r"[,;:()—–]|\s--\s|\b(?:and|but|while|whereas|although|after|"
                         r"because)\b")

# A plan, and the predicate it announces: "will sign" -> sign; "will be arraigned",
# "is expected to be arraigned" -> arraigned; "would take 12 days to repair" -> repair.
_PLAN_FRAME = (r"(?:will|shall|plans? to|planned to|intends? to|hopes? to|expects? to|"
               r"(?:is|are|was|were) (?:to|expected to|set to|due to|scheduled to|slated to|"
               r"going to|likely to|poised to)|(?:takes?|would take|will take) (?:\S+ ){1,4}?to)")
_PLANNED = re.compile(rf"\b{_PLAN_FRAME}\s+(?:\w+ly\s+)?(?:(be|have been|get)\s+(?:\w+ly\s+)?)?"
                      r"([a-z]{3,})\b", re.IGNORECASE)
# A plan named by a noun: "faces arraignment", "awaiting a double murder arraignment",
# "is scheduled for sentencing".
_PLANNED_NOUN = re.compile(
    r"\b(?:faces?|facing|awaits?|awaiting|(?:is|are) (?:scheduled|set|due) for)\s+"
    r"(?:(?:a|an|the|his|her|their|its)\s+)?(?:(?!(?:with|to|in|of|from|by|for|on|at|that|"
    r"the|a|an)\b)[a-z-]+\s+){0,2}?([a-z]+(?:ment|ing|ion))\b",
    re.IGNORECASE)
# Verbs a plan names that say nothing on their own ("will be", "will have"), or that are
# done again and again in one story ("will announce", "will face").
_EMPTY_VERBS = frozenset("be have do get become remain continue keep make take announce say "
                         "tell report face".split())
# Before a plan, these make it no plan: a condition, a doubt, a denial ("whether the
# accident will kill the Concorde", "has no plans to travel").
_NO_PLAN = frozenset("if whether unless no not n't never".split())
IRREGULAR_PAST = {
    "meet": "met", "hold": "held", "make": "made", "take": "took", "give": "gave",
    "begin": "began", "leave": "left", "go": "went", "come": "came", "send": "sent",
    "sell": "sold", "buy": "bought", "build": "built", "win": "won", "lose": "lost",
    "pay": "paid", "choose": "chose", "fly": "flew", "speak": "spoke", "tell": "told",
    "see": "saw", "run": "ran", "set": "set", "put": "put", "cut": "cut", "seek": "sought",
    "bring": "brought", "lead": "led", "sign": "signed", "strike": "struck", "rise": "rose",
}
# A nominal reports its plan done after these ("at his arraignment, he pleaded …").
_NOMINAL_DONE = frozenset("at after during following since upon".split())
_NOMINAL = re.compile(r"(?:ment|ing|ion)$")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_WORD_OR_NUMBER = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*")
_NUMBER_NAMES = frozenset("two three four five six seven eight nine ten eleven twelve".split())
_OBJECT_REACH = 4


def past_tense(verb: str) -> str:
    """The simple past of a verb ("sign" -> "signed", "meet" -> "met")."""
    verb = verb.lower()
    if verb in IRREGULAR_PAST:
        return IRREGULAR_PAST[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


def planned(text: str) -> list[str]:
    """The predicates of what a sentence says will happen, as written: "will sign" ->
    "sign", "will be arraigned" -> "arraigned", "faces arraignment" -> "arraignment"."""
    found = []
    for match in _PLANNED.finditer(text):
        passive, word = match.group(1), match.group(2).lower()
        if (is_past_form(word) if passive else word not in _EMPTY_VERBS) \
                and not _doubted(text, match.start()):
            found.append(word)
    found.extend(m.group(1).lower() for m in _PLANNED_NOUN.finditer(text)
                 if not _doubted(text, m.start()))
    return found


def _doubted(text: str, where: int) -> bool:
    before = _WORD.findall(text[max(0, where - 30):where].lower())[-_UNDONE_REACH:]
    return any(w in _NO_PLAN for w in before)


def predicate_stems(word: str) -> set[str]:
    """The stems a report of the predicate done may carry ("meet" -> meet, met)."""
    return {stem(word), stem(past_tense(word))}


def reports_done(text: str, stems: set[str]) -> bool:
    """The sentence reports the predicate done: a past form of it that nothing before
    makes a plan or a denial ("was arraigned", "signed"), or its noun after "at", "after",
    "following" … ("at his arraignment")."""
    words = _WORD.findall(text.lower())
    for k, word in enumerate(words):
        if stem(word) not in stems:
            continue
        if _NOMINAL.search(word):
            if any(w in _NOMINAL_DONE for w in words[max(0, k - 2):k]):
                return True
        elif is_past_form(word) and not _undone(words, k) \
                and "had" not in words[max(0, k - 2):k]:  # (before some other past time)
            return True
    return False


def object_numbers(text: str, stems: set[str]) -> set[str]:
    """The numbers just after the predicate ("will miss the final two games" -> {"two"}):
    a plan and a report of it done that count their objects differently are two
    occasions ("missed four games" earlier in the season)."""
    words = _WORD_OR_NUMBER.findall(text.lower())
    return {w for k, word in enumerate(words) if stem(word) in stems
            for w in words[k + 1:k + 1 + _OBJECT_REACH]
            if w[0].isdigit() or w in _NUMBER_NAMES}


def _undone(words: list[str], k: int) -> bool:
    return any(w in _UNDONE for w in words[max(0, k - _UNDONE_REACH):k])


def states(text: str, chains: tuple[str, ...] = tuple(CHAINS),
           words: set[str] | None = None) -> list[tuple[str, int, int, int]]:
    """The states of `chains` a sentence reports: (chain, stage, start, end of its words),
    each done or planned as written (see `is_done`). `words`: the sentence's words, when
    known (a chain none of whose words it holds is not looked for)."""
    found = []
    for chain in chains:
        first, later = TRIGGERS[chain]
        if words is not None and first.isdisjoint(words) and later.isdisjoint(words):
            continue
        for match in PATTERNS[chain].finditer(text):
            stage = int(match.lastgroup.rsplit("_", 1)[1])  # type: ignore[union-attr]
            found.append((chain, stage, match.start(), match.end()))
    return found


def clause_of(text: str, start: int, end: int) -> str:
    """The clause a state's words stand in ("… Banstead, and residents nearby were
    evacuated as a precaution" -> "residents nearby were evacuated as a precaution")."""
    before = [m.end() for m in _CLAUSE_END.finditer(text, 0, start)]
    after = _CLAUSE_END.search(text, end)
    return text[before[-1] if before else 0:after.start() if after else len(text)]


def is_denied(text: str, where: int) -> bool:
    """The state at `where` is denied ("None of the officers accused of …", "were not
    charged"), or names a kind of person, not a state ("a convicted killer")."""
    before = _WORD.findall(text[max(0, where - _DONE_REACH):where].lower())
    participle = re.match(r"\w+ed\b", text[where:])
    return bool(before) and ((participle is not None and before[-1] in _ATTRIBUTIVE)
                             or any(w in _DENIALS for w in before[-_UNDONE_REACH:]))


def is_done(text: str, where: int) -> bool:
    """The state at `where` is reported done: no plan, condition, denial or wait before it
    in its clause ("… could take until December 31 before normal service was restored")."""
    stretch = text[max(0, where - _DONE_REACH):where]
    cut = max(stretch.rfind(","), stretch.rfind(";"))
    return not any(w in _UNDONE for w in _WORD.findall(stretch[cut + 1:].lower()))


def occasion_year(text: str, where: int) -> int | None | bool:
    """The year the state at `where` is put in ("In 2005, he was convicted"), True when
    it is put on another occasion without a year ("previously", "prior"), else None."""
    window = text[max(0, where - _BEFORE):where + _AFTER]
    comma = text.find(",", 0, min(where, _OPENER))
    if comma > 0:
        window = f"{text[:comma]} {window}"
    if _EARLIER.search(window):
        return True
    years = [int(m.group(1)) for m in _YEAR.finditer(window)]
    return max(years) if years else None
