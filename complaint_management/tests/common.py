import re
from contextlib import closing
from datetime import datetime

from freezegun import freeze_time

from odoo import SUPERUSER_ID, api
from odoo.sql_db import db_connect
from odoo.tests import HttpCase, TransactionCase, new_test_user


class ComplaintCommon(TransactionCase):
    """Users per role, two teams, categories and a customer with a contact; no demo data used."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, mail_notrack=True))
        user_group = "base.group_user,complaint_management.group_complaint_user"
        cls.manager = new_test_user(
            cls.env,
            login="cm_manager",
            name="Maryam Manager",
            email="manager@example.com",
            groups="base.group_user,complaint_management.group_complaint_manager",
        )
        cls.user_a1 = new_test_user(cls.env, login="cm_a1", name="Ali A1", email="a1@example.com", groups=user_group)
        cls.user_a2 = new_test_user(cls.env, login="cm_a2", name="Bita A2", email="a2@example.com", groups=user_group)
        cls.user_a3 = new_test_user(cls.env, login="cm_a3", name="Cyrus A3", email="a3@example.com", groups=user_group)
        cls.user_b1 = new_test_user(cls.env, login="cm_b1", name="Dara B1", email="b1@example.com", groups=user_group)

        cls.stage_new = cls.env.ref("complaint_management.complaint_stage_new")
        cls.stage_progress = cls.env.ref("complaint_management.complaint_stage_in_progress")
        cls.stage_waiting = cls.env.ref("complaint_management.complaint_stage_waiting")
        cls.stage_resolved = cls.env.ref("complaint_management.complaint_stage_resolved")
        cls.stage_closed = cls.env.ref("complaint_management.complaint_stage_closed")

        Category = cls.env["complaint.category"]
        cls.category_delivery = Category.create({"name": "Test delivery"})
        cls.category_late = Category.create({"name": "Test late", "parent_id": cls.category_delivery.id})
        cls.category_billing = Category.create({"name": "Test billing"})

        Team = cls.env["complaint.team"]
        cls.team_a = Team.create(
            {
                "name": "Team A",
                "member_ids": [(6, 0, (cls.user_a1 | cls.user_a2 | cls.user_a3).ids)],
                "assignment_method": "round_robin",
                "category_ids": [(6, 0, cls.category_delivery.ids)],
            }
        )
        cls.team_b = Team.create(
            {
                "name": "Team B",
                "member_ids": [(6, 0, cls.user_b1.ids)],
                "leader_id": cls.user_b1.id,
                "category_ids": [(6, 0, cls.category_billing.ids)],
            }
        )

        Partner = cls.env["res.partner"]
        cls.customer = Partner.create(
            {"name": "Parsa Trading", "is_company": True, "email": "info@parsa.example.com", "lang": "en_US"}
        )
        cls.customer_contact = Partner.create(
            {"name": "Sara Parsa", "parent_id": cls.customer.id, "email": "sara@parsa.example.com"}
        )
        cls.other_customer = Partner.create({"name": "Other Ltd", "email": "hello@other.example.com"})

    @classmethod
    def _create_complaint(cls, **values):
        vals = {"subject": "The parcel arrived broken", "partner_id": cls.customer.id}
        vals.update(values)
        return cls.env["complaint.complaint"].create(vals)


class ComplaintPortalCommon(HttpCase):
    """Two portal customers with a complaint each, a team promising answers, and helpers to
    post the portal and public forms as a browser does."""

    PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team = cls.env["complaint.team"].create({"name": "Portal team", "response_hours": 24})
        cls.portal_a = new_test_user(
            cls.env,
            login="cm_portal_a",
            name="Reza Portal",
            email="reza@portal-a.example.com",
            groups="base.group_portal",
        )
        cls.portal_b = new_test_user(
            cls.env,
            login="cm_portal_b",
            name="Nina Portal",
            email="nina@portal-b.example.com",
            groups="base.group_portal",
        )
        Complaint = cls.env["complaint.complaint"]
        cls.complaint_a = Complaint.create(
            {"subject": "Lamp arrived broken", "partner_id": cls.portal_a.partner_id.id, "team_id": cls.team.id}
        )
        cls.complaint_b = Complaint.create(
            {"subject": "Invoice is wrong", "partner_id": cls.portal_b.partner_id.id, "team_id": cls.team.id}
        )
        # the public form may be sent at once; the robot check has its own test
        cls.env["ir.config_parameter"].set_param("complaint_management.form_min_seconds", 0)
        # every test comes from 127.0.0.1: attempts a served database made from there do not count
        cls.env["complaint.intake.attempt"].search([]).unlink()

    def _form_tokens(self, url):
        """The CSRF token (and, on public forms, the form stamp) of the form served at `url`."""
        page = self.url_open(url).text
        tokens = {"csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)}
        stamp = re.search(r'name="form_stamp" value="([^"]+)"', page)
        if stamp:
            tokens["form_stamp"] = stamp.group(1)
        return tokens

    def _post_form(self, url, data, files=None, with_tokens=True):
        payload = dict(self._form_tokens(url) if with_tokens else {}, **data)
        return self.url_open(url, data=payload, files=files, allow_redirects=False)


class ComplaintSlaCommon(ComplaintCommon):
    """Deadlines on a Monday-Friday 8-12, 13-17 (UTC) calendar: acknowledge within 4 working hours,
    resolve within 16, the clock paused while waiting for the customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Office hours",
                "tz": "UTC",
                "attendance_ids": [
                    (
                        0,
                        0,
                        {
                            "name": f"{day} {period}",
                            "dayofweek": str(day),
                            "hour_from": start,
                            "hour_to": end,
                            "day_period": period,
                        },
                    )
                    for day in range(5)
                    for period, start, end in (("morning", 8, 12), ("afternoon", 13, 17))
                ],
            }
        )
        cls.team_a.resource_calendar_id = cls.calendar
        cls.policy = cls.env["complaint.sla.policy"].create(
            {
                "name": "Standard",
                "team_id": cls.team_a.id,
                "acknowledge_hours": 4,
                "resolve_hours": 16,
                "pause_stage_ids": [(6, 0, cls.stage_waiting.ids)],
            }
        )

    def _complaint(self, **values):
        return self._create_complaint(category_id=self.category_late.id, **values)

    def _sla(self, complaint, target, policy=None):
        return complaint.sla_status_ids.filtered(
            lambda s: s.target == target and s.policy_id == (policy or self.policy)
        )


