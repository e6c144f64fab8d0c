/**
 * The Solar Hijri calendar from the browser's own (Intl's "persian" calendar), so that no calendar
 * arithmetic is written here: its months 1 to 6 have 31 days, 7 to 11 have 30, Esfand 29 or 30.
 */
const DAY = 24 * 60 * 60 * 1000;
const partsFormat = new Intl.DateTimeFormat("en-US-u-ca-persian-nu-latn", {
    timeZone: "UTC",
    year: "numeric",
    month: "numeric",
    day: "numeric",
});

function partsOf(timestamp) {
    const parts = Object.fromEntries(partsFormat.formatToParts(timestamp).map((part) => [part.type, part.value]));
    return { year: parseInt(parts.year), month: parseInt(parts.month), day: parseInt(parts.day) };
}

/** The Solar Hijri {year, month, day} of the calendar day of the luxon DateTime `date`. */
export function toSolarHijri(date) {
    return partsOf(Date.UTC(date.year, date.month - 1, date.day));
}

/** The Gregorian {year, month, day} of a Solar Hijri day, or null when there is no such day. */
export function fromSolarHijri(year, month, day) {
    if (!(month >= 1 && month <= 12 && day >= 1 && day <= (month <= 6 ? 31 : 30))) {
        return null;
    }
    for (const marchDay of [21, 20, 22, 19]) {
        const nowruz = Date.UTC(year + 621, 2, marchDay);
        const first = partsOf(nowruz);
        if (first.year === year && first.month === 1 && first.day === 1) {
            const daysBefore = (month - 1) * 31 - Math.max(0, month - 7);
            const timestamp = nowruz + (daysBefore + day - 1) * DAY;
            const found = partsOf(timestamp);
            if (found.month !== month || found.day !== day) {
                return null; // Esfand 30 of a common year
            }
            const date = new Date(timestamp);
            return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
        }
    }
    return null;
}

/** The first day (start of day) of the Solar Hijri month of the luxon DateTime `date`. */
export function startOfSolarHijriMonth(date) {
    // days first: a day may start after midnight where clocks changed (Tehran before 1402)
    return date.minus({ days: toSolarHijri(date).day - 1 }).startOf("day");
}

/** The first day of the Solar Hijri month after the one starting on `monthStart`. */
export function nextSolarHijriMonth(monthStart) {
    return startOfSolarHijriMonth(monthStart.plus({ days: 31 }));
}

/** The first day of the Solar Hijri month before the one starting on `monthStart`. */
export function previousSolarHijriMonth(monthStart) {
    return startOfSolarHijriMonth(monthStart.minus({ days: 1 }));
}

const persianFormats = new Map();

/** The luxon DateTime `date`'s calendar day written in Persian, e.g. {month: "long"} gives «فروردین». */
export function persianText(date, options) {
    const key = JSON.stringify(options);
    if (!persianFormats.has(key)) {
        persianFormats.set(key, new Intl.DateTimeFormat("fa-IR-u-ca-persian", { timeZone: "UTC", ...options }));
    }
    return persianFormats.get(key).format(Date.UTC(date.year, date.month - 1, date.day));
}
