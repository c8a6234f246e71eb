"""ROUGE with ROUGE-1.5.5's conventions, and its calibration against NIST's DUC 2006 table."""

import pytest

from summarize import evaluation
from summarize.rouge import Summary, score, truncate


def test_a_summary_scores_one_against_itself():
    lines = ["Kim met Putin at the cosmodrome.", "They talked about satellites."]
    scores = score(Summary.of(lines), [Summary.of(lines)])
    for metric in ("rouge-1", "rouge-2", "rouge-su4", "rouge-l"):
        assert scores[metric].recall == pytest.approx(1.0)
        assert scores[metric].f1 == pytest.approx(1.0)


def test_truncation_counts_white_space_words_across_lines():
    assert truncate(["one two three", "four five", "six"], 4) == ["one two three", "four"]
    assert truncate(["one two", "", "three"], None) == ["one two", "three"]


def test_tokens_follow_rouge155_lower_case_alphanumerics_and_porter():
    summary = Summary.of(["The U.S.-led talks were running late."])
    # punctuation splits words; "the" is kept (no stop-word removal); 4+ letters stemmed
    assert summary.sentences == (("the", "u", "s", "led", "talk", "were", "run", "late"),)


def test_bigrams_run_across_sentence_boundaries():
    summary = Summary.of(["Kim arrived.", "Putin waited."])
    assert ("arriv", "putin") in summary.bigrams


def test_skip_bigrams_allow_four_words_between_and_add_unigrams():
    summary = Summary.of(["a b c d e f g"])
    pairs = {g for g in summary.skip_bigrams if len(g) == 2}
    assert ("a", "f") in pairs  # four words between
    assert ("a", "g") not in pairs  # five words between
    assert sum(1 for g in summary.skip_bigrams if len(g) == 1) == 7


def test_several_references_are_jackknifed():
    peer = Summary.of(["kim met putin"])
    same, other = Summary.of(["kim met putin"]), Summary.of(["talks ended late"])
    # subsets {other} and {same}: recall 0 and 1, averaged
    assert score(peer, [same, other])["rouge-1"].recall == pytest.approx(0.5)


def test_rouge_reproduces_nists_duc2006_table(duc2006):
    """Issue 6's calibration: every system within 0.0015 (R-2) and 0.003 (SU4) of NIST."""
    results = evaluation.evaluate_peers(evaluation.discover_dataset(duc2006), words=250)
    results.official = evaluation.official_scores(duc2006)
    systems = [name for name in results.official if name.isdigit()]
    assert len(systems) == 35
    worst = evaluation.largest_differences(results)
    assert worst["rouge-2"][0] <= 0.0015, worst
    assert worst["rouge-su4"][0] <= 0.003, worst
