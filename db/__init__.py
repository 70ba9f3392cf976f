"""The encrypted store. SQL lives here and nowhere else."""

from db.store import Store, StoreError, WrongKeyError, describe_failure

__all__ = ["Store", "StoreError", "WrongKeyError", "describe_failure"]
