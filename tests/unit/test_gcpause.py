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
