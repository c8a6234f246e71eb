"""Word processing: stems are Snowball's current English stems, and getting them is cheap."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from summarize.text import words
from summarize.text.words import STOP_WORDS, content_terms, stem, tokenize
from tests.conftest import fresh_python


def test_stems_are_snowballs_english_stems() -> None:
    words = tokenize("The leaders were meeting at the cosmodrome; Korea's generals "
                     "inspected fighter jets, said the U.S. officials.")
    assert [stem(w) for w in words] == [
        "the", "leader", "were", "meet", "at", "the", "cosmodrom", "korea", "general",
        "inspect", "fighter", "jet", "said", "the", "u.s.", "offici"]
    assert content_terms(["the", "leaders", "were", "meeting"]) == ("leader", "meet")


def test_words_that_mean_different_things_keep_different_stems() -> None:
    """Snowball's current English algorithm (NLTK's port predates it) no longer gives
    these pairs one stem, so a briefing does not take one for a restatement of the other."""
    for one, other in [("international", "intern"), ("evening", "even"),
                       ("organism", "organ"), ("emergency", "emerge")]:
        assert stem(one) != stem(other), (one, other)


def test_stemming_imports_no_nltk() -> None:
    """NLTK's import costs 0.8 s (it pulls in scipy.stats) in every process of a run."""
    probe = ("import sys\n"
             "from summarize.text.words import stem\n"
             "assert stem('meetings') == 'meet'\n"
             "print(sorted(m for m in sys.modules if m.split('.')[0] == 'nltk'))\n")
    assert fresh_python(probe) == "[]"


@given(st.text(alphabet=st.sampled_from("abeilnorstuyz'.’ İé0123456789THE"), max_size=40))
def test_content_terms_are_the_stems_of_the_words_that_are_not_stop_words(text: str) -> None:
    """The lookup table behind content_terms gives what stemming word by word gives."""
    words = tokenize(text)
    assert content_terms(words) == tuple(stem(w) for w in words if w not in STOP_WORDS)


def test_the_table_of_known_words_starts_again_when_full(monkeypatch) -> None:
    """A long-lived process (a Dask worker) does not keep every word it ever met."""
    monkeypatch.setattr(words, "MAX_KNOWN_WORDS", 3)
    words._TERMS.clear()
    terms = content_terms(["leaders", "the", "met", "cosmodrome", "jets"])
    assert terms == ("leader", "met", "cosmodrom", "jet")
    assert len(words._TERMS) <= 3


_OLD_WORD = re.compile(r"[^\W_]+(?:['.][^\W_]+)*\.?")


def _tokenize_then_trim(text: str) -> list[str]:
    """The definition tokenize had: words with any trailing period, then the period taken
    off again unless the word has an inner one."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower()
    return [word[:-1] if word[-1] == "." and "." not in word[:-1] else word
            for word in _OLD_WORD.findall(text)]


@given(st.text(alphabet=st.sampled_from("aB1_.'’‘ .é\u0130-,x9\u00b2"), max_size=20))
def test_tokenize_keeps_a_trailing_period_only_on_acronyms(text: str) -> None:
    assert tokenize(text) == _tokenize_then_trim(text)
