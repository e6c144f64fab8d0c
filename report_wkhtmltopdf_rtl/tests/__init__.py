from . import test_right_to_left_print
from . import test_settings
from . import test_unpatched_qt_page
