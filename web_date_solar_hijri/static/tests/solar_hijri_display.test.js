import { after, expect, test } from "@odoo/hoot";
import { queryAllTexts } from "@odoo/hoot-dom";
import { mockTimeZone } from "@odoo/hoot-mock";
import { defineModels, defineWebModels, fields, models, mountView } from "@web/../tests/web_test_helpers";
import { registry } from "@web/core/registry";
import { patchDisplayedDates } from "@web_date_solar_hijri/solar_hijri_display";

const { DateTime } = luxon;

class Complaint extends models.Model {
    _name = "test.complaint";

    name = fields.Char();
    day = fields.Date();
    moment = fields.Datetime();

    _records = [
        { id: 1, name: "Nowruz", day: "2026-03-21", moment: "2026-03-21 07:00:00" },
        { id: 2, name: "No day", day: false, moment: false },
    ];
}

defineWebModels();
defineModels([Complaint]);

test("formatters write days in words, in Persian, in the user's time zone", () => {
    mockTimeZone("Asia/Tehran");
    after(patchDisplayedDates());
    const formatters = registry.category("formatters");
    expect(formatters.get("date")(DateTime.fromISO("2026-03-21"))).toBe("۱ فروردین ۱۴۰۵");
    // 23:00 on 20 March in UTC is 02:30 on Nowruz in Tehran
    const late = DateTime.fromISO("2026-03-20T23:00:00", { zone: "utc" }).setZone("Asia/Tehran");
    expect(formatters.get("datetime")(late)).toMatch(/^۱ فروردین ۱۴۰۵.*۰۲:۳۰$/);
    expect(formatters.get("datetime")(late, { showTime: false })).toBe("۱ فروردین ۱۴۰۵");
    expect(formatters.get("date")(false)).toBe("");
});

test("list cells read Solar Hijri", async () => {
    mockTimeZone(0);
    after(patchDisplayedDates());
    await mountView({
        type: "list",
        resModel: "test.complaint",
        arch: `<list><field name="name"/><field name="day"/><field name="moment"/></list>`,
    });
    expect(queryAllTexts(".o_data_cell[name=day]")).toEqual(["۱ فروردین ۱۴۰۵", ""]);
    expect(queryAllTexts(".o_data_cell[name=moment]")[0]).toMatch(/^۱ فروردین ۱۴۰۵.*۰۷:۰۰$/);
});

test("read-only fields read Solar Hijri; an edited field the user's format", async () => {
    mockTimeZone(0);
    after(patchDisplayedDates());
    await mountView({
        type: "form",
        resModel: "test.complaint",
        resId: 1,
        arch: `<form><field name="day" readonly="1"/><field name="moment"/></form>`,
    });
    expect(".o_field_widget[name=day]").toHaveText("۱ فروردین ۱۴۰۵");
    expect(".o_field_widget[name=moment] input").toHaveValue("03/21/2026 07:00:00", {
        message: "inputs write the user's format (Solar Hijri with solar_hijri_typing)",
    });
});

test("undone, formatters are Odoo's again", () => {
    const unpatch = patchDisplayedDates();
    unpatch();
    expect(registry.category("formatters").get("date")(DateTime.fromISO("2026-03-21"))).toBe("03/21/2026");
});
