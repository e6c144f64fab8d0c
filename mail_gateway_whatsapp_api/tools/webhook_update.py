"""What of a WhatsApp webhook update OCA's gateway reads, kept only where it has the shape the
Cloud API documents: a malformed part is left out rather than failing the webhook (which Meta
delivers again for days)."""

MEDIA_KINDS = ("image", "audio", "video", "document", "sticker")


def is_text(value):
    return isinstance(value, str) and bool(value)


def is_number(value):
    return isinstance(value, str) and value.isdigit()


# the times a message may be sent at (seconds since 1970): up to 2100
LATEST_TIMESTAMP = 4_102_444_800


def is_timestamp(value):
    if isinstance(value, bool) or not isinstance(value, int | str):
        return False
    return str(value).isdigit() and int(value) <= LATEST_TIMESTAMP


def is_location(value):
    """A place given by its latitude and longitude, as numbers or written as numbers."""
    if not isinstance(value, dict):
        return False
    for key in ("latitude", "longitude"):
        coordinate = value.get(key)
        if isinstance(coordinate, bool) or not isinstance(coordinate, int | float | str):
            return False
        try:
            float(coordinate)
        except ValueError:
            return False
    return True


def well_formed_message(message):
    if not isinstance(message, dict):
        return False
    return (
        is_number(message.get("from"))
        and is_text(message.get("id"))
        and is_timestamp(message.get("timestamp"))
        and (
            not message.get("text")
            or (isinstance(message["text"], dict) and isinstance(message["text"].get("body"), str))
        )
        and all(
            isinstance(message[kind], dict) and is_text(message[kind].get("id"))
            for kind in MEDIA_KINDS
            if message.get(kind)
        )
        and (not message.get("location") or is_location(message["location"]))
        and (not message.get("context") or isinstance(message["context"], dict))
    )


def contact(value):
    """A contact of an update as OCA reads it (its profile's name, its number when it has none)."""
    if not isinstance(value, dict) or not is_number(value.get("wa_id")):
        return None
    profile = value.get("profile") if isinstance(value.get("profile"), dict) else {}
    name = profile.get("name") if is_text(profile.get("name")) else value["wa_id"]
    return {**value, "profile": {**profile, "name": name}}


def status(value):
    """A status of an update as OCA reads it (its errors' details, their title when they have none)."""
    if not isinstance(value, dict) or not all(is_text(value.get(key)) for key in ("id", "recipient_id", "status")):
        return None
    errors = [error for error in value.get("errors") or [] if isinstance(error, dict)]
    return {
        **value,
        "errors": [
            {
                "code": error.get("code"),
                "error_data": {
                    "details": (error.get("error_data") or {}).get("details")
                    if isinstance(error.get("error_data"), dict)
                    else error.get("title") or error.get("message") or ""
                },
            }
            for error in errors
        ],
    }


def as_list(value):
    return value if isinstance(value, list) else []


def well_formed_update(update):
    """``update`` with its malformed entries, changes, messages, contacts and statuses left out,
    each message in a change of its own (OCA takes a change's author from its first message)."""
    entries = []
    for entry in as_list(update.get("entry")):
        if not isinstance(entry, dict):
            continue
        changes = []
        for change in as_list(entry.get("changes")):
            if (
                not isinstance(change, dict)
                or change.get("field") != "messages"
                or not isinstance(change.get("value"), dict)
            ):
                continue
            value = change["value"]
            contacts = [each for each in map(contact, as_list(value.get("contacts"))) if each]
            for message in as_list(value.get("messages")):
                if well_formed_message(message):
                    # a sender the update names nowhere is named by their number (a chat needs a name)
                    known = any(each["wa_id"] == message["from"] for each in contacts)
                    sender = [] if known else [{"wa_id": message["from"], "profile": {"name": message["from"]}}]
                    one = {**value, "contacts": contacts + sender, "messages": [message], "statuses": []}
                    changes.append({"field": "messages", "value": one})
            statuses = [each for each in map(status, as_list(value.get("statuses"))) if each]
            if statuses:
                changes.append({"field": "messages", "value": {**value, "messages": [], "statuses": statuses}})
        entries.append({**entry, "changes": changes})
    return {**update, "entry": entries}


def without_media(message):
    """The message without its file, the file's caption as its text."""
    kept = {key: value for key, value in message.items() if key not in MEDIA_KINDS}
    captions = [message[kind].get("caption") for kind in MEDIA_KINDS if message.get(kind)]
    caption = next((each for each in captions if is_text(each)), None)
    if caption and not (message.get("text") or {}).get("body"):
        kept["text"] = {"body": caption}
    return kept
