"""Reviewing a demand: the policy pack, the checklist, and the recommended outcome.

``policy`` holds the pack's records (``policy_files`` reads resources/policy/ into
them), ``checklist`` answers its items from a demand's ``Facts`` (app/domain):
``findings`` says what an evaluator reads and returns, ``evaluators`` and
``circumstances`` hold one function per automatic item, ``targets`` judges the
identifiers, ``requesters`` the requester's contacts. ``decide`` turns the answers into
an outcome and a scope, ``limits`` says what a decision may hold. All of it is pure: no
storage, no Qt; ``service`` is where a stored case meets it.
"""
