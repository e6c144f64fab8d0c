from . import complaint_category
from . import complaint_complaint
from . import complaint_intake_attempt
from . import complaint_stage
from . import complaint_tag
from . import complaint_team
from . import res_config_settings
from . import res_partner
