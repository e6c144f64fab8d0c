import { session } from "@web/session";
import { patchDisplayedDates } from "./solar_hijri_display";
import { patchDatePicker } from "./solar_hijri_picker";
import { patchTypedDates } from "./solar_hijri_typing";

/**
 * The back office in the Solar Hijri calendar: dates read, typed and picked. Returns what undoes it.
 */
export function patchBackOffice() {
    const unpatches = [patchDisplayedDates(), patchTypedDates(), patchDatePicker()];
    return () => unpatches.reverse().forEach((unpatch) => unpatch());
}

// for users who work in Persian, where Settings > General Settings > Languages says so
if (session.solar_hijri_dates) {
    patchBackOffice();
}
