from . import ir_http
from . import res_config_settings
from . import res_users
