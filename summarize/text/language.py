"""Which language a text is in (langid, Lui and Baldwin 2012, through py3langid; a stop-word
test first, Grefenstette 1995, which settles most English text without loading langid's
model), and the stop words of a language (jusText's lists)."""

from __future__ import annotations

import array
import contextlib
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from summarize.text.memo import per_line
from summarize.text.words import STOP_WORDS, line_tokens, tokenize

log = logging.getLogger(__name__)

# Language codes (ISO 639-1, as langid reports them) to jusText's stop-word list names.
STOPLIST_NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech",
    "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek", "en": "English",
    "es": "Spanish", "et": "Estonian", "eu": "Basque", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "ga": "Irish", "gl": "Galician", "he": "Hebrew", "hi": "Hindi",
    "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "is": "Icelandic",
    "it": "Italian", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "ms": "Malay",
    "nl": "Dutch", "no": "Norwegian_Bokmal", "pl": "Polish", "pt": "Portuguese",
    "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sq": "Albanian",
    "sr": "Serbian", "sv": "Swedish", "sw": "Swahili", "tl": "Tagalog", "tr": "Turkish",
    "uk": "Ukrainian", "vi": "Vietnamese",
}


# The arrays of langid's model as they are kept in the cache folder, a .npy file each.
_MODEL_ARRAYS = ("ptc", "pc", "classes", "nextmove", "row", "output")


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    """langid's identifier, imported and loaded on first use. Its model ships compressed
    with LZMA, which takes 0.4-0.5 s to undo in every process that meets a text that is not
    plainly English (most scraped pages: their boilerplate dilutes the stop words). So the
    first process keeps the model's arrays uncompressed in the user's cache folder (68 MB,
    one copy per py3langid version, shared by every installation), and the next
    ones map them into memory (0.01 s instead of 0.15 s to read them whole): a text's
    language reads only the parts of the model its bytes lead to. A cache that cannot be
    read or written is passed by."""
    from py3langid import __version__
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    cached: Path | None = cache_folder() / f"py3langid-{__version__}"
    if not (MODEL_DIR / MODEL_FILE).is_file():  # no model where this py3langid keeps it
        cached = None
    if cached is not None and cached.is_dir():
        try:
            data = {name: np.load(cached / f"{name}.npy", mmap_mode="r", allow_pickle=False)
                    for name in _MODEL_ARRAYS}
            # (langid walks its automaton item by item: a memoryview gives it Python ints,
            # as the array.array it builds itself does, without a copy)
            return LanguageIdentifier(
                data["ptc"], data["pc"], data["classes"].tolist(),
                memoryview(data["nextmove"]), data["output"].tolist(),
                norm_probs=True, tk_row=memoryview(data["row"]))
        except Exception:  # damaged, or a py3langid that takes other arguments
            log.debug("%s: unusable, loading langid's model", cached, exc_info=True)
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if cached is not None and _keep_model(cached, identifier):
        remove_old_copies(cached, __version__)
    return identifier


