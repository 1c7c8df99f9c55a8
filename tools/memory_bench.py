"""Peak memory and time of `superres upscale` on large photos: 4K, 24 MP and 50 MP JPEGs at x2 with the default model, on the CPU.

    python tools/memory_bench.py                        # this checkout only
    python tools/memory_bench.py --baseline 725c953     # and an older revision, side by side (a git worktree, removed after)
    python tools/memory_bench.py --sizes 4K --markdown memory.md

Each job is one `python -m superres upscale IN -o OUT.jpg --device cpu -q` process, timed from start to exit; its peak resident
memory is that process's own high-water mark, VmHWM (`superres.bench._rss`), printed as it exits (Linux only). Not `ru_maxrss` from
`os.wait4`, as before 2026-11-29: a child started by vfork inherits its parent's peak there, and this script's own, with the libraries
and a 50 MP photo loaded, could hide a smaller job's. The inputs are scikit-image's chelsea enlarged to each size and
saved as JPEG quality 90 (content does not change the memory or the time per pixel). Needs no ../shared.
"""
import argparse, os, subprocess, sys, tempfile, time
from pathlib import Path
from PIL import Image

SIZES = {'4K': (3840, 2160), '24 MP': (6000, 4000), '50 MP': (8660, 5774)}
ROOT = Path(__file__).resolve().parents[1]
PEAK_LINE = 'memory_bench peak_rss_bytes'   # the child's last line on stderr: its VmHWM

def make_input(size, path:Path) -> Path:
    "A photo of `size` `(W, H)`: scikit-image's chelsea enlarged, saved as a JPEG of quality 90."
    from superres.data import skimage_photos
    Image.open(skimage_photos()[1]).convert('RGB').resize(size, Image.BICUBIC).save(path, quality=90)
    return path

def run_job(src:Path, dst:Path, code:Path=ROOT) -> dict:
    "Upscale `src` x2 into `dst` in a fresh process running the package in the checkout `code`: seconds, peak RSS, exit code."
    env = dict(os.environ, PYTHONPATH=str(code))
    cmd = [sys.executable, '-c', 'import sys, superres.cli as c; from superres.bench import _rss; print(c.__file__, file=sys.stderr); '
           f'rc = c.main(); print("{PEAK_LINE}", _rss(), file=sys.stderr); sys.exit(rc)',
           'upscale', str(src), '-o', str(dst), '--device', 'cpu', '-q']
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=dst.parent, stderr=subprocess.PIPE, text=True)   # not the repository: its superres/ would come first
    err = proc.stderr.read(); proc.stderr.close(); proc.wait()
    seconds = time.perf_counter() - start
    lines = err.strip().splitlines()
    used = lines[0] if lines else '?'
    if not used.startswith(str(code)): raise RuntimeError(f"the run imported {used}, not the code in {code}")
    peak = [int(l.split()[-1]) for l in lines if l.startswith(PEAK_LINE)]
    return dict(seconds=seconds, peak_gib=peak[-1]/2**30 if peak else float('nan'), status=proc.returncode,
                stderr=[l for l in lines[1:] if not l.startswith(PEAK_LINE)])

def worktree(rev:str, where:Path) -> Path:
    "A detached git worktree of `rev` at `where`."
    subprocess.run(['git', '-C', str(ROOT), 'worktree', 'add', '--detach', '-q', str(where), rev], check=True)
    return where

def table(rows:list[dict], baseline:str|None) -> str:
    "The results as a markdown table (with the baseline's columns and the ratios when there is one)."
    head = '| job | input | output | time | peak RSS |' + (f' time at {baseline} | peak RSS at {baseline} | RSS ratio |' if baseline else '')
    lines = [head, '|' + '---|'*(head.count('|') - 1)]
    for r in rows:
        w, h = r['size']
        line = f"| {r['job']} x2 | {w}x{h} ({w*h/1e6:.0f} MP) | {2*w}x{2*h} ({4*w*h/1e6:.0f} MP) | {_cell(r['new'], 'seconds')} | {_cell(r['new'], 'peak_gib')} |"
        if baseline:
            ratio = f"{r['new']['peak_gib']/r['old']['peak_gib']:.2f}" if r['new']['status'] == 0 == r['old']['status'] else 'n/a'
            line += f" {_cell(r['old'], 'seconds')} | {_cell(r['old'], 'peak_gib')} | {ratio} |"
        lines.append(line)
    return '\n'.join(lines)

def _cell(result:dict, key:str) -> str:
    "One measured value, or the exit status when the job failed."
    if result['status'] != 0: return f"failed (exit {result['status']})"
    return f"{result[key]:.0f} s" if key == 'seconds' else f"{result[key]:.2f} GiB"

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--sizes', nargs='+', default=list(SIZES), choices=list(SIZES))
    p.add_argument('--baseline', help='a git revision to run the same jobs with, side by side')
    p.add_argument('--markdown', help='also write the table to this file')
    args = p.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        old = worktree(args.baseline, tmp/'baseline') if args.baseline else None
        try:
            for job in args.sizes:
                src = make_input(SIZES[job], tmp/f"{job.replace(' ', '')}.jpg")
                row = dict(job=job, size=SIZES[job], new=run_job(src, tmp/'new.jpg'))
                if old: row['old'] = run_job(src, tmp/'old.jpg', old)
                for k in ('new', 'old'):
                    if k in row: print(f"{job} ({k}): {row[k]['seconds']:.0f} s, peak {row[k]['peak_gib']:.2f} GiB, exit {row[k]['status']}", *row[k]['stderr'][-2:], flush=True)
                for f in tmp.glob('*.jpg'): f.unlink()
                rows.append(row)
        finally:
            if old: subprocess.run(['git', '-C', str(ROOT), 'worktree', 'remove', '--force', str(old)], check=False)
    text = table(rows, args.baseline)
    print(text)
    if args.markdown: Path(args.markdown).write_text(text + '\n')

if __name__ == '__main__': main()
