from . import test_render_batch
