from . import complaint_report_export
from . import complaint_complaint_intake
from . import complaint_complaint_reply
from . import complaint_problem_update
