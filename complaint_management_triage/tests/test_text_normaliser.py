from odoo.tests import BaseCase, tagged

from ..tools.safety_words import safety_word
from ..tools.text_normaliser import MAX_CHARS, complaint_text, normalise


@tagged("post_install", "-at_install")
class TestTextNormaliser(BaseCase):
    def test_persian_is_written_one_way(self):
        self.assertEqual(normalise("يخچال كار نمي‌كند"), "یخچال کار نمیکند")
        self.assertEqual(normalise("یخچال کار نمی کند"), "یخچال کار نمیکند")
        self.assertEqual(normalise("یخچال کار نمیکند"), "یخچال کار نمیکند")
        self.assertEqual(normalise("کتاب‌ها و کتاب ها و کتابها"), "کتابها و کتابها و کتابها")
        self.assertEqual(normalise("مُسَلَّم ــــ خانۀ"), "مسلم خانه")

    def test_digits_become_latin(self):
        self.assertEqual(normalise("سفارش ۱۲۳۴ و ٥٦"), "سفارش 1234 و 56")

    def test_case_spaces_html_and_length(self):
        self.assertEqual(normalise("  Hello\n\tWORLD  "), "hello world")
        self.assertEqual(normalise("price < 100 > 5"), "price < 100 > 5")
        self.assertEqual(complaint_text("Broken", "<p>The <b>lid</b></p><br/>cracked"), "broken the *lid* cracked")
        self.assertEqual(len(complaint_text("x", "a" * 1_000_000)), MAX_CHARS)
        self.assertEqual(complaint_text(False, None), "")
        self.assertEqual(complaint_text("<!DOCTYPE html>", "<!-- a comment --><p>ok</p>"), "ok")
        self.assertEqual(complaint_text("x", "price was <a lot, then"), "x price was <a lot, then")

    def test_loudness_is_kept(self):
        self.assertEqual(
            complaint_text("WHERE IS IT", "Unacceptable!!!"),
            "xxcaps xxbang xxbang xxbang where is it unacceptable!!!",
        )
        self.assertEqual(complaint_text("", "!" * 40).split().count("xxbang"), 5)

    def test_words_of_harm(self):
        self.assertEqual(safety_word(normalise("The heater caught fire last night")), "caught fire")
        self.assertEqual(safety_word(normalise("my son got burnt by the kettle")), "burnt")
        self.assertTrue(safety_word(normalise("بچه‌ام با شیرخشک مسموم شد")))
        self.assertTrue(safety_word(normalise("شارژر دود کرد و سوخت")))
        self.assertFalse(safety_word(normalise("ظرفیت محدود است و دیر رسید")), "no word inside another")
        self.assertFalse(safety_word(normalise("The parcel came two days late")))
        for harmless in ("you hurt my feelings", "no smoking sign", "the fireplace screen", "our firewall"):
            self.assertFalse(safety_word(complaint_text("", harmless)), harmless)
        for harmful in (
            "gas is leaking",
            "it smells like gas",
            "an electrical shock",
            "\ufb01re broke out",
            "اﺗﺶ گرفت",
        ):
            self.assertTrue(safety_word(complaint_text("", harmful)), harmful)
