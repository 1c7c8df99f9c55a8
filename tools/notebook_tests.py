"""The notebooks' tests: `nbdev-test`, each notebook in a fresh process, as many at once as the machine's memory and cores allow.

    python tools/notebook_tests.py --flags slow            # the first half of the README's test command
    python tools/notebook_tests.py nbs/05_train.ipynb      # one chapter
    python tools/notebook_tests.py --n-workers 1 --timing  # any nbdev-test argument works as in nbdev-test

Plain `nbdev-test` runs all the notebooks a worker gets in that worker's one process, which grows from notebook to
notebook: on 2026-11-29, on 2 cores, its two workers reached 18.4 GiB together with `--flags slow`, although no
notebook alone needs more than about 6 GiB. Here each notebook runs in a fresh worker process (fastcore's
`max_tasks_per_child=1`), forked from a server that has already imported torch, fastai and superres (PRELOAD), and the
workers are as many as the cores but never more than memory allows at WORKER_GIB each. Each worker's torch may use every
core, with OMP_WAIT_POLICY=PASSIVE (unless set): threads that wait sleep instead of spinning, so two busy notebooks do
not burn each other's cores, and a long one left running alone still gets them all.
Measured the same day in the working tree (`--flags slow`, 2 cores; every Python process's resident memory summed):
plain nbdev-test 160 s and 18.4 GiB; this tool 150 s and 7.7 GiB. Without the preload 180 s; with one thread per worker
instead of passive waiting 168 s here, but 364 s against 306 s in a fresh clone, where the long demo notebook ran last
on one core; with two threads each and OpenMP's default spinning, 423 s.
"""
import argparse, inspect, multiprocessing, os, sys
import nbdev.test, psutil
from fastcore.basics import num_cpus
from fastcore.parallel import parallel

WORKER_GIB = 6     # one notebook's peak resident memory, rounded up (the largest seen with --flags slow: 6.1 GiB)
RESERVE_GIB = 2    # for the system and the test runner itself
PRELOAD = ['superres.cli']   # torch, fastai and every superres module: each fresh worker is forked with them already imported

def worker_count(n_cores:int, mem_gib:float) -> int:
    "Notebooks to run at once: one per core, at most 8 (nbdev-test's own cap), and only as many as memory holds at `WORKER_GIB` each (at least 1)."
    return max(1, min(n_cores, 8, int((mem_gib - RESERVE_GIB) // WORKER_GIB)))

def parallel_fresh(f, items, *args, **kwargs):
    "fastcore's `parallel`, with each item run in a fresh worker process (forkserver), so memory goes back to the system after each."
    return parallel(f, items, *args, max_tasks_per_child=1, **kwargs)

def uses_module_parallel() -> bool:
    "Whether `nbdev_test` still calls its module's `parallel`, the one name this tool replaces (a newer nbdev could change that)."
    return 'parallel' in inspect.unwrap(nbdev.test.nbdev_test).__code__.co_names

def prepare():
    "Set up this process so that `nbdev_test` runs each notebook in a fresh process, as many at once as the machine holds, their OpenMP threads waiting passively."
    if not uses_module_parallel(): sys.exit("tools/notebook_tests.py: this nbdev's nbdev_test no longer calls nbdev.test.parallel; use plain nbdev-test")
    given = argparse.ArgumentParser(add_help=False)
    given.add_argument('--n-workers', '--n_workers', type=int)
    known, rest = given.parse_known_args()
    n_workers = known.n_workers
    if n_workers is None and any(a.endswith('.ipynb') and os.path.isfile(a) for a in rest): n_workers = 1   # one notebook: nbdev-test runs it in this process
    elif n_workers is None:
        n_workers = worker_count(num_cpus(), psutil.virtual_memory().total / 2**30)
        sys.argv += ['--n-workers', str(n_workers)]
    os.environ.setdefault('OMP_WAIT_POLICY', 'PASSIVE')   # read by the workers' OpenMP when torch loads
    print(f"notebook tests: {n_workers} at once, each in a fresh process (OMP_WAIT_POLICY={os.environ['OMP_WAIT_POLICY']})", flush=True)
    multiprocessing.get_context('forkserver').set_forkserver_preload(PRELOAD)
    nbdev.test.parallel = parallel_fresh

if __name__ == '__main__':
    prepare()
    nbdev.test.nbdev_test()   # called at the top level of a script, it reads sys.argv as the nbdev-test command does
