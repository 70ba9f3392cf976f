"""Reviewing a demand: the policy pack, the checklist, and the recommended outcome.

``policy`` reads the pack under resources/policy/, ``checklist`` answers its items
from a demand's facts (``evaluators`` holds one function per automatic item), and
``decide`` turns the answers into an outcome and a scope. All of it is pure: no
storage, no Qt; ``service`` is where a stored case meets it.
"""