def cache_folder() -> Path:
    """Where models are kept between runs ($XDG_CACHE_HOME/summarize, ~/.cache/summarize)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "summarize"


def _keep_model(folder: Path, identifier) -> bool:  # type: ignore[no-untyped-def]
    """Write the model's arrays into `folder`, each whole under another name and then
    renamed: a process reading them meanwhile, or another one writing them, never sees
    half a file. False when they cannot be kept."""
    arrays = {"ptc": identifier.nb_ptc, "pc": identifier.nb_pc,
              "classes": np.array(identifier.nb_classes),
              "nextmove": _numpy_array(identifier.tk_nextmove),
              "row": _numpy_array(identifier.tk_row),
              "output": np.array(identifier.tk_output, dtype=np.int32)}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name in _MODEL_ARRAYS:
            with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as out:
                try:
                    np.save(out, arrays[name], allow_pickle=False)
                except BaseException:
                    os.unlink(out.name)
                    raise
            os.replace(out.name, folder / f"{name}.npy")
    except OSError as error:  # a read-only home, a full disk
        log.debug("cannot keep langid's model in %s: %s", folder, error)
        return False
    return True


# A copy of the model in the cache folder: "py3langid-0.4.0" now; earlier versions of
# summarize named it after the model file's size and time as well, one copy (66 MB) per
# installation, never removed, and before that kept one .npz file (issue 34).
_COPY = re.compile(r"^py3langid-(?P<version>\d[\w.]*?)(?P<installation>-\d+-\d+)?"
                   r"(?P<npz>\.npz)?$")


def remove_old_copies(kept: Path, version: str) -> None:
    """Remove the copies of the model that `kept` (py3langid `version`'s) replaces: those
    named the earlier ways, and those of older py3langid versions. A newer version's copy
    stays: an installation that runs it still reads it."""
    for other in kept.parent.glob("py3langid-*"):
        match = _COPY.match(other.name)
        if other == kept or match is None:
            continue
        if (match["installation"] or match["npz"]
                or _release(match["version"]) < _release(version)):
            with contextlib.suppress(OSError):
                if other.is_dir() and not other.is_symlink():
                    shutil.rmtree(other)
                else:
                    other.unlink()


def _release(version: str) -> tuple[int, ...]:
    """"0.4.0" -> (0, 4, 0): a version's release numbers, for comparing two."""
    return tuple(int(part) for part in re.findall(r"\d+", version.split("+")[0])[:3])


def _numpy_array(values: array.array) -> np.ndarray:
    return np.frombuffer(values, dtype=np.dtype(values.typecode))


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code of the language `text` is written in, and the identifier's confidence."""
    code, confidence = _identifier().classify(text)
    return str(code), float(confidence)


@lru_cache(maxsize=64)
def stop_words(language: str) -> frozenset[str]:
    """jusText's stop words for a language code; empty when it has no list."""
    import justext

    name = STOPLIST_NAMES.get(language)
    if name is None or name not in justext.get_stoplists():
        return frozenset()
    return frozenset(w.lower() for w in justext.get_stoplist(name))


# Language identification is unreliable on a few words and on a mix of languages: below
# these, an article's language is left unknown (and the article is read as English).
LANGUAGE_MIN_WORDS = 20
LANGUAGE_MIN_CONFIDENCE = 0.9
LANGUAGE_SAMPLE_CHARS = 2000  # the story's opening: langid's time grows with the text
# English prose is mostly stop words (Grefenstette 1995's language test): in DUC 2006's 1,250
# articles 1% fall below 0.34 of sumy's English list; no foreign page of the web-page set
# rises above 0.18 (whole scraped pages, boilerplate included: 0.15, while langid and this
# test agree on all 277 of its 367 flattened pages and seeds that reach the share). At or
# above this share a text is English without asking langid, whose model takes a third of
# a second to load in every process.
ENGLISH_STOP_SHARE = 0.3


def _english_by_stop_words(words: Sequence[str]) -> bool:
    return sum(map(STOP_WORDS.__contains__, words)) / len(words) >= ENGLISH_STOP_SHARE


# Letters of the scripts written without spaces between words: CJK ideographs, kana, Thai,
# Lao, Khmer, Myanmar. As many as LANGUAGE_MIN_WORDS words take about twice as many of them.
_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\u0e00-\u0eff"
                       "\u1000-\u109f\u1780-\u17ff]")
UNSPACED_MIN_LETTERS = 2 * LANGUAGE_MIN_WORDS


def story_language(paragraphs: Sequence[str]) -> str | None:
    """ISO 639-1 code of the story's language, None when it cannot be told for sure."""
    sample = " ".join(paragraphs)[:LANGUAGE_SAMPLE_CHARS]
    words = tokenize(sample)
    if len(words) < LANGUAGE_MIN_WORDS:
        # Scripts written without spaces between words (Chinese, Japanese, Thai…) give few
        # tokens however long the text: there, enough of their letters are the evidence.
        if len(_UNSPACED.findall(sample)) < UNSPACED_MIN_LETTERS:
            return None
    elif _english_by_stop_words(words):
        return "en"
    code, confidence = detect_language(sample)
    return code if confidence >= LANGUAGE_MIN_CONFIDENCE else None


def likely_language(text: str, words: Sequence[str]) -> str:
    """ISO 639-1 code of the language `text` (whose words are `words`) is most likely in,
    however short or mixed: English by its stop words, else langid's best guess, sure or
    not. For what must pick one language's stop words for every text (grouping)."""
    if words and _english_by_stop_words(words[:LANGUAGE_SAMPLE_CHARS // 5]):
        return "en"
    return detect_language(text[:LANGUAGE_SAMPLE_CHARS])[0]


# langid reads a page's longest lines up to this much: its prose, whose language the page
# is in. Its time grows with the text; on the 362 flattened web pages this gives the same
# language as the whole page in 45% of the time (1 ms a page).
PAGE_SAMPLE_CHARS = 3000


def page_language(lines: Sequence[str]) -> str:
    """ISO 639-1 code of the language a scraped page (its lines) is mostly in, for its
    stop words."""
    sample, size = [], 0
    for line in sorted(lines, key=len, reverse=True):
        if size >= PAGE_SAMPLE_CHARS:
            break
        sample.append(line)
        size += len(line)
    # The page's prose, then the whole page (its menus dilute its stop words): on the 884
    # flattened pages of ../shared/eval/webpages and webpages2 no page of another language
    # has its prose above 0.18 of English stop words, and the prose's test spares langid
    # half the English pages the whole page's test leaves to it. (Counted line by line: no
    # word spans two lines, and a site's lines recur from page to page.)
    counted = _english_words.lines().__getitem__
    for part in (sample, lines):
        words, stops = map(sum, zip(*map(counted, part))) if part else (0, 0)
        if words >= LANGUAGE_MIN_WORDS and stops / words >= ENGLISH_STOP_SHARE:
            return "en"
    return detect_language(" ".join(sample))[0]


@per_line
def _english_words(line: str) -> tuple[int, int]:
    """The line's words (`tokenize`) and how many of them are English stop words."""
    words = line_tokens(line)
    return len(words), sum(map(STOP_WORDS.__contains__, words))
