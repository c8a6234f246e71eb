"""The command line: a thin layer over the library (summarize.runs.run, summarize.config…).

User mistakes end with one line on stderr and exit code 2, never a traceback. Commands
import the pipeline and the templates when they need them: `summarize --help`, `validate`
and a run that finds nothing changed start in a fraction of the time.
"""

from __future__ import annotations

import json
import logging
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from summarize import DISTRIBUTION
from summarize.errors import SummarizeError
from summarize.models import Event
from summarize.outputs.data import LOG_FORMAT, VisibleFormatter, visible
from summarize.runs.files import write_atomic
from summarize.runs.run import run
from summarize.runs.settings import ConfigFile

if TYPE_CHECKING:
    from summarize.config import Config

log = logging.getLogger(__name__)


def _configure_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[
        min(verbose, 2)]
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(VisibleFormatter(LOG_FORMAT))
    root = logging.getLogger("summarize")
    root.handlers[:] = [handler]
    root.setLevel(level)


def _verbosity(context: click.Context, parameter: click.Parameter, value: int | bool) -> None:
    """-v and -q, before the command or after it (`summarize -v run`, `summarize run -v`):
    what both places say, added up, sets the logging."""
    said = context.find_root().meta.setdefault("verbosity", {"verbose": 0, "quiet": False})
    if parameter.name == "verbose":
        said["verbose"] += int(value)
    else:
        said["quiet"] = said["quiet"] or bool(value)
    _configure_logging(said["verbose"], said["quiet"])


def verbosity_options(command):  # type: ignore[no-untyped-def]
    """The shared -v/-q options, on `summarize` and on each of its commands."""
    command = click.option("-q", "--quiet", is_flag=True, expose_value=False,
                           callback=_verbosity,
                           help="Only errors (run: no progress bar, no summary line).")(command)
    return click.option("-v", "--verbose", count=True, expose_value=False, callback=_verbosity,
                        help="More log output (-vv for debug).")(command)


def _quiet(context: click.Context) -> bool:
    return context.find_root().meta.get("verbosity", {}).get("quiet", False)


def _echo(text: str, err: bool = False) -> None:
    """A line for the terminal, as it may print it: what came from the input (a title, a
    file name, a sentence) holds no escape sequence (outputs.data.visible)."""
    click.echo(visible(text), err=err)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name=DISTRIBUTION, prog_name="summarize",
                      message="%(prog)s %(version)s (%(package)s)")
@verbosity_options
def cli() -> None:
    """Turn folders of news articles into cited Markdown briefings."""


DEFAULT_CONFIG = Path("configs/default.yaml")


@cli.command("run")
@click.option("--config", "config_path", type=click.Path(path_type=Path), default=None,
              help=f"YAML config. Default: {DEFAULT_CONFIG} when the current folder has one, "
              "else the built-in defaults (the same settings).")
@click.option("--input", "input_root", type=click.Path(path_type=Path), default=Path("seeds"),
              show_default=True, help="Folder with one sub-folder of articles per event; "
              "or one article or feed file (one event, named after it); or - for standard "
              "input (one article or a JSON Lines feed: the event 'stdin'); with --group, a "
              "feed or a folder of articles at any depth, or -.")
@click.option("--output", "output_root", type=click.Path(path_type=Path),
              default=Path("outputs"), show_default=True, help="Where briefings are written.")
@click.option("--set", "overrides", multiple=True, metavar="KEY=VALUE",
              help="Override a config key, e.g. --set ranker.algorithm=textrank (repeatable).")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes. Default: the number of cores.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default=None,
              help="Where events are built (config run.executor): local processes, or a "
              f"Dask cluster (pip install '{DISTRIBUTION}[dask]').")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="With --executor dask: the Dask scheduler (tcp://host:8786); without it "
              "a local cluster of --jobs workers is started (config run.scheduler).")
@click.option("--force", is_flag=True, help="Rebuild every briefing, changed or not.")
@click.option("--prune", is_flag=True,
              help="Remove the briefings of events whose folder is gone.")
@click.option("--wait", "wait_for_lock", is_flag=True,
              help="If another run is writing to the output folder, wait for it to finish "
              "(default: exit at once with code 75).")
