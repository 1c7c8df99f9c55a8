"The `superres` command line: help, training on a folder with bad files, resume, the demo and clear errors."
import json
import pytest
import torch
from conftest import run_cli, run_in_process, digest
from superres.modelfile import load_model

# Training with `--loss pixel` and the command's own errors never read shared/; the demo's default feature loss does (`feature_net('auto')`).
self_contained = pytest.mark.self_contained

@self_contained
def test_help_shows_examples():
    for args in ([], ['demo', '--help'], ['train', '--help']):
        res = run_in_process(*args)
        text = res.stdout + res.stderr
        assert 'examples:' in text and 'superres demo' in text, args

@self_contained
def test_train_on_a_folder_skips_bad_files_and_keeps_inputs(photo_folder, tmp_path):
    before = digest(photo_folder)
    out = tmp_path/'run'
    res = run_cli('train', '--data', photo_folder, '--recipe', 'tiny', '--loss', 'pixel', '--out', out)
    assert res.returncode == 0, res.stderr
    assert f'skipping {photo_folder/"broken.jpg"}' in res.stdout
    assert f'skipping {photo_folder/"notes.png"}: not an image file' in res.stdout
    assert digest(photo_folder) == before                     # inputs untouched
    model = load_model(out/'model.pth', device='cpu')
    assert model.meta['task'] == 'sr2' and model.meta['scale'] == 2
    assert len(json.loads(model.meta['history'])) == 3        # tiny recipe: 2 + 1 epochs
    assert sorted(p.name for p in out.iterdir()) == ['checkpoint.pth', 'history.csv', 'model.pth']
    # running it again finds the finished checkpoint and trains nothing more
    first = torch.load(out/'model.pth', weights_only=True)['state_dict']
    again = run_cli('train', '--data', photo_folder, '--recipe', 'tiny', '--loss', 'pixel', '--out', out)
    assert again.returncode == 0 and 'stage 1/2' not in again.stdout
    second = torch.load(out/'model.pth', weights_only=True)['state_dict']
    assert all(torch.equal(first[k], second[k]) for k in first)

@self_contained
def test_other_task_and_encoder(photo_folder, tmp_path):
    res = run_cli('train', '--data', photo_folder, '--recipe', 'tiny', '--loss', 'pixel', '--task', 'jpeg',
                  '--arch', 'resnet34', '--out', tmp_path/'jpeg')
    assert res.returncode == 0, res.stderr
    model = load_model(tmp_path/'jpeg'/'model.pth', device='cpu')
    assert model.config['arch'] == 'resnet34' and model.meta['task'] == 'jpeg' and model.meta['scale'] == 1

@self_contained
def test_fine_tune_from_a_trained_model(photo_folder, tmp_path):
    first = tmp_path/'first'
    assert run_cli('train', '--data', photo_folder, '--recipe', 'tiny', '--loss', 'pixel', '--out', first).returncode == 0
    res = run_cli('train', '--data', photo_folder, '--recipe', 'tiny', '--loss', 'pixel', '--init', first/'model.pth', '--out', tmp_path/'tuned')
    assert res.returncode == 0, res.stderr
    meta = load_model(tmp_path/'tuned'/'model.pth', device='cpu').meta
    assert meta['init']['model'] == str(first/'model.pth') and '--init' in meta['command']
    assert meta['init']['command'] == load_model(first/'model.pth', device='cpu').meta['command']
    # a shipped MobileNetV2 model cannot start the tiny recipe's ResNet-18: one clear line naming the file
    res = run_in_process('train', '--data', photo_folder, '--recipe', 'tiny', '--loss', 'pixel', '--init', 'x2-photo', '--out', tmp_path/'bad')
    assert res.returncode == 2 and 'x2-photo.pth: cannot start this recipe from it' in res.stderr and len(res.stderr.strip().splitlines()) == 1

@self_contained
def test_clear_errors(tmp_path):
    res = run_in_process('train', '--data', tmp_path/'missing', '--out', tmp_path/'run')
    assert res.returncode == 2 and res.stderr.strip() == f'superres: error: {tmp_path/"missing"}: no such folder'
    (tmp_path/'empty').mkdir()
    res = run_in_process('train', '--data', tmp_path/'empty', '--out', tmp_path/'run')
    assert res.returncode == 2 and 'no training images' in res.stderr
    res = run_in_process('train', '--out', tmp_path/'run', '--recipe', 'nope')
    assert res.returncode == 2 and 'invalid choice' in res.stderr

def test_demo_writes_a_report(tmp_path):
    res = run_cli('demo', '--recipe', 'tiny', '--out', tmp_path/'demo')
    assert res.returncode == 0, res.stderr
    assert {'figure.png', 'metrics.json', 'metrics.md', 'model.pth'} <= {p.name for p in (tmp_path/'demo').iterdir()}
    summary = json.loads((tmp_path/'demo'/'metrics.json').read_text())['summary']
    assert summary['scale'] == 2 and 20 < summary['bicubic_psnr'] < 40
    assert 'PSNR gain over bicubic' in res.stdout
