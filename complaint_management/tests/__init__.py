from . import test_complaint_assignment
from . import test_complaint_flow
from . import test_complaint_mail
from . import test_complaint_repeat
from . import test_complaint_security
from . import test_complaint_ui
from . import test_res_partner
