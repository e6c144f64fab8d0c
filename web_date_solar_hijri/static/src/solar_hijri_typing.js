import { localization } from "@web/core/l10n/localization";
import { patch } from "@web/core/utils/patch";
import { parseSolarHijri, solarHijriFormat } from "./solar_hijri_format";

const { DateTime } = luxon;

const SERVER_FORMATS = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss"];

/** `format` with single-digit months, days and hours, as Odoo's inputs also accept. */
function condensed(format) {
    return format
        .replace(/(^|[^M])MM([^M]|$)/, "$1M$2")
        .replace(/(^|[^d])dd([^d]|$)/, "$1d$2")
        .replace(/(^|[^H])HH([^H]|$)/, "$1H$2");
}

/**
 * Dates typed in the back office's inputs in the Solar Hijri calendar. Odoo writes a date into its
 * inputs, and reads it back, with luxon and the user's date format: in that format the year, month
 * and day are written in Solar Hijri, and a typed year before 1700 is read as a Solar Hijri one
 * (1405/01/15), in Persian or Latin digits. Other formats, and the server's ("yyyy-MM-dd") even when
 * the user's format is the same, are left alone. Returns what undoes it.
 */
export function patchTypedDates() {
    let userFormatsOnce = null;

    /**
     * The user's date formats, less the server's: a value sent to the server stays Gregorian. Empty
     * before the user's localization is loaded (an error shown while the client starts).
     */
    function userFormats() {
        if (!userFormatsOnce) {
            let formats;
            try {
                const { dateFormat, dateTimeFormat, shortTimeFormat } = localization;
                formats = [dateFormat, dateTimeFormat, `${dateFormat} ${shortTimeFormat}`];
            } catch {
                return new Set();
            }
            userFormatsOnce = new Set([...formats, ...formats.map(condensed)]);
            SERVER_FORMATS.forEach((format) => userFormatsOnce.delete(format));
        }
        return userFormatsOnce;
    }

    const unpatchWriting = patch(DateTime.prototype, {
        toFormat(format, options) {
            if (!this.isValid || !userFormats().has(format)) {
                return super.toFormat(format, options);
            }
            return super.toFormat(solarHijriFormat(this, format), options);
        },
    });
    const unpatchReading = patch(DateTime, {
        fromFormat(text, format, options = {}) {
            return parseSolarHijri(text, format, options) ?? super.fromFormat(text, format, options);
        },
    });
    return () => {
        unpatchReading();
        unpatchWriting();
    };
}
