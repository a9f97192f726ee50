"""The report page: Jinja2 templates (autoescape on) with the styles, the
page's script and Chart.js embedded, so that the file opens offline.

Plan text reaches the page in two ways, both escaped: in the HTML, through
Jinja2's autoescaping; in the JSON the charts are drawn from, through
``tojson``, which escapes <, >, & and ' as \\u003c … inside a <script> element.
A Content-Security-Policy in the page forbids loading anything (scripts,
styles, fonts, images from elsewhere, connections): the page is its own.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from importlib import resources
from typing import Any

ASSETS = "report_assets"
_CHART_VERSION = re.compile(r"Chart\.js v([\d.]+)")
_SCRIPT_END = re.compile(r"</script", re.I)


def _asset(name: str) -> str:
    return resources.files("policyx.cli").joinpath(ASSETS, name).read_text(encoding="utf-8")


def _inline_script(code: str, name: str):
    """Code for a <script> element: it must not close the element early."""
    from markupsafe import Markup

    if _SCRIPT_END.search(code):
        raise ValueError(f"{name} contains '</script' and cannot be embedded")
    return Markup(code)  # noqa: S704 - our own assets, checked above; plan text never goes here


def environment():
    from jinja2 import ChoiceLoader, Environment, FunctionLoader, StrictUndefined

    def load(name: str):
        try:
            return _asset(name)
        except FileNotFoundError:
            return None

    env = Environment(loader=ChoiceLoader([FunctionLoader(load)]), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": False}
    return env


def render(view: dict[str, Any], diff: dict[str, Any] | None = None) -> str:
    """The whole page for ``view`` (report_data.plan_data) and, with --against, ``diff``."""
    from markupsafe import Markup

    from policyx import __version__

    chart_js = _asset("chart.umd.min.js")
    version = _CHART_VERSION.search(chart_js[:300])
    data = {"timeline": view["timeline"], "departments": view["departments"], "functions": view["functions"],
            "diff": {"directions": diff["directions"], "summary": diff["summary"]} if diff else None}
    template = environment().get_template("report.html.j2")
    return template.render(
        **view, diff=diff, data=data, version=__version__, chart_version=version.group(1) if version else "?",
        made=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        css=Markup(_asset("report.css").replace("</", "<\\/")),  # noqa: S704 - our own stylesheet
        chart_js=_inline_script(chart_js, "chart.umd.min.js"), report_js=_inline_script(_asset("report.js"), "report.js"),
        fields=("lead", "participants", "implementers", "deadlines", "targets"),
    )
