"""Intake: take an untrusted demand PDF apart safely, read its text, store it as a case."""
