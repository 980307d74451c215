#!/usr/bin/env python3
"""Opens a `pdf2struct inspect` index.html in headless Chromium and checks that a person could use it.

Fails (exit 1, reasons on stderr) when:
  - the page logs a console error, throws an uncaught exception, or a resource fails to load;
  - an image does not load, or the page has no image;
  - the page refers to anything outside its folder (http:, https:, //host, or a loaded resource
    that is not a local file), so it would not work offline;
  - selecting a block of the text does not highlight its box on the page and show its details,
    or clicking a box does not highlight its block of text;
  - no screenshot is produced.

It drives Chromium over the DevTools protocol with the standard library only (a minimal
WebSocket client), so it needs nothing but python3 and the Debian `chromium` package.

usage: check_inspect_html.py DIR/index.html --screenshot OUT.png [--chromium PATH] [--window 1400x1000]
"""

import argparse
import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

TIMEOUT = 30.0


class WebSocket:
    """Just enough of RFC 6455 for the DevTools protocol: masked text frames out, text frames in."""

    def __init__(self, url):
        parts = urllib.parse.urlparse(url)
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=TIMEOUT)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (f"GET {parts.path} HTTP/1.1\r\nHost: {parts.hostname}:{parts.port}\r\n"
                   f"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                   "Sec-WebSocket-Version: 13\r\n\r\n")
        self.sock.sendall(request.encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise RuntimeError("DevTools closed the connection during the handshake")
            response += chunk
        head, _, self.buffer = response.partition(b"\r\n\r\n")
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise RuntimeError("DevTools refused the WebSocket: " + head.decode(errors="replace"))

    def _read(self, count):
        while len(self.buffer) < count:
            chunk = self.sock.recv(max(65536, count - len(self.buffer)))
            if not chunk:
                raise RuntimeError("DevTools closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def _send_frame(self, opcode, payload):
        header = bytes([0x80 | opcode])
        length = len(payload)
        if length < 126:
            header += bytes([0x80 | length])
        elif length < 1 << 16:
            header += bytes([0x80 | 126]) + struct.pack(">H", length)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", length)
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(header + mask + masked)

    def send(self, text):
        self._send_frame(0x1, text.encode())

    def receive(self):
        message = b""
        while True:
            first, second = self._read(2)
            opcode, length = first & 0x0F, second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._read(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._read(8))[0]
            mask = self._read(4) if second & 0x80 else None
            payload = self._read(length)
            if mask:
                payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
            if opcode == 0x8:
                raise RuntimeError("DevTools closed the WebSocket")
            if opcode == 0x9:
                self._send_frame(0xA, payload)
                continue
            if opcode in (0x0, 0x1, 0x2):
                message += payload
                if first & 0x80:
                    return message.decode()

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


class DevTools:
    """Commands and events of one page target."""

    def __init__(self, url):
        self.ws = WebSocket(url)
        self.next_id = 0
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.receive())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_for(self, method, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(e["method"] == method for e in self.events):
                return True
            self.ws.sock.settimeout(max(0.1, deadline - time.monotonic()))
            try:
                message = json.loads(self.ws.receive())
            except socket.timeout:
                break
            if "method" in message:
                self.events.append(message)
        self.ws.sock.settimeout(TIMEOUT)
        return any(e["method"] == method for e in self.events)

    def drain(self, seconds):
        """Collects events for a while (late errors, timers)."""
        self.ws.sock.settimeout(0.05)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                message = json.loads(self.ws.receive())
            except socket.timeout:
                continue
            if "method" in message:
                self.events.append(message)
        self.ws.sock.settimeout(TIMEOUT)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError("script failed: " + json.dumps(result["exceptionDetails"])[:500])
        return result["result"].get("value")


def find_chromium(explicit):
    for candidate in [explicit, os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"]:
        if candidate and shutil.which(candidate):
            return shutil.which(candidate)
    return None


def launch(chromium, profile, window):
    arguments = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions",
                 "--no-first-run", "--no-default-browser-check", "--remote-debugging-port=0",
                 f"--user-data-dir={profile}", f"--window-size={window.replace('x', ',')}", "about:blank"]
    process = subprocess.Popen(arguments, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = os.path.join(profile, "DevToolsActivePort")
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"chromium exited with status {process.returncode} before DevTools started")
        try:
            with open(port_file) as handle:
                port = handle.readline().strip()
            if port:
                return process, int(port)
        except (FileNotFoundError, ValueError):
            pass
        time.sleep(0.1)
    process.kill()
    raise RuntimeError("chromium did not start DevTools within %d s" % TIMEOUT)


def page_target(port):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=TIMEOUT) as response:
            targets = json.load(response)
        pages = [t for t in targets if t.get("type") == "page" and t.get("webSocketDebuggerUrl")]
        if pages:
            return pages[0]["webSocketDebuggerUrl"]
        time.sleep(0.1)
    raise RuntimeError("chromium has no page target")


OUTSIDE_REFERENCES = r"""(() => {
  const bad = [];
  for (const element of document.querySelectorAll('[src], [href]')) {
    for (const name of ['src', 'href']) {
      const value = element.getAttribute(name);
      if (value && /^(https?:|\/\/|ftp:)/i.test(value.trim())) bad.push(name + '=' + value);
    }
  }
  for (const sheet of document.querySelectorAll('style')) {
    if (/url\(|@import/i.test(sheet.textContent)) bad.push('style sheet loads a resource');
  }
  for (const entry of performance.getEntriesByType('resource')) {
    if (!entry.name.startsWith('file:') && !entry.name.startsWith('data:')) bad.push('loaded ' + entry.name);
  }
  return bad;
})()"""

IMAGES = r"""(() => ({
  count: document.images.length,
  broken: Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.getAttribute('src'))
}))()"""

INTERACTION = r"""(() => {
  const text = Array.from(document.querySelectorAll('#text .markdown [data-id]'));
  const linked = text.find(e => document.querySelector('#pages [data-id="' + CSS.escape(e.dataset.id) + '"]'));
  if (!linked) return 'no block of the text has a box on a rendered page';
  const id = linked.dataset.id;
  linked.click();
  const boxes = document.querySelectorAll('#pages .box.active[data-id="' + CSS.escape(id) + '"]');
  if (!boxes.length) return 'clicking text ' + id + ' did not highlight its box';
  if (!linked.classList.contains('active')) return 'clicking text ' + id + ' did not highlight it';
  if (!document.getElementById('details').textContent.includes(id)) return 'details do not show ' + id;
  const other = Array.from(document.querySelectorAll('#pages .box')).find(b =>
    b.dataset.id !== id && document.querySelector('#text [data-id="' + CSS.escape(b.dataset.id) + '"]'));
  if (!other) return 'ok';
  other.click();
  const back = document.querySelector('#text [data-id="' + CSS.escape(other.dataset.id) + '"]');
  if (!back.classList.contains('active')) return 'clicking box ' + other.dataset.id + ' did not highlight its text';
  if (linked.classList.contains('active')) return 'the previous selection stayed highlighted';
  return 'ok';
})()"""


def problems_in(events):
    problems = []
    for event in events:
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            problems.append("uncaught exception: " + (details.get("exception", {}).get("description") or details.get("text", "")))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            problems.append("console error: " + " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            problems.append(f"console error ({entry.get('source')}): {entry.get('text')} {entry.get('url', '')}".strip())
    return problems


def check(index, screenshot, chromium, window):
    problems = []
    profile = tempfile.mkdtemp(prefix="inspect-chromium-")
    process = None
    devtools = None
    try:
        process, port = launch(chromium, profile, window)
        devtools = DevTools(page_target(port))
        for domain in ("Runtime", "Log", "Page"):
            devtools.call(domain + ".enable")
        devtools.call("Page.navigate", url="file://" + urllib.parse.quote(os.path.abspath(index)))
        if not devtools.wait_for("Page.loadEventFired"):
            problems.append("the page did not finish loading")
        devtools.drain(0.5)
        images = devtools.evaluate(IMAGES)
        if images["count"] == 0:
            problems.append("the page shows no page image")
        problems += ["image did not load: " + src for src in images["broken"]]
        problems += ["refers outside its folder: " + b for b in devtools.evaluate(OUTSIDE_REFERENCES)]
        outcome = devtools.evaluate(INTERACTION)
        if outcome != "ok":
            problems.append("interaction: " + str(outcome))
        devtools.drain(0.3)
        problems += problems_in(devtools.events)
        shot = devtools.call("Page.captureScreenshot", format="png")
        data = base64.b64decode(shot.get("data", ""))
        if not data.startswith(b"\x89PNG\r\n\x1a\n") or len(data) < 1000:
            problems.append("no usable screenshot")
        else:
            with open(screenshot, "wb") as handle:
                handle.write(data)
    finally:
        if devtools:
            try:
                devtools.call("Browser.close")
            except (RuntimeError, OSError):
                pass
            devtools.ws.close()
        if process:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(profile, ignore_errors=True)
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("index", help="the index.html that pdf2struct inspect wrote")
    parser.add_argument("--screenshot", required=True, help="where to write the screenshot (PNG)")
    parser.add_argument("--chromium", help="the browser binary (default: chromium on PATH, or $CHROMIUM)")
    parser.add_argument("--window", default="1400x1000", help="window size WIDTHxHEIGHT")
    options = parser.parse_args()
    if not os.path.isfile(options.index):
        print(f"check_inspect_html: no such file {options.index}", file=sys.stderr)
        return 1
    chromium = find_chromium(options.chromium)
    if not chromium:
        print("check_inspect_html: chromium not found; install the Debian package `chromium` "
              "(bash scripts/install-deps.sh)", file=sys.stderr)
        return 1
    try:
        problems = check(options.index, options.screenshot, chromium, options.window)
    except (RuntimeError, OSError, KeyError, ValueError) as error:
        problems = [f"could not drive chromium: {error}"]
    if problems:
        for problem in problems:
            print("check_inspect_html: " + problem, file=sys.stderr)
        return 1
    print(f"check_inspect_html: {options.index} loads cleanly; screenshot {options.screenshot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
