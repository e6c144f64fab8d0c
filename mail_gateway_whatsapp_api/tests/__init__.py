from . import test_whatsapp_api
