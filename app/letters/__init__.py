"""Letters that answer a demand: templates, drafting, the PDF and the response package.

``templates`` drafts a letter of a given kind from a ``LetterContext`` (what the case,
its decision and the settings say) as editable text in the Markdown subset of
``markdown``, through the placeholder language of ``placeholders`` and the words of
``labels``; ``pdf`` renders that text on the letterhead in the faces of ``fonts``;
``package`` merges final letters and the demand into one Bates-stamped PDF. All of it is
pure: no storage and no Qt. ``service`` is where a stored case meets it: ``context``
gathers a case's ``LetterContext`` and ``model`` is a stored letter.
"""
