"""The encrypted store. SQL lives here and nowhere else."""

from db.store import Store, StoreError, WrongKeyError

__all__ = ["Store", "StoreError", "WrongKeyError"]
