"""The notes on stderr that every reading command prints the same way: the input's encoding, the
export's unknown columns, programmes on a per-programme parameter's default (BSA327)."""

from __future__ import annotations

from bsa_check.services.common import Text, stderr


def programmes_on_default(rulesets: list, programmes=None, workers=None) -> None:  # type: ignore[no-untyped-def,type-arg]
    """One warning (BSA327) per rule set naming the programmes that got a per-programme parameter's
    default because it lists no value for them (e.g. a programme name where the rule set lists codes).
    ``programmes``: the programmes of the run (compare), else those evaluated here; ``workers``: per
    rule set, what ``--workers`` processes found."""
    from bsa_check.records.programme_columns import default_note

    for i, rs in enumerate(rulesets):
        found = {k: set(v) for k, v in rs.programmes_on_default(programmes).items()}
        for name, progs in (workers[i] if workers else {}).items():
            found.setdefault(name, set()).update(progs)
        note = default_note(rs.name, {k: sorted(v) for k, v in found.items()})
        if note:
            from bsa_check.i18n.problems import chosen, severity, translate

            lang = chosen()
            stderr().print(Text(f"{severity('warning', lang)}[BSA327]: {translate('BSA327', note, lang)}"),
                            style="yellow")


def encoding_note(reader) -> None:  # type: ignore[no-untyped-def]
    """A UTF-8 file with a stray byte, read as Windows-1252: say so (bsa_check.records.stray)."""
    warning = getattr(reader, "encoding_warning", None)
    if warning is not None:
        from bsa_check.i18n.problems import chosen, error_line

        stderr().print(Text(error_line(warning, chosen(), "warning")), style="yellow")


def unknown_columns(reader, language: str, kept: list[str] | None = None) -> None:  # type: ignore[no-untyped-def]
    """One warning on stderr for all export columns bsa-check does not know (never one per row),
    each with a did-you-mean; ``kept``: the headers --keep-columns carries to the output, which are
    not ignored."""
    import difflib

    from bsa_check.i18n import t
    from bsa_check.records.fields import HEADER_INDEX

    carried = {str(h).strip() for h in kept or ()}
    unknown = [h.strip() for h in reader.unknown_columns or () if h.strip() not in carried]
    if not unknown:
        return
    named = []
    for header in dict.fromkeys(unknown):
        close = difflib.get_close_matches(header.lower(), list(HEADER_INDEX), n=1, cutoff=0.7)
        named.append(repr(header) + (f" ({t('unknown.did_you_mean', language, name=close[0])})" if close else ""))
    from bsa_check.i18n.problems import severity

    stderr().print(Text(f"{severity('warning', language)}[BSA316]: {reader.path}:{reader.header_line}: "
                        f"{t('unknown.columns', language, n=len(named), columns=', '.join(named))}; "
                        f"{t('unknown.ignored', language)}"), style="yellow")
