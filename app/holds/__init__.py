"""Preservation holds (issue 19): a preservation request's obligation to keep data, with its clock."""
