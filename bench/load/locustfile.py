"""The people of the load test, as their browsers talk to Odoo: visitors filing a complaint on the
public form, customers following the link of their complaint, portal customers opening their list
and a complaint, staff opening the kanban; and the peer's customers doing the same on its portal.

Run by bench/load/run.py (with locust's interpreter); LOAD_FIXTURE names the JSON file that
bench/load/prepare.py wrote, LOAD_FORM_SECONDS how long a visitor takes to fill in the form (at
least what the form's anti-spam asks).
"""

import itertools
import json
import os
import random
import re
import sys

import gevent
from locust import HttpUser, between, constant, task

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from kanban import COMPLAINT_CARD  # noqa: E402

with open(os.environ["LOAD_FIXTURE"]) as fixture_file:
    FIXTURE = json.load(fixture_file)
DB = os.environ.get("LOAD_BENCH_DB", "complaints_bench_load")
FORM_SECONDS = float(os.environ.get("LOAD_FORM_SECONDS", "3.5"))
# the subjects of the complaints the form accepted, one a line: counted in the database after
ACCEPTED = os.environ.get("LOAD_ACCEPTED")
HIDDEN_INPUT = re.compile(r'name="(csrf_token|form_stamp)"\s+value="([^"]+)"')
# each filing comes from a visitor address of its own (10.x.y.z), as a burst from a post brings
# them; Odoo runs behind a proxy (--proxy-mode) that says who the visitor is
ADDRESSES = itertools.count(random.randrange(1 << 20) << 2)


def visitor_headers(host):
    number = next(ADDRESSES) % (1 << 24)
    address = f"10.{number >> 16}.{(number >> 8) & 255}.{number & 255}"
    return {"X-Forwarded-For": address, "X-Forwarded-Host": host, "X-Forwarded-Proto": "http"}


class Visitor(HttpUser):
    abstract = True
    wait_time = between(1, 2)

    def open(self, url, name, marker):
        """GET `url` as a page the visitor sees (no redirect, e.g. to the login page), with `marker` in it."""
        with self.client.get(url, name=name, allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
            elif marker not in response.text:
                response.failure(f"{marker!r} not on the page")

    def log_in(self, login, password):
        response = self.client.post(
            "/web/session/authenticate",
            name="log in",
            json={"jsonrpc": "2.0", "method": "call", "params": {"db": DB, "login": login, "password": password}},
        )
        if "error" in response.json():
            raise RuntimeError(f"{login} cannot log in: {response.json()['error']['data']['message']}")


class Filer(Visitor):
    """A visitor files a complaint on the public form: fetches it, takes the time a person takes
    to fill it in, sends it; the next one is another visitor (another address, another email)."""

    wait_time = constant(0)
    weight = 3

    @task
    def file_complaint(self):
        self.client.cookies.clear()
        headers = visitor_headers(self.host.split("//", 1)[-1])
        form = self.client.get("/complaints/new", name="/complaints/new (form)", headers=headers)
        hidden = dict(HIDDEN_INPUT.findall(form.text))
        if form.status_code != 200 or len(hidden) != 2:
            return
        gevent.sleep(FORM_SECONDS)
        number = random.randrange(10**12)
        with self.client.post(
            "/complaints/new",
            name="/complaints/new (send)",
            headers=headers,
            catch_response=True,
            data={
                **hidden,
                "website_url": "",
                "name": f"Load visitor {number}",
                "email": f"visitor{number}@load.example.com",
                "subject": f"Load complaint {number}",
                "description": "The parcel arrived broken and nobody answers the phone.",
            },
        ) as response:
            if response.status_code != 200 or "o_complaint_thanks" not in response.text:
                response.failure(f"HTTP {response.status_code}, not filed")
            elif ACCEPTED:
                with open(ACCEPTED, "a") as accepted:
                    accepted.write(f"Load complaint {number}\n")


# our routes and the peer's, for the scenarios both have: the portal list (and what each row
# shows) and the page of one record
ROUTES = {
    "ours": {"list": ("/my/complaints", "o_complaint_row"), "page": "/my/complaints/{id}"},
    "peer": {"list": ("/my/tickets", "/my/ticket/"), "page": "/my/ticket/{id}"},
}


class Customer(Visitor):
    """A portal customer, logged in: the list of their complaints, then one of them."""

    abstract = True
    side = "ours"
    weight = 3

    def on_start(self):
        self.login = random.choice(FIXTURE[self.side]["customers"])
        self.log_in(self.login, self.login)
        self.records = [r for r in FIXTURE[self.side]["records"] if r["login"] == self.login]

    @task
    def list_and_open(self):
        routes = ROUTES[self.side]
        url, marker = routes["list"]
        self.open(url, f"{self.side}: portal list", marker)
        record = random.choice(self.records)
        self.open(routes["page"].format(id=record["id"]), f"{self.side}: portal page", "o_portal")


class Tracker(Visitor):
    """A customer, not logged in, follows the link of their complaint (with its access token)."""

    abstract = True
    side = "ours"
    weight = 3

    @task
    def follow_link(self):
        self.client.cookies.clear()
        record = random.choice(FIXTURE[self.side]["records"])
        url = ROUTES[self.side]["page"].format(id=record["id"])
        self.open(f"{url}?access_token={record['token']}", f"{self.side}: tracking link", "o_portal")


class OurCustomer(Customer):
    side = "ours"


class PeerCustomer(Customer):
    side = "peer"


class OurTracker(Tracker):
    side = "ours"


class PeerTracker(Tracker):
    side = "peer"


class Staff(Visitor):
    """Staff open the complaints' kanban (open ones, by stage) as the web client asks for it."""

    weight = 1
    domain = [["is_closed", "=", False]]

    def on_start(self):
        self.log_in(FIXTURE["ours"]["staff"], "bench")
        self.odoo_context = {"lang": "en_US", "tz": "Asia/Tehran", "search_default_open": 1}

    def call(self, method, name, *args, **kwargs):
        with self.client.post(
            f"/web/dataset/call_kw/complaint.complaint/{method}",
            name=name,
            catch_response=True,
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "params": {
                    "model": "complaint.complaint",
                    "method": method,
                    "args": list(args),
                    "kwargs": {**kwargs, "context": self.odoo_context},
                },
            },
        ) as response:
            answer = response.json()
            if "error" in answer:
                response.failure(answer["error"]["data"]["message"])
                return None
            return answer["result"]

    @task
    def open_kanban(self):
        groups = self.call(
            "web_read_group", "ours: kanban columns", self.domain, ["stage_id"], ["stage_id"], limit=80, lazy=True
        )
        self.call(
            "read_progress_bar",
            "ours: kanban progress bars",
            self.domain,
            "stage_id",
            {"field": "kanban_state", "colors": {"done": "success", "blocked": "danger", "normal": "200"}},
        )
        for group in (groups or {}).get("groups", []):
            if not group.get("__fold") and group["stage_id"]:
                self.call(
                    "web_search_read",
                    "ours: kanban cards (a column)",
                    self.domain + [["stage_id", "=", group["stage_id"][0]]],
                    COMPLAINT_CARD,
                    limit=40,
                    count_limit=None,
                )
