"""Disclosures made without legal process (issue 19): the grounds the policy allows, and the service."""
