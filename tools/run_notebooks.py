"""Re-execute every chapter top to bottom (slow cells included) and keep the outputs in the notebooks.

    python tools/run_notebooks.py                 # all chapters
    python tools/run_notebooks.py 05_train 08_bench   # some chapters

Runs `tools/notebook_tests.py --flags slow --save` (nbdev-test, notebooks one after another, each in a fresh process; on success each one's outputs
are written back), stores large PNG outputs (photos) as JPEG, then `nbdev-clean`, which strips only volatile metadata (execution counts, cell ids' churn).
A notebook that fails keeps its old outputs and the command exits 1. Took 8 min 11 s for every chapter on 2 CPU cores
(the CPU demo trains for about 6 of them); CUDA-flagged cells run only with `--cuda` on a GPU machine.
On a machine without internet, set SUPERRES_OFFLINE=1 so the outputs show the offline warning rather than failed downloads.
"""
import argparse, base64, io, json, subprocess, sys
from pathlib import Path
from PIL import Image

LARGEST_PNG = 200_000   # bytes of base64: a larger PNG output (a photo) is stored as JPEG

def shrink_photo_outputs(path:Path, quality:int=85) -> int:
    "Store the large PNG outputs of notebook `path` (photos compress badly as PNG) as JPEG; return how many were converted."
    nb, n = json.loads(path.read_text()), 0
    for cell in nb['cells']:
        for out in cell.get('outputs', []):
            data = out.get('data', {})
            png = data.get('image/png')
            if png is None: continue
            b64 = ''.join(png) if isinstance(png, list) else png
            if len(b64) <= LARGEST_PNG: continue
            buf = io.BytesIO()
            Image.open(io.BytesIO(base64.b64decode(b64))).convert('RGB').save(buf, 'JPEG', quality=quality)
            del data['image/png']; data['image/jpeg'] = base64.b64encode(buf.getvalue()).decode()
            out.get('metadata', {}).pop('image/png', None)
            n += 1
    if n: path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n')
    return n

def main(argv=None) -> int:
    "Execute the chapters named in `argv` (default: all) and save their outputs; the exit status of the run."
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('chapters', nargs='*', help='notebook names without .ipynb (default: every chapter)')
    p.add_argument('--cuda', action='store_true', help='also run the cuda-flagged cells (needs a GPU)')
    p.add_argument('--workers', type=int, default=1, help='notebooks run at once (default 1: timings in outputs stay honest)')
    args = p.parse_args(argv)
    nbs = Path(__file__).resolve().parents[1]/'nbs'
    flags = 'slow cuda' if args.cuda else 'slow'
    cmd = [sys.executable, str(Path(__file__).with_name('notebook_tests.py')), '--flags', flags, '--save', '--n-workers', str(args.workers), '--do-print']
    if args.chapters: cmd += ['--file-re', '^(' + '|'.join(args.chapters) + r')\.ipynb$']
    status = subprocess.run(cmd, cwd=nbs).returncode
    for path in sorted(nbs.glob('*.ipynb')):
        if (n := shrink_photo_outputs(path)): print(f"{path.name}: {n} large PNG output(s) stored as JPEG")
    subprocess.run(['nbdev-clean'], cwd=nbs.parent, check=True)
    return status

if __name__ == '__main__': sys.exit(main())
