"tools/notebook_tests.py, the first half of the README's test command: nbdev-test with each notebook in a fresh process, workers sized to the machine."
import os, subprocess, sys
from pathlib import Path
import pytest
sys.path.insert(0, str(Path(__file__).parents[1]/'tools'))
from notebook_tests import worker_count, parallel_fresh, uses_module_parallel

pytestmark = pytest.mark.self_contained   # never reads shared/: CI runs it once
ROOT = Path(__file__).parents[1]

def test_workers_fit_cores_and_memory():
    assert worker_count(2, 24) == 2      # CI and the development machine
    assert worker_count(8, 16) == 2      # a laptop: memory, not cores, decides
    assert worker_count(4, 4) == 1       # too little memory for two still runs one
    assert worker_count(32, 256) == 8    # nbdev-test's own cap

def _pid(_): return os.getpid()

def test_each_item_gets_a_fresh_process():
    pids = list(parallel_fresh(_pid, range(3), n_workers=1))
    assert len(set(pids)) == 3 and os.getpid() not in pids

def test_nbdev_test_still_calls_the_replaced_name():
    assert uses_module_parallel()   # if nbdev stops calling nbdev.test.parallel, the tool would silently do nothing new

def test_runs_a_chapter_and_reports_failure(tmp_path):
    ok = subprocess.run([sys.executable, 'tools/notebook_tests.py', '--file-re', '^00_core', '--timing'], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert ok.returncode == 0 and 'Success.' in ok.stdout and 'each in a fresh process' in ok.stdout, ok.stdout + ok.stderr
    bad = tmp_path/'bad.ipynb'
    bad.write_text('{"cells": [{"cell_type": "code", "execution_count": null, "id": "a1", "metadata": {}, "outputs": [], "source": ["assert 1 == 2"]}], '
                   '"metadata": {}, "nbformat": 4, "nbformat_minor": 5}')
    failed = subprocess.run([sys.executable, 'tools/notebook_tests.py', str(bad)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert failed.returncode != 0 and 'AssertionError' in failed.stderr and 'bad.ipynb' in failed.stderr, failed.stdout + failed.stderr
