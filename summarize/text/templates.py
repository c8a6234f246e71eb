"""Page template shared by an event's scraped pages: the lines that recur across them and are
the sites' furniture, not a story (copies of one story share theirs, and keep them)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import chain, combinations

from summarize.models import Article
from summarize.text.cleaning import holds_sentences, reads_as_sentence
from summarize.text.memo import per_line
from summarize.text.words import content_terms, line_tokens

# A recurring line that reads as a sentence is the story's when copies of one story share
# it, and the template's when pages of one site share it (a reader's comment, a teaser, a
# notice): then the event's other articles, those without the line, do not use its words
# in their sentences. Its share of them: over its content words, the mean share of those
# articles whose sentences use the word. On the 50 DUC 2006 events as scraped pages this
# lifts precision from 0.898 to 0.928, on both halves of the sites, and no page loses a
# tenth of its story that did not before; from 0.13 on, three more do (benchmarks/
# cleaning.py, its second table). (Their sentences only: a menu's or a footer's words are
# every site's.)
TEMPLATE_MAX_EVENT_SHARE = 0.1
# The share of a few articles says little (a detail only two copies of a story report
# shares few words with three other articles): below this many, the line stays.
MIN_OTHER_ARTICLES = 5


def template_lines(articles: Sequence[Article], lines: Sequence[list[str]]) -> frozenset[str]:
    """Lines (`article_lines`) of scraped (`.txt`) articles that two pages of one site share
    (`site_lines`) and that are the page template their sites share: those that do not
    read as sentences, and those that do, in words the event's other articles do not use."""
    recurring = site_lines([own if article.format == "txt" else []
                            for article, own in zip(articles, lines)])
    template = {line for line in recurring if not reads_as_sentence(line)}
    sentences = [line for line in recurring if line not in template]
    if sentences:
        holders = [set(own) for own in lines]
        # (line by line, as a site's lines recur: a word never spans two lines)
        reading = set(filter(reads_as_sentence.lines().__getitem__, set().union(*holders)))
        terms_of = _line_terms.lines().__getitem__
        vocabularies = [set().union(*map(terms_of, reading & held)) for held in holders]
        # how many articles' sentences use each word; less those holding the line: the others
        users = Counter(chain.from_iterable(vocabularies))
        for line in sentences:
            holding = [words for words, held in zip(vocabularies, holders) if line in held]
            others = len(lines) - len(holding)
            terms = set(_line_terms(line))
            if others < MIN_OTHER_ARTICLES or not terms:
                continue
            used = (sum(map(users.__getitem__, terms))
                    - sum(term in words for term in terms for words in holding))
            if used / (len(terms) * others) < TEMPLATE_MAX_EVENT_SHARE:
                template.add(line)
    return frozenset(template)


@per_line
def _line_terms(line: str) -> tuple[str, ...]:
    return content_terms(line_tokens(line))


def site_lines(pages: Sequence[list[str]]) -> list[str]:
    """The lines that two pages (their lines) of one site share.

    Two pages of one site share its furniture: menus, labels, buttons, lines that do not
    read as sentences (`holds_sentences`), and, often, a notice or a reader's comment that
    does. Two copies of one story (a wire story on two sites, two identical copies of a
    one-paragraph story) share its sentences, and at most its headline and a label or
    two. So a pair of pages is of one site when more of the lines they share
    are furniture than sentences, and the lines only copies share are never template:
    the template's evidence comes from different stories of one site."""
    holders: dict[str, list[int]] = {}
    for page, own in enumerate(pages):
        for line in set(own):
            if line:
                holders.setdefault(line, []).append(page)
    recurring = {line: held for line, held in holders.items() if len(held) > 1}
    furniture: list[set[str]] = [set() for _ in pages]
    prose: list[set[str]] = [set() for _ in pages]
    for line, held in recurring.items():
        kind = prose if holds_sentences(line) else furniture
        for page in held:
            kind[page].add(line)
    one_site: dict[tuple[int, int], bool] = {}

    def of_one_site(pair: tuple[int, int]) -> bool:
        if pair not in one_site:
            first, second = pair
            one_site[pair] = (len(furniture[first] & furniture[second])
                              > len(prose[first] & prose[second]))
        return one_site[pair]

    # (a site's template line is mostly settled by its first pair of holders)
    return [line for line, held in recurring.items()
            if any(map(of_one_site, combinations(held, 2)))]
