import { _t } from "@web/core/l10n/translation";
import publicWidget from "@web/legacy/js/public/public_widget";

const MEGABYTE = 1024 * 1024;

/**
 * The complaint form: the error summary takes the focus (screen readers read it first), and
 * files over the size limits are refused before they are uploaded.
 */
publicWidget.registry.ComplaintForm = publicWidget.Widget.extend({
    selector: ".o_complaint_form",
    events: {
        "change input[name='attachments']": "_onFilesChange",
    },

    start() {
        this.el.querySelector("[data-complaint-focus]")?.focus();
        return this._super(...arguments);
    },

    _onFilesChange(ev) {
        const input = ev.currentTarget;
        const maxBytes = Number(input.dataset.maxMb) * MEGABYTE;
        const totalBytes = Number(input.dataset.totalMb) * MEGABYTE;
        const files = [...input.files];
        const tooBig = files.find((file) => file.size > maxBytes);
        let message = "";
        if (tooBig) {
            message = _t("“%(file)s” is larger than %(size)s MB.", {
                file: tooBig.name,
                size: input.dataset.maxMb,
            });
        } else if (files.reduce((sum, file) => sum + file.size, 0) > totalBytes) {
            message = _t("Your files add up to more than %(size)s MB.", { size: input.dataset.totalMb });
        }
        input.setCustomValidity(message);
        input.reportValidity();
    },
});
