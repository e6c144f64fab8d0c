"""Screenshots of the customer portal for the README, taken by headless Chromium.

Needs `make run` serving the demo database (HTTP_PORT, DB_NAME). Installs Persian (fa_IR) in that
database if missing, then shoots the portal pages as the demo portal user, the public complaint
form and the feedback page (a new feedback request on the demo complaint, in the customer's
language) in English and in Persian, at desktop (1280 px) and phone (375 px) width; the
acknowledgement email and the decision letter of a Persian customer (the report's HTML, which the
PDF is made from, and the PDF's first page when poppler's pdftoppm is installed);
the manager dashboard and the kanban as admin, and the Persian demo team's kanban and team form as
its leader (in Persian), into docs/; a Kavenegar SMS gateway's form and setting into
sms_local_gateway/static/description/, and a Bale and a WhatsApp gateway's form into
complaint_management_mail_gateway/static/description/.

    .venv/bin/python scripts/screenshots.py
"""

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
import xmlrpc.client

import requests
import websocket

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASE = f"http://localhost:{os.environ.get('HTTP_PORT', '8069')}"
DB = os.environ.get("DB_NAME", "complaints")
DEVICES = {"desktop": (1280, 860, False), "phone": (375, 812, True)}
LANGS = {"en": "en_US", "fa": "fa_IR"}


def admin_rpc():
    uid = xmlrpc.client.ServerProxy(f"{BASE}/xmlrpc/2/common").authenticate(DB, "admin", "admin", {})
    models = xmlrpc.client.ServerProxy(f"{BASE}/xmlrpc/2/object", allow_none=True)
    return lambda model, method, *args, **kw: models.execute_kw(DB, uid, "admin", model, method, list(args), kw)


def prepare(rpc):
    """Persian installed (its terms for every app, which the demo's activation does not load); the
    demo complaint to show; the portal user's id."""
    lang = rpc("res.lang", "search_read", [("code", "=", "fa_IR")], ["active"], context={"active_test": False})[0]
    wizard = rpc("base.language.install", "create", {"lang_ids": [(6, 0, [lang["id"]])], "overwrite": False})
    rpc("base.language.install", "lang_install", [wizard])
    complaint = rpc(
        "ir.model.data",
        "search_read",
        [("module", "=", "complaint_management"), ("name", "=", "complaint_complaint_portal_1_demo")],
        ["res_id"],
    )
    portal = rpc("res.users", "search", [("login", "=", "portal")])
    return complaint[0]["res_id"], portal[0]


def login(user):
    """The session id of the demo user `user` (whose password is their login)."""
    session = requests.Session()
    session.post(
        f"{BASE}/web/session/authenticate",
        json={"jsonrpc": "2.0", "params": {"db": DB, "login": user, "password": user}},
    ).raise_for_status()
    return session.cookies["session_id"]


def feedback_token(rpc, complaint_id):
    """The token of a new feedback request on the complaint, asked by the follow-up action."""
    rpc("complaint.complaint", "write", [complaint_id], {"date_feedback_due": "2000-01-01 00:00:00"})
    cron = rpc(
        "ir.model.data",
        "search_read",
        [("module", "=", "complaint_management"), ("name", "=", "ir_cron_complaint_followup")],
        ["res_id"],
    )
    rpc("ir.cron", "method_direct_trigger", [cron[0]["res_id"]])
    feedback = rpc(
        "complaint.feedback",
        "search_read",
        [("complaint_id", "=", complaint_id), ("state", "=", "requested")],
        ["access_token"],
    )
    return feedback[0]["access_token"]


def acknowledgement_html(rpc, portal_partner_id):
    """The acknowledgement email, as queued for the portal customer, of a complaint filed for them."""
    complaint = rpc(
        "complaint.complaint",
        "create",
        {
            "subject": "Late delivery of my order",
            "partner_id": portal_partner_id,
            "channel": "phone",
            "description": "<p>The parcel came a week late.</p>",
        },
    )
    cron = rpc(
        "ir.model.data",
        "search_read",
        [("module", "=", "complaint_management"), ("name", "=", "ir_cron_complaint_acknowledge")],
        ["res_id"],
    )
    rpc("ir.cron", "method_direct_trigger", [cron[0]["res_id"]])
    mails = rpc(
        "mail.mail", "search_read", [("model", "=", "complaint.complaint"), ("res_id", "=", complaint)], ["body_html"]
    )
    return mails[0]["body_html"]


