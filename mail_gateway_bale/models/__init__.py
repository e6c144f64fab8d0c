from . import mail_gateway
from . import mail_gateway_bale
from . import mail_gateway_telegram
from . import mail_thread
