import { registry } from "@web/core/registry";
import { patch } from "@web/core/utils/patch";
import { DateTimeField } from "@web/views/fields/datetime/datetime_field";
import { solarHijriWords } from "./solar_hijri_format";

/**
 * Dates read in the back office (list cells, kanban cards, read-only fields) in the Solar Hijri
 * calendar, in words (۱ فروردین ۱۴۰۵). Returns what undoes it.
 */
export function patchDisplayedDates() {
    const formatters = registry.category("formatters");
    const [formatDate, formatDateTime] = [formatters.get("date"), formatters.get("datetime")];
    // list cells that are not being edited
    formatters.add("date", (value, options) => (value ? solarHijriWords(value, false) : formatDate(value, options)), {
        force: true,
    });
    formatters.add(
        "datetime",
        (value, options) =>
            value ? solarHijriWords(value, options?.showTime !== false) : formatDateTime(value, options),
        { force: true }
    );

    // read-only date fields of forms and kanban cards
    const unpatchField = patch(DateTimeField.prototype, {
        getFormattedValue(valueIndex) {
            const value = this.values[valueIndex];
            if (!this.props.readonly || !value) {
                return super.getFormattedValue(valueIndex);
            }
            return solarHijriWords(value, this.field.type === "datetime" && this.props.showTime !== false);
        },
    });
    return () => {
        unpatchField();
        formatters.add("date", formatDate, { force: true });
        formatters.add("datetime", formatDateTime, { force: true });
    };
}
