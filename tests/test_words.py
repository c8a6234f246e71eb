"""Word processing: stems are Snowball's current English stems, and getting them is cheap."""

from __future__ import annotations

from summarize.words import content_terms, stem, tokenize
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
             "from summarize.words import stem\n"
             "assert stem('meetings') == 'meet'\n"
             "print(sorted(m for m in sys.modules if m.split('.')[0] == 'nltk'))\n")
    assert fresh_python(probe) == "[]"
