"""What the commands share: the rule sets they may use, how they open an export, stderr and safe text.

Imported by the CLI at start-up, so nothing heavy at module level: rich, the i18n catalogue, the
keyed hash, pydantic and the engine are imported inside the functions that need them. No function
here parses options or exits; the tool's own errors are raised for the CLI to turn into exit 2.
"""

from __future__ import annotations

from datetime import date

from bsa_check.errors import ErrorList, UsageError


def Console(*args, **kwargs):  # type: ignore[no-untyped-def]  # noqa: N802 - rich.console.Console, imported on first use
    from rich.console import Console as _Console

    return _Console(*args, **kwargs)


def Text(*args, **kwargs):  # type: ignore[no-untyped-def]  # noqa: N802 - a rich.text.Text, made when rendered
    from bsa_check.plain import LazyText
    from bsa_check.textsafe import visible

    if args and isinstance(args[0], str):  # file names, cells and rule texts: shown, never obeyed
        args = (visible(args[0]), *args[1:])
    return LazyText(*args, **kwargs)


def detect_lang() -> str:
    """The configured language (``lang`` in [tool.bsa-check] or .bsa-check.yaml), else from LC_ALL/LANG."""
    from bsa_check.config import config_lang
    from bsa_check.i18n import detect_lang as _detect_lang

    return config_lang() or _detect_lang()


def default_rules() -> str:
    """``--rules`` when not given: the configured ``rules`` (said on stderr, since a configuration file
    found upward changes the verdicts), else ho-current."""
    from bsa_check.config import load_config

    config = load_config()
    if config.rules:
        from bsa_check.i18n.problems import chosen, severity, translate

        lang = chosen()
        stderr().print(Text(f"{severity('note', lang)}: "
                            f"{translate('*', f'rule set {config.rules} from {config.path}', lang)}"), style="dim")
        return config.rules
    return "ho-current"


def pseudonymizer_from_options(pseudonymize: bool, key_file: str | None):  # type: ignore[no-untyped-def]
    from bsa_check.privacy import pseudonymizer_from_options as _from_options

    return _from_options(pseudonymize, key_file)


def reading(columns: str | None, sheet: str | None):  # type: ignore[no-untyped-def]
    """``open_for`` with the --columns mapping (or the configured one) and --sheet: how ``due`` and
    ``letters`` open an export, the same doors as check, explain and compare."""
    chosen = doors(columns, sheet)

    def opener(students: str, rulesets: list, **options):  # type: ignore[no-untyped-def,type-arg]
        return open_for(students, rulesets, doors=chosen, **options)

    return opener


def doors(columns: str | None, sheet: str | None) -> dict:  # type: ignore[type-arg]
    """The reader's ``mapping`` (``--columns``, else the configuration's ``columns``) and ``sheet``."""
    from bsa_check.config import load_config
    from bsa_check.records.mapping import load_mapping

    configured = None if columns else load_config().columns
    path = columns or (str(configured) if configured else None)
    return {"mapping": load_mapping(path) if path else None, "sheet": sheet}


def stderr():  # type: ignore[no-untyped-def]
    """Console(stderr=True, highlight=False), wrapping at spaces only on a terminal; plain lines while stderr is a file (bsa_check.plain)."""
    from bsa_check.plain import stderr_console

    return stderr_console()


def parse_as_of(text: str | None) -> date:
    if text is None:
        return date.today()
    from bsa_check.records.parse import CellError, parse_date

    try:
        return parse_date(text)
    except CellError as exc:
        raise UsageError(f"--as-of {text!r} {exc.args[0]}", code="BSA406") from None


def parse_params(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--param {item!r} is not NAME=VALUE", hint="e.g. --param norm_ec=42", code="BSA401")
        out[name.strip()] = value.strip()
    return out


def refuse_unlawful(loaded, compiled, shown: set | None = None) -> None:  # type: ignore[no-untyped-def,type-arg]
    """A rule set ``validate`` reports an error for is not used for verdicts (design.md, issue 14):
    every problem listed, exit 2. Its warnings go to stderr once (``shown``: those already printed)."""
    from bsa_check.errors import RuleFileError
    from bsa_check.ruleset.usable import problems_for_use

    errors, warnings = problems_for_use(loaded, compiled)
    if errors:
        raise ErrorList([RuleFileError(p.message, location=p.location, hint=p.hint, code=p.code) for p in errors])
    shown = set() if shown is None else shown
    err = None
    for p in warnings:
        key = (p.code, str(p.location), p.message)
        if key in shown:
            continue
        shown.add(key)
        err = err or stderr()
        from bsa_check.i18n.problems import chosen, error_line

        err.print(Text(error_line(RuleFileError(p.message, location=p.location, hint=p.hint, code=p.code), chosen(),
                                  "warning")),
                  style="yellow")


def usable(compile_ruleset, loaded, overrides):  # type: ignore[no-untyped-def]
    from bsa_check.ruleset.usable import with_lint_errors

    try:
        compiled = compile_ruleset(loaded, overrides)
    except ErrorList as exc:
        raise with_lint_errors(exc, loaded) from None
    refuse_unlawful(loaded, compiled)
    return compiled


def usable_many(rules: list[str], param: list[str] | None) -> list:  # type: ignore[type-arg]
    """Load and compile several rule sets (each --param to every rule set declaring it); refuse unlawful ones."""
    from bsa_check.engine.compile import compile_many
    from bsa_check.ruleset.load import load

    from bsa_check.ruleset.usable import with_lint_errors

    loaded = [load(r) for r in rules]
    try:
        rulesets = compile_many(loaded, parse_params(param or []))
    except ErrorList as exc:
        failed = next((ld for ld in loaded if any(e.location and e.location.file == str(ld.path) for e in exc.errors)),
                      None)
        raise (with_lint_errors(exc, failed) if failed is not None else exc) from None
    shown: set = set()  # type: ignore[type-arg]
    for ld, rs in zip(loaded, rulesets):
        refuse_unlawful(ld, rs, shown)
    return rulesets


def open_for(students: str, rulesets: list, *,  # type: ignore[no-untyped-def,type-arg]
              doors: dict | None = None, extra: tuple = ()):  # type: ignore[type-arg]
    """Open the records by the rule sets' record plan (``records.plan``), plus ``extra`` fields read
    when the export has them (``due``: pending resits)."""
    from bsa_check.records.plan import record_plan
    from bsa_check.records.opener import open_records

    options = record_plan(rulesets).reader_options(extra=extra)
    return open_records(students, **options, **(doors or {}))
