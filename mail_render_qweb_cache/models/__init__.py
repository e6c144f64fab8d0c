from . import ir_qweb
from . import mail_render_mixin