class Browser:
    """Just enough of the DevTools protocol: cookies, viewport, navigation, screenshots."""

    def __init__(self):
        self.profile = tempfile.mkdtemp()
        self.process = subprocess.Popen(
            [
                shutil.which("chromium") or shutil.which("chromium-browser") or "chromium",
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--remote-debugging-port=9333",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _i in range(50):
            try:
                target = next(t for t in requests.get("http://127.0.0.1:9333/json").json() if t["type"] == "page")
                break
            except (requests.ConnectionError, StopIteration):
                time.sleep(0.2)
        self.ws = websocket.create_connection(target["webSocketDebuggerUrl"])
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                return message.get("result", {})

    def shoot(self, url, path, device, cookies, scroll_to=None):
        width, height, mobile = DEVICES[device]
        self.call("Network.enable")
        self.call("Network.clearBrowserCookies")
        for name, value in cookies.items():
            self.call("Network.setCookie", name=name, value=value, url=BASE)
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=mobile)
        self.call("Page.navigate", url=url)
        time.sleep(4)  # the page, its assets and the chat, loaded by script after the page
        if scroll_to:
            self.call("Runtime.evaluate", expression=f"document.getElementById('{scroll_to}').scrollIntoView()")
            time.sleep(0.5)
        shot = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=False)
        with open(path, "wb") as file:
            file.write(base64.b64decode(shot["data"]))
        print("wrote", os.path.relpath(path, ROOT))

    def close(self):
        self.ws.close()
        self.process.terminate()
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    rpc = admin_rpc()
    complaint_id, portal_id = prepare(rpc)
    token = feedback_token(rpc, complaint_id)
    browser = Browser()
    try:
        for short, code in LANGS.items():
            rpc("res.users", "write", [portal_id], {"lang": code})
            cookies = {"session_id": login("portal"), "frontend_lang": code}
            for device in DEVICES:
                for page, url in (("list", "/my/complaints"), ("detail", f"/my/complaints/{complaint_id}")):
                    browser.shoot(
                        f"{BASE}{url}",
                        os.path.join(ROOT, "docs", f"portal-{page}-{short}-{device}.png"),
                        device,
                        cookies,
                    )
                browser.shoot(
                    f"{BASE}/complaints/new",
                    os.path.join(ROOT, "docs", f"public-new-{short}-{device}.png"),
                    device,
                    {"frontend_lang": code},
                )
                browser.shoot(
                    f"{BASE}/complaints/feedback/{token}?rating=4",
                    os.path.join(ROOT, "docs", f"feedback-{short}-{device}.png"),
                    device,
                    {},
                )
        admin = login("admin")
        rpc("res.users", "write", [portal_id], {"lang": "fa_IR"})
        partner_id = rpc("res.users", "read", [portal_id], ["partner_id"])[0]["partner_id"][0]
        with tempfile.NamedTemporaryFile("w", suffix=".html") as email:
            email.write(acknowledgement_html(rpc, partner_id))
            email.flush()
            browser.shoot(f"file://{email.name}", os.path.join(ROOT, "docs", "email-fa.png"), "desktop", {})
        decided = rpc(
            "complaint.complaint",
            "search",
            [("partner_id", "=", partner_id), ("resolution_type", "!=", False), ("date_resolved", "!=", False)],
            limit=1,
        )
        letter = f"{BASE}/report/html/complaint_management.report_complaint_resolution_letter/{decided[0]}"
        browser.shoot(letter, os.path.join(ROOT, "docs", "letter-fa.png"), "desktop", {"session_id": admin})
        pdf = requests.get(letter.replace("/report/html/", "/report/pdf/"), cookies={"session_id": admin}, timeout=120)
        pdf.raise_for_status()
        pdf_first_page(pdf.content, os.path.join(ROOT, "docs", "letter-pdf-fa.png"))
        browser.shoot(
            f"{BASE}/odoo/action-complaint_management.complaint_dashboard_action",
            os.path.join(ROOT, "docs", "dashboard.png"),
            "desktop",
            {"session_id": admin},
        )
        browser.shoot(
            f"{BASE}/odoo/action-complaint_management.complaint_complaint_action",
            os.path.join(ROOT, "docs", "kanban.png"),
            "desktop",
            {"session_id": admin},
        )
        leader = login("farzaneh")
        team = rpc(
            "ir.model.data",
            "search_read",
            [("module", "=", "complaint_management"), ("name", "=", "complaint_team_aftab_demo")],
            ["res_id"],
        )
        browser.shoot(
            f"{BASE}/odoo/action-complaint_management.complaint_complaint_action",
            os.path.join(ROOT, "docs", "kanban-fa.png"),
            "desktop",
            {"session_id": leader},
        )
        browser.shoot(
            f"{BASE}/odoo/action-complaint_management.complaint_team_action/{team[0]['res_id']}",
            os.path.join(ROOT, "docs", "team-fa.png"),
            "desktop",
            {"session_id": leader},
        )
        sms_gateway_shots(rpc, browser)
        bale_gateway_shots(rpc, browser)
        whatsapp_gateway_shots(rpc, browser)
    finally:
        rpc("res.users", "write", [portal_id], {"lang": "en_US"})
        browser.close()


