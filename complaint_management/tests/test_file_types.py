from odoo.tests import BaseCase, tagged

from ..tools.file_types import file_kind


@tagged("complaint_management", "at_install")
class TestFileTypes(BaseCase):
    def test_allowed_kinds(self):
        cases = {
            ("photo.JPG", b"\xff\xd8\xff\xe0\x00\x10JFIF"): "image",
            ("scan.png", b"\x89PNG\r\n\x1a\n\x00"): "image",
            ("letter.pdf", b"%PDF-1.7\n"): "pdf",
            ("voice.m4a", b"\x00\x00\x00\x20ftypM4A "): "audio",
            ("voice.mp3", b"ID3\x04\x00"): "audio",
            ("voice.ogg", b"OggS\x00\x02"): "audio",
            ("call.wav", b"RIFF\x24\x00\x00\x00WAVEfmt "): "audio",
            ("clip.mp4", b"\x00\x00\x00\x18ftypmp42"): "video",
            ("clip.webm", b"\x1a\x45\xdf\xa3\x9f"): "video",
        }
        for (name, data), kind in cases.items():
            with self.subTest(name=name):
                self.assertEqual(file_kind(name, data), kind)

    def test_refused(self):
        for name, data in [
            ("page.html", b"<html>"),
            ("image.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
            ("image.png", b"<svg/>"),
            ("doc.pdf", b"\x89PNG\r\n\x1a\n"),
            ("clip.mp4", b"MZ\x90\x00"),
            ("noextension", b"%PDF-1.7"),
            ("empty.pdf", b""),
            ("tool.exe", b"MZ\x90\x00"),
        ]:
            with self.subTest(name=name):
                self.assertFalse(file_kind(name, data))
