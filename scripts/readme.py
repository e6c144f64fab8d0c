"""Each addon's README.rst, built from its readme/ fragments (DESCRIPTION, CONFIGURE, USAGE,
ROADMAP: Markdown), the way OCA's README generator lays it out (its tool is not on the package
registry). `--check` (make lint) fails when a README.rst is not what its fragments give, or when
docutils (which Odoo's Apps page renders it with) warns about it.

    .venv/bin/python scripts/readme.py [--check]
"""

import ast
import io
import pathlib
import re
import sys

import docutils.core

ROOT = pathlib.Path(__file__).resolve().parent.parent
SECTIONS = [
    ("DESCRIPTION", None),
    ("CONFIGURE", "Configuration"),
    ("USAGE", "Usage"),
    ("ROADMAP", "Known issues / Roadmap"),
]
# in this order: a link's reStructuredText is quoted as code is in Markdown
INLINE = [
    (re.compile(r"(?<!`)`([^`]+)`(?!`)"), r"``\1``"),  # code
    (re.compile(r"\[([^\]]+)\]\(([^)]+)\)"), r"`\1 <\2>`_"),  # links
]


def rst(markdown):
    """The reStructuredText of a fragment: paragraphs, lists (a blank line wherever a list starts,
    nests or comes back, as reStructuredText wants it), inline code, emphasis and links."""
    lines, bullet_indent = [], None
    for source in markdown.strip().splitlines():
        line = source
        for pattern, replacement in INLINE:
            line = pattern.sub(replacement, line)
        indent = len(line) - len(line.lstrip())
        if line.lstrip().startswith("- "):
            if lines and lines[-1].strip() and indent != bullet_indent:
                lines.append("")
            bullet_indent = indent
        elif not line.strip() or indent == 0:
            bullet_indent = None
        lines.append(line)
    return "\n".join(lines)


def title(text, over=True):
    bar = "=" * len(text)
    return f"{bar}\n{text}\n{bar}" if over else f"{text}\n{bar}"


def readme(addon):
    manifest = ast.literal_eval((addon / "__manifest__.py").read_text())
    parts = [title(manifest["name"])]
    for fragment, heading in SECTIONS:
        path = addon / "readme" / f"{fragment}.md"
        if path.exists():
            text = rst(path.read_text())
            parts.append(text if heading is None else f"{title(heading, over=False)}\n\n{text}")
    parts.append(f"{title('Credits', over=False)}\n\n{manifest['author']}. {manifest['license']}.")
    return "\n\n".join(parts) + "\n"


def docutils_warnings(text):
    """What docutils says of reStructuredText `text` at warning level and above."""
    stream = io.StringIO()
    docutils.core.publish_doctree(text, settings_overrides={"warning_stream": stream, "report_level": 2})
    return stream.getvalue().strip()


def main():
    check = "--check" in sys.argv[1:]
    stale, faulty = [], []
    for addon in sorted(path.parent.parent for path in ROOT.glob("*/readme/DESCRIPTION.md")):
        text, target = readme(addon), addon / "README.rst"
        if check:
            if not target.exists() or target.read_text() != text:
                stale.append(target.relative_to(ROOT))
            if warnings := docutils_warnings(text):
                faulty.append(f"{target.relative_to(ROOT)}: {warnings}")
        else:
            target.write_text(text)
    if stale:
        print("README.rst not built from its readme/ fragments (run scripts/readme.py):", ", ".join(map(str, stale)))
    for warnings in faulty:
        print(warnings)
    return 1 if stale or faulty else 0


if __name__ == "__main__":
    sys.exit(main())
