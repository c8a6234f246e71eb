"""The one-call library API (issue 15: a Python user needed 7 lines, 4 modules and a byte
limit to summarize a folder)."""

import pytest

import summarize
from summarize.errors import InputError
from tests.conftest import ROOT, SEED_EVENT, fresh_python


def test_a_folder_in_one_call_gives_the_briefing_summarize_run_writes():
    briefing = summarize.summarize_folder(SEED_EVENT)
    golden = (ROOT / "outputs" / "kim-putin-summit-2023.md").read_text(encoding="utf-8")
    assert summarize.to_markdown(briefing) == golden
    assert summarize.to_json(briefing)["title"] == briefing.title
    page = (ROOT / "outputs" / "kim-putin-summit-2023.html").read_text(encoding="utf-8")
    assert summarize.to_html(briefing) == page


def test_articles_in_memory_as_texts_or_feed_entries():
    briefing = summarize.summarize_articles([
        "Kim Jong Un met Vladimir Putin at the Vostochny Cosmodrome on Wednesday for talks.",
        {"text": "Putin met Kim Jong Un at the Vostochny Cosmodrome on Wednesday for long talks.",
         "outlet": "Wire", "published": "2023-09-13"},
    ], config={"budget": {"words": 40}})
    data = summarize.to_json(briefing)
    assert data["sentences"] and data["sentences"][0]["lead"]
    cited = {s["outlet"] for s in data["sources"]} | {s["outlet"] for s in data["also_covered"]}
    assert "Wire" in cited


def test_nothing_usable_is_an_input_error():
    with pytest.raises(InputError):
        summarize.summarize_articles([{"title": "no text"}])
    with pytest.raises(InputError):
        summarize.summarize_folder(ROOT / "no-such-folder")


def test_one_article_that_types_its_quotes_as_two_apostrophes_gets_a_briefing():
    """Its '' marks were all read as closing ones, each sentence quoting someone marked the
    ones before it as a speaker's words, and no sentence was left to choose."""
    article = " ".join([
        "A national organization of scientists gave schools in 19 states failing grades "
        "for teaching evolution, in a report released on Tuesday in Washington.",
        "Kansas, whose standards were described as ''disgraceful,'' got the lowest grade.",
        "The report graded 49 states and the District of Columbia on their science standards.",
        "Linda Holloway, a former chairwoman of the Kansas board, called it ''very unfair.''",
        "Six states, among them California and Indiana, received the highest rank.",
        "Iowa was not graded because it has no statewide education standards at all.",
        "Lawrence Lerner, who wrote the report, said the dispute was ''about religion.''",
    ])
    data = summarize.to_json(summarize.summarize_articles([article]))
    assert data["sentences"]
    assert not any("''" in s["text"] for s in data["sentences"])


def test_a_wire_slug_line_is_not_the_briefing_title_when_a_headline_exists():
    """A feed that passed the wire's slug line on as the title gave a DUC 2006 briefing
    the heading "BC-NJ--Evolution & Schools,730"."""
    story = ("A national organization of scientists gave schools in 19 states failing grades "
             "for teaching evolution, in a report released on Tuesday in Washington.")
    briefing = summarize.summarize_articles([
        {"text": story, "title": "BC-NJ--Evolution & Schools,730", "published": "2000-09-26"},
        {"text": story.replace("released on", "published"), "published": "2000-09-27",
         "title": "Report Grades Evolution Teaching"},
    ])
    assert briefing.title == "Report grades evolution teaching"  # (in sentence case)


GERMAN = ("Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke für zwei Jahre zu "
          "sperren, weil Ingenieure bei einer Prüfung im August Risse in drei Stahlträgern "
          "gefunden haben. Die Fähren sollen die Pendler während der Sperrung über den Hafen "
          "bringen, und die Preise bleiben nach Angaben der Verkehrsbehörde unverändert.")


JAPANESE = ("東京都は火曜日、新しい防災計画を発表した。計画では、大地震が起きた場合に備えて、"
            "各区に避難所を増やすことが盛り込まれている。知事は記者会見で「都民の命を守るために"
            "全力を尽くす」と述べた。専門家は、計画の実効性を高めるためには住民の協力が欠かせ"
            "ないと指摘している。")


def test_articles_in_an_unsupported_language_say_so():
    """Issue 34: text in a language no briefing can be written in raised "no sentence can
    stand alone", hiding why (German then; Japanese now, whose words have no spaces)."""
    with pytest.raises(InputError) as raised:
        summarize.summarize_articles([JAPANESE, JAPANESE.replace("火曜日", "水曜日")])
    assert str(raised.value) == ("no article in a language a briefing can be written in "
                                 "(articles in Japanese)")


def test_the_library_sets_no_logging_of_its_own():
    """Issue 34: the package's warnings went to stderr through logging's last resort in any
    program that imports it: a library adds only a NullHandler (logging HOWTO, "Configuring
    Logging for a Library")."""
    printed = fresh_python(
        "import sys, logging, summarize\n"
        "sys.stderr = sys.stdout\n"
        "logging.getLogger('summarize.inputs.loading').warning('a warning')\n"
        "print('handlers:', [type(h).__name__ for h in logging.getLogger('summarize').handlers])")
    assert printed == "handlers: ['NullHandler']"


def test_two_copies_of_a_wire_story_among_an_events_pages_are_both_cited(tmp_path):
    """Copies of one story are the commonest thing in a feed: cleaning read the lines two
    copies share as page template, and skipped both, with "no sentences after cleaning"."""
    from tests.test_cleaning import FLOOD, WIRE

    for n in range(2):
        (tmp_path / f"copy{n}.txt").write_text(WIRE + "\n", encoding="utf-8")
    for n in range(6):
        (tmp_path / f"other{n}.txt").write_text(
            " ".join(FLOOD[(n + k) % len(FLOOD)] for k in range(3)) + "\n", encoding="utf-8")
    data = summarize.to_json(summarize.summarize_folder(
        tmp_path, {"budget": {"words": 400}, "selector": {"strategy": "threshold"}}))
    cited = {source["path"] for source in data["sources"]}
    assert {"copy0.txt", "copy1.txt"} <= {path.rsplit("/", 1)[-1] for path in cited}
