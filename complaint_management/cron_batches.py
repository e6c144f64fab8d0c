"""The work a run of a scheduled action takes on: with several Odoo workers, two runs of the same
action (a scheduled run and one started by hand, or two servers) may overlap."""
from odoo.tools import SQL


def claim(records, domain, limit, order, customer_field=None):
    """The records of `domain` (at most `limit`, in `order`) for this run, their rows locked until
    it commits: rows another run holds are skipped, so no two runs do the same work.

    `customer_field`: the records' customer (a res.partner field), locked too. Odoo writes on the
    customer it emails a portal link to (its sign-up state), so two runs emailing one customer
    about two records would conflict: a record whose customer another run holds is left to the
    next run."""
    query = records._search(domain, limit=limit, order=order)
    rows = records.env.execute_query(SQL(
        "%s FOR NO KEY UPDATE OF %s SKIP LOCKED", query.select(), SQL.identifier(records._table)))
    claimed = records.browse([row[0] for row in rows])
    if not customer_field or not claimed:
        return claimed
    customers = claimed[customer_field]
    held = set(customers.ids) - {row[0] for row in records.env.execute_query(SQL(
        "SELECT id FROM res_partner WHERE id = ANY(%s) FOR NO KEY UPDATE SKIP LOCKED", customers.ids))}
    return claimed.filtered(lambda record: record[customer_field].id not in held)
