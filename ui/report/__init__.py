"""The transparency report window: a period's tables and charts, the cases behind any figure, export."""
