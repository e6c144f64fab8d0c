"""A stand-in of WhatsApp's Cloud API (Meta's Graph API) on the loopback, for what a gateway
calls: ``GET /v<version>/<media id>`` (the file's address, type and size) and the file at that
address, ``POST /v<version>/<phone number id>/media`` (an upload, multipart) and ``/messages``
(JSON: text, template or a sent file), ``GET /v<version>/<account id>/message_templates``. It
asks for the gateway's token as a bearer, answers Graph's errors (``{"error": {"message",
"type", "code", "fbtrace_id"}}``), keeps what was sent in ``sent`` and ``uploads``, serves the
files put in ``media``, and fails the next send when ``fail_next`` is set."""

import email.parser
import email.policy
import hashlib
import hmac
import itertools
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

TOKEN = "graph-token"
ERRORS = {
    "token": (401, {"message": "Invalid OAuth access token.", "type": "OAuthException", "code": 190}),
    "object": (400, {"message": "Unsupported get request.", "type": "GraphMethodException", "code": 100}),
    "parameter": (400, {"message": "(#100) Invalid parameter", "type": "OAuthException", "code": 100}),
    "rate": (400, {"message": "(#130429) Rate limit hit", "type": "OAuthException", "code": 130429}),
    "down": (503, {"message": "Service temporarily unavailable", "type": "OAuthException", "code": 2}),
}


class StandInGraphApi(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port=0):
        super().__init__(("127.0.0.1", port), StandInGraphHandler)
        self.lock = threading.Lock()
        self.ids = itertools.count(1)
        self.reset()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def reset(self):
        self.sent = []
        self.uploads = []
        self.media = {}
        self.templates = []
        self.fail_next = None

    def add_media(self, media_id, data, mime_type):
        self.media[media_id] = (data, mime_type)

    def start(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self):
        self.shutdown()
        self.server_close()


class StandInGraphHandler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if not self.authorised():
            return
        parts = urlsplit(self.path).path.strip("/").split("/")
        if parts[0] == "download" and len(parts) == 2 and parts[1] in self.server.media:
            data, mime_type = self.server.media[parts[1]]
            return self.answer(200, data, mime_type)
        if len(parts) == 3 and parts[2] == "message_templates":
            return self.reply({"data": self.server.templates, "paging": {}})
        if len(parts) == 2 and parts[1] in self.server.media:
            data, mime_type = self.server.media[parts[1]]
            return self.reply(
                {
                    "messaging_product": "whatsapp",
                    "url": f"{self.server.url}download/{parts[1]}",
                    "mime_type": mime_type,
                    "sha256": hashlib.sha256(data).hexdigest(),
                    "file_size": len(data),
                    "id": parts[1],
                }
            )
        return self.error("object")

    def do_POST(self):
        if not self.authorised():
            return
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        parts = urlsplit(self.path).path.strip("/").split("/")
        if len(parts) != 3 or parts[2] not in ("messages", "media"):
            return self.error("object")
        if self.server.fail_next:
            failure, self.server.fail_next = self.server.fail_next, None
            return self.error(failure)
        if parts[2] == "media":
            return self.upload(parts[1], body)
        message = json.loads(body or b"{}")
        if message.get("messaging_product") != "whatsapp" or not str(message.get("to", "")).isdigit():
            return self.error("parameter")
        with self.server.lock:
            self.server.sent.append({"phone_number_id": parts[1], **message})
        return self.reply(
            {
                "messaging_product": "whatsapp",
                "contacts": [{"input": message["to"], "wa_id": message["to"]}],
                "messages": [{"id": f"wamid.{next(self.server.ids)}"}],
            }
        )

    def upload(self, phone_number_id, body):
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            f"Content-Type: {self.headers['Content-Type']}\r\n\r\n".encode() + body
        )
        fields = {part.get_param("name", header="content-disposition"): part for part in message.iter_parts()}
        if "file" not in fields or fields.get("messaging_product") is None:
            return self.error("parameter")
        media_id = f"up{next(self.server.ids)}"
        data = fields["file"].get_payload(decode=True)
        with self.server.lock:
            self.server.uploads.append(
                {"id": media_id, "name": fields["file"].get_filename(), "type": fields["file"].get_content_type()}
            )
            self.server.media[media_id] = (data, fields["file"].get_content_type())
        return self.reply({"id": media_id})

    def authorised(self):
        if self.headers.get("Authorization") != f"Bearer {TOKEN}":
            self.error("token")
            return False
        return True

    def error(self, kind):
        status, error = ERRORS[kind]
        self.reply({"error": {**error, "fbtrace_id": "AbCdEf"}}, status)

    def reply(self, payload, status=200):
        self.answer(status, json.dumps(payload).encode(), "application/json")

    def answer(self, status, data, content_type):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def webhook_update(message_id, wa_id, name="Sara", text=None, **content):
    """A webhook update of the Cloud API's shape: a message from ``wa_id`` (its phone number),
    text or ``content`` (``image={"id": …, "mime_type": …}``, ``type`` is taken from its key)."""
    kind = next(iter(content), "text") if text is None else "text"
    message = {"from": wa_id, "id": f"wamid.in{message_id}", "timestamp": str(int(time.time())), "type": kind}
    if text is not None:
        message["text"] = {"body": text}
    message.update(content)
    return {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "102290129340398",
                "changes": [
                    {
                        "field": "messages",
                        "value": {
                            "messaging_product": "whatsapp",
                            "metadata": {"display_phone_number": "982100000000", "phone_number_id": "106540352242922"},
                            "contacts": [{"profile": {"name": name}, "wa_id": wa_id}],
                            "messages": [message],
                        },
                    }
                ],
            }
        ],
    }


def status_update(message_id, wa_id, status, errors=None):
    """A webhook update telling a sent message's ``status`` (sent, delivered, read, failed)."""
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "982100000000", "phone_number_id": "106540352242922"},
        "statuses": [
            {
                "id": message_id,
                "status": status,
                "timestamp": str(int(time.time())),
                "recipient_id": wa_id,
                **({"errors": errors} if errors else {}),
            }
        ],
    }
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": "1", "changes": [{"field": "messages", "value": value}]}],
    }


def signature(secret, body):
    """The ``X-Hub-Signature-256`` Meta sends with ``body``: its HMAC-SHA256 under the app secret."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
