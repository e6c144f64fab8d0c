from . import test_bale_gateway
