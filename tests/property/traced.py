"""Shared assertion: the untraced evaluation decides as the traced one."""

from __future__ import annotations


def assert_same_as_traced(v, traced):
    """The untraced evaluation (``evaluate``) decides exactly as the traced one (``trace``), and
    the trace it makes when asked for is the traced run's."""
    assert (v.outcome, v.rule.id, tuple(p.id for p in v.missing)) == \
        (traced.outcome, traced.rule.id, tuple(p.id for p in traced.missing))
    assert sorted((k, repr(x)) for k, x in v.values.items()) == sorted((k, repr(x)) for k, x in traced.values.items())
    assert v._trace is None  # evaluate() made no trace; reading one below runs trace()
    assert v.checks == traced.checks and v.preconditions == traced.preconditions
    assert v.shortfalls == traced.shortfalls and v.derived == traced.derived
