"""Where a workstation's data lives, and the small plaintext file that describes it.

The data directory holds the encrypted store (``store.db``), the wrapped key
(``key.json``, when a passphrase protects the key) and ``workstation.json``. The last
one is plaintext on purpose — it must be readable before unlocking — so it holds no
case data: only the store's random id, the workstation's name and how the key is kept.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs

from app.fsutil import ensure_private_dir, write_atomic
from app.model import KeyStorage

CONFIG_FORMAT = 1


class DataDirError(Exception):
    pass


@dataclass(frozen=True)
class WorkstationConfig:
    store_id: str
    workstation: str
    key_storage: KeyStorage
    demo: bool = False
    format: int = CONFIG_FORMAT


@dataclass(frozen=True)
class DataDir:
    root: Path

    @property
    def store_path(self) -> Path:
        return self.root / "store.db"

    @property
    def key_path(self) -> Path:
        return self.root / "key.json"

    @property
    def config_path(self) -> Path:
        return self.root / "workstation.json"

    @property
    def requesters_path(self) -> Path:
        """Requesting authorities this workstation added to the shipped directory (public data)."""
        return self.root / "requesters.csv"

    def is_initialised(self) -> bool:
        return self.config_path.is_file()

    def read_config(self) -> WorkstationConfig:
        try:
            raw = json.loads(self.config_path.read_text(encoding="utf-8"))
            return WorkstationConfig(
                store_id=str(raw["store_id"]),
                workstation=str(raw["workstation"]),
                key_storage=KeyStorage(raw["key_storage"]),
                demo=bool(raw.get("demo", False)),
                format=int(raw.get("format", CONFIG_FORMAT)),
            )
        except FileNotFoundError:
            raise DataDirError(
                f"{self.root} is not a Demand Desk data directory yet. Run "
                "`demand-desk init` (or open the app) to set it up."
            ) from None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise DataDirError(f"{self.config_path} is damaged ({exc}).") from exc

    def write_config(self, config: WorkstationConfig) -> None:
        ensure_private_dir(self.root)
        doc = asdict(config) | {"key_storage": config.key_storage.value}
        write_atomic(self.config_path, json.dumps(doc, indent=2).encode("utf-8"))


def default_root() -> Path:
    return Path(platformdirs.user_data_dir("demand-desk", appauthor=False))


def resolve(explicit: str | os.PathLike[str] | None) -> DataDir:
    """--data-dir, else DEMAND_DESK_HOME, else the platform's user data directory."""
    if explicit:
        return DataDir(Path(explicit).expanduser().resolve())
    env = os.environ.get("DEMAND_DESK_HOME")
    if env:
        return DataDir(Path(env).expanduser().resolve())
    return DataDir(default_root())
