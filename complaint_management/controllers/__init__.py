from . import attachment
from . import feedback
from . import portal
from . import public
from . import report_export
from . import statistics
