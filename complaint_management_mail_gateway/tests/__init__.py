from . import test_messenger_intake
from . import test_whatsapp_intake
