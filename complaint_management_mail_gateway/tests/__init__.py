from . import test_messenger_intake
