from . import mail_thread
from . import res_company
from . import res_config_settings
from . import sms_gateway
from . import sms_gateway_template
from . import sms_gateway_template_parameter
from . import sms_sms
from . import sms_tracker
