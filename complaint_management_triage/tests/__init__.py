from . import test_text_normaliser
from . import test_triage
from . import test_assistant
from . import test_similar_complaints
