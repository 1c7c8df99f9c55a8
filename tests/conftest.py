"Shared helpers for the command-line and integration tests."
import hashlib, os, shutil, subprocess, sys
from pathlib import Path
import pytest
from PIL import Image

SUPERRES = [sys.executable, '-c', 'import sys; from superres.cli import main; sys.exit(main())']

def run_cli(*args, cwd=None, timeout=600):
    "Run the `superres` command line with `args`; return the completed process (text output)."
    env = {**os.environ, 'SUPERRES_OFFLINE': '1', 'PYTHONWARNINGS': 'ignore'}
    return subprocess.run([*SUPERRES, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=timeout, env=env)

def run_in_process(*args):
    "Run the `superres` command line in this process (no start-up cost, for quick error paths): a `CompletedProcess` like `run_cli`'s."
    import contextlib, io
    from superres.cli import main
    out, err, env = io.StringIO(), io.StringIO(), os.environ.get('SUPERRES_OFFLINE')
    os.environ['SUPERRES_OFFLINE'] = '1'
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try: status = main([str(a) for a in args])
            except SystemExit as e: status = e.code
    finally:
        if env is None: os.environ.pop('SUPERRES_OFFLINE')
        else: os.environ['SUPERRES_OFFLINE'] = env
    return subprocess.CompletedProcess(['superres', *map(str, args)], status, out.getvalue(), err.getvalue())

def digest(folder) -> dict:
    "SHA-256 of every file under `folder`, by relative path."
    folder = Path(folder)
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob('*')) if p.is_file()}

@pytest.fixture
def photo_folder(tmp_path):
    "A folder of small real photos (from scikit-image) plus a corrupt JPEG and a text file named .png."
    from superres.data import skimage_photos
    folder = tmp_path/'photos'
    folder.mkdir()
    for f in skimage_photos()[:6]:
        Image.open(f).convert('RGB').resize((96, 80)).save(folder/f'{f.stem}.png')
    (folder/'broken.jpg').write_bytes((folder/'astronaut.png').read_bytes()[:200])
    (folder/'notes.png').write_text('not an image')
    return folder

@pytest.fixture(scope='module')
def x2_model(tmp_path_factory):
    "An untrained x2 model file (its output is exactly bicubic, which makes outputs checkable)."
    from superres.model import SuperResUnet
    from superres.modelfile import save_model
    path = tmp_path_factory.mktemp('model')/'x2.pth'
    save_model(SuperResUnet('resnet18', weights=None), path, task='sr2', scale=2)
    return path