@click.option("--group", is_flag=True,
              help="The input is a stream: a feed, or a folder of articles at any depth. "
              "Sort its articles into events (config grouping); an article keeps its event "
              "from run to run (the grouping is kept in the output folder).")
@verbosity_options
@click.pass_context
def run_command(context: click.Context, config_path: Path | None, input_root: Path,
                output_root: Path, overrides: tuple[str, ...], jobs: int | None,
                executor: str | None, scheduler: str | None, force: bool, prune: bool,
                wait_for_lock: bool, group: bool) -> None:
    """Write one briefing (<event>.md, .json, .html: output.formats) per event folder whose
    articles or config changed since the last run, the site's index.html and Atom feed
    index.xml, and <output>/run-report.json.

    Exit codes: 0 every event written or unchanged; 1 some events failed (listed);
    2 usage or config error; 75 another run holds the output folder."""
    if config_path is None and DEFAULT_CONFIG.is_file():
        config_path = DEFAULT_CONFIG
    if executor is not None:
        overrides += (f"run.executor={executor}",)
    if scheduler is not None:
        overrides += (f"run.executor={executor or 'dask'}", f"run.scheduler={scheduler}")
    # validated by the run only when it has an event to build (summarize/runs/settings.py)
    config = ConfigFile(config_path, overrides)
    quiet = _quiet(context)
    report = run(config, input_root, output_root, jobs=jobs, force=force, prune=prune,
                 wait_for_lock=wait_for_lock, progress=False if quiet else None, group=group)
    if not quiet:
        click.echo(report.summary(), err=True)
    sys.exit(report.exit_code)


@cli.command("group")
@verbosity_options
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--config", "config_path", type=click.Path(path_type=Path), default=None,
              help=f"YAML config (its grouping section). Default: {DEFAULT_CONFIG} when the "
              "current folder has one.")
@click.option("--set", "overrides", multiple=True, metavar="KEY=VALUE",
              help="Override a config key, e.g. --set grouping.threshold=0.1 (repeatable).")
@click.option("--output", "state_from", type=click.Path(path_type=Path), default=None,
              help="A `run --group` output folder: start from the grouping kept there (read, "
              "never written), as that run's next run would; give its one input.")
@click.option("--json", "as_json", is_flag=True,
              help='Print [{"event": slug, "articles": [path, ...]}] (feeds: path#line).')
@click.option("--explain", "explained", multiple=True, metavar="ARTICLE",
              help="For this article (its path as printed), the events it was compared "
              "with, their scores and the decision (repeatable).")
def group_command(paths: tuple[Path, ...], config_path: Path | None, overrides: tuple[str, ...],
                  state_from: Path | None, as_json: bool, explained: tuple[str, ...]) -> None:
    """Sort the articles of feeds or flat folders into events and print the grouping,
    writing nothing: what `run --group` would do with them."""
    from dataclasses import replace

    from summarize.config import load_config
    from summarize.grouping.stories import GroupingState, events_of, grouping_json, load_grouping
    from summarize.inputs.single import read_source

    if config_path is None and DEFAULT_CONFIG.is_file():
        config_path = DEFAULT_CONFIG
    config = load_config(config_path, overrides)
    if state_from is not None and len(paths) != 1:
        raise SummarizeError("--output continues one run's grouping: give that run's input")
    articles = []
    for path in paths:
        found, skipped = read_source(path, config.limits.max_article_bytes)
        base = path if path.is_dir() else path.parent
        for item in skipped:
            _echo(f"# skipped {(base / item.path).as_posix()}: {item.reason}", err=True)
        # As printed: under the path given; a run's own names (relative) with --output.
        articles += found if state_from else [
            replace(a, path=(base / a.path).as_posix()) for a in found]
    if not articles:
        raise SummarizeError(f"no article to group in {', '.join(map(str, paths))}")
    grouping = load_grouping(state_from) if state_from else GroupingState()
    decisions = {d.article: d for d in grouping.add(articles, config.grouping)}
    events = events_of(grouping, articles)
    for article in explained:
        _echo(_explanation(article, decisions, grouping.articles))
    if explained:
        return
    if as_json:
        click.echo(grouping_json(events), nl=False)
        return
    for slug, members in sorted(events.items()):
        _echo(f"{slug} ({len(members)} article{'' if len(members) == 1 else 's'})")
        for member in members:
            _echo(f"  {member.path}" + (f"  {member.title}" if member.title else ""))


