"""How the event writes a word, read from its own sentences (after Lita et al. 2003,
"tRuEcasIng": the most frequent form, in context): titles in capitals or title case shown
in sentence case (`sentence_case`), a name a title leaves in lower case (`names_restored`),
and a lede opening in capitals as local papers write it (`unshouted_lede`)."""

from __future__ import annotations

import re
from collections import Counter

from summarize.text.words import STOP_WORDS

_LETTERS = re.compile(r"[^\W\d_]")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def is_all_caps(title: str) -> bool:
    """Written in capitals ("STUDY SAYS INDIANS ARE VICTIMS"): shouting, to a reader."""
    letters = _LETTERS.findall(title)
    words = [w for w in title.split() if _LETTERS.search(w)]
    return len(words) >= 2 and len(letters) >= 6 and all(c.isupper() for c in letters)


def is_title_case(title: str) -> bool:
    """Every word but the small ones capitalized ("Clinton Focuses on American Indians"),
    three at least: a style, not the names the title holds."""
    words = [w for w in title.split()[1:] if _LETTERS.search(w)
             and w.lower().strip(",.:;'’\"“”") not in STOP_WORDS]
    return len(words) >= 3 and all(w.lstrip("\"'‘“(")[:1].isupper() for w in words) \
        and not is_all_caps(title)


def sentence_case(title: str, sentences: list[str]) -> str:
    """A title in capitals or in title case in sentence case (`truecase`); any other with
    the names it writes in lower case as the event writes them (`names_restored`)."""
    if is_all_caps(title) or is_title_case(title):
        return truecase(title, sentences)
    return names_restored(title, sentences)


# A lower-case word of a title that the event's sentences write capitalized this often
# inside a sentence, and never in lower case, is a name the title's writer left in lower
# case.
MIN_NAME_COUNT = 2


def names_restored(title: str, sentences: list[str]) -> str:
    """The title with each word it writes in lower case that the event's other sentences
    (not the title itself, when it is one) write only capitalized inside a sentence
    ("Alaska Gov. sarah palin's home church") as they write it ("Sarah Palin's")."""
    joined = "\n".join(sentences)
    words = [m for m in _TOKEN.finditer(title) if m.group().islower()
             and m.group() not in STOP_WORDS and len(m.group()) > 2
             # (a search in C first: most words are never capitalized inside a sentence)
             and f" {m.group()[0].upper()}{m.group()[1:]}" in joined]
    if not words:
        return title
    itself = title.lower().rstrip(".")
    joined = "\n".join(t for t in sentences if itself not in t.lower())
    lowered = joined.lower()
    if len(lowered) != len(joined):  # (a few letters change length in lower case)
        return title
    for match in reversed(words):
        word = match.group()
        forms = Counter(joined[k:k + len(word)] for k in _occurrences(lowered, word, joined))
        form, count = max(forms.items(), key=lambda kv: (kv[1], kv[0]), default=(word, 0))
        if word not in forms and count >= MIN_NAME_COUNT and form[0].isupper():
            title = title[:match.start()] + form + title[match.end():]
    return title


def truecase(title: str, sentences: list[str]) -> str:
    """The title in sentence case, each word as the event's sentences usually write it
    inside a sentence ("Indians", "casino"), or as they usually write it beside the word
    next to it when they write that pair twice or more ("North Bay", "Carter Center",
    though "north" and "center" alone); the first word, initials ("U.S.") and a word
    opening a quotation capitalized; an acronym ("PM") of a title not in capitals as it
    is; a word the sentences never write in lower case (after Lita et al. 2003,
    "tRuEcasIng": the most frequent form, in context)."""
    matches = list(_TOKEN.finditer(title))
    words = [m.group() for m in matches]
    # Only the title's words and pairs are counted, found with the string's own search in
    # the event's text rather than by tokenizing every sentence; a stop word of a title in
    # title case is lower case unless it is an acronym or a pair says otherwise.
    joined = "\n".join(sentences)
    lowered = joined.lower()
    if len(lowered) != len(joined):  # (a few letters change length in lower case)
        lowered, joined = joined, joined
    forms: dict[str, dict[str, int]] = {}
    shouting = is_all_caps(title)
    # (a stop word of a title in capitals may be an acronym: "US")
    for word in {w.lower() for w in words} - (frozenset() if shouting else STOP_WORDS):
        for start in _occurrences(lowered, word, joined):
            form = joined[start:start + len(word)]
            forms.setdefault(word, {})[form] = forms.get(word, {}).get(form, 0) + 1
    pairs: dict[tuple[str, str], dict[tuple[str, str], int]] = {}
    for k in range(len(matches) - 1):
        if title[matches[k].end():matches[k + 1].start()] != " ":
            continue
        key = (words[k].lower(), words[k + 1].lower())
        counts = pairs.setdefault(key, {})
        for start in _occurrences(lowered, f"{key[0]} {key[1]}", joined):
            form = (joined[start:start + len(key[0])],
                    joined[start + len(key[0]) + 1:start + len(key[0]) + 1 + len(key[1])])
            counts[form] = counts.get(form, 0) + 1
    cased = []
    for k, match in enumerate(matches):
        # the form it has in the pair, left or right, the sentences write most often
        votes: dict[str, int] = {}
        if k and not title[matches[k - 1].end():match.start()].strip():
            for (_, form), count in pairs.get((words[k - 1].lower(), words[k].lower()),
                                              {}).items():
                votes[form] = max(votes.get(form, 0), count)
        if k + 1 < len(matches) and not title[match.end():matches[k + 1].start()].strip():
            for (form, _), count in pairs.get((words[k].lower(), words[k + 1].lower()),
                                              {}).items():
                votes[form] = max(votes.get(form, 0), count)
        best = max(votes.items(), key=lambda kv: (kv[1], kv[0]), default=None)
        seen = forms.get(match.group().lower())
        if not shouting and len(match.group()) > 1 and match.group().isupper():
            word = match.group()  # an acronym ("PM", "UAW") in a title in lower case
        elif best and best[1] >= MIN_PAIR_COUNT:
            word = best[0]
        elif seen:
            word = max(seen.items(), key=lambda kv: (kv[1], kv[0]))[0]
        else:
            word = match.group().lower()
        before, after = title[:match.start()], title[match.end():match.end() + 1]
        initial = len(match.group()) == 1 and after == "."
        opens_quote = before[-1:] in ("'", "‘", "“", '"') and before[-2:-1] in ("", " ")
        if initial or opens_quote:
            word = word[0].upper() + word[1:]
        cased.append(word)
    out, done = [], 0
    for match, word in zip(matches, cased):
        out += [title[done:match.start()], word]
        done = match.end()
    text = "".join(out) + title[done:]
    # a compound ("Next-Generation") as the text writes it whole, if it does
    for compound in _COMPOUND.finditer(text):
        seen: dict[str, int] = {}
        for start in _occurrences(lowered, compound.group().lower(), joined):
            form = joined[start:compound.end() - compound.start() + start]
            seen[form] = seen.get(form, 0) + 1
        if seen:
            form = max(seen.items(), key=lambda kv: (kv[1], kv[0]))[0]
            text = text[:compound.start()] + form + text[compound.end():]
    first = _LETTERS.search(text)
    if first:
        text = text[: first.start()] + text[first.start()].upper() + text[first.start() + 1:]
    return text


