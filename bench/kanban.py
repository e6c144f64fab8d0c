"""The kanban's first load, as the web client asks for it when a kanban grouped by stage opens:
columns (web_read_group), progress bars (read_progress_bar), 40 cards per unfolded column."""

# the fields of a complaint's card
COMPLAINT_CARD = {
    "color": {},
    "is_repeat": {},
    "subject": {},
    "name": {},
    "priority": {},
    "severity": {},
    "kanban_state": {},
    "partner_id": {"fields": {"display_name": {}}},
    "tag_ids": {"fields": {"display_name": {}, "color": {}}},
    "activity_ids": {"fields": {}},
    "activity_state": {},
    "activity_exception_decoration": {},
    "activity_exception_icon": {},
    "activity_summary": {},
    "activity_type_icon": {},
    "activity_type_id": {"fields": {"display_name": {}}},
    "user_id": {"fields": {"display_name": {}}},
    "stage_id": {"fields": {"display_name": {}}},
    "sla_deadline": {},
}


def first_load(model, domain, card):
    """Open the kanban of `model` (a recordset of the user and context to measure) on `domain`."""
    groups = model.web_read_group(domain, ["stage_id"], ["stage_id"], limit=80, lazy=True)
    model.read_progress_bar(
        domain,
        "stage_id",
        {"field": "kanban_state", "colors": {"done": "success", "blocked": "danger", "normal": "200"}},
    )
    for group in groups["groups"]:
        if not group.get("__fold") and group["stage_id"]:
            model.web_search_read(domain + [("stage_id", "=", group["stage_id"][0])], card, limit=40, count_limit=None)
