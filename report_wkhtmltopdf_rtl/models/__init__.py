from . import ir_actions_report
from . import res_config_settings
