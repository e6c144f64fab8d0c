"""Which files customers may attach to a complaint: images, PDF documents, audio and video
recordings, recognised by their content and not only by their name."""

import os

from odoo.tools.mimetypes import guess_mimetype

# extension -> kind the content must show
ALLOWED_EXTENSIONS = {
    "jpg": "image",
    "jpeg": "image",
    "png": "image",
    "gif": "image",
    "webp": "image",
    "bmp": "image",
    "pdf": "pdf",
    "mp3": "audio",
    "m4a": "audio",
    "aac": "audio",
    "wav": "audio",
    "ogg": "audio",
    "oga": "audio",
    "opus": "audio",
    "amr": "audio",
    "mp4": "video",
    "m4v": "video",
    "mov": "video",
    "3gp": "video",
    "webm": "video",
    "mkv": "video",
}
# ISO base media (mp4, m4a, mov, 3gp) hold audio or video; so do Matroska, Ogg and RIFF
_MEDIA = {"audio", "video"}


def _media_kinds(data):
    """Kinds of media the leading bytes of `data` may hold (an empty set when none)."""
    head = data[:16]
    if head[4:8] == b"ftyp" or head.startswith((b"\x1a\x45\xdf\xa3", b"OggS")):
        return _MEDIA
    if head.startswith(b"RIFF") and head[8:12] in (b"WAVE", b"AVI "):
        return _MEDIA
    if head.startswith((b"ID3", b"#!AMR", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2", b"\xff\xf1", b"\xff\xf9")):
        return {"audio"}
    return set()


def file_kind(filename, data):
    """'image', 'pdf', 'audio' or 'video' when the file's name and content agree on an allowed
    kind, else False. SVG (scriptable) and anything unrecognised are refused."""
    kind = ALLOWED_EXTENSIONS.get(os.path.splitext(filename or "")[1].lower().lstrip("."))
    if not kind or not data:
        return False
    if kind in _MEDIA:
        return kind if kind in _media_kinds(data) else False
    mimetype = guess_mimetype(data, default="")
    if kind == "pdf":
        return kind if mimetype == "application/pdf" else False
    return kind if mimetype.startswith("image/") and mimetype != "image/svg+xml" else False
