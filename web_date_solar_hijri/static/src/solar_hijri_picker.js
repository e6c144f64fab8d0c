import { isInRange, today } from "@web/core/l10n/dates";
import { _t } from "@web/core/l10n/translation";
import { localization } from "@web/core/l10n/localization";
import { patch } from "@web/core/utils/patch";
import { DateTimePicker } from "@web/core/datetime/datetime_picker";
import {
    nextSolarHijriMonth,
    persianText,
    previousSolarHijriMonth,
    startOfSolarHijriMonth,
} from "./solar_hijri_calendar";

const { Info } = luxon;
const WEEKS_PER_MONTH = 6;

/** The date picker's day grid of the Solar Hijri month starting on `monthStart`, as Odoo's own. */
function monthItem(monthStart, index, { minDate, maxDate, isDateValid, dayCellClass, showWeekNumbers }) {
    const monthRange = [monthStart, nextSolarHijriMonth(monthStart).minus({ days: 1 }).endOf("day")];
    const { weekStart } = localization;
    let day = monthStart.set({ weekday: monthStart.weekday < weekStart ? weekStart - 7 : weekStart });
    const weeks = [];
    for (let week = 0; week < WEEKS_PER_MONTH; week++) {
        const days = [];
        for (let weekday = 0; weekday < 7; weekday++, day = day.plus({ days: 1 })) {
            const range = [day, day.endOf("day")];
            days.push({
                id: day.toISODate(),
                includesToday: isInRange(today(), range),
                isOutOfRange: !isInRange(day, monthRange),
                isValid: isInRange(range, [minDate, maxDate]) && (isDateValid?.(day) ?? true),
                label: persianText(day, { day: "numeric" }),
                range,
                extraClass: dayCellClass?.(day) || "",
            });
        }
        weeks.push({ number: days[3].range[0].weekNumber, days });
    }
    const daysOfWeek = weeks[0].days.map(({ range: [date] }) => [
        date.weekdayShort,
        date.weekdayLong,
        Info.weekdays("narrow", { locale: date.locale })[date.weekday - 1],
    ]);
    if (showWeekNumbers) {
        daysOfWeek.unshift(["#", _t("Week numbers"), "#"]);
    }
    return { id: `__month__${index}`, number: monthStart.month, daysOfWeek, weeks };
}

/**
 * The date picker in the Solar Hijri calendar: a month's grid, its title and the previous and next
 * buttons go by Solar Hijri months. It shows days only (other years are typed: 1404/12/20); a picker
 * of months or years, which Odoo opens for some fields, keeps Odoo's own. Returns what undoes it.
 */
export function patchDatePicker() {
    return patch(DateTimePicker.prototype, {
        filterPrecisionLevels(minPrecision, maxPrecision) {
            return minPrecision === "days" ? ["days"] : super.filterPrecisionLevels(minPrecision, maxPrecision);
        },
        get isSolarHijri() {
            return this.state.precision === "days";
        },
        adjustFocus(values, focusedDateIndex) {
            if (!this.isSolarHijri) {
                return super.adjustFocus(values, focusedDateIndex);
            }
            if (!this.shouldAdjustFocusDate && this.state.focusDate) {
                return;
            }
            const dateToFocus = values[focusedDateIndex] || values[focusedDateIndex === 1 ? 0 : 1] || today();
            let monthStart = startOfSolarHijriMonth(this.clamp(dateToFocus));
            const [start, end] = values;
            if (
                this.additionalMonth &&
                focusedDateIndex === 1 &&
                start &&
                end &&
                startOfSolarHijriMonth(start).toISODate() !== monthStart.toISODate()
            ) {
                monthStart = previousSolarHijriMonth(monthStart); // both ends in sight, as Odoo does
            }
            this.shouldAdjustFocusDate = false;
            this.state.focusDate = monthStart;
        },
        onWillRender() {
            super.onWillRender();
            if (!this.isSolarHijri) {
                return;
            }
            const { focusDate } = this.state;
            const monthStarts = this.additionalMonth ? [focusDate, nextSolarHijriMonth(focusDate)] : [focusDate];
            const params = {
                minDate: this.minDate,
                maxDate: this.maxDate,
                isDateValid: this.props.isDateValid,
                dayCellClass: this.props.dayCellClass,
                showWeekNumbers: this.props.showWeekNumbers ?? !this.props.range,
            };
            this.title = monthStarts.map(
                (start) => `${persianText(start, { month: "long" })} ${persianText(start, { year: "numeric" })}`
            );
            this.items = monthStarts.map((start, index) => monthItem(start, index, params));
        },
        next(ev) {
            if (!this.isSolarHijri) {
                return super.next(ev);
            }
            ev.preventDefault();
            this.state.focusDate = startOfSolarHijriMonth(this.clamp(nextSolarHijriMonth(this.state.focusDate)));
        },
        previous(ev) {
            if (!this.isSolarHijri) {
                return super.previous(ev);
            }
            ev.preventDefault();
            this.state.focusDate = startOfSolarHijriMonth(this.clamp(previousSolarHijriMonth(this.state.focusDate)));
        },
    });
}