def sms_gateway_shots(rpc, browser):
    """The form of a Kavenegar gateway and the company's SMS gateway setting, in English and in
    Persian, for the README of sms_local_gateway; the gateway is removed afterwards and the
    company keeps the gateway it had."""
    gateway = rpc(
        "sms.gateway",
        "create",
        {"name": "Kavenegar", "provider": "kavenegar", "api_key": "0123456789abcdef", "sender": "10004346"},
    )
    acknowledgement = rpc(
        "ir.model.data",
        "search_read",
        [("module", "=", "complaint_management"), ("name", "=", "sms_template_complaint_acknowledgement")],
        ["res_id"],
    )[0]["res_id"]
    rpc(
        "sms.gateway.template",
        "create",
        {
            "gateway_id": gateway,
            "sms_template_id": acknowledgement,
            "provider_template": "complaint-ack",
            "parameter_ids": [(0, 0, {"name": "token", "value": "{{ object.name }}"})],
        },
    )
    company = rpc("res.users", "read", [rpc("res.users", "search", [("login", "=", "admin")])[0]], ["company_id"])
    company_id = company[0]["company_id"][0]
    before = rpc("res.company", "read", [company_id], ["sms_gateway_id"])[0]["sms_gateway_id"]
    rpc("res.company", "write", [company_id], {"sms_gateway_id": gateway})
    admin_id = rpc("res.users", "search", [("login", "=", "admin")])[0]
    try:
        for short, code in LANGS.items():
            rpc("res.users", "write", [admin_id], {"lang": code})
            cookies = {"session_id": login("admin")}
            browser.shoot(
                f"{BASE}/odoo/action-sms_local_gateway.sms_gateway_action/{gateway}",
                os.path.join(ROOT, "sms_local_gateway", "static", "description", f"gateway-{short}.png"),
                "desktop",
                cookies,
            )
            browser.shoot(
                f"{BASE}/odoo/settings",
                os.path.join(ROOT, "sms_local_gateway", "static", "description", f"setting-{short}.png"),
                "desktop",
                cookies,
                scroll_to="sms_gateway_setting",
            )
    finally:
        rpc("res.users", "write", [admin_id], {"lang": "en_US"})
        rpc("res.company", "write", [company_id], {"sms_gateway_id": before and before[0]})
        rpc("sms.gateway", "unlink", [gateway])


def bale_gateway_shots(rpc, browser):
    """The form of a Bale gateway (OCA's mail_gateway), in English and in Persian, for the README
    of complaint_management_mail_gateway; the gateway is removed afterwards."""
    admin_id = rpc("res.users", "search", [("login", "=", "admin")])[0]
    gateway = rpc(
        "mail.gateway",
        "create",
        {
            "name": "Bale",
            "gateway_type": "bale",
            "token": "1234567890:screenshot-token",
            "webhook_key": "a-long-random-webhook-key",
            "member_ids": [(6, 0, [admin_id])],
            "complaint_intake": True,
        },
    )
    try:
        for short, code in LANGS.items():
            rpc("res.users", "write", [admin_id], {"lang": code})
            browser.shoot(
                f"{BASE}/odoo/action-mail_gateway.mail_gateway_act_window/{gateway}",
                os.path.join(
                    ROOT, "complaint_management_mail_gateway", "static", "description", f"gateway-{short}.png"
                ),
                "desktop",
                {"session_id": login("admin")},
            )
    finally:
        rpc("res.users", "write", [admin_id], {"lang": "en_US"})
        rpc("mail.gateway", "unlink", [gateway])


def whatsapp_gateway_shots(rpc, browser):
    """The form of a WhatsApp gateway (OCA's mail_gateway_whatsapp), in English, for the README;
    the gateway is removed afterwards."""
    admin_id = rpc("res.users", "search", [("login", "=", "admin")])[0]
    gateway = rpc(
        "mail.gateway",
        "create",
        {
            "name": "WhatsApp",
            "gateway_type": "whatsapp",
            "token": "EAAG-a-permanent-access-token",
            "webhook_key": "a-long-random-webhook-key",
            "webhook_secret": "the-apps-secret",
            "whatsapp_security_key": "a-long-random-verify-token",
            "whatsapp_from_phone": "106540352242922",
            "whatsapp_account_id": "102290129340398",
            "member_ids": [(6, 0, [admin_id])],
            "complaint_intake": True,
        },
    )
    try:
        browser.shoot(
            f"{BASE}/odoo/action-mail_gateway.mail_gateway_act_window/{gateway}",
            os.path.join(ROOT, "complaint_management_mail_gateway", "static", "description", "whatsapp-gateway-en.png"),
            "desktop",
            {"session_id": login("admin")},
        )
    finally:
        rpc("mail.gateway", "unlink", [gateway])


def pdf_first_page(pdf, path):
    """The first page of the PDF `pdf` (bytes) as a picture at `path`, by poppler's pdftoppm."""
    if not shutil.which("pdftoppm"):
        print(f"no pdftoppm (Debian's poppler-utils): {path} left as it is")
        return
    with tempfile.TemporaryDirectory() as folder:
        source = os.path.join(folder, "letter.pdf")
        with open(source, "wb") as file:
            file.write(pdf)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-singlefile", source, os.path.join(folder, "page")], check=True
        )
        shutil.move(os.path.join(folder, "page.png"), path)
    print("wrote", os.path.relpath(path, ROOT))


if __name__ == "__main__":
    main()
