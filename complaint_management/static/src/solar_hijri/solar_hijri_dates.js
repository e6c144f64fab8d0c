import { session } from "@web/session";
import { registry } from "@web/core/registry";
import { patch } from "@web/core/utils/patch";
import { DateTimeField } from "@web/views/fields/datetime/datetime_field";

/**
 * Dates read in the back office (list cells, kanban cards, read-only fields) in the Solar Hijri
 * calendar, for staff who work in Persian when Settings > Complaints > Dates says so, in words
 * (۱ فروردین ۱۴۰۵); inputs write them with the user's date format (solar_hijri_input).
 */
const formats = new Map();

function solarHijri(value, withTime) {
    const key = `${value.zoneName}|${withTime}`;
    if (!formats.has(key)) {
        formats.set(
            key,
            new Intl.DateTimeFormat("fa-IR-u-ca-persian", {
                timeZone: value.zoneName,
                year: "numeric",
                month: "long",
                day: "numeric",
                ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } : {}),
            })
        );
    }
    return formats.get(key).format(value.toJSDate());
}

if (session.complaint_staff_solar_hijri) {
    const formatters = registry.category("formatters");
    const [formatDate, formatDateTime] = [formatters.get("date"), formatters.get("datetime")];
    // list cells that are not being edited
    formatters.add("date", (value, options) => (value ? solarHijri(value, false) : formatDate(value, options)), {
        force: true,
    });
    formatters.add(
        "datetime",
        (value, options) => (value ? solarHijri(value, options?.showTime !== false) : formatDateTime(value, options)),
        { force: true }
    );

    // read-only date fields of forms and kanban cards
    patch(DateTimeField.prototype, {
        getFormattedValue(valueIndex) {
            const value = this.values[valueIndex];
            if (!this.props.readonly || !value) {
                return super.getFormattedValue(valueIndex);
            }
            return solarHijri(value, this.field.type === "datetime" && this.props.showTime !== false);
        },
    });
}
