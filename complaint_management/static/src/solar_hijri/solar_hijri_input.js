import { session } from "@web/session";
import { localization } from "@web/core/l10n/localization";
import { patch } from "@web/core/utils/patch";
import { fromSolarHijri, persianText, toSolarHijri } from "./solar_hijri_calendar";

const { DateTime } = luxon;

/**
 * Dates typed in the back office in the Solar Hijri calendar, for staff who work in Persian when
 * Settings > Complaints > Dates says so. Odoo writes a date into its inputs, and reads it back,
 * with luxon and the user's date format: in that format the year, month and day are written in
 * Solar Hijri, and a typed year before 1700 is read as a Solar Hijri one (1405/01/15), in Persian
 * or Latin digits, with Solar Hijri month names where the format has month names. Other formats,
 * and the server's ("yyyy-MM-dd") even when the user's format is the same, are left alone.
 */
const SOLAR_HIJRI_BEFORE = 1700;
const DATE_TOKENS = /'[^']*'|y+|M+|d+/g;
const SERVER_FORMATS = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss"];

function condensed(format) {
    return format
        .replace(/(^|[^M])MM([^M]|$)/, "$1M$2")
        .replace(/(^|[^d])dd([^d]|$)/, "$1d$2")
        .replace(/(^|[^H])HH([^H]|$)/, "$1H$2");
}

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

const numberFormats = new Map();

function numberText(value, digits, locale, numberingSystem) {
    const key = `${locale}|${numberingSystem}|${digits}`;
    if (!numberFormats.has(key)) {
        numberFormats.set(
            key,
            new Intl.NumberFormat(locale, {
                numberingSystem,
                minimumIntegerDigits: digits,
                useGrouping: false,
            })
        );
    }
    return numberFormats.get(key).format(value);
}

function latinDigits(text) {
    return text
        .replace(/[\u06F0-\u06F9]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
        .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660));
}

/** `format` with the date's year, month and day written in as Solar Hijri literals. */
function solarHijriFormat(date, format) {
    const { year, month, day } = toSolarHijri(date);
    const { locale, numberingSystem } = date.resolvedLocaleOptions();
    const number = (value, digits) => numberText(value, digits, locale, numberingSystem);
    return format.replace(DATE_TOKENS, (token) => {
        if (token.startsWith("'")) {
            return token;
        }
        if (token.startsWith("M") && token.length >= 3) {
            return `'${persianText(date, { month: token.length === 3 ? "short" : "long" })}'`;
        }
        const value = { y: year, M: month, d: day }[token[0]];
        // a two-digit year would be read back as a Gregorian one: written whole
        return `'${token === "yy" ? number(value, 4) : number(value, token.length)}'`;
    });
}

let monthNamesOnce = null;

/** [name, month number] of the Solar Hijri months, long names first (فروردین before فرو). */
function monthNames() {
    if (!monthNamesOnce) {
        monthNamesOnce = [];
        for (const style of ["long", "short"]) {
            for (let month = 1; month <= 12; month++) {
                const { year, month: gregorianMonth, day } = fromSolarHijri(1405, month, 1);
                const name = persianText(DateTime.utc(year, gregorianMonth, day), { month: style });
                monthNamesOnce.push([name, month]);
            }
        }
    }
    return monthNamesOnce;
}

/**
 * [text, format] with the Solar Hijri month names of `text` written as numbers, when `format`
 * names months: luxon would read them as Gregorian months.
 */
function numberedMonths(text, format) {
    if (!/M{3,}/.test(format)) {
        return [text, format];
    }
    for (const [name, month] of monthNames()) {
        if (text.includes(name)) {
            return [text.replace(name, String(month)), format.replace(/M{3,}/g, "M")];
        }
    }
    return [text, format];
}

if (session.complaint_staff_solar_hijri) {
    patch(DateTime.prototype, {
        toFormat(format, options) {
            if (!this.isValid || SERVER_FORMATS.includes(format) || !userFormats().has(format)) {
                return super.toFormat(format, options);
            }
            return super.toFormat(solarHijriFormat(this, format), options);
        },
    });

    patch(DateTime, {
        fromFormat(text, format, options = {}) {
            const [latin, latinFormat] = numberedMonths(latinDigits(text), format);
            const { result } = this.fromFormatExplain(latin, latinFormat, { ...options, numberingSystem: "latn" });
            if (!result?.year || result.year >= SOLAR_HIJRI_BEFORE) {
                return super.fromFormat(text, format, options);
            }
            const { year, month = 1, day = 1, ...time } = result;
            const gregorian = fromSolarHijri(year, month, day);
            if (!gregorian) {
                return DateTime.invalid("no such Solar Hijri day");
            }
            return DateTime.fromObject({ ...time, ...gregorian }, { zone: options.zone, locale: options.locale });
        },
    });
}
