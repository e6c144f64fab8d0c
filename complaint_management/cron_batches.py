"""The work a run of a scheduled action takes on: with several Odoo workers, two runs of the same
action (a scheduled run and one started by hand, or two servers) may overlap."""
from odoo.tools import SQL


def claim(records, domain, limit, order):
    """The records of `domain` (at most `limit`, in `order`) for this run, their rows locked until
    it commits: rows another run holds are skipped, so no two runs do the same work."""
    query = records._search(domain, limit=limit, order=order)
    rows = records.env.execute_query(SQL(
        "%s FOR NO KEY UPDATE OF %s SKIP LOCKED", query.select(), SQL.identifier(records._table)))
    return records.browse([row[0] for row in rows])
