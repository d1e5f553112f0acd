"""Headless Chromium driven over the DevTools protocol on a pipe (no package needed): open a page at a given
viewport, run a script in it, take a screenshot.

`--window-size` alone cannot test a phone: a headless window is never narrower than 500 px. The
protocol's device-metrics override sets any viewport (and a phone's meta viewport handling).
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import subprocess
import time
from pathlib import Path
from types import TracebackType
from typing import Any

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--hide-scrollbars",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip


class Browser:
    """One Chromium process and one page in it; use as a context manager."""

    def __init__(self, chromium: str, profile: Path, timeout: float = 120.0) -> None:
        commands, self._to_browser = os.pipe()
        self._from_browser, replies = os.pipe()
        self._timeout, self._buffer, self._next = timeout, b"", 0

        def pipes_as_3_and_4() -> None:  # Chromium reads commands on fd 3 and writes replies on fd 4
            high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (commands, replies)]
            for target, fd in zip((3, 4), high, strict=True):
                os.dup2(fd, target)

        self._process = subprocess.Popen(
            [chromium, *FLAGS, "--remote-debugging-pipe", f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(3, 4), preexec_fn=pipes_as_3_and_4,
        )  # fmt: skip
        os.close(commands)
        os.close(replies)
        page = next(t for t in self.send("Target.getTargets")["targetInfos"] if t["type"] == "page")
        self._session = self.send("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        with contextlib.suppress(OSError, RuntimeError):
            self.send("Browser.close")
        self._process.wait(timeout=30)
        os.close(self._to_browser)
        os.close(self._from_browser)

    def open(self, url: str, width: int, height: int, mobile: bool = False) -> None:
        """Load ``url`` in a viewport of ``width`` x ``height`` CSS pixels and wait for its load event."""
        metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile}
        self.send("Emulation.setDeviceMetricsOverride", session=True, **metrics)
        self.send("Page.enable", session=True)
        self.send("Page.navigate", session=True, url=url)
        self._wait("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """The value of a script run in the page."""
        reply = self.send("Runtime.evaluate", session=True, expression=expression, returnByValue=True)
        if "exceptionDetails" in reply:
            raise RuntimeError(reply["exceptionDetails"])
        return reply["result"].get("value")

    def screenshot(self, path: Path) -> None:
        """The viewport as a PNG file."""
        path.write_bytes(base64.b64decode(self.send("Page.captureScreenshot", session=True, format="png")["data"]))

    def send(self, method: str, session: bool = False, **params: Any) -> dict[str, Any]:
        """Send one command and return its result."""
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = self._session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._message()
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return dict(reply["result"])

    def _wait(self, event: str) -> None:
        while self._message().get("method") != event:
            pass

    def _message(self) -> dict[str, Any]:
        deadline = time.monotonic() + self._timeout
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._from_browser], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(self._from_browser, 1 << 20) if ready else b""
            if not chunk:
                raise RuntimeError("Chromium did not answer" if not ready else "Chromium closed the pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return dict(json.loads(message))
