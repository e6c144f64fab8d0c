from . import complaint_report
from . import complaint_sla_report
from . import ir_actions_report
