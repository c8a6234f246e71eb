"""Briefings in the languages the news is written in (summarize/text/languages.py): each
language's words, sentences and reading rules, and events in one language or several.

The events under tests/fixtures/languages/ are written for these tests: three short
articles each, from three made-up outlets, about one made-up event per language."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from summarize.api import summarize_folder, to_html, to_json, to_markdown
from summarize.config import validate_config
from summarize.errors import ConfigError, InputError
from summarize.inputs.loading import load_event
from summarize.models import Article, CleanArticle, Event, Sentence
from summarize.pipeline import event_language, prepare_event, prepare_loaded
from summarize.selection.eligibility import (
    Eligibility,
    is_dependent,
    is_dependent_in,
    quote_balance_in,
    unnamed_quote_in,
)
from summarize.selection.reading import unnamed_quote
from summarize.text.languages import LANGUAGES, SUPPORTED_LANGUAGES, stop_words
from summarize.text.segmenting import split_sentences
from summarize.text.words import prepare_text, words_in
from tests.conftest import summarize

FIXTURES = Path(__file__).parent / "fixtures" / "languages"
WRITTEN = ("de", "fr", "es", "it", "pt", "ru")
# what English dating adds after a weekday: "on Tuesday (Sept. 12)"
ENGLISH_DATE = re.compile(r"\((?:Jan\.|Feb\.|March|April|May|June|July|Aug\.|Sept\.|Oct\.|"
                          r"Nov\.|Dec\.) \d")


# --- sentences ---------------------------------------------------------------------------

SPLITS = {
    "de": ("Am 3. Oktober trat die DDR bei. Der 2. Weltkrieg endete 1945. Er kam z. B. mit "
           "Dr. Müller, u. a. wegen der Nr. 5. Sie sagte: „Wir kommen morgen.“ Dann ging "
           "sie. Das Treffen war 2023. Danach nichts.",
           ["Am 3. Oktober trat die DDR bei.", "Der 2. Weltkrieg endete 1945.",
            "Er kam z. B. mit Dr. Müller, u. a. wegen der Nr. 5.",
            "Sie sagte: „Wir kommen morgen.“", "Dann ging sie.", "Das Treffen war 2023.",
            "Danach nichts."]),
    "fr": ("M. Durand a déclaré : « Nous partirons demain. » Le ministre a confirmé. "
           "Pourquoi ? Parce que Mme Petit l'a demandé. Ils ont vu Paris, Lyon, etc. Le "
           "reste suit.",
           ["M. Durand a déclaré : « Nous partirons demain. »", "Le ministre a confirmé.",
            "Pourquoi ?", "Parce que Mme Petit l'a demandé.", "Ils ont vu Paris, Lyon, etc.",
            "Le reste suit."]),
    "es": ("¿Qué pasó ayer? El Sr. García y la Dra. López lo vieron. «Vamos a ganar», afirmó. "
           "Viajó a EE.UU. El presidente habló.",
           ["¿Qué pasó ayer?", "El Sr. García y la Dra. López lo vieron.",
            "«Vamos a ganar», afirmó.", "Viajó a EE.UU.", "El presidente habló."]),
    "it": ("Il Sig. Rossi e il Dott. Bianchi sono arrivati. «Siamo pronti.» Poi sono "
           "ripartiti verso l'ospedale.",
           ["Il Sig. Rossi e il Dott. Bianchi sono arrivati.", "«Siamo pronti.»",
            "Poi sono ripartiti verso l'ospedale."]),
    "pt": ("O Sr. Costa falou com o Cel. Lima. “Vamos reconstruir tudo.” A cidade espera.",
           ["O Sr. Costa falou com o Cel. Lima.", "“Vamos reconstruir tudo.”",
            "A cidade espera."]),
    "ru": ("Об этом заявил А. С. Волков. Площадь составила 5 тыс. кв. метров, т.е. почти всё "
           "здание. «Мы готовы.» Это было в 2023 г. в Москве.",
           ["Об этом заявил А. С. Волков.",
            "Площадь составила 5 тыс. кв. метров, т.е. почти всё здание.", "«Мы готовы.»",
            "Это было в 2023 г. в Москве."]),
}


@pytest.mark.parametrize("language", sorted(SPLITS))
def test_sentences_are_split_with_the_language_s_abbreviations_and_quotation_marks(language):
    text, expected = SPLITS[language]
    assert split_sentences(text, language) == expected


def test_english_splitting_is_unchanged_by_another_language_s_abbreviations():
    # "Mio." is a German abbreviation, not an English one
    assert split_sentences("It cost 5 Mio. Euro notes were found.") == \
        ["It cost 5 Mio.", "Euro notes were found."]
    assert split_sentences("Es kostete 5 Mio. Euro und mehr.", "de") == \
        ["Es kostete 5 Mio. Euro und mehr."]


def test_a_german_number_ends_a_sentence_unless_it_is_an_ordinal():
    assert split_sentences("Sie belegte Platz 3. Das Rennen war hart.", "de") == \
        ["Sie belegte Platz 3.", "Das Rennen war hart."]
    assert split_sentences("Seit dem 1. Januar gilt es.", "de") == ["Seit dem 1. Januar gilt es."]


@pytest.mark.parametrize("language", [c for c in SUPPORTED_LANGUAGES if c != "en"])
def test_every_supported_language_splits_and_reads_words(language):
    text = "Alpha beta gamma. Delta epsilon «zeta» eta! Theta? Iota kappa."
    assert split_sentences(text, language) == \
        ["Alpha beta gamma.", "Delta epsilon «zeta» eta!", "Theta?", "Iota kappa."]
    words = words_in(language)
    assert words.tokenize("Alpha BETA") == ["alpha", "beta"]
    assert words.content_terms(words.tokenize(text)) == \
        words.content_terms(words.tokenize(text))  # cached: the same both times
    assert stop_words(language), f"{language} has no stop words"


# --- words -------------------------------------------------------------------------------

def test_elided_articles_are_words_of_their_own():
    french = words_in("fr")
    assert french.tokenize("L’homme qu'il a vu") == ["l", "homme", "qu", "il", "a", "vu"]
    assert french.content_terms(french.tokenize("l'homme de la ville")) == ("homm", "vill")
    assert words_in("it").tokenize("dell'anno") == ["dell", "anno"]
    # English keeps its inner apostrophes ("don't", "Korea's")
    assert words_in("en").tokenize("Korea's") == ["korea's"]


def test_each_language_stems_with_its_own_snowball_stemmer():
    assert words_in("de").stem("regierungen") == "regier"
    assert words_in("fr").stem("gouvernements") == "gouvern"
    assert words_in("ru").stem("правительства") == "правительств"
    assert words_in("en").stem("governments") == "govern"
    # Vietnamese: syllables, compared as written
    assert words_in("vi").stem("thống") == "thống"


def test_stop_words_hold_the_closed_class_sumy_s_lists_lack():
    assert {"de", "la", "l", "un"} <= stop_words("fr")
    assert {"und", "der", "ein"} <= stop_words("de")
    assert {"của", "và", "là"} <= stop_words("vi")
    assert "gouvernement" not in stop_words("fr")


def test_concepts_are_bigrams_of_the_language_s_stems_not_of_its_stop_words():
    from summarize.selection.concepts import ConceptIndex

    sentences = [Sentence("Le gouvernement de la France a annoncé des mesures.", 0, 0)]
    article = CleanArticle("a", "a", (sentences[0].text,), None, None, None, None)
    text = prepare_text(sentences, [article], language="fr")
    index = ConceptIndex.of(text)
    stems = {s: i for s, i in index.stems.items()}
    pairs = {(c >> 32, c & 0xFFFFFFFF) for c in index.codes.tolist()}
    # "de la" are both stop words: no concept; "gouvernement de" is one
    assert (stems["de"], stems["la"]) not in pairs
    assert (stems["gouvern"], stems["de"]) in pairs


# --- reading rules -----------------------------------------------------------------------

@pytest.mark.parametrize(("language", "sentence"), [
    # the Italian article "I", the Portuguese "A" and a quotation attributed by a verb
    # English does not know read as an English pronoun, description and unnamed quote
    ("it", "I vigili del fuoco sono intervenuti poco dopo le tre con quattro squadre."),
    ("pt", "A polícia confirmou que o incêndio começou perto das três da manhã no armazém."),
    ("pt", "“Vamos reconstruir tudo, casa por casa”, afirmou o prefeito Marcelo Caumo."),
])
def test_english_reading_rules_are_not_applied_to_another_language(language, sentence):
    assert is_dependent(sentence) or unnamed_quote(sentence)  # what English would say
    assert not is_dependent_in(sentence, language)
    text = prepare_text([Sentence(sentence, 0, 0)],
                        [CleanArticle("a", "a", (sentence,), None, None, None,
                                      dt.date(2024, 5, 2))], language=language)
    assert Eligibility(text, validate_config({}).selector)(0)


@pytest.mark.parametrize(("language", "sentence"), [
    ("de", "Er sagte, die Lage an der Donau sei weiterhin sehr ernst."),
    ("de", "Kurz darauf brach der Deich an zwei Stellen."),
    ("fr", "Par ailleurs, plusieurs compagnies réclament une indemnisation à l'État."),
    ("fr", "Il a promis de recevoir les syndicats vendredi matin."),
    ("es", "Sin embargo, los bomberos seguirán vigilando el perímetro."),
    ("it", "Inoltre, nuove piogge sono previste per venerdì in tutta la regione."),
    ("pt", "Além disso, voluntários chegaram com doações de água e comida."),
    ("ru", "Кроме того, жители соседних домов жаловались на запах дыма."),
    ("de", "Wir haben eine solche Lage seit 2013 nicht mehr erlebt."),
    ("fr", "Le syndicat réclame des hausses de salaire et des recrutements"),  # a fragment
    ("fr", "Sa femme sera envoyée en émissaire à la fin de sa visite en France."),
    ("fr", "Nicolas Sarkozy a toutefois promis de le rencontrer avant la fin de l'année."),
    ("de", "Der Minister hat jedoch keine weiteren Hilfen zugesagt."),
    ("vi", "Bà nhắc lại hàng loạt phát ngôn gây sốc của ông Trump."),
    ("vi", "Trước đó, hãng hàng không xác nhận đã tìm thấy mảnh vỡ."),
])
def test_each_language_s_openers_lean_on_the_sentence_before(language, sentence):
    assert is_dependent_in(sentence, language)


@pytest.mark.parametrize(("language", "sentence"), [
    ("vi", "Bà Clinton nói ông Trump không đủ trình độ làm tổng thống Mỹ."),  # a title
    ("de", "Die Regierung hat am Montag neue Regeln für die Deiche beschlossen."),
    ("fr", "Le ministre des Transports recevra les syndicats vendredi."),
])
def test_a_sentence_that_names_what_it_speaks_of_stands_alone(language, sentence):
    assert not is_dependent_in(sentence, language)


def test_a_quotation_whose_speaker_is_a_pronoun_names_no_one():
    assert unnamed_quote_in("«J'ai une vie privée compliquée, a-t-elle déclaré.»", "fr")
    assert unnamed_quote_in("„Die Deiche halten“, sagte er am Abend.", "de")
    assert not unnamed_quote_in("„Die Deiche halten“, sagte Landrat Huber.", "de")
    assert not unnamed_quote_in("Il a-t-il dit sans guillemets.", "fr")  # no quotation
    assert not unnamed_quote_in("«Vamos a ganar», dijo él.", "es")  # none for Spanish


@pytest.mark.parametrize(("language", "text", "balance"), [
    ("de", "Sie sagte: „Wir kommen morgen.", 1),
    ("de", "Wir bleiben hier.“", -1),
    ("de", "Er sagte: „Wir kommen.“", 0),
    ("de", "Er sagte: »Wir kommen.«", 0),
    ("de", "Er schrieb “Wir kommen.”", 0),
    ("fr", "« Nous partirons demain.", 1),
    ("fr", "Le ministre a parlé d'une grève « disproportionnée ».", 0),
    ("ru", "«Мы готовы», — сказал он.", 0),
])
def test_quotations_are_told_by_the_language_s_marks(language, text, balance):
    assert quote_balance_in(text, language) == balance


def test_weekdays_are_dated_in_english_only(tmp_path):
    sentence = ("Die Bahnstrecke zwischen Regensburg und Ingolstadt bleibt bis mindestens "
                "Mittwoch gesperrt, teilte die Deutsche Bahn am Montag mit.")
    body = " ".join([sentence] + [
        "Der Landkreis Kelheim hat wegen des Hochwassers der Donau den Katastrophenfall "
        "ausgerufen, nachdem der Pegel auf mehr als sieben Meter gestiegen war."] * 2)
    article = Article("ev/a.md", "a", body, "md", published=dt.date(2024, 6, 3))
    prepared = prepare_event(Event("ev", (article,)))
    assert prepared.language == "de"
    assert prepared.sentences[0].text == sentence  # no "(June 5)" after "Mittwoch"


# --- events ------------------------------------------------------------------------------

@pytest.mark.parametrize("language", WRITTEN)
def test_an_event_in_another_language_gets_a_briefing_in_it(language):
    briefing = summarize_folder(FIXTURES / language)
    assert briefing.language == language
    assert briefing.elsewhere == ()
    assert len(briefing.sentences) >= 2
    own = {s.text for s in prepare_loaded(load_event(FIXTURES / language, FIXTURES,
                                                     5_000_000)).sentences}
    final = re.compile(r"[.!?…][\"'”’“»«)\]]*$|[.!?…] »$")
    for chosen in briefing.sentences:
        text = chosen.sentence.text
        assert text in own
        assert final.search(text), text  # a whole sentence
        assert quote_balance_in(text, language) == 0, text  # its quotation closed
        assert not is_dependent_in(text, language), text
        assert not ENGLISH_DATE.search(text), text  # no weekday dated in English
    data = to_json(briefing)
    assert data["language"] == language and "other_languages" not in data
    assert f'<ul class="points" lang="{language}">' in to_html(briefing) or \
        len(briefing.lead) == len(briefing.sentences)


def test_an_english_briefing_says_nothing_of_languages(tmp_path):
    story = ("The Springfield council approved the transport budget on a vote of seven to "
             "two after a long debate about fares and the new tram line across the river.")
    folder = tmp_path / "ev"
    folder.mkdir()
    (folder / "a.md").write_text(f"{story}\n\nIt passed late at night, officials said.\n")
    data = to_json(summarize_folder(folder))
    assert "language" not in data and "other_languages" not in data


def _mixed_event(tmp_path: Path) -> Path:
    """The German event with a French and an English article about the same flood."""
    folder = tmp_path / "hochwasser"
    folder.mkdir()
    for path in sorted((FIXTURES / "de").iterdir()):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "le-monde.md").write_text(
        "---\ntitle: \"Inondations en Bavière\"\nsource: \"Journal de l'Est\"\n"
        "published: \"2024-06-03\"\n---\n\n"
        "Le district de Kelheim, en Bavière, a déclaré l'état de catastrophe dimanche après "
        "la crue du Danube. Environ 1 200 habitants ont dû quitter leur logement, selon les "
        "autorités locales. Le niveau du fleuve a dépassé sept mètres dans la nuit.\n",
        encoding="utf-8")
    (folder / "wire.md").write_text(
        "---\ntitle: \"Bavarian district declares disaster over Danube flood\"\n"
        "source: \"Wire One\"\npublished: \"2024-06-03\"\n---\n\n"
        "A district in Bavaria declared a disaster on Sunday as the Danube rose above seven "
        "meters. About 1,200 residents were evacuated from homes near the river, officials "
        "said. Rail services between Regensburg and Ingolstadt were suspended.\n",
        encoding="utf-8")
    return folder


def test_a_mixed_event_is_briefed_in_its_main_language_the_others_listed(tmp_path):
    briefing = summarize_folder(_mixed_event(tmp_path))
    assert briefing.language == "de"
    assert {a.path for a in briefing.articles} == {"hochwasser/1.md", "hochwasser/2.md",
                                                   "hochwasser/3.md"}
    data = to_json(briefing)
    assert [(g["language"], g["name"], [a["outlet"] for a in g["articles"]])
            for g in data["other_languages"]] == [
        ("en", "English", ["Wire One"]), ("fr", "French", ["Journal de l'Est"])]
    markdown = to_markdown(briefing)
    assert "Also covered in French by 1 article from Journal de l'Est:" in markdown
    assert "Also covered in English by 1 article from Wire One:" in markdown
    assert "- Journal de l'Est, “Inondations en Bavière”, 2024-06-03, hochwasser/le-monde\\.md" \
        in markdown
    assert "Also covered in French by 1 article from Journal de l&#39;Est:" in to_html(briefing)


def test_summarize_sentences_says_which_articles_are_in_another_language(tmp_path):
    folder = _mixed_event(tmp_path)
    result = summarize("sentences", str(folder))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "# in French, not German (coverage only): hochwasser/le-monde.md",
        "# in English, not German (coverage only): hochwasser/wire.md"]
    assert "Der Pegel der Donau stieg" in result.stdout
    assert "Bavaria" not in result.stdout


def test_articles_in_other_languages_can_be_skipped_instead(tmp_path):
    config = validate_config({"languages": {"others": "skip"}})
    event = load_event(_mixed_event(tmp_path), tmp_path, 5_000_000)
    prepared = prepare_event(event, languages=config.languages)
    assert prepared.elsewhere == ()
    assert {s.path: s.reason for s in prepared.skipped} == {
        "hochwasser/le-monde.md": "in French, the briefing in German",
        "hochwasser/wire.md": "in English, the briefing in German"}


def test_the_accepted_languages_choose_the_main_one(tmp_path):
    event = load_event(_mixed_event(tmp_path), tmp_path, 5_000_000)
    config = validate_config({"languages": {"accepted": ["en", "fr"]}})
    prepared = prepare_event(event, languages=config.languages)
    assert prepared.language in ("en", "fr")
    assert {a.language for a in prepared.elsewhere} == {"de", "fr", "en"} - {prepared.language}
    only_russian = validate_config({"languages": {"accepted": ["ru"]}})
    with pytest.raises(InputError, match="no article in a language a briefing can be written "
                                         r"in \(articles in English, French, German\)"):
        prepare_loaded(event, languages=only_russian.languages)


def _article(language: str | None, words: int) -> CleanArticle:
    return CleanArticle("p", "p", (" ".join(["word"] * words),), None, None, None, None,
                        language=language)


def test_the_main_language_is_the_one_most_words_are_in():
    assert event_language([_article("fr", 100), _article("de", 60), _article("de", 60)],
                          None) == "de"
    assert event_language([_article("fr", 100), _article("de", 100)], None) == "fr"
    assert event_language([_article(None, 100)], None) == "en"
    assert event_language([_article(None, 100)], ("de",)) == "de"
    assert event_language([_article("zh", 500), _article("it", 10)], None) == "it"


def test_an_article_whose_language_is_unknown_is_read_in_the_event_s(tmp_path):
    short = Article("ev/kurz.md", "kurz", "Die Deiche halten noch.", "md")
    long = Article("ev/lang.md", "lang", (FIXTURES / "de" / "1.md").read_text(
        encoding="utf-8").split("---", 2)[2], "md")
    prepared = prepare_event(Event("ev", (long, short)))
    assert prepared.language == "de"
    assert [a.path for a in prepared.articles] == ["ev/lang.md", "ev/kurz.md"]


def test_a_language_outside_the_table_is_refused_in_the_config():
    with pytest.raises(ConfigError, match=r"languages\.accepted: not a supported language: "
                                          r"'zh'\. Expected codes among: en, ar, "):
        validate_config({"languages": {"accepted": ["de", "zh"]}})


def test_the_languages_section_is_recorded_only_when_set():
    assert "languages" not in validate_config({}).effective()
    assert validate_config({"languages": {"accepted": ["de"]}}).effective()["languages"] == \
        {"accepted": ["de"], "others": "coverage"}


def test_every_language_of_the_table_has_a_name_and_its_rules_are_words():
    for code, entry in LANGUAGES.items():
        assert entry.name != code
        assert all(word == word.lower() for word in entry.openers_first), code
        json.dumps(entry.quote_pairs)
