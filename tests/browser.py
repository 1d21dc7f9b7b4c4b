"""Drive headless Chromium from tests: dump the rendered DOM, take screenshots.

Debian: `apt-get install -y chromium` (binary /usr/bin/chromium). Each run gets its own throwaway
profile, and every flag that would reach the network (updates, sync, QUIC, first run) is off.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

INSTALL_HINT = "apt-get update && apt-get install -y chromium"
BASE_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--hide-scrollbars", "--force-device-scale-factor=1")


def find_chromium() -> str | None:
    """Path of a Chromium binary, or None."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _run(binary: str, args: list[str], timeout: float) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="kastfacts-chromium-") as profile:
        command = [binary, *BASE_FLAGS, f"--user-data-dir={profile}", *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)


def dump_dom(binary: str, page: Path, window: tuple[int, int] = (1280, 2000), timeout: float = 25) -> str:
    """The DOM after Chromium has loaded `page` (scripts run), serialized as HTML."""
    result = _run(binary, [f"--window-size={window[0]},{window[1]}", "--dump-dom", page.resolve().as_uri()],
                  timeout)
    if result.returncode != 0 or not result.stdout:
        raise RuntimeError(f"chromium --dump-dom failed ({result.returncode}): {result.stderr[-2000:]}")
    return result.stdout


def screenshot(binary: str, page: Path, png: Path, window: tuple[int, int], timeout: float = 25) -> Path:
    """Save a PNG of `page` rendered in a window of `window` CSS pixels."""
    png.parent.mkdir(parents=True, exist_ok=True)
    if png.exists():
        png.unlink()
    result = _run(binary, [f"--window-size={window[0]},{window[1]}", f"--screenshot={png.resolve()}",
                           page.resolve().as_uri()], timeout)
    if not png.exists():
        raise RuntimeError(f"chromium --screenshot wrote nothing ({result.returncode}): {result.stderr[-2000:]}")
    return png


def run_parallel(*calls):
    """Run (function, args...) tuples at once: each Chromium start costs ~0.5-1 s."""
    with ThreadPoolExecutor(max_workers=len(calls) or 1) as pool:
        futures = [pool.submit(fn, *args) for fn, *args in calls]
        return [f.result() for f in futures]
