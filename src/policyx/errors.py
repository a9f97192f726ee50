"""Errors the library raises; the CLI turns each into one line on stderr."""


class PolicyxError(Exception):
    """Base class: a problem the user can act on, with a one-line message."""


class InputError(PolicyxError):
    """The input cannot be read as a plan (missing, empty, binary, undecodable)."""


class RulesError(PolicyxError):
    """A rule file is malformed; the message names the file, rule id and field."""
