"""Hatch build hook: compile the text layer's ``.po`` catalogs into ``.mo`` files in the wheel.

The repository holds only the ``.po`` files (what translators edit). A wheel gets the compiled
``.mo`` files beside them, which the standard library's gettext reads without babel's parser;
an editable install or a source checkout reads the ``.po`` files directly.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compile ``src/styrmodell/locales/*/LC_MESSAGES/*.po`` for the wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        root = Path(self.root) / "src" / "styrmodell" / "locales"
        out = Path(tempfile.mkdtemp(prefix="styrmodell-mo-"))
        for po in sorted(root.glob("*/LC_MESSAGES/*.po")):
            with po.open("rb") as fp:
                catalog = read_po(fp, abort_invalid=True)
            mo = out / po.relative_to(root).with_suffix(".mo")
            mo.parent.mkdir(parents=True, exist_ok=True)
            with mo.open("wb") as fp:
                write_mo(fp, catalog, use_fuzzy=False)
            target = f"styrmodell/locales/{po.relative_to(root).with_suffix('.mo').as_posix()}"
            build_data["force_include"][str(mo)] = target
