"""Pure date rules for demand deadlines, secrecy orders and user notice.

Nothing here stores or reads the clock: every function takes ``today`` (or the dates it
needs) so that the rules are testable and a deadline can be recomputed at any time.
"""
