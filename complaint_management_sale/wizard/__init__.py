from . import complaint_complaint_intake
