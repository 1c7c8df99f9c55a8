"""Re-execute every chapter top to bottom (slow cells included) and keep the outputs in the notebooks.

    python tools/run_notebooks.py                 # all chapters
    python tools/run_notebooks.py 05_train 08_bench   # some chapters

Runs `nbdev-test --flags slow --save` (each notebook in a fresh kernel, as the tests run them; on success its outputs
are written back), then `nbdev-clean`, which strips only volatile metadata (execution counts, cell ids' churn).
A notebook that fails keeps its old outputs and the command exits 1. Takes about 15 minutes on 2 CPU cores
(the CPU demo trains for several minutes); CUDA-flagged cells run only with `--cuda` on a GPU machine.
"""
import argparse, subprocess, sys
from pathlib import Path

def main(argv=None) -> int:
    "Execute the chapters named in `argv` (default: all) and save their outputs; the exit status of the run."
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('chapters', nargs='*', help='notebook names without .ipynb (default: every chapter)')
    p.add_argument('--cuda', action='store_true', help='also run the cuda-flagged cells (needs a GPU)')
    p.add_argument('--workers', type=int, default=1, help='notebooks run at once (default 1: timings in outputs stay honest)')
    args = p.parse_args(argv)
    nbs = Path(__file__).resolve().parents[1]/'nbs'
    flags = 'slow cuda' if args.cuda else 'slow'
    cmd = ['nbdev-test', '--flags', flags, '--save', '--n-workers', str(args.workers), '--do-print']
    if args.chapters: cmd += ['--file-re', '^(' + '|'.join(args.chapters) + r')\.ipynb$']
    status = subprocess.run(cmd, cwd=nbs).returncode
    subprocess.run(['nbdev-clean'], cwd=nbs.parent, check=True)
    return status

if __name__ == '__main__': sys.exit(main())
