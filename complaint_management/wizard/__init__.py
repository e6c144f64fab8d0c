from . import complaint_report_export
