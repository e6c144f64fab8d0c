"""The work a run of a scheduled action takes on: with several Odoo workers, two runs of the same
action (a scheduled run and one started by hand, or two servers) may overlap; and one bad record
must not stop the others. And waking the actions when there is work for them."""

import logging

import psycopg2
from markupsafe import Markup

from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# the scheduled actions that changes of complaints wake: read together, so that a request waking two
# of them (a new complaint wakes the acknowledgement and the escalation) reads their rows once
WOKEN_CRONS = ("ir_cron_complaint_acknowledge", "ir_cron_complaint_sla_escalate", "ir_cron_complaint_followup")


def wake(env, name, at=None):
    """Have the addon's scheduled action `name` (one of WOKEN_CRONS) run at `at`, else as soon as
    the transaction commits. The woken actions are read together: a new complaint wakes two."""
    ids = [
        env["ir.model.data"]._xmlid_to_res_id(f"complaint_management.{cron}", raise_if_not_found=False)
        for cron in WOKEN_CRONS
    ]
    cron_id = ids[WOKEN_CRONS.index(name)]
    if cron_id:
        env["ir.cron"].browse(cron_id).with_prefetch([cron for cron in ids if cron])._trigger(at)


def claim(records, domain, limit, order, customer_field=None):
    """The records of `domain` (at most `limit`, in `order`) for this run, their rows locked until
    it commits: rows another run holds are skipped, so no two runs do the same work.

    `customer_field`: the records' customer (a res.partner field), locked too. Odoo writes on the
    customer it emails a portal link to (its sign-up state), so two runs emailing one customer
    about two records would conflict: a record whose customer another run holds is left to the
    next run."""
    query = records._search(domain, limit=limit, order=order)
    rows = records.env.execute_query(
        SQL("%s FOR NO KEY UPDATE OF %s SKIP LOCKED", query.select(), SQL.identifier(records._table))
    )
    claimed = records.browse([row[0] for row in rows])
    if not customer_field or not claimed:
        return claimed
    customers = claimed[customer_field]
    held = set(customers.ids) - {
        row[0]
        for row in records.env.execute_query(
            SQL("SELECT id FROM res_partner WHERE id = ANY(%s) FOR NO KEY UPDATE SKIP LOCKED", customers.ids)
        )
    }
    return claimed.filtered(lambda record: record[customer_field].id not in held)


def isolate_failures(records, work, action, reported_on):
    """Do `work` (a function of a recordset) on `records` as one batch; if that fails, on each
    record alone, each in a savepoint of its own: a record that fails is logged, left as it was
    for a later run and reported once (see report_failure), the others are done. A conflict with
    another transaction is not a bad record: it stops the run, which Odoo retries.

    `action`: what the work is, a function of an environment giving it in that environment's
    language; `reported_on`: a function of a record giving (the mail thread to report on, the user
    to tell)."""
    env = records.env
    if not records:
        return
    try:
        with env.cr.savepoint():
            work(records)
        return
    except psycopg2.OperationalError:
        raise
    except Exception:  # noqa: BLE001 - whatever breaks one record must not stop the others
        _logger.info("%s failed on a batch of %s: each is done alone", action(env), len(records))
    for record in records:
        try:
            with env.cr.savepoint():
                work(record)
        except psycopg2.OperationalError:
            raise
        except Exception as error:  # noqa: BLE001
            _logger.exception("%s failed on %s; left for a later run", action(env), record)
            report_failure(*reported_on(record), action, error)


def report_failure(thread, user, action, error):
    """Tell `user` that `action` failed on `thread` (a record with a chatter), by a note there that
    mentions them, in their language; once: a later run failing the same way adds nothing."""
    env = thread.env(context=dict(thread.env.context, lang=user.lang))
    subject = env._("A scheduled action failed: %(action)s", action=action(env))
    # sudo: the scheduled action's note, whoever runs it; reading the thread's notes to say it once
    Message = env["mail.message"].sudo()
    if Message.search_count(
        [("model", "=", thread._name), ("res_id", "=", thread.id), ("subject", "=", subject)], limit=1
    ):
        return
    try:
        with env.cr.savepoint():
            thread.with_env(env).sudo().message_post(
                subject=subject,
                body=Markup("<p>%s</p><pre>%s</pre>")
                % (env._("It was left as it was; the next runs try it again. What went wrong:"), error),
                partner_ids=user.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
    except psycopg2.OperationalError:
        raise
    except Exception:  # noqa: BLE001 - the failure is in the log already
        _logger.exception("Could not report the failure of %s on %s", action(env), thread)
