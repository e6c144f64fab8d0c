from .gateway_outcome import GatewayOutcome
from .gateway_number import gateway_number
from .generic_http_api import GenericHttpApi
from .kavenegar_api import KavenegarApi
from .sms_ir_api import SmsIrApi
