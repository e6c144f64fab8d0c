"""A stand-in of Telegram's Bot API (which Bale's copies) on the loopback: the methods a gateway
calls (getMe, getChat, sendMessage, sendPhoto, sendDocument, getFile, setWebhook, getWebhookInfo,
deleteWebhook, editMessageText) at ``/bot<token>/<method>``, form, JSON or multipart, answered as
the documented ``{"ok": true, "result": ...}``, and files at ``/file/bot<token>/<path>``. It keeps
what bots sent in ``sent`` and serves the files put in ``files``."""

import email.parser
import email.policy
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit

BOT_USER = {"id": 4242, "is_bot": True, "first_name": "Complaints", "username": "complaints_bot"}


class StandInBotApi(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port=0):
        super().__init__(("127.0.0.1", port), StandInBotHandler)
        self.lock = threading.Lock()
        self.reset()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"

    def reset(self):
        self.sent = []
        self.files = {}
        self.webhook = {}
        self.next_message_id = 500

    def add_file(self, file_id, data, path=None):
        self.files[file_id] = (path or f"documents/{file_id}", data)

    def start(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self):
        self.shutdown()
        self.server_close()


class StandInBotHandler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        path = unquote(urlsplit(self.path).path)
        if path.startswith("/file/bot"):
            file_path = path.split("/", 3)[3]
            for stored_path, data in self.server.files.values():
                if stored_path == file_path:
                    return self.answer(200, data, "application/octet-stream")
            return self.answer(404, b"not found", "text/plain")
        return self.call(path, dict(parse_qsl(urlsplit(self.path).query)))

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        content_type = self.headers.get("Content-Type", "")
        if content_type.startswith("application/json"):
            params = json.loads(body or b"{}")
        elif content_type.startswith("multipart/form-data"):
            params = self.multipart(content_type, body)
        else:
            params = dict(parse_qsl(body.decode()))
        self.call(unquote(urlsplit(self.path).path), params)

    @staticmethod
    def multipart(content_type, body):
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + body
        )
        params = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if part.get_filename():
                params[name] = {"filename": part.get_filename(), "size": len(part.get_payload(decode=True))}
            else:
                params[name] = part.get_payload(decode=True).decode()
        return params

    def call(self, path, params):
        try:
            _empty, bot, method = path.split("/", 2)
        except ValueError:
            return self.answer(404, b"not found", "text/plain")
        token = bot[3:]
        handler = getattr(self, f"method_{method}", None)
        if not bot.startswith("bot") or not handler:
            return self.reply({"ok": False, "error_code": 404, "description": "Not Found"}, 404)
        params = {
            key: json.loads(value) if key == "reply_markup" and isinstance(value, str) else value
            for key, value in params.items()
        }
        try:
            result = handler(token, params)
        except KeyError:  # what Telegram answers for an unknown file or chat
            return self.reply({"ok": False, "error_code": 400, "description": "Bad Request: wrong file_id"}, 400)
        return self.reply({"ok": True, "result": result})

    def reply(self, payload, status=200):
        self.answer(status, json.dumps(payload).encode(), "application/json")

    def answer(self, status, data, content_type):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def message(self, chat_id, **content):
        with self.server.lock:
            self.server.next_message_id += 1
            message_id = self.server.next_message_id
        return {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": int(chat_id), "type": "private"},
            "from": BOT_USER,
            **content,
        }

    def record(self, token, method, params):
        with self.server.lock:
            self.server.sent.append({"token": token, "method": method, **params})

    def method_getMe(self, token, params):
        return BOT_USER

    def method_getChat(self, token, params):
        return {
            "id": int(params["chat_id"]),
            "type": "private",
            "first_name": "Customer",
            "accent_color_id": 0,
            "max_reaction_count": 11,
        }

    def method_sendMessage(self, token, params):
        self.record(token, "sendMessage", params)
        return self.message(params["chat_id"], text=params.get("text", ""))

    def method_sendPhoto(self, token, params):
        self.record(token, "sendPhoto", params)
        return self.message(params["chat_id"], photo=[{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}])

    def method_sendDocument(self, token, params):
        self.record(token, "sendDocument", params)
        return self.message(params["chat_id"], document={"file_id": "d", "file_unique_id": "d"})

    def method_editMessageText(self, token, params):
        self.record(token, "editMessageText", params)
        return self.message(params["chat_id"], text=params.get("text", ""))

    def method_getFile(self, token, params):
        path, data = self.server.files[params["file_id"]]
        return {
            "file_id": params["file_id"],
            "file_unique_id": params["file_id"],
            "file_size": len(data),
            "file_path": path,
        }

    def method_setWebhook(self, token, params):
        self.server.webhook = {"token": token, **params}
        return True

    def method_getWebhookInfo(self, token, params):
        return {"url": self.server.webhook.get("url", ""), "has_custom_certificate": False, "pending_update_count": 0}

    def method_deleteWebhook(self, token, params):
        self.server.webhook = {}
        return True


def update(update_id, chat_id, text=None, first_name="Sara", language_code=None, **content):
    """A webhook update of Telegram's (and Bale's) shape: a private message from ``chat_id``."""
    message = {
        "message_id": update_id * 10,
        "date": int(time.time()),
        "chat": {"id": chat_id, "type": "private", "first_name": first_name},
        "from": {"id": chat_id, "is_bot": False, "first_name": first_name},
        **content,
    }
    if language_code:
        message["from"]["language_code"] = language_code
    if text is not None:
        message["text"] = text
    return {"update_id": update_id, "message": message}
