"""The wheel's build hook: the dataset's files into the package, for an installed wheel.

pyproject.toml names the files and folders (`bundle`) and where they go in the wheel
(`into`). An editable install is left without a copy: it loads the checkout's own files
(`factcheck.storage.bundled`), so a change to the data shows at once and no stale copy waits
in site-packages.
"""

from __future__ import annotations

from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class BundleHook(BuildHookInterface):  # type: ignore[type-arg]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable":
            return
        into = self.config["into"]
        for name in self.config["bundle"]:
            build_data["force_include"][name] = f"{into}/{name}"
