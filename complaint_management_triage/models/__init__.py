from . import complaint_assistant
from . import complaint_complaint
from . import complaint_triage
from . import complaint_triage_model
from . import complaint_triage_suggestion
from . import complaint_triage_vector
from . import res_company
from . import res_config_settings
