"""One exception hierarchy; the CLI maps each class to an exit code and one readable line."""


class SummarizeError(Exception):
    """Base class of every error a user can cause and fix."""

    exit_code = 2  # usage or config error


class ConfigError(SummarizeError):
    """The config file or a --set override is invalid (exit code 2)."""


class InputError(SummarizeError):
    """The input folder or an article cannot be used (exit code 2 when nothing can run).
    `skipped`: the files set aside on the way, with their reasons, for the run report."""

    def __init__(self, message: str, skipped: tuple = ()) -> None:
        super().__init__(message)
        self.skipped = skipped


class RenderError(SummarizeError):
    """The briefing template is broken; reported before any file is written."""


class OutputError(SummarizeError):
    """The output folder cannot be created, locked or written (exit code 2)."""


class RunLocked(SummarizeError):
    """Another run holds the output folder's lock (exit code 75, EX_TEMPFAIL: try later)."""

    exit_code = 75
