from . import feedback
from . import portal
from . import public