# A pair of words the sentences write this often sets the case of both.
MIN_PAIR_COUNT = 2


_COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
# A letter or digit (str.isalnum: re's word characters but "_"), found in C: a title's
# words are looked for in the whole event, and most occur in long lines.
_ALNUM = re.compile(r"[^\W_]")


def _occurrences(lowered: str, word: str, text: str) -> list[int]:
    """Where `text` (`lowered` in lower case) writes `word` as whole words, except as the
    first word of a line (a sentence's first word is capitalized whatever it is)."""
    found, start = [], lowered.find(word)
    while start >= 0:
        end = start + len(word)
        before = text[start - 1] if start else "\n"
        after = text[end:end + 2]
        # ("Iran's" writes "Iran": a possessive ends the word)
        possessive = after[:1] in ("'", "’") and after[1:2] == "s" \
            and not text[end + 2:end + 3].isalpha()
        whole = not (before.isalnum() or before in "'’") and not (
            after[:1].isalnum() or (after[:1] in ("'", "’") and after[1:2].isalpha()
                                    and not possessive))
        if whole and _ALNUM.search(text, text.rfind("\n", 0, start) + 1, start):
            found.append(start)
        start = lowered.find(word, end)
    return found


# A lede's first words in capitals, the style of many local papers ("A MAN has been
# charged", "FIRE crews were called"), up to the first word in lower case.
_SHOUTED_OPENING = re.compile(
    r"(?:(?P<article>A|AN|An|THE|The) )?[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+)*(?= [a-z])")
_ARTICLES = {"A": "A", "AN": "An", "An": "An", "THE": "The", "The": "The"}


def opens_in_capitals(sentence: str) -> bool:
    return _SHOUTED_OPENING.match(sentence) is not None


def unshouted_lede(sentence: str, sentences: list[str]) -> str:
    """The sentence with the words in capitals that open it as the event's `sentences`
    most often write them inside a sentence ("A man has been charged", "An Australian
    climber"); unchanged when one of them is written in capitals inside a sentence too, an
    acronym ("US officials", "NYPD officers"), or not at all. (Capitals that open a lede,
    this one's or another's, are no evidence: no lower-case letter stands before them.)"""
    opening = _SHOUTED_OPENING.match(sentence)
    if not opening:
        return sentence
    joined = "\n".join(sentences)
    lowered = joined.lower()
    if len(lowered) != len(joined):  # (a few letters change length in lower case)
        return sentence
    article = opening.group("article")
    words = [_ARTICLES[article]] if article else []
    for word in opening.group()[opening.end("article") + 1 if article else 0:].split(" "):
        forms = Counter(joined[k:k + len(word)]
                        for k in _occurrences(lowered, word.lower(), joined)
                        if joined[k:k + len(word)] != word or _inside_sentence(joined, k))
        if not forms or word in forms:
            return sentence
        words.append(max(forms.items(), key=lambda kv: (kv[1], kv[0]))[0])
    text = " ".join(words)
    return text[0].upper() + text[1:] + sentence[opening.end():]


def _inside_sentence(text: str, at: int) -> bool:
    """A lower-case letter stands before `at` on its line of `text`."""
    return any(c.islower() for c in text[text.rfind("\n", 0, at) + 1:at])
