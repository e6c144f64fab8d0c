from . import mail_gateway
from . import mail_gateway_whatsapp
