"""The shape of JSON as it crosses an edge (a file, a bundle, an audit payload, a setting).

Data with a known shape gets a dataclass or a TypedDict; these aliases are for what is
free-form by contract (an audit event's payload, a value read back before it is checked).
Reading one needs an isinstance check, which is the point: nothing unchecked flows on.
"""

from __future__ import annotations

from typing import TypeAlias

JsonScalar: TypeAlias = str | int | float | bool | None
JsonValue: TypeAlias = JsonScalar | list["JsonValue"] | dict[str, "JsonValue"]
JsonObject: TypeAlias = dict[str, JsonValue]
