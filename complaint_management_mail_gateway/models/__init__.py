from . import complaint_complaint
from . import complaint_messenger_intake
from . import complaint_messenger_update
from . import complaint_report
from . import complaint_routing_rule
from . import complaint_sla_policy
from . import discuss_channel
from . import mail_gateway_telegram
