import re

from lxml import html

from odoo.tests import tagged
from odoo.tools.translate import code_translations

from .common import ComplaintPortalCommon

# words that stay Latin in Persian: what the records hold (names, codes, addresses) is set per test
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
READ_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")


@tagged("post_install", "-at_install")
class TestPersianPages(ComplaintPortalCommon):
    """What a Persian customer reads, rendered: every page of the portal and the public site, and
    every email we send them, holds no English word besides the records' own names and codes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fa_IR")
        modules = cls.env["ir.module.module"].search([("state", "=", "installed")])
        cls.env["ir.module.module"]._load_module_terms(modules.mapped("name"), ["fa_IR"])
        cls.portal_a.lang = "fa_IR"
        cls.complaint_a.message_post(
            body="Is there any news?",
            author_id=cls.portal_a.partner_id.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        cls.allowed = {
            word
            for record_text in (
                cls.portal_a.name,
                cls.portal_a.email,
                cls.complaint_a.subject,
                cls.team.name,
                cls.env.company.name,
                cls.env.company.email or "",
                cls.env.company.website or "",
                "Is there any news?",
            )
            for word in LATIN_WORD.findall(record_text)
        }
        # a language's own name (the switcher's "English (US)"), the formats of files
        cls.allowed |= {word for lang in cls.env["res.lang"].search([]) for word in LATIN_WORD.findall(lang.name)}
        cls.allowed |= {"PDF", "JPG", "PNG"}
        # the business's own categories (shipped demo data may have no Persian names)
        cls.allowed |= {
            word
            for name in cls.env["complaint.category"].search([]).mapped("name")
            for word in LATIN_WORD.findall(name)
        }

    def _english_words(self, page_html):
        """The English words a reader sees on `page_html`: its text and the attributes read aloud,
        not its scripts, styles or the records' own names."""
        tree = html.fromstring(page_html)
        for hidden in tree.xpath("//script | //style | //noscript | //template | //head"):
            hidden.drop_tree()
        texts = list(tree.itertext())
        texts += [value for attribute in READ_ATTRIBUTES for value in tree.xpath(f"//@{attribute}")]
        words = {word for text in texts for word in LATIN_WORD.findall(text)}
        return sorted(words - self.allowed)

    def assertPersian(self, page_html, where):
        self.assertFalse(self._english_words(page_html), f"English left on {where}")

    def test_portal_pages_of_a_persian_customer(self):
        self.authenticate("cm_portal_a", "cm_portal_a")
        for url in ("/my/complaints", f"/my/complaints/{self.complaint_a.id}", "/my/complaints/new"):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 200)
                self.assertPersian(response.text, url)

    def test_public_pages_in_persian(self):
        self.env.company.complaint_public_statistics = True
        self.opener.cookies.set("frontend_lang", "fa_IR")
        feedback = self.env["complaint.feedback"]._request_for(self.complaint_a)
        for url in ("/complaints/new", "/complaints/track", "/complaints/statistics", feedback._url()):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 200)
                self.assertPersian(response.text, url)

    def test_emails_to_a_persian_customer(self):
        complaint = self.env["complaint.complaint"].create(
            {"subject": self.complaint_a.subject, "partner_id": self.portal_a.partner_id.id, "team_id": self.team.id}
        )
        self.allowed |= set(LATIN_WORD.findall(complaint.name))
        templates = self.env["mail.template"].search([("model", "=", "complaint.complaint")])
        self.assertGreater(len(templates), 5)
        for template in templates:
            with self.subTest(template=template.name):
                rendered = template._generate_template(complaint.ids, ("subject", "body_html"))[complaint.id]
                self.assertPersian(f"<div>{rendered['subject']}</div>", f"the subject of {template.name}")
                self.assertPersian(rendered["body_html"], f"the body of {template.name}")

    def test_emails_sent_in_the_customers_language_with_our_header(self):
        """As sent, in the layout: the header names the complaint in the customer's language."""
        english = self.env["res.partner"].create({"name": "Eric English", "email": "eric@example.com", "lang": "en_US"})
        complaints = self.env["complaint.complaint"].create(
            [
                {"subject": "Broken chair", "partner_id": partner.id, "team_id": self.team.id}
                for partner in (self.portal_a.partner_id, english)
            ]
        )
        complaints._send_mail_template(self.env.ref("complaint_management.mail_template_complaint_acknowledgement"))
        mails = self.env["mail.mail"].search([("model", "=", "complaint.complaint"), ("res_id", "in", complaints.ids)])
        body = {mail.res_id: mail.body_html for mail in mails}
        self.allowed |= {"Broken", "chair", "CMP"}
        self.assertIn("شکایت شما", body[complaints[0].id])
        self.assertPersian(body[complaints[0].id], "the acknowledgement as sent")
        self.assertIn("Your complaint", body[complaints[1].id])

    def test_category_path_in_the_readers_language(self):
        parent = self.env["complaint.category"].create({"name": "Delivery"})
        child = self.env["complaint.category"].create({"name": "Late", "parent_id": parent.id})
        parent.with_context(lang="fa_IR").name = "ارسال"
        child.with_context(lang="fa_IR").name = "تأخیر"
        self.assertEqual(child.with_context(lang="fa_IR").display_name, "ارسال / تأخیر")
        self.assertEqual(child.with_context(lang="en_US").display_name, "Delivery / Late")
        self.assertIn(
            (child.id, "ارسال / تأخیر"),
            self.env["complaint.category"].with_context(lang="fa_IR").name_search("تأخیر"),
            "found by its Persian name",
        )

    def test_standard_promise_named_in_a_language_added_later(self):
        team = self.env["complaint.team"].create({"name": "Later"})
        standard = team._standard_policy()
        self.env["ir.module.module"]._load_module_terms(["complaint_management"], ["fa_IR"])
        self.assertEqual(standard.with_context(lang="fa_IR").name, "تعهد استاندارد")

    def test_odoo_terms_of_our_screens_in_persian(self):
        """Odoo's own words on the complaint kanban and the portal chatter, which Odoo's fa.po
        lacks, come in Persian with this addon (its i18n_extra)."""
        messages = code_translations.get_web_translations("complaint_management", "fa_IR")["messages"]
        translated = {message["id"]: message["string"] for message in messages}
        self.assertEqual(translated.get("%s days ago"), "%s روز پیش")
        self.assertEqual(translated.get("In %s days"), "%s روز دیگر")
        self.assertEqual(translated.get("Write a message…"), "پیامی بنویسید…")
        self.assertEqual(translated.get("The conversation is empty."), "گفتگو خالی است.")
        self.assertIn(
            "complaint_management",
            self.env["ir.http"]._get_translation_frontend_modules_name(),
            "the portal's scripts get them too",
        )
