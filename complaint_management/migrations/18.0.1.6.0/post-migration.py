import json
import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)

# the acknowledgement promises the resolution, the deadline the SLA keeps (it promised "an answer"
# by the team's response time, a clock nothing kept), by language as fa.po has it
PROMISE = {
    "en_US": (
        'We will answer you by <t t-out="object._customer_date(object.date_response_promised, with_time=True)">'
        "May 4, 2026, 10:00:00 AM</t>.",
        "We aim to resolve it by "
        '<t t-out="object._customer_date(object.date_resolution_promised, with_time=True)">'
        "May 4, 2026, 10:00:00 AM</t>.",
    ),
    "fa_IR": (
        'حداکثر تا <t t-out="object._customer_date(object.date_response_promised, with_time=True)">'
        "May 4, 2026, 10:00:00 AM</t> به شما پاسخ خواهیم داد.",
        'می‌کوشیم تا <t t-out="object._customer_date(object.date_resolution_promised, with_time=True)">'
        "May 4, 2026, 10:00:00 AM</t> به شکایت شما رسیدگی کنیم.",
    ),
}


def migrate(cr, version):
    """One promise per complaint: a team's response and resolution hours become its standard SLA
    policy, which covers the complaints no other policy of the team covers. They ran round the
    clock: so does the policy made of them (a manager may switch it to working hours). Open
    complaints get the statuses of the policy, so that their card, form, portal page and the SLA
    analysis show the promise they were made."""
    cr.execute("""SELECT 1 FROM information_schema.columns
                   WHERE table_name = 'complaint_team' AND column_name = 'response_hours'""")
    if cr.fetchone():
        cr.execute("SELECT id, response_hours, resolution_hours FROM complaint_team")
        hours = {team_id: (response or 0, resolution or 0) for team_id, response, resolution in cr.fetchall()}
        env = api.Environment(cr, SUPERUSER_ID, {})
        waiting = env["complaint.stage"].search([("is_waiting", "=", True)])
        teams = (
            env["complaint.team"]
            .with_context(active_test=False)
            .browse([team_id for team_id, promise in hours.items() if any(promise)])
        )
        for team in teams:
            if team._standard_policy():
                continue
            env["complaint.sla.policy"].with_context(complaint_standard_policy=True).create(
                {
                    "team_id": team.id,
                    "is_team_standard": True,
                    "sequence": 1000,
                    "working_hours": False,
                    "name": "Standard promise",
                    "pause_stage_ids": waiting.ids,
                    "acknowledge_hours": hours[team.id][0],
                    "resolve_hours": hours[team.id][1],
                }
            )
        open_complaints = env["complaint.complaint"].search(
            [("team_id", "in", teams.ids), ("is_closed", "=", False), ("date_resolved", "=", False)]
        )
        env["complaint.sla.status"]._sync(open_complaints)
        cr.execute("ALTER TABLE complaint_team DROP COLUMN response_hours, DROP COLUMN resolution_hours")

    cr.execute("""
        SELECT t.id, t.body_html FROM mail_template t
          JOIN ir_model_data d ON d.model = 'mail.template' AND d.res_id = t.id
         WHERE d.module = 'complaint_management' AND d.name = 'mail_template_complaint_acknowledgement'
    """)
    for template_id, bodies in cr.fetchall():
        for lang, body in bodies.items():
            old, new = PROMISE.get(lang, PROMISE["en_US"])
            if old in body:
                bodies[lang] = body.replace(old, new).replace(
                    'object.date_response_promised">', 'object.date_resolution_promised">'
                )
            elif "date_response_promised" in body:
                _logger.warning(
                    "Acknowledgement email %s (%s) was edited: it still promises the response time, "
                    "which no longer exists; promise date_resolution_promised instead",
                    template_id,
                    lang,
                )
        cr.execute("UPDATE mail_template SET body_html = %s WHERE id = %s", [json.dumps(bodies), template_id])
