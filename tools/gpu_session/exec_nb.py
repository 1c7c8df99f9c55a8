"""Run a notebook's code cells in order in one namespace, as nbdev-test does with --flags cuda (skips slow and eval: false cells)."""
import json, sys, os, time, traceback
nb = sys.argv[1]
cells = [''.join(c['source']) for c in json.load(open(nb))['cells'] if c['cell_type'] == 'code']
os.chdir(os.path.dirname(os.path.abspath(nb)))
ns, failed = {'__name__': '__main__'}, 0
for i, src in enumerate(cells):
    head = [l.replace(' ', '') for l in src.splitlines() if l.startswith('#|')]
    if '#|slow' in head or '#|eval:false' in head: print(f'cell {i}: skipped (slow/eval false)'); continue
    code = 'from __future__ import annotations\n' + '\n'.join(l for l in src.splitlines() if not l.lstrip().startswith(('%', '!')))
    t = time.time()
    try:
        exec(compile(code, f'{nb}#cell{i}', 'exec'), ns)
        print(f"cell {i}: ok {time.time()-t:.1f}s{' (cuda cell)' if '#|cuda' in head else ''}", flush=True)
    except Exception:
        failed += 1; print(f'cell {i}: FAILED{" (cuda cell)" if "#|cuda" in head else ""}\n{src[:300]}'); traceback.print_exc()
print('failed cells:', failed)
sys.exit(1 if failed else 0)
