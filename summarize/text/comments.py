"""Where a scraped page's reader comments begin.

A thread of reader comments sits below the story and runs to the end of the page (what
follows it is the comment form and the page's footer), so cleaning drops a page from the
line that opens it. A thread opens with

- a count of its comments, alone or naming the story: "12 comments", "34 responses to
  “Headline”", "5 thoughts on “Headline”" (the wording of the common blog and comment
  engines' templates);
- a prompt to log in before commenting; or
- the first of its comments' headers: a commenter's name followed by "says:" or "said:"
  and the comment's date or time, on that line or the next ("joe says:" / "November 19,
  2019 at 6:34 am"; "Catherine on September 13, 2018 at 5:23 pm said:"). One such line
  can be a story quoting a speaker, so only a page with two or more is taken for a thread.

On ../shared/eval/webpages and webpages2 (878 English pages flattened to one visible block
per line) such lines are on 34 pages; one is in a page's labelled story, a count that
Readability.js, whose output labels those pages, kept above a thread.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_COUNT_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten"
_THREAD_OPENER = re.compile(
    rf"^(?:\d[\d,]*|{_COUNT_WORDS})\s+(?:comments?|responses?|replies|thoughts|reactions?)"
    r"(?:\s+(?:to|on)\s+.+)?$"
    r"|^(?:login|log in|sign in|register) to (?:comment|reply)\b",
    re.IGNORECASE,
)
_HEADER = re.compile(r"^\S.{0,60}?\s(?:says|said|wrote|writes)\s*:")
# a comment's date or time: "6:34 am", "2019", "3 hours ago"
_WHEN = re.compile(r"\b\d{1,2}:\d\d\b|\b(?:19|20)\d\d\b|\bago\b", re.IGNORECASE)
HEADER_MAX_WORDS = 14  # a name, a date and a time
WHEN_LINE_MAX_WORDS = 8  # a date and a time on the line below the name
MIN_HEADERS = 2


def _comment_header(line: str, following: str) -> bool:
    # (the colon first: this runs on every line of every scraped page)
    if ":" not in line or not _HEADER.search(line) or len(line.split()) > HEADER_MAX_WORDS:
        return False
    return bool(_WHEN.search(line)) or (len(following.split()) <= WHEN_LINE_MAX_WORDS
                                         and bool(_WHEN.search(following)))


def thread_openers(lines: Sequence[str]) -> frozenset[int]:
    """The indexes of the lines that can open a thread of reader comments."""
    openers = {index for index, line in enumerate(lines) if _THREAD_OPENER.search(line)}
    headers = [index for index, line in enumerate(lines)
               if _comment_header(line, lines[index + 1] if index + 1 < len(lines) else "")]
    if len(headers) >= MIN_HEADERS:
        openers.update(headers)
    return frozenset(openers)
