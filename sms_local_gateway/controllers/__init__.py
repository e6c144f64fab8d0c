from . import delivery_report
