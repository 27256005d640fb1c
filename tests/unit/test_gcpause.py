"""The collector pause around a streaming pass: same items, collector off during, restored after."""

from __future__ import annotations

import gc

from bsa_check.gcpause import paused


def test_items_unchanged_collector_off_while_streaming_and_restored():
    states = []
    out = []
    for x in paused(range(7), every=3):
        states.append(gc.isenabled())
        out.append(x)
    assert out == list(range(7))
    assert states == [False] * 7
    assert gc.isenabled()


def test_restored_when_the_consumer_stops_early():
    stream = paused(iter(range(100)))
    assert next(stream) == 0 and not gc.isenabled()
    stream.close()
    assert gc.isenabled()


def test_a_cycle_made_during_the_pass_is_collected_within_every_rows():
    class Node:
        pass

    collected = []

    def items():
        for i in range(10):
            a, b = Node(), Node()
            a.other, b.other = b, a  # a cycle that only the collector frees
            import weakref
            collected.append(weakref.ref(a))
            del a, b
            yield i

    list(paused(items(), every=4))
    # the first cycles were made before a collection of the young generations ran: freed
    assert collected[0]() is None


def test_nested_pass_leaves_the_outer_pause_alone():
    for _ in paused(range(2)):
        assert list(paused(range(3))) == [0, 1, 2]
        assert not gc.isenabled()
    assert gc.isenabled()


def test_compare_failing_midway_turns_the_collector_back_on(monkeypatch):
    """The paused stream is handed to compare, whose frames a caught error's traceback keeps alive:
    the command closes the stream, so the collector is on again while the error is still held."""
    import bsa_check.compare.rows as compare_module  # where classify_all finds classify
    from bsa_check.cli import main
    from tests.conftest import EXAMPLES

    real, calls = compare_module.classify, []

    def failing(*args, **kw):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("simulated internal bug")
        return real(*args, **kw)

    monkeypatch.setattr(compare_module, "classify", failing)
    held = None
    try:
        main(["compare", str(EXAMPLES / "students.csv"), "--rules", "ho-current", "--rules", "ho-proposed-2023",
              "--as-of", "2026-09-01", "--format", "json"])
    except RuntimeError as exc:
        held = exc  # the traceback, and with it compare's frames, stay alive
        enabled = gc.isenabled()
        gc.enable()  # whatever happened, leave the collector on for the other tests
        assert enabled
    assert held is not None and len(calls) == 3
