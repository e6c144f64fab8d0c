from . import test_complaint_coupon