class CommittedCase(TransactionCase):
    """Tests of overlapping transactions: records are committed through cursors of their own, so
    that each transaction sees them, and removed at the end."""

    def _cursor(self):
        return closing(db_connect(self.env.cr.dbname).cursor())

    def _env(self, cr):
        # the registry is given, not looked up: the lookup waits for a lock the test runner holds
        cr.transaction = cr.transaction or api.Transaction(self.registry)
        return api.Environment(cr, SUPERUSER_ID, {"mail_notify_force_send": False})


class ComplaintAnalysisCommon(ComplaintCommon):
    """Four complaints of team A in March 2026, read on 1 April, under a round-the-clock SLA
    (acknowledge within 3 hours):

    - A (customer, delivery): acknowledged after 2 h, one staff reply, resolved after 24 h, 5 stars;
    - B (customer, delivery, a repeat on the same topic): acknowledged after 4 h (SLA failed), two
      staff replies, resolved after 48 h, compensation 30, 2 stars;
    - C (customer, billing: a repeat, but on another topic): acknowledged after 1 h, no reply,
      resolved after 24 h, reopened, resolved again 48 h after receipt;
    - D (other customer): open, never acknowledged (SLA failed)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["complaint.sla.policy"].create(
            {"name": "Three hours", "team_id": cls.team_a.id, "working_hours": False, "acknowledge_hours": 3}
        )
        cls.team_b.category_ids = False  # billing complaints stay with team A here

        def reply(complaint, times):
            for _i in range(times):
                complaint.with_user(cls.user_a1).message_post(
                    body="Our answer", message_type="comment", subtype_xmlid="mail.mt_comment"
                )

        def received(day, **values):
            with freeze_time(f"2026-03-{day:02d} 10:00:00"):
                return cls._create_complaint(team_id=cls.team_a.id, **values)

        def move(complaint, when, stage):
            with freeze_time(when):
                complaint.stage_id = stage

        cls.a = received(2, category_id=cls.category_delivery.id)
        cls.a.date_acknowledged = datetime(2026, 3, 2, 12, 0)
        reply(cls.a, 1)
        cls.a.message_post(body="Internal", subtype_xmlid="mail.mt_note")  # notes do not count
        move(cls.a, "2026-03-03 10:00:00", cls.stage_resolved)

        cls.b = received(3, category_id=cls.category_delivery.id, compensation_amount=30.0)
        cls.b.date_acknowledged = datetime(2026, 3, 3, 14, 0)
        reply(cls.b, 2)
        move(cls.b, "2026-03-05 10:00:00", cls.stage_resolved)

        cls.c = received(6, category_id=cls.category_billing.id)
        cls.c.date_acknowledged = datetime(2026, 3, 6, 11, 0)
        move(cls.c, "2026-03-07 10:00:00", cls.stage_resolved)
        move(cls.c, "2026-03-07 12:00:00", cls.stage_progress)
        move(cls.c, "2026-03-08 10:00:00", cls.stage_resolved)

        cls.d = received(9, category_id=cls.category_delivery.id, partner_id=cls.other_customer.id)

        for complaint, rating in ((cls.a, 5), (cls.b, 2)):
            cls.env["complaint.feedback"]._request_for(complaint)._answer(
                {"rating": rating, "solved": "yes", "handling_rating": rating, "recommend": "8"}
            )
        cls.Report = cls.env["complaint.report"]
