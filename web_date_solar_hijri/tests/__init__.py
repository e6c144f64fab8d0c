from . import test_back_office_setting
from . import test_solar_hijri_dates
from . import test_unit_tests
