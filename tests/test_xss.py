"""The cross-site-scripting payloads that the browser tests put in every text field of data/."""

from __future__ import annotations

from helpers import XSS_PAYLOADS


def test_there_are_enough_payloads() -> None:
    assert len(XSS_PAYLOADS) >= 30
    assert len(set(XSS_PAYLOADS)) == len(XSS_PAYLOADS)
