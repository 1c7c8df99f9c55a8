__version__ = "0.1.0"

# fastai's layers call `torch.jit.script` at import time, which recent torch releases flag as deprecated on every
# run of every command; the warning is about fastai's code, not the user's, so it is not shown.
import warnings as _warnings
_warnings.filterwarnings('ignore', message=r'`torch\.jit\.script` is deprecated', category=FutureWarning)


def console():
    "The `superres` command: `superres.cli.main`, with Ctrl-C while its libraries are still loading a one-line message too."
    import os, sys
    try:
        from superres.cli import main
        sys.exit(main())
    except KeyboardInterrupt:
        print("superres: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:                          # output piped into `head` and the like, which closed early
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
