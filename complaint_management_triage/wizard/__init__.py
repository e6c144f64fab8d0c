from . import complaint_complaint_reply
