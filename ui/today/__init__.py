"""The Today view: what needs the reviewer today, each item a click away from its case."""
