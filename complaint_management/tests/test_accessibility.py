import json
from pathlib import Path

from odoo.tests import HttpCase, new_test_user, tagged

# axe-core from the npm registry (package.json at the repository's root; `make test` installs it)
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# the page loads axe from a public attachment: the code the test logs stays a few lines
AUDIT = """
;(async () => {
    await new Promise((resolve, reject) => document.head.append(Object.assign(
        document.createElement("script"), {src: %s, onload: resolve, onerror: reject})));
    // the live-chat button mounts and animates after the page: audit once the page has settled,
    // no change to the DOM and no (finite) animation running for half a second (10 seconds at most)
    await new Promise((resolve) => {
        let last = Date.now();
        const observer = new MutationObserver(() => { last = Date.now(); });
        observer.observe(document.documentElement, {subtree: true, childList: true, attributes: true});
        const started = Date.now();
        (function check() {
            if (document.getAnimations().some((animation) => animation.playState === "running"
                    && animation.effect.getTiming().iterations !== Infinity)) {
                last = Date.now();
            }
            if (Date.now() - last >= 500 || Date.now() - started > 10000) {
                observer.disconnect();
                resolve();
            } else {
                requestAnimationFrame(check);
            }
        })();
    });
    const result = await axe.run(document, {resultTypes: ["violations"]});
    const blocking = result.violations.filter((v) => ["serious", "critical"].includes(v.impact));
    if (blocking.length) {
        console.error("axe: " + JSON.stringify(blocking.map((v) => ({
            rule: v.id, impact: v.impact, help: v.help,
            where: v.nodes.slice(0, 3).map((n) => [n.target.join(" "), n.html.slice(0, 160), n.failureSummary]),
        }))));
    } else {
        console.log(%s);
    }
})();
"""


@tagged("complaint_management", "post_install", "-at_install")
class TestAccessibility(HttpCase):
    """axe-core in headless Chromium over every portal and public page, in English and in Persian
    (right to left): no serious or critical violation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fa_IR")
        cls.env["ir.module.module"]._load_module_terms(["complaint_management"], ["fa_IR"])
        cls.env.company.complaint_public_statistics = True
        cls.portal_user = new_test_user(
            cls.env, login="cm_axe", name="Sima Axe", email="sima@example.com", groups="base.group_portal"
        )
        resolved = cls.env.ref("complaint_management.complaint_stage_resolved")
        cls.complaint = cls.env["complaint.complaint"].create(
            {
                "subject": "Heater stopped working",
                "partner_id": cls.portal_user.partner_id.id,
                "description": "<p>It stopped after two days.</p>",
                "resolution_type": "replacement",
                "resolution": "<p>We replaced the heater.</p>",
                "stage_id": resolved.id,
            }
        )
        cls.complaint.message_post(
            body="We are looking into it.", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        persian = cls.env["res.partner"].create({"name": "Dariush", "email": "dariush@example.com", "lang": "fa_IR"})
        persian_complaint = cls.complaint.copy({"partner_id": persian.id, "stage_id": resolved.id})
        Feedback = cls.env["complaint.feedback"]
        cls.feedback_urls = {
            lang: f"/complaints/feedback/{Feedback._request_for(complaint).access_token}"
            for lang, complaint in (("en", cls.complaint), ("fa", persian_complaint))
        }

    def _audit(self, url, login=None):
        self.assertTrue(AXE.exists(), f"{AXE} is missing: run `npm ci` at the repository's root")
        if not hasattr(self, "axe_url"):
            axe = self.env["ir.attachment"].create(
                {"name": "axe.min.js", "raw": AXE.read_bytes(), "mimetype": "text/javascript", "public": True}
            )
            self.axe_url = f"/web/content/{axe.id}"
        signal = f"axe: no serious violation on {url}"
        with self.subTest(url=url, login=login):
            self.browser_js(
                url, AUDIT % (json.dumps(self.axe_url), json.dumps(signal)), login=login, success_signal=signal
            )

    def test_public_pages(self):
        token = self.complaint._portal_ensure_token()
        for prefix in ("", "/fa"):
            for page in (
                "/complaints/new",
                "/complaints/track",
                "/complaints/statistics",
                f"/my/complaints/{self.complaint.id}?access_token={token}",
            ):
                self._audit(prefix + page)
        for url in self.feedback_urls.values():
            self._audit(url)

    def test_portal_pages(self):
        for prefix in ("", "/fa"):
            for page in ("/my", "/my/complaints", f"/my/complaints/{self.complaint.id}", "/my/complaints/new"):
                self._audit(prefix + page, login="cm_axe")
