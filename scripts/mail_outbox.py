"""A local mail server for `make run`: every email Odoo sends is kept in a folder instead of
leaving the machine, as NAME.eml (any mail program opens it) and, for a quick look in the
browser, NAME.html (its HTML part).

Usage: mail_outbox.py FOLDER PORT (serves on 127.0.0.1:PORT until stopped).
"""

import html
import sys
import time
from email import policy
from email.parser import BytesParser
from pathlib import Path

from aiosmtpd.controller import Controller


class Outbox:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.count += 1
        message = BytesParser(policy=policy.default).parsebytes(envelope.original_content)
        name = f"{time.strftime('%Y%m%d-%H%M%S')}-{self.count:04d}"
        (self.folder / f"{name}.eml").write_bytes(envelope.original_content)
        body = message.get_body(preferencelist=("html", "plain"))
        if body is not None:
            content = body.get_content()
            if body.get_content_subtype() == "plain":
                content = f"<pre>{html.escape(content)}</pre>"
            header = (
                f'<!DOCTYPE html><meta charset="utf-8"><p><b>To:</b> {html.escape(str(message["To"]))}<br/>'
                f'<b>Subject:</b> {html.escape(str(message["Subject"]))}</p><hr/>'
            )
            (self.folder / f"{name}.html").write_text(header + content, encoding="utf-8")
        print(f"outbox: {name} to {message['To']}: {message['Subject']}", flush=True)
        return "250 Message accepted for delivery"


def main():
    folder, port = Path(sys.argv[1]), int(sys.argv[2])
    folder.mkdir(parents=True, exist_ok=True)
    controller = Controller(Outbox(folder), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        controller.stop()


if __name__ == "__main__":
    main()
