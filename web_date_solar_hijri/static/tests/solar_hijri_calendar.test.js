import { expect, test } from "@odoo/hoot";
import {
    fromSolarHijri,
    nextSolarHijriMonth,
    persianText,
    previousSolarHijriMonth,
    startOfSolarHijriMonth,
    toSolarHijri,
} from "@web_date_solar_hijri/solar_hijri_calendar";

const { DateTime } = luxon;

const day = (iso) => DateTime.fromISO(iso);
const ymd = ({ year, month, day }) => `${year}/${month}/${day}`;

test("known days: Nowruz, and the last day of Esfand in leap and common years", () => {
    expect(ymd(toSolarHijri(day("2026-03-21")))).toBe("1405/1/1");
    expect(ymd(toSolarHijri(day("2026-03-20")))).toBe("1404/12/29");
    expect(ymd(toSolarHijri(day("2025-03-20")))).toBe("1403/12/30");
    expect(ymd(toSolarHijri(day("2024-03-20")))).toBe("1403/1/1");
    expect(ymd(toSolarHijri(day("2026-11-24")))).toBe("1405/9/3");
    expect(ymd(fromSolarHijri(1405, 1, 1))).toBe("2026/3/21");
    expect(ymd(fromSolarHijri(1403, 12, 30))).toBe("2025/3/20");
});

test("every day from 1390 to 1 Farvardin 1421 there and back, one day after another", () => {
    const problems = [];
    const leapYears = [];
    let previous = null;
    for (let date = DateTime.utc(2011, 3, 21); date <= DateTime.utc(2042, 3, 21); date = date.plus({ days: 1 })) {
        const solar = toSolarHijri(date);
        const back = fromSolarHijri(solar.year, solar.month, solar.day);
        if (ymd(back) !== `${date.year}/${date.month}/${date.day}`) {
            problems.push(`${date.toISODate()} -> ${ymd(solar)} -> ${ymd(back)}`);
        }
        if (previous) {
            const follows =
                solar.day === previous.day + 1
                    ? solar.month === previous.month
                    : solar.day === 1 &&
                      (solar.month === previous.month + 1 || (solar.month === 1 && solar.year === previous.year + 1));
            if (!follows) {
                problems.push(`${ymd(previous)} then ${ymd(solar)}`);
            }
            const monthLength = previous.month <= 6 ? 31 : previous.month <= 11 ? 30 : [29, 30];
            if (solar.day === 1 && ![monthLength].flat().includes(previous.day)) {
                problems.push(`month ${previous.year}/${previous.month} has ${previous.day} days`);
            }
            if (solar.day === 1 && solar.month === 1 && previous.day === 30) {
                leapYears.push(previous.year);
            }
        }
        previous = solar;
    }
    expect(problems).toEqual([]);
    // the 33-year cycle's leap years
    expect(leapYears).toEqual([1391, 1395, 1399, 1403, 1408, 1412, 1416, 1420]);
});

test("days that do not exist", () => {
    expect(fromSolarHijri(1404, 12, 30)).toBe(null, { message: "Esfand of a common year has 29 days" });
    expect(fromSolarHijri(1405, 7, 31)).toBe(null, { message: "Mehr has 30 days" });
    expect(fromSolarHijri(1405, 13, 1)).toBe(null);
    expect(fromSolarHijri(1405, 0, 1)).toBe(null);
    expect(fromSolarHijri(1405, 1, 0)).toBe(null);
});

test("months: their first day, the next and the previous one", () => {
    const farvardin = startOfSolarHijriMonth(day("2026-04-10T15:00:00"));
    expect(farvardin.toISO({ includeOffset: false })).toBe("2026-03-21T00:00:00.000");
    const starts = [farvardin];
    for (let month = 1; month <= 12; month++) {
        starts.push(nextSolarHijriMonth(starts.at(-1)));
    }
    expect(starts.map((start) => start.toISODate())).toEqual([
        "2026-03-21",
        "2026-04-21",
        "2026-05-22",
        "2026-06-22",
        "2026-07-23",
        "2026-08-23",
        "2026-09-23",
        "2026-10-23",
        "2026-11-22",
        "2026-12-22",
        "2027-01-21",
        "2027-02-20",
        "2027-03-21",
    ]);
    const backwards = [starts.at(-1)];
    for (let month = 1; month <= 12; month++) {
        backwards.push(previousSolarHijriMonth(backwards.at(-1)));
    }
    expect(backwards.reverse().map((start) => start.toISODate())).toEqual(starts.map((start) => start.toISODate()));
});

test("a month's first day where the clocks changed at midnight (Tehran, 1401)", () => {
    // Tehran moved its clocks from 00:00 to 01:00 on 22 March 2022 (2 Farvardin 1401)
    const inTehran = DateTime.fromISO("2022-04-05T12:00:00", { zone: "Asia/Tehran" });
    const start = startOfSolarHijriMonth(inTehran);
    expect(start.toISO()).toBe("2022-03-21T00:00:00.000+03:30");
    expect(nextSolarHijriMonth(start).toISODate()).toBe("2022-04-21");
});

test("Persian names of months and years", () => {
    const nowruz = DateTime.utc(2026, 3, 21);
    expect(persianText(nowruz, { month: "long" })).toBe("فروردین");
    expect(persianText(nowruz, { year: "numeric" })).toBe("۱۴۰۵");
    expect(persianText(nowruz, { day: "numeric" })).toBe("۱");
});
