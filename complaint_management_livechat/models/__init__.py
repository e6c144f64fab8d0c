from . import chatbot_script_step
from . import res_company
from . import res_config_settings
