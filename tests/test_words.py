"""Word processing: stems are NLTK's Snowball stems, and getting them stays cheap."""

from __future__ import annotations

import subprocess
import sys

from summarize.words import content_terms, stem, tokenize


def test_stems_are_nltks_english_snowball_stems() -> None:
    from nltk.stem.snowball import SnowballStemmer

    snowball = SnowballStemmer("english")
    words = tokenize("The leaders were meeting at the cosmodrome; Korea's generals "
                     "inspected fighter jets, said the U.S. officials.")
    assert [stem(w) for w in words] == [snowball.stem(w) for w in words]
    assert content_terms(["the", "leaders", "were", "meeting"]) == ("leader", "meet")


def test_stemming_leaves_scipy_stats_unloaded_and_importable() -> None:
    """Loading the stemmer must not pay for scipy.stats (0.6 s in every process of a run),
    and must not leave it broken for code that imports it afterwards."""
    probe = ("import sys\n"
             "from summarize.words import stem\n"
             "assert stem('meetings') == 'meet'\n"
             "assert 'scipy.stats' not in sys.modules, 'stemming imported scipy.stats'\n"
             "import scipy.stats\n"
             "print(scipy.stats.norm.cdf(0.0))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0.5"
