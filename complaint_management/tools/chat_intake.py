"""What a bot that files complaints in a chat (live chat, messengers) keeps of the customer's
answers: as much as the web form takes."""

# the longest answers kept, by complaint field
ANSWER_SIZES = {"partner_name": 128, "order_reference": 64, "description": 20000}
SUBJECT_SIZE = 80


def subject_from(description):
    """The subject of a complaint told in `description`: its first line, cut with an ellipsis."""
    first_line = (description or "").split("\n", 1)[0].strip()
    return first_line if len(first_line) <= SUBJECT_SIZE else first_line[: SUBJECT_SIZE - 1] + "…"
