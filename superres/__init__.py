__version__ = "0.1.0"

# fastai's layers call `torch.jit.script` at import time, which recent torch releases flag as deprecated on every
# run of every command; the warning is about fastai's code, not the user's, so it is not shown.
import warnings as _warnings
_warnings.filterwarnings('ignore', message=r'`torch\.jit\.script` is deprecated', category=FutureWarning)


def _interrupted_while_loading(signum, frame):
    "Ctrl-C before the command has started: nothing is written yet, so say so and leave at once."
    import os
    os.write(2, b"superres: interrupted\n")
    os._exit(130)


def console():
    "The `superres` command: `superres.cli.main`, with Ctrl-C while its libraries are still loading a one-line message too."
    import os, signal, sys
    # A KeyboardInterrupt raised inside an import can land in one of importlib's callbacks, where Python prints
    # "Exception ignored" and carries on, so while the libraries load Ctrl-C exits directly instead.
    loading = signal.getsignal(signal.SIGINT) is signal.default_int_handler
    if loading: signal.signal(signal.SIGINT, _interrupted_while_loading)
    try:
        from superres.cli import main
        if loading: signal.signal(signal.SIGINT, signal.default_int_handler)
        sys.exit(main())
    except KeyboardInterrupt:
        print("superres: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:                          # output piped into `head` and the like, which closed early
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
