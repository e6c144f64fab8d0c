from unittest.mock import patch

from odoo.tests import TransactionCase, tagged

from odoo.addons.base.models.ir_qweb import IrQWeb


@tagged("post_install", "-at_install")
class TestRenderBatch(TransactionCase):
    """A mail template's QWeb body rendered for many records: compiled once, each record's output
    as when rendered alone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partners = cls.env["res.partner"].create(
            [
                {"name": "Ada", "email": "ada@example.com", "city": "Tabriz"},
                {"name": "Bahram", "email": "bahram@example.com"},
                {"name": "Chista", "email": "chista@example.com", "city": "Shiraz"},
            ]
        )
        cls.template = cls.env["mail.template"].create(
            {
                "name": "Greeting",
                "model_id": cls.env["ir.model"]._get_id("res.partner"),
                "subject": "Hello {{ object.name }}",
                "body_html": """<div>
                <p>Dear <t t-out="object.name"/>,</p>
                <p t-if="object.city">We will visit <t t-out="object.city.upper()"/>.</p>
                <p t-else="">Where do you live?</p>
            </div>""",
            }
        )

    def _compilations(self, render):
        """How many raw templates `render` compiled, and what it returned."""
        with patch.object(IrQWeb, "_generate_code", autospec=True, side_effect=IrQWeb._generate_code) as generate:
            result = render()
        return generate.call_count, result

    def test_many_records_one_compilation(self):
        # as many compilations for three records as for one (Odoo's check of the template's
        # expressions, and the template's)
        one, __ = self._compilations(lambda: self.template._render_field("body_html", self.partners[:1].ids))
        count, bodies = self._compilations(lambda: self.template._render_field("body_html", self.partners.ids))
        self.assertEqual(count, one)
        alone = {
            partner.id: self.template._render_field("body_html", partner.ids)[partner.id] for partner in self.partners
        }
        self.assertEqual(bodies, alone)
        self.assertIn("We will visit TABRIZ.", bodies[self.partners[0].id])
        self.assertIn("Where do you live?", bodies[self.partners[1].id])
        self.assertIn("Dear Chista,", bodies[self.partners[2].id])

    def test_cache_does_not_outlive_a_rendering(self):
        """A template edited between two renderings renders its new text."""
        self.template._render_field("body_html", self.partners.ids)
        self.template.body_html = "<p>Bye <t t-out='object.name'/></p>"
        bodies = self.template._render_field("body_html", self.partners.ids)
        self.assertIn("Bye Ada", bodies[self.partners[0].id])
