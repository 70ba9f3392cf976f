"""Demand Desk's headless core: the domain, use cases and command line. Never imports Qt."""
