from .solar_hijri_dates import (
    PERSIAN_DIGITS,
    local_datetime,
    month_label,
    month_starts,
    reader_date,
    reader_datetime,
    solar_hijri_date,
    solar_hijri_month,
    solar_hijri_numeric,
    uses_solar_hijri,
)
