"""Speed against the floor, in one run: how far each whole run is from the least any
pipeline over these articles must do, and how the batch grows with its input.

- **floor**: read every DUC 2006 article, find its words (`words.tokenize`) and stem each
  (Snowball, cached per word), in one process, imports done. Every figure below is
  printed as a ratio to the floor measured just before it (the best of FLOOR_REPEATS):
  this machine's speed drifts by half within minutes. The floor stems with NLTK's
  Snowball, as issue 16 defined it; the pipeline stems with PyStemmer (the same algorithm
  in C), whose floor is printed beside it once, for reference.
- **pooled**: the 1,240 distinct DUC 2006 articles as one event, `--jobs 1`, stage by
  stage (`seconds` in run-report.json).
- **batch**: the 50 events plus the seeds, `--jobs 2`; the same events as scraped pages
  (each article in a real site's menus, teasers and footers: cleaning is then most of
  the work); then two runs with no change: the
  first reads the files (they were copied too recently to trust their listing), the
  next, like an hourly run, only list them (the best of 3). A run's end is seen the
  moment it exits (a pidfd), not at the next memory sample.
- **growth**: the batch at 1x, 2x, 4x, 8x (copies of every event under new names) with
  local processes and with a 2-worker local Dask cluster: seconds, seconds per event,
  peak memory of all the run's processes together (this process stays small: the floors
  are measured in processes of their own, for Linux counts a parent's memory at fork in
  its child's peak).

Every run is `summarize run` in a fresh process (start-up included), with langid's model
already kept in the user's cache folder, as after any first run on the machine.

    .venv/bin/python benchmarks/scale.py [--scales 1,2,4,8] [--no-dask]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.batch import build_input  # noqa: E402
from benchmarks.common import ROOT, require_duc2006, table  # noqa: E402

FLOOR_REPEATS = 3
STEADY_REPEATS = 3  # runs with nothing to build, once the listings are recorded


def floor_seconds(files: list[Path], stemmer: str = "nltk") -> tuple[float, int]:
    """Read, tokenize, stem (cached per word): the least work over these articles."""
    from functools import lru_cache

    from summarize.text.words import tokenize

    if stemmer == "nltk":
        from nltk.stem.snowball import SnowballStemmer

        stem = lru_cache(maxsize=None)(SnowballStemmer("english").stem)
    else:
        import Stemmer

        stem = lru_cache(maxsize=None)(Stemmer.Stemmer("english", 0).stemWord)
    start = time.perf_counter()
    words = 0
    for path in files:
        found = tokenize(path.read_text(encoding="utf-8", errors="replace"))
        words += len(found)
        for word in found:
            stem(word)
    return time.perf_counter() - start, words


def summarize_run(input_root: Path, output: Path, *extra: str) -> tuple[float, int, dict]:
    """Wall seconds, peak resident memory of the whole process tree (the run, its worker
    processes, a Dask cluster's: sampled every 20 ms, and at least the run's own peak as
    the kernel counted it), and the run report."""
    import psutil  # a development dependency (through Dask's)

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "summarize", "run", "-q", "--input",
                                str(input_root), "--output", str(output), *extra],
                               cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
    tree = psutil.Process(process.pid)
    try:  # woken the moment the run ends, not at the next sample (Linux 5.3+)
        ending: int | None = os.pidfd_open(process.pid)
    except (AttributeError, OSError):
        ending = None
    peak = 0
    while True:
        ended, status, usage = os.wait4(process.pid, os.WNOHANG)
        if ended:
            break
        total = 0
        try:
            for member in [tree, *tree.children(recursive=True)]:
                total += member.memory_info().rss
        except psutil.Error:  # a process ended while we looked
            pass
        peak = max(peak, total)
        if ending is None:
            time.sleep(0.02)
        else:
            select.select([ending], [], [], 0.02)
    seconds = time.perf_counter() - start
    if ending is not None:
        os.close(ending)
    peak = max(peak, usage.ru_maxrss * 1024)
    code = os.waitstatus_to_exitcode(status)
    process.returncode = code
    if code not in (0, 1):
        sys.exit(f"summarize run failed ({code})")
    report = json.loads((output / "run-report.json").read_text(encoding="utf-8"))
    return seconds, peak, report


def best_floor(stemmer: str = "nltk") -> tuple[float, int]:
    """The least of FLOOR_REPEATS floors (each with a cold stem cache: a busy machine only
    ever makes a run slower), measured in a process of its own: this one stays small, for
    Linux carries a process's memory at fork into its child's peak (ru_maxrss), and every
    run below is its child."""
    result = subprocess.run([sys.executable, __file__, "--floor", stemmer], check=True,
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            capture_output=True, text=True)
    seconds, words = json.loads(result.stdout)
    return seconds, words


def floor_now() -> float:
    return best_floor()[0]


def pooled_input(duc: Path, target: Path) -> int:
    """Every distinct DUC 2006 article (some are in two events) in one event folder."""
    folder = target / "pooled"
    folder.mkdir(parents=True)
    seen = set()
    for path in sorted(duc.glob("*/articles/*")):
        if path.name not in seen:
            seen.add(path.name)
            shutil.copy(path, folder / path.name)
    return len(seen)


def scaled_input(source: Path, target: Path, copies: int) -> int:
    events = 0
    for copy in range(copies):
        for event in sorted(source.iterdir()):
            shutil.copytree(event, target / f"{event.name}-{copy}")
            events += 1
    return events


def scraped_input(duc: Path, target: Path) -> int:
    """The 50 DUC 2006 events as a scraper leaves them: each article a `.txt` page in the
    menus, teasers and footers of one of 20 real sites (`benchmarks.grouping.
    scraped_folder`), the form users mostly have. 0 without ../shared/eval/webpages."""
    from benchmarks.grouping import scraped_folder

    flat = target.parent / f"{target.name}-flat"
    flat.mkdir()
    topics = scraped_folder(duc, flat)
    for name, topic in (topics or {}).items():
        (target / topic).mkdir(parents=True, exist_ok=True)
        (flat / name).rename(target / topic / name)
    return len(set((topics or {}).values()))


def mb(size: int) -> str:
    return f"{size / 2**20:,.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,2,4,8")
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--floor", choices=("nltk", "pystemmer"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    scales = [int(s) for s in options.scales.split(",")]
    duc = require_duc2006()
    files = sorted(duc.glob("*/articles/*"))
    if options.floor:  # (best_floor's process)
        print(json.dumps(min(floor_seconds(files, options.floor)
                             for _ in range(FLOOR_REPEATS))))
        return
    # The runs below read the package's byte code, as after `pip install` (which compiles
    # it): a shell with PYTHONDONTWRITEBYTECODE would otherwise compile every module in
    # every process of every run.
    compileall.compile_dir(ROOT / "summarize", quiet=1)
    # As after any first run on this machine: langid's model is in the user's cache folder
    # (summarize/text/boilerplate.py), so no figure below includes the one-time decompression.
    # (In another process, as the floors: see best_floor.)
    subprocess.run([sys.executable, "-c", "from summarize.text.language import detect_language; "
                    "detect_language('Der Bundestag hat ein neues Gesetz beschlossen.')"],
                   check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    floor, words = best_floor()
    c_floor = best_floor("pystemmer")[0]
    print(f"floor: {len(files):,} articles, {words:,} words read, tokenized and stemmed in "
          f"{floor:.2f} s (NLTK's Snowball; in one process, imports done; best of "
          f"{FLOOR_REPEATS}); measured again before every figure below. With PyStemmer, "
          f"the pipeline's stemmer: {c_floor:.2f} s\n")
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        articles = pooled_input(duc, work / "pooled")
        floor = floor_now()
        seconds, peak, report = summarize_run(work / "pooled", work / "pooled-out", "--jobs", "1")
        stages = sorted(((k, v) for k, v in report["seconds"].items() if k != "total"),
                        key=lambda item: -item[1])
        rows = [["whole run (wall)", f"{seconds:.2f}", f"{seconds / floor:.1f}"]]
        rows += [[stage, f"{value:.2f}", f"{value / floor:.2f}"] for stage, value in stages]
        print(f"pooled event: {articles:,} articles, --jobs 1, peak {mb(peak)} MB "
              f"(floor just before: {floor:.2f} s)\n")
        print(table(["stage", "seconds", "x floor"], rows) + "\n")

        events = build_input(duc, work / "batch")
        full_floor = floor_now()
        full_s, full_peak, _ = summarize_run(work / "batch", work / "batch-out", "--jobs", "2")
        none_floor = floor_now()
        none_s, none_peak, none = summarize_run(work / "batch", work / "batch-out",
                                                "--jobs", "2")
        assert not none["events"]["written"]
        # The files were copied seconds before the first runs, too recently for their
        # listing to be trusted (batch.RACY_NANOSECONDS): the first run with nothing to
        # build still reads them; the next, like every hourly run after it, only lists them.
        steady_floor = floor_now()
        steady_s, steady_peak, steady = min(  # the least: a busy machine only adds
            (summarize_run(work / "batch", work / "batch-out", "--jobs", "2")
             for _ in range(STEADY_REPEATS)), key=lambda result: result[0])
        assert not steady["events"]["written"]
        scraped = scraped_input(duc, work / "scraped")
        if scraped:
            scraped_floor = floor_now()
            scraped_s, scraped_peak, scraped_report = summarize_run(
                work / "scraped", work / "scraped-out", "--jobs", "2")
        print(table(["batch run, --jobs 2", "events", "seconds", "floor s", "x floor",
                     "peak MB"], [
            ["full", events, f"{full_s:.2f}", f"{full_floor:.2f}", f"{full_s / full_floor:.2f}",
             mb(full_peak)],
            ["no change", events, f"{none_s:.2f}", f"{none_floor:.2f}",
             f"{none_s / none_floor:.2f}", mb(none_peak)],
            [f"no change, files listed before (best of {STEADY_REPEATS})", events,
             f"{steady_s:.2f}", f"{steady_floor:.2f}",
             f"{steady_s / steady_floor:.2f}", mb(steady_peak)],
        ] + ([[f"full, the DUC events as scraped pages (clean: "
               f"{scraped_report['seconds']['clean']:.1f} s of work)", scraped,
               f"{scraped_s:.2f}", f"{scraped_floor:.2f}", f"{scraped_s / scraped_floor:.2f}",
               mb(scraped_peak)]] if scraped else [])) + "\n")

        rows = []
        executors = [("local", ())] + ([] if options.no_dask else [("dask", ("--executor",
                                                                           "dask"))])
        for copies in scales:
            source = work / f"scaled-{copies}"
            count = scaled_input(work / "batch", source, copies)
            for name, extra in executors:
                floor = floor_now()
                seconds, peak, report = summarize_run(source, work / f"out-{name}-{copies}",
                                                      "--jobs", "2", *extra)
                assert len(report["events"]["written"]) == count, report["events"]["failed"]
                rows.append([name, f"{copies}x", count, f"{seconds:.2f}",
                             f"{seconds / floor:.2f}", f"{1000 * seconds / count:.0f}",
                             mb(peak)])
            shutil.rmtree(source)
        print(table(["executor", "batch", "events", "seconds", "x floor", "ms per event",
                     "peak MB"], rows))


if __name__ == "__main__":
    main()
