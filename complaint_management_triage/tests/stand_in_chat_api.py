"""A stand-in of an OpenAI-compatible chat endpoint on the loopback: ``POST /v1/chat/completions``
answered as ``{"choices": [{"message": {"role": "assistant", "content": …}}]}``. It keeps the
requests it was sent in ``received``, answers ``answer``, and fails the next request when
``fail_next`` is ``"error"`` (a 500), ``"slow"`` (answers after ``slow_seconds``) or ``"garbage"``
(an answer that is no JSON)."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class StandInChatApi(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port=0):
        super().__init__(("127.0.0.1", port), StandInChatHandler)
        self.reset()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}/v1"

    def reset(self):
        self.received = []
        self.answer = "A summary."
        self.fail_next = None
        self.slow_seconds = 3

    def start(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self):
        self.shutdown()
        self.server_close()


class StandInChatHandler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
        if self.path != "/v1/chat/completions":
            return self.reply(404, b'{"error": {"message": "not found"}}')
        self.server.received.append({"authorization": self.headers.get("Authorization"), **body})
        failure, self.server.fail_next = self.server.fail_next, None
        if failure == "error":
            return self.reply(500, b'{"error": {"message": "model crashed"}}')
        if failure == "garbage":
            return self.reply(200, b"<html>proxy error</html>")
        if failure == "slow":
            time.sleep(self.server.slow_seconds)
        answer = {
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "model": body.get("model"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": self.server.answer}}],
        }
        self.reply(200, json.dumps(answer).encode())

    def reply(self, status, data):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
