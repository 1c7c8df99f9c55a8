__version__ = "0.1.0"

# fastai's layers call `torch.jit.script` at import time, which recent torch releases flag as deprecated on every
# run of every command; the warning is about fastai's code, not the user's, so it is not shown.
import warnings as _warnings
_warnings.filterwarnings('ignore', message=r'`torch\.jit\.script` is deprecated', category=FutureWarning)