def _explanation(article: str, decisions: dict, grouped: dict[str, str]) -> str:
    if article in decisions:
        decision = decisions[article]
        lines = [f"{article}: {decision.reason} -> {decision.story}"]
        if not decision.scores:
            return "\n".join(lines + ["  (the first article: no event before it)"])
        lines.append(f"  events so far, most similar first (an article joins the most "
                     f"similar when its score reaches what that event needs, here "
                     f"{decision.needed}: grouping.cohesion_share of how alike its "
                     f"articles are, at least grouping.threshold):")
        return "\n".join(lines + [f"  {score:8.4f}  {slug}" for slug, score in decision.scores])
    if article in grouped:
        return (f"{article}: in {grouped[article]} since an earlier run (scores are shown "
                "for articles grouped now)")
    raise SummarizeError(f"{article}: not among the articles read (give its path as "
                         "printed without --explain)")


@cli.command("validate")
@verbosity_options
@click.argument("config_path", type=click.Path(path_type=Path))
@click.option("--set", "overrides", multiple=True, metavar="KEY=VALUE")
def validate_command(config_path: Path, overrides: tuple[str, ...]) -> None:
    """Check a config file and the templates it names; exit 0 when valid, 2 otherwise."""
    from summarize.config import load_config
    from summarize.runs.run import check_templates

    check_templates(load_config(config_path, overrides))
    click.echo(f"{config_path}: valid")


@cli.command("list")
@verbosity_options
def list_command() -> None:
    """The ranking algorithms and their options, with defaults."""
    from summarize.ranking import algorithm_classes

    for name, cls in algorithm_classes().items():
        doc = (cls.__doc__ or "").strip().splitlines()[0]
        click.echo(f"{name}: {getattr(cls, 'DESCRIPTIONS', {}).get(name, doc)}")
        applies = getattr(cls, "OPTIONS", {})
        for field_name, info in cls.model_fields.items():
            if field_name == "algorithm" or name not in applies.get(field_name, (name,)):
                continue
            default = json.dumps(info.default if not isinstance(info.default, tuple)
                                 else list(info.default))
            click.echo(f"    {info.alias or field_name} = {default}: {info.description}")


@cli.command("sentences")
@verbosity_options
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Sentences with article and position.")
@click.option("--explain", is_flag=True, help="Also list what cleaning dropped and why.")
def sentences_command(paths: tuple[Path, ...], as_json: bool, explain: bool) -> None:
    """Print the cleaned sentences of articles or event folders, one per line."""
    records = []
    from summarize.config import Limits
    from summarize.inputs.loading import load_event, read_file
    from summarize.pipeline import prepare_event
    from summarize.text.languages import LANGUAGE_NAMES

    max_bytes = Limits().max_article_bytes
    for path in paths:
        if path.is_dir():
            event = load_event(path, path.parent, max_bytes)
        elif path.is_file():
            articles, skipped = read_file(path, path.name, max_bytes)
            if not articles:
                reason = skipped[0].reason if skipped else "no articles"
                raise SummarizeError(f"{path}: {reason}")
            for item in skipped:  # (a folder's are logged as it is read)
                log.warning("%s: skipped: %s", item.path, item.reason)
            event = Event(slug=path.stem, articles=tuple(articles), skipped=tuple(skipped))
        else:
            raise SummarizeError(f"not found: {path}")
        prepared = prepare_event(event)
        for other in prepared.elsewhere:
            _echo(f"# in {LANGUAGE_NAMES.get(other.language or '', other.language)}, "
                  f"not {LANGUAGE_NAMES[prepared.language]} (coverage only): "
                  f"{other.path}", err=True)
        for index, article in enumerate(prepared.articles):
            if explain:
                for line in article.dropped:
                    _echo(f"# dropped ({line.reason}): {line.text}", err=not as_json)
            for sentence in (s for s in prepared.sentences if s.article == index):
                records.append({"article": article.path, "position": sentence.position,
                                "text": sentence.text})
                if not as_json:
                    _echo(sentence.text)
    if as_json:
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))


