"Data-parallel training: 2 CPU processes on the gloo backend, launched by torchrun, against 1 process with the same global batch."
import csv, os, re, subprocess, sys
from pathlib import Path
import pytest
import torch
from conftest import run_cli

def torchrun(*args, nproc=2, timeout=600):
    "Run `python -m superres ARGS` under torchrun with `nproc` CPU processes; return the completed process."
    env = {**os.environ, 'SUPERRES_OFFLINE': '1', 'PYTHONWARNINGS': 'ignore', 'CUDA_VISIBLE_DEVICES': ''}
    cmd = [sys.executable, '-m', 'torch.distributed.run', '--nproc_per_node', str(nproc), '--master_port', '29533',
           '-m', 'superres', *map(str, args)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)

def history(folder) -> list[dict]:
    "The rows of a run's history.csv."
    with open(Path(folder)/'history.csv') as f: return list(csv.DictReader(f))

@pytest.mark.slow
def test_two_processes_train_like_one(photo_folder, tmp_path):
    common = ['train', '--data', photo_folder, '--recipe', 'tiny', '--loss', 'pixel', '--weights', 'none', '--device', 'cpu']
    one = run_cli(*common, '--out', tmp_path/'one')
    assert one.returncode == 0, one.stderr
    two = torchrun(*common, '--out', tmp_path/'two')
    assert two.returncode == 0, two.stdout + two.stderr
    # both processes trained every step (tiny recipe: 3 epochs of 8 images in global batches of 4 = 6 steps) and
    # DistributedDataParallel kept their weights identical
    ranks = dict((int(r), (int(n), c)) for r, n, c in re.findall(r"rank (\d) of 2: (\d+) training steps; parameter checksum (\S+)", two.stdout))
    assert sorted(ranks) == [0, 1], two.stdout
    print(ranks)
    assert ranks[0] == ranks[1] and ranks[0][0] == 6, ranks
    # only rank 0 wrote: one set of files, one history row per epoch, one stage printout
    assert sorted(p.name for p in (tmp_path/'two').iterdir()) == ['checkpoint.pth', 'history.csv', 'model.pth']
    assert len(history(tmp_path/'two')) == len(history(tmp_path/'one')) == 3
    assert two.stdout.count('stage 1/2') == 1
    # the losses agree with the single process within noise
    for a, b in zip(history(tmp_path/'one'), history(tmp_path/'two')):
        print(f"epoch {a['epoch']} of stage {a['stage']}: train loss {float(a['train_loss']):.5f} (1 process) "
              f"{float(b['train_loss']):.5f} (2), valid loss {float(a['valid_loss']):.5f} / {float(b['valid_loss']):.5f}")
        for k in ('train_loss', 'valid_loss'):
            x, y = float(a[k]), float(b[k])
            assert abs(x - y) <= 0.05*max(x, y), (k, x, y)   # measured: within 0.5%
    # and training moved the weights away from the initial model's
    w1 = torch.load(tmp_path/'one'/'model.pth', weights_only=True)['state_dict']
    w2 = torch.load(tmp_path/'two'/'model.pth', weights_only=True)['state_dict']
    last = [k for k in w1 if k.endswith('weight_g') or k.endswith('weight')][-1]
    assert w1[last].abs().sum() > 0 and w2[last].abs().sum() > 0   # the zero-initialised last layer has learnt
