import { after, beforeEach, expect, test } from "@odoo/hoot";
import { click, queryAllTexts } from "@odoo/hoot-dom";
import { animationFrame, mockDate } from "@odoo/hoot-mock";
import { defineParams, mountWithCleanup } from "@web/../tests/web_test_helpers";
import { DateTimePicker } from "@web/core/datetime/datetime_picker";
import { patchDatePicker } from "@web_date_solar_hijri/solar_hijri_picker";

const { DateTime } = luxon;

defineParams({
    lang_parameters: { date_format: "%Y/%m/%d", time_format: "%H:%M:%S", week_start: 6 },
});

beforeEach(() => {
    mockDate("2026-03-06T09:00:00"); // 15 Esfand 1404
});

const days = () => queryAllTexts(".o_date_item_cell:not(.o_out_of_range)");
const weekdays = () => queryAllTexts(".o_day_of_week_cell");

test("a Solar Hijri month's days, weeks from Saturday; the next and previous months", async () => {
    after(patchDatePicker());
    await mountWithCleanup(DateTimePicker, { props: { type: "date" } });
    expect(".o_header_part").toHaveText("اسفند ۱۴۰۴");
    expect(days()).toHaveLength(29, { message: "Esfand of a common year" });
    expect(days()[0]).toBe("۱");
    expect(".o_date_item_cell.o_today").toHaveText("۱۵");
    expect(weekdays()[1]).toBe("Sat", { message: "after the week numbers' column" });
    // 1 Esfand 1404 (20 February 2026) is a Friday: the last day of the first week
    expect(queryAllTexts(".o_date_item_cell").slice(0, 7)).toEqual(["", "", "", "", "", "", "۱"]);

    await click(".o_next");
    await animationFrame();
    expect(".o_header_part").toHaveText("فروردین ۱۴۰۵");
    expect(days()).toHaveLength(31);

    await click(".o_previous");
    await animationFrame();
    await click(".o_previous");
    await animationFrame();
    expect(".o_header_part").toHaveText("بهمن ۱۴۰۴");
    expect(days()).toHaveLength(30);
});

test("a picked day is the Gregorian day it stands for", async () => {
    after(patchDatePicker());
    const picked = [];
    await mountWithCleanup(DateTimePicker, {
        props: { type: "date", value: DateTime.fromISO("2026-03-06"), onSelect: (value) => picked.push(value) },
    });
    await click(".o_date_item_cell:not(.o_out_of_range):contains(۲۰)");
    await animationFrame();
    expect(picked.map((value) => value.toISODate())).toEqual(["2026-03-11"]);
});

test("undone, the picker is Gregorian again", async () => {
    patchDatePicker()();
    await mountWithCleanup(DateTimePicker, { props: { type: "date" } });
    expect(".o_header_part").toHaveText("March 2026");
});
