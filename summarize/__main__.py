"""The `summarize` command (`python -m summarize`, and the console script): summarize/cli.py,
with Ctrl-C and SIGTERM answered from the first instant.

Importing the command line (click, the library's modules) takes a tenth of a second, before
cli.main sets its own handlers: a signal then printed a KeyboardInterrupt traceback from
deep inside an import. Here it ends the process at once with the usual exit code and one
line."""

import signal
import sys


def _stopped_while_starting(number: int, frame: object) -> None:
    sys.stderr.write(f"summarize: {'interrupted' if number == signal.SIGINT else 'stopped'}"
                     " before it started; nothing was written\n")
    raise SystemExit(128 + number)


def main() -> None:
    starting = {number: signal.signal(number, _stopped_while_starting)
                for number in (signal.SIGINT, signal.SIGTERM)}
    from summarize.cli import main as run_command_line

    for number, handler in starting.items():
        signal.signal(number, handler)
    run_command_line()


if __name__ == "__main__":  # not when multiprocessing re-imports the main module
    main()
