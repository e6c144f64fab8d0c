from lxml import html as lxml_html


def links_written_out(html):
    """``html`` with each link replaced by its text, followed by its address in parentheses when
    the text is not the address: Odoo's ``html2plaintext`` numbers links and lists their
    addresses at the end, which reads badly in a chat message."""
    if not html or not html.strip():
        return html
    root = lxml_html.fragment_fromstring(str(html), create_parent="div")
    for link in list(root.iter("a")):
        address = link.get("href")
        if not address:
            continue
        text = link.text_content()
        label = text.strip()
        if not label:
            shown = address
        elif label in (address, address.removeprefix("mailto:"), address.removeprefix("tel:")):
            shown = text
        else:
            shown = f"{text} ({address})"
        tail = link.tail
        link.clear()
        link.tag = "span"
        link.text = shown
        link.tail = tail
    return lxml_html.tostring(root, encoding="unicode")
