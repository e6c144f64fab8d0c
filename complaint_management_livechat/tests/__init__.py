from . import test_complaint_chatbot
