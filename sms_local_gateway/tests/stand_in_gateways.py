"""A stand-in of the SMS gateways on the loopback, answering as their documented APIs do:
Kavenegar (``/v1/<key>/sms/send.json``, ``/v1/<key>/verify/lookup.json``), sms.ir
(``/v1/send/bulk``, ``/v1/send/verify``, ``/v1/send/<id>``) and a generic HTTP gateway
(``/generic/send``). It keeps what each delivered in ``delivered``; ``mode`` makes it misbehave:
"busy" (503), "broken" (500 page), "slow" (answers after ``slow_seconds``, having delivered)."""

import contextlib
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

KAVENEGAR_KEY = "kavenegar-key"
SMS_IR_KEY = "sms-ir-key"
GENERIC_KEY = "generic-key"
IRANIAN_MOBILE = re.compile(r"^09\d{9}$")


class StandInGateways(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port=0):
        super().__init__(("127.0.0.1", port), StandInHandler)
        self.lock = threading.Lock()
        self.reset()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"

    def reset(self):
        self.mode = "ok"
        self.slow_seconds = 0
        self.credit = 100
        self.templates = {"complaint-ack", "200100"}
        self.delivered = []
        self.local_ids = {}
        self.delivery_states = {}
        self.requests = 0

    def deliver(self, **message):
        with self.lock:
            message["message_id"] = str(1000 + len(self.delivered))
            self.delivered.append(message)
            return message["message_id"]

    def start(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self):
        self.shutdown()
        self.server_close()


class StandInHandler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        self.handle_request({})

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        if self.headers.get("Content-Type", "").startswith("application/json"):
            params = json.loads(body or "null") or {}
        else:
            params = dict(parse_qsl(body))
        self.handle_request(params)

    def handle_request(self, params):
        server = self.server
        server.requests += 1
        url = urlsplit(self.path)
        params = {**dict(parse_qsl(url.query)), **params}
        if server.mode == "busy":
            return self.answer(503, "Service Unavailable", "text/html")
        if server.mode == "broken":
            return self.answer(500, "<html>Internal Server Error</html>", "text/html")
        if kavenegar := re.match(r"^/v1/([^/]+)/(sms/send|verify/lookup)\.json$", url.path):
            status, answer = self.kavenegar(kavenegar[1], kavenegar[2], params)
        elif url.path in ("/v1/send/bulk", "/v1/send/verify") or url.path.startswith("/v1/send/"):
            status, answer = self.sms_ir(url.path, params)
        elif url.path == "/generic/send":
            status, answer = self.generic(params)
        else:
            return self.answer(404, "not found", "text/plain")
        if server.mode == "slow":
            time.sleep(server.slow_seconds)
        self.answer(status, json.dumps(answer), "application/json")

    def answer(self, status, text, content_type):
        data = text.encode()
        try:
            self.send_response(status)
        except (BrokenPipeError, ConnectionResetError):
            return
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # a client that stopped waiting
            self.wfile.write(data)

    def kavenegar(self, key, method, params):
        server = self.server
        if refusal := self.kavenegar_refusal(key, method, params):
            return refusal[0], {"return": {"status": refusal[0], "message": refusal[1]}, "entries": None}
        receptor = params["receptor"]
        local_id = params.get("localid")
        with server.lock:
            seen = server.local_ids.get(local_id) if local_id else None
        if seen:  # Kavenegar sends a localid once: a repeated request gets the first answer
            message_id = seen
        else:
            if server.credit <= 0:
                return 418, {"return": {"status": 418, "message": "اعتبار حساب شما کافی نیست"}, "entries": None}
            server.credit -= 1
            message_id = server.deliver(
                provider="kavenegar",
                number=receptor,
                text=params.get("message"),
                template=params.get("template"),
                tokens={k: v for k, v in params.items() if k.startswith("token")},
            )
            if local_id:
                server.local_ids[local_id] = message_id
        entry = {
            "messageid": int(message_id),
            "message": params.get("message", ""),
            "status": 1,
            "statustext": "در صف ارسال",
            "sender": params.get("sender", "10004346"),
            "receptor": receptor,
            "date": int(time.time()),
            "cost": 120,
        }
        return 200, {"return": {"status": 200, "message": "تایید شد"}, "entries": [entry]}

    def kavenegar_refusal(self, key, method, params):
        """(code, message) of a request Kavenegar refuses before sending, or None."""
        receptor = params.get("receptor", "")
        tokens = (params.get(token, "") for token in ("token", "token2", "token3"))
        refusals = [
            (key != KAVENEGAR_KEY, 403, "کد شناسائی API-Key معتبر نمی‌باشد"),
            (
                not IRANIAN_MOBILE.match(receptor) and not re.match(r"^00\d{8,}$", receptor),
                411,
                "دریافت کننده نامعتبر است",
            ),
            (
                method == "verify/lookup" and params.get("template") not in self.server.templates,
                424,
                "الگوی مورد نظر پیدا نشد",
            ),
            (method == "verify/lookup" and any(" " in token for token in tokens), 431, "ساختار کد صحیح نمی‌باشد"),
            (method == "sms/send" and not params.get("message"), 413, "متن پیام خالی است"),
        ]
        return next(((code, message) for refused, code, message in refusals if refused), None)

    def sms_ir(self, path, params):
        server = self.server
        if self.headers.get("X-API-KEY") != SMS_IR_KEY:
            return 401, {"status": 10, "message": "کلید وب سرویس نامعتبر است", "data": None}
        if self.command == "GET":
            message_id = path.rsplit("/", 1)[1]
            state = server.delivery_states.get(message_id, 3)
            return 200, {"status": 1, "message": "موفق", "data": {"messageId": int(message_id), "deliveryState": state}}
        mobiles = params.get("mobiles") or [params.get("mobile", "")]
        refusals = [
            (not all(IRANIAN_MOBILE.match(str(mobile)) for mobile in mobiles), 104, "شماره موبایل نامعتبر است"),
            (path.endswith("/verify") and str(params.get("templateId")) not in server.templates, 113, "قالب یافت نشد"),
            (server.credit <= 0, 102, "اعتبار کافی نیست"),
        ]
        if refusal := next(((code, text) for refused, code, text in refusals if refused), None):
            return 400, {"status": refusal[0], "message": refusal[1], "data": None}
        server.credit -= 1
        message_id = server.deliver(
            provider="sms_ir",
            number=mobiles[0],
            text=params.get("messageText"),
            template=params.get("templateId"),
            tokens={p["name"]: p["value"] for p in params.get("parameters") or []},
        )
        if path.endswith("/verify"):
            return 200, {"status": 1, "message": "موفق", "data": {"messageId": int(message_id), "cost": 1.0}}
        return 200, {
            "status": 1,
            "message": "موفق",
            "data": {"packId": "p1", "messageIds": [int(message_id)], "cost": 1.0},
        }

    def generic(self, params):
        if params.get("api_key") != GENERIC_KEY:
            return 401, {"result": "denied"}
        message_id = self.server.deliver(
            provider="http", number=params.get("to"), text=params.get("text"), reference=params.get("ref")
        )
        return 200, {"result": "queued", "data": {"id": f"g-{message_id}"}}
