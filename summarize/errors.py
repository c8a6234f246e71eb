"""One exception hierarchy; the CLI maps each class to an exit code and one readable line."""


class SummarizeError(Exception):
    """Base class of every error a user can cause and fix."""


class ConfigError(SummarizeError):
    """The config file or a --set override is invalid (exit code 2)."""


class InputError(SummarizeError):
    """The input folder or an article cannot be used (exit code 2 when nothing can run)."""


class RenderError(SummarizeError):
    """The briefing template is broken; reported before any file is written."""
