from . import complaint_sla_report
