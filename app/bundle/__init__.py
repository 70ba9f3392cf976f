"""Case bundles (one case version, encrypted for the team) and shared-drive sync.

``format`` names and limits, ``events`` the audit-event merge, ``pack`` writing and
checking a bundle in memory, ``share`` the shared folder, ``service`` the use cases.
docs/bundle-format.md is the reference.
"""
