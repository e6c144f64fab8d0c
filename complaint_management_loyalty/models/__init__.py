from . import complaint_complaint
from . import complaint_team
