import { after, beforeEach, expect, test } from "@odoo/hoot";
import { defineParams, makeMockEnv, patchWithCleanup } from "@web/../tests/web_test_helpers";
import { formatDate, formatDateTime, parseDate, parseDateTime, serializeDate } from "@web/core/l10n/dates";
import { localization } from "@web/core/l10n/localization";
import { patchTypedDates } from "@web_date_solar_hijri/solar_hijri_typing";

const { DateTime } = luxon;

// Persian's formats in Odoo (res.lang): 1405/01/01 10:30:00, weeks from Saturday
defineParams({
    lang_parameters: {
        date_format: "%Y/%m/%d",
        time_format: "%H:%M:%S",
        short_time_format: "%H:%M",
        week_start: 6,
    },
});

beforeEach(async () => {
    await makeMockEnv();
});

test("the user's format writes Solar Hijri; the server's stays Gregorian", () => {
    after(patchTypedDates());
    const nowruz = DateTime.fromISO("2026-03-21T10:30:00");
    expect(formatDate(nowruz)).toBe("1405/01/01");
    expect(formatDateTime(nowruz)).toBe("1405/01/01 10:30:00");
    expect(serializeDate(nowruz)).toBe("2026-03-21");
    expect(nowruz.toFormat("yyyy-MM-dd")).toBe("2026-03-21");
    expect(nowruz.toFormat("dd MMMM yyyy")).toBe("21 March 2026", { message: "not the user's format" });
    expect(nowruz.reconfigure({ numberingSystem: "arabext" }).toFormat("yyyy/MM/dd")).toBe("۱۴۰۵/۰۱/۰۱", {
        message: "in the date's digits",
    });
});

test("typed Solar Hijri days, in Latin or Persian digits; Gregorian years stay Gregorian", () => {
    after(patchTypedDates());
    expect(parseDate("1404/12/15").toISODate()).toBe("2026-03-06");
    expect(parseDate("۱۴۰۴/۱۲/۱۵").toISODate()).toBe("2026-03-06");
    expect(parseDate("1404/1/5").toISODate()).toBe("2025-03-25", { message: "without leading zeros" });
    expect(parseDateTime("۱۴۰۴/۱۲/۱۵ ۱۰:۳۰:۰۰").toISO({ includeOffset: false })).toBe("2026-03-06T10:30:00.000");
    expect(parseDate("2026/03/06").toISODate()).toBe("2026-03-06");
    expect(parseDate("1403/12/30").toISODate()).toBe("2025-03-20", { message: "1403 is a leap year" });
    expect(() => parseDate("1404/12/30")).toThrow(/not a correct date/, { message: "1404 is not" });
});

test("what is written is read back", () => {
    after(patchTypedDates());
    const problems = [];
    for (let date = DateTime.fromISO("2025-03-01T08:05:00"); date.year < 2027; date = date.plus({ days: 1 })) {
        const read = parseDateTime(formatDateTime(date));
        if (!read.equals(date)) {
            problems.push(`${date.toISO()} -> ${formatDateTime(date)} -> ${read.toISO()}`);
        }
    }
    expect(problems).toEqual([]);
});

test("formats with month names write and read Solar Hijri months", () => {
    patchWithCleanup(localization, { dateFormat: "d MMMM yyyy" });
    after(patchTypedDates());
    const mehr = DateTime.fromISO("2026-10-10");
    expect(formatDate(mehr)).toBe("18 مهر 1405");
    expect(parseDate("18 مهر 1405").toISODate()).toBe("2026-10-10");
    expect(parseDate("۱۸ مهر ۱۴۰۵").toISODate()).toBe("2026-10-10");
});

test("undone, dates are Gregorian again", () => {
    const unpatch = patchTypedDates();
    expect(formatDate(DateTime.fromISO("2026-03-21"))).toBe("1405/01/01");
    unpatch();
    expect(formatDate(DateTime.fromISO("2026-03-21"))).toBe("2026/03/21");
    expect(parseDate("1404/12/15").year).toBe(1404);
});
