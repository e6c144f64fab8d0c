from . import test_delivery_report
from . import test_gateway_number
from . import test_sms_gateway
