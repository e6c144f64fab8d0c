import { fromSolarHijri, persianText, toSolarHijri } from "./solar_hijri_calendar";

const { DateTime } = luxon;

/**
 * Solar Hijri dates written and read with luxon's format strings (the user's date format, e.g.
 * "yyyy/MM/dd"): the year, month and day are written in Solar Hijri, a year before 1700 is read as a
 * Solar Hijri one (1405/01/15), in Persian or Latin digits, with Solar Hijri month names where the
 * format has month names.
 */
export const SOLAR_HIJRI_BEFORE = 1700;
const DATE_TOKENS = /'[^']*'|y+|M+|d+/g;

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

/** `text` with its Persian and Arabic-Indic digits written in Latin ones. */
export function latinDigits(text) {
    return text
        .replace(/[\u06F0-\u06F9]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
        .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660));
}

/**
 * luxon format `format` with the luxon DateTime `date`'s year, month and day written in as Solar
 * Hijri literals, in the digits of the date's locale: `date.toFormat()` of the result writes the
 * date in Solar Hijri and the rest (time, literals) as luxon does.
 */
export function solarHijriFormat(date, format) {
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

/**
 * The luxon DateTime that `text`, written in luxon format `format` with a Solar Hijri year (before
 * 1700), stands for: an invalid one when there is no such Solar Hijri day (30 Esfand of a common
 * year), null when `text` is not a Solar Hijri date (luxon reads it). `options` as luxon's
 * `fromFormat` (zone, locale).
 */
export function parseSolarHijri(text, format, options = {}) {
    const [latin, latinFormat] = numberedMonths(latinDigits(text), format);
    const { result } = DateTime.fromFormatExplain(latin, latinFormat, { ...options, numberingSystem: "latn" });
    if (!result?.year || result.year >= SOLAR_HIJRI_BEFORE) {
        return null;
    }
    const { year, month = 1, day = 1, ...time } = result;
    const gregorian = fromSolarHijri(year, month, day);
    if (!gregorian) {
        return DateTime.invalid("no such Solar Hijri day");
    }
    return DateTime.fromObject({ ...time, ...gregorian }, { zone: options.zone, locale: options.locale });
}

const wordFormats = new Map();

/**
 * The luxon DateTime `value` in words, in Persian, in its own time zone: ۱ فروردین ۱۴۰۵, with the
 * time (۱ فروردین ۱۴۰۵، ۱۰:۳۰) when `withTime`.
 */
export function solarHijriWords(value, withTime) {
    const key = `${value.zoneName}|${withTime}`;
    if (!wordFormats.has(key)) {
        wordFormats.set(
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
    return wordFormats.get(key).format(value.toJSDate());
}