@cli.command("eval")
@verbosity_options
@click.argument("dataset", type=click.Path(path_type=Path))
@click.option("--config", "config_paths", multiple=True, type=click.Path(path_type=Path),
              help="A config to evaluate (repeatable); the first is the one the others are "
              "compared with. Default: configs/default.yaml, unless --peers.")
@click.option("--peers", is_flag=True,
              help="Score the dataset's own peers/ summaries (and each reference against "
              "the others) instead: calibration and comparison with published systems.")
@click.option("--words", type=click.IntRange(min=1), default=None,
              help="Write briefings of N words and cut every summary at N words before "
              "scoring (ROUGE's -l). Default: each config's budget.")
@click.option("--output", "output_dir", type=click.Path(path_type=Path),
              default=Path("outputs/eval"), show_default=True,
              help="Where results.md, results.json and results.png go.")
@click.option("--set", "overrides", multiple=True, metavar="KEY=VALUE",
              help="Override a key in every config (repeatable).")
@click.option("--show", type=click.IntRange(min=0), default=0, metavar="N",
              help="Also show the briefings of the first N events in results.md, one "
              "column per config, to read what the scores stand for.")
@click.option("--events", "pattern", default="*", show_default=True, metavar="PATTERN",
              help="Only the event folders whose name matches this shell pattern "
              "('fr-*C1').")
def eval_command(dataset: Path, config_paths: tuple[Path, ...], peers: bool, words: int | None,
                 output_dir: Path, overrides: tuple[str, ...], show: int,
                 pattern: str) -> None:
    """ROUGE-1/2/SU4/L of configs (plus the lead and random baselines) on DATASET."""
    from summarize.config import load_config

    try:  # its imports (ROUGE, nltk's Porter, matplotlib) only when asked
        from summarize.evaluation import evaluate as evaluation
    except ImportError as error:
        raise SummarizeError(f"summarize eval needs the eval extra ({error.name} is missing): "
                             f"pip install '{DISTRIBUTION}[eval]'") from None

    events = evaluation.discover_dataset(dataset, pattern)
    for caution in evaluation.few_events_cautions(len(events)):
        log.warning("too few events: %s", caution)
    if not config_paths and not peers:
        config_paths = (Path("configs/default.yaml"),)
    configs: dict[str, Config] = {}
    for path in config_paths:
        name = path.stem
        while name in configs or name in evaluation.BASELINES or name in evaluation.RESERVED:
            name += "'"
        configs[name] = evaluation.with_budget(load_config(path, overrides), words)
    if peers:
        results = evaluation.evaluate_peers(events, words)
        results.official = evaluation.official_scores(dataset)
    else:
        results = evaluation.Results(words)
    if configs:
        configs.update(evaluation.baseline_configs(
            words if words is not None else next(iter(configs.values())).budget.words))
        scored = evaluation.evaluate_configs(configs, events, words)
        results.per_event.update(scored.per_event)
        results.briefings.update(scored.briefings)
        results.languages.update(scored.languages)
    results.show = show
    reference = next(iter(configs), None)
    title = f"ROUGE on {dataset.name} ({len(events)} events)"
    evaluation.write_results(results, output_dir, reference, title, write_atomic)
    click.echo((output_dir / "results.md").read_text(encoding="utf-8"))
    click.echo(f"results written to {output_dir}/results.{{md,json,png}}", err=True)


class Stopped(BaseException):
    """SIGTERM arrived (a scheduler's timeout, a shutdown): raised in the main thread so that
    the run unwinds like after Ctrl-C, releasing its lock and stopping its workers."""


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise Stopped()


STOPPED = ("every briefing already written is complete; the next run builds the rest")


def main() -> None:
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        cli.main(standalone_mode=False)
    except Stopped:
        click.echo(f"summarize: stopped by SIGTERM; {STOPPED}", err=True)
        sys.exit(143)
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo(f"summarize: interrupted; {STOPPED}", err=True)
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except SummarizeError as error:
        _echo(f"summarize: error: {error}", err=True)
        sys.exit(error.exit_code)
    except SystemExit:
        raise
