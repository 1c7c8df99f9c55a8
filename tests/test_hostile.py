"Hostile and careless use of `superres upscale`, one test per class of failure (issue 12): a corpus generated here, run through the command line."
import os, signal, subprocess, sys, time, zlib
from pathlib import Path
import numpy as np
import png, tifffile
import pytest
from PIL import Image
from conftest import run_cli, run_in_process, digest
from superres.model import SuperResUnet
from superres.modelfile import save_model

pytestmark = pytest.mark.self_contained   # makes all its own inputs and never reads shared/: CI runs it once

def png16_with_chunk(path, chunk_type:bytes, body:bytes):
    "A small 16-bit grayscale PNG with an extra chunk (possibly damaged) right after its header."
    png.Writer(6, 4, greyscale=True, bitdepth=16).write(open(path, 'wb'), np.arange(24, dtype=np.uint16).reshape(4, 6)*1000)
    raw = Path(path).read_bytes()
    chunk = len(body).to_bytes(4, 'big') + chunk_type + body + zlib.crc32(chunk_type + body).to_bytes(4, 'big')
    Path(path).write_bytes(raw[:33] + chunk + raw[33:])

def everything_opens(folder) -> dict:
    "Every file under `folder` opened fully: name -> size."
    out = {}
    for p in sorted(Path(folder).rglob('*')):
        if p.is_file():
            with Image.open(p) as img: img.load(); out[str(p.relative_to(folder))] = img.size
    return out

def no_traceback(res): assert 'Traceback' not in res.stderr + res.stdout, res.stderr[-3000:]

def files_under(root) -> set: return {str(p.relative_to(root)) for p in Path(root).rglob('*')}

def test_damaged_metadata_is_contained_and_the_batch_goes_on(tmp_path, x2_model):
    "Class 1: a 16-bit PNG whose ICC profile is damaged (bad zlib, or no NUL) is read without it, with a note; the batch goes on."
    src = tmp_path/'in'; src.mkdir()
    png16_with_chunk(src/'a_bad_zlib.png', b'iCCP', b'icc\0\0not zlib at all')
    png16_with_chunk(src/'b_no_nul.png', b'iCCP', b'no separator here')
    Image.new('RGB', (8, 6), 'blue').save(src/'c_good.png')
    before = digest(src)
    res = run_cli('upscale', src, '--model', x2_model, '-o', tmp_path/'out', '-q', '--device', 'cpu')
    no_traceback(res)
    assert res.returncode == 0, res.stderr
    assert '3 done, 0 skipped, 0 failed' in res.stdout
    assert res.stderr.count('ICC colour profile is damaged: dropped') == 2
    assert digest(src) == before
    assert everything_opens(tmp_path/'out') == {'a_bad_zlib.png': (12, 8), 'b_no_nul.png': (12, 8), 'c_good.png': (16, 12)}

def test_symlink_loops_terminate_and_count_each_file_once(tmp_path, x2_model):
    "Class 2: a link loop (`self -> .`) neither hangs a recursive glob nor multiplies inputs; folder structure is kept."
    src = tmp_path/'in'; (src/'sub').mkdir(parents=True)
    Image.new('RGB', (8, 8), 'red').save(src/'a.bmp'); Image.new('RGB', (8, 8), 'lime').save(src/'sub'/'a.bmp')
    os.symlink('.', src/'self'); os.symlink('..', src/'sub'/'up')
    for k, args in enumerate([[f'{src}/**/*.bmp', '-r'], [src, '-r']]):
        out = tmp_path/f'out{k}'
        start = time.time()
        res = run_cli('upscale', *args, '--model', x2_model, '-o', out, '-q', '--device', 'cpu', timeout=120)
        no_traceback(res)
        assert time.time() - start < 60 and res.returncode == 0, res.stderr
        assert '2 done, 0 skipped, 0 failed (of 2 inputs)' in res.stdout, res.stdout
        assert set(everything_opens(out)) == {'a.bmp', 'sub/a.bmp'}             # sub-folders keep their names

def test_every_output_stays_inside_the_output_folder(tmp_path, x2_model):
    "Class 4: suffixes with separators are usage errors; nothing is written outside the output folder."
    src = tmp_path/'a'/'b'/'in'; src.mkdir(parents=True)
    Image.new('RGB', (8, 8), 'red').save(src/'x.png')
    before = files_under(tmp_path)
    for suffix in ['/../../escape', '../x', '..\\x', 'a/b']:
        res = run_in_process('upscale', src, '--model', x2_model, '-o', tmp_path/'a'/'b'/'out', '--suffix', suffix, '-q')
        status, err = res.returncode, res.stderr
        assert status == 2 and 'path separator' in err and 'Traceback' not in err, (suffix, err)
    assert files_under(tmp_path) == before                                     # not even the output folder

@pytest.mark.parametrize('args', [['--quality', '101'], ['--quality', '-5'], ['--scale', '0'], ['--scale', '-2'], ['--scale', 'nan'],
                                  ['--tile', '-5'], ['--tile', '0'], ['--device', 'foo'], ['--device', 'cuda'], ['--device', 'mps'],
                                  ['-o', 'result.gif']])
def test_bad_arguments_are_usage_errors_before_any_work(tmp_path, x2_model, args, monkeypatch):
    "Class 5: exit 2, one line, nothing written."
    if args == ['--device', 'cuda'] and __import__('torch').cuda.is_available(): args = ['--device', 'cuda:99']
    Image.new('RGB', (8, 8), 'red').save(tmp_path/'x.png')
    monkeypatch.chdir(tmp_path)
    res = run_in_process('upscale', tmp_path/'x.png', '--model', x2_model, *args, '-q')
    status, err = res.returncode, res.stderr
    assert status == 2 and 'error' in err and 'Traceback' not in err, (args, status, err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ['x.png']            # no output, no stray folder

def test_scale_and_task_mismatches_warn(tmp_path, x2_model):
    Image.new('RGB', (8, 8), 'red').save(tmp_path/'x.png')
    res = run_in_process('upscale', tmp_path/'x.png', '--model', x2_model, '--scale', '3', '-o', tmp_path/'o3.png', '-q')
    assert res.returncode == 0 and 'trained at x2' in res.stderr
    res = run_in_process('restore', tmp_path/'x.png', '--model', x2_model, '-o', tmp_path/'r.png', '-q')
    assert res.returncode == 0 and 'upscaling model' in res.stderr

def test_untrusted_model_and_weights_files_are_one_line_errors(tmp_path):
    "Class 6: model and weights files with the right format and the wrong contents."
    import torch
    good = tmp_path/'good.pth'
    save_model(SuperResUnet('resnet18', weights=None), good, task='sr2', scale=2)
    ckpt = torch.load(good, weights_only=True)
    variants = {'noconfig.pth': {**ckpt, 'config': None}, 'badkey.pth': {**ckpt, 'config': {**ckpt['config'], 'depth': 3}},
                'wrongweights.pth': {**ckpt, 'state_dict': {'a': torch.zeros(2)}}}
    for name, c in variants.items(): torch.save(c, tmp_path/name)
    Image.new('RGB', (8, 8)).save(tmp_path/'x.png')
    for name in variants:
        res = run_in_process('upscale', tmp_path/'x.png', '--model', tmp_path/name, '-o', tmp_path/'o.png', '-q')
        no_traceback(res)
        assert res.returncode == 2 and str(tmp_path/name) in res.stderr and len(res.stderr) < 600, (name, res.stderr)
    (tmp_path/'notes.pth').write_text('hello')
    res = run_in_process('train', '--data', tmp_path, '--out', tmp_path/'run', '--recipe', 'tiny', '--weights', tmp_path/'notes.pth', '--device', 'cpu')
    no_traceback(res)
    assert res.returncode == 2 and 'not a weights file' in res.stderr, res.stderr

def test_crafted_and_truncated_checkpoints(tmp_path):
    "Class 6: a checkpoint with a pickled payload never runs it; a truncated one says how to start over."
    import torch
    run = tmp_path/'run'; run.mkdir()
    folder = tmp_path/'photos'; folder.mkdir()
    for i in range(3): Image.fromarray(np.random.default_rng(i).integers(0, 256, (64, 64, 3), dtype=np.uint8)).save(folder/f'{i}.png')
    class Payload:
        def __reduce__(self): return (os.system, (f"touch {tmp_path/'ran'}",))
    torch.save({'model': Payload(), 'recipe': {}, 'stage': 0, 'epoch': 0}, run/'checkpoint.pth')
    res = run_cli('train', '--data', folder, '--out', run, '--recipe', 'tiny', '--weights', 'none', '--device', 'cpu')
    no_traceback(res)
    assert res.returncode == 2 and 'unreadable checkpoint' in res.stderr and '--no-resume' in res.stderr
    assert not (tmp_path/'ran').exists()
    (run/'checkpoint.pth').write_bytes(b'PK\x03\x04' + b'\0'*100)
    res = run_cli('train', '--data', folder, '--out', run, '--recipe', 'tiny', '--weights', 'none', '--device', 'cpu')
    no_traceback(res)
    assert res.returncode == 2 and '--no-resume' in res.stderr

def test_settings_do_what_they_say(tmp_path):
    "Class 7: --weights none is recorded as asked; one training image trains."
    import torch
    Image.fromarray(np.random.default_rng(0).integers(0, 256, (64, 64, 3), dtype=np.uint8)).save(tmp_path/'only.png')
    res = run_cli('train', '--data', tmp_path, '--out', tmp_path/'run', '--recipe', 'tiny', '--weights', 'none', '--loss', 'pixel', '--device', 'cpu')
    no_traceback(res)
    assert res.returncode == 0, res.stderr
    meta = torch.load(tmp_path/'run'/'model.pth', weights_only=True)['meta']
    assert meta['data']['train'] == meta['data']['valid'] == [[str(tmp_path.resolve()), 1]]   # the one image trains and validates
    assert meta['encoder_weights'] == {'requested': 'none', 'loaded': False, 'source': None}

def test_reruns_and_concurrent_runs_lose_nothing(tmp_path, x2_model, monkeypatch):
    "Class 8: a re-run of `.` does not take its own results as inputs; an empty output is not 'done'; a killed run's temp file goes."
    src = tmp_path/'in'; src.mkdir()
    for c in ('red', 'blue'): Image.new('RGB', (8, 8), c).save(src/f'{c}.png')
    monkeypatch.chdir(src)
    res = run_in_process('upscale', '.', '-r', '--model', x2_model, '-q')
    assert res.returncode == 0 and '2 done' in res.stdout, res.stderr
    res = run_in_process('upscale', '.', '-r', '--model', x2_model, '-q', '--skip-existing')
    assert res.returncode == 0 and '0 done, 2 skipped, 0 failed (of 2 inputs)' in res.stdout, res.stdout
    (src/'results'/'red.png').write_bytes(b'')                                   # an output cut short by a crash
    dead = 2**22 + 12345
    (src/'results'/f'.blue.png.abcd1234.{dead}.superres.tmp').write_bytes(b'half')
    res = run_in_process('upscale', '.', '-r', '--model', x2_model, '-q', '--skip-existing')
    assert res.returncode == 0 and '1 done, 1 skipped' in res.stdout, res.stdout
    assert sorted(p.name for p in (src/'results').iterdir()) == ['blue.png', 'red.png']
    assert everything_opens(src/'results') == {'blue.png': (16, 16), 'red.png': (16, 16)}

def test_lossy_conversions_say_what_they_drop(tmp_path, x2_model):
    "Class 9: an animation, 16 bits into a JPEG, alpha into a JPEG: each gets one note; 16 bits into a TIFF stay 16 bits."
    src = tmp_path/'in'; src.mkdir()
    frames = [Image.new('RGB', (8, 8), c) for c in ('red', 'blue')]
    frames[0].save(src/'anim.gif', save_all=True, append_images=frames[1:])
    png.Writer(6, 4, greyscale=True, bitdepth=16).write(open(src/'deep.png', 'wb'), np.full((4, 6), 40000, np.uint16))
    rgba = Image.new('RGBA', (8, 8), (255, 0, 0, 128)); rgba.save(src/'clear.png')
    res = run_in_process('upscale', src/'anim.gif', src/'deep.png', '--model', x2_model, '-o', tmp_path/'o1', '--ext', 'tif', '-q')
    assert res.returncode == 0, res.stderr
    assert 'only the first of its 2 frames' in res.stderr and '8 bits per channel' not in res.stderr   # TIFF keeps 16 bits
    deep = tifffile.imread(tmp_path/'o1'/'deep.tif')
    assert deep.dtype == np.uint16 and deep.shape == (8, 12) and abs(int(deep.mean()) - 40000) < 300   # an untrained model: the input's level
    res = run_in_process('upscale', src/'deep.png', '--model', x2_model, '-o', tmp_path/'o3', '--ext', 'jpg', '-q')
    assert res.returncode == 0 and '8 bits per channel' in res.stderr
    res = run_in_process('upscale', src/'clear.png', '--model', x2_model, '-o', tmp_path/'o2', '--ext', 'jpg', '-q')
    assert res.returncode == 0 and 'transparency flattened onto white' in res.stderr

@pytest.mark.parametrize('how', ['script', 'module'])
def test_ctrl_c_during_start_up_is_one_line(tmp_path, how):
    "Class 10: Ctrl-C while the command is still importing its libraries, as `superres` and as `python -m superres`."
    exe = Path(sys.executable).parent/'superres'
    if how == 'script' and not exe.exists(): pytest.skip(f'no console script at {exe} (not installed with pip)')
    cmd = [str(exe)] if how == 'script' else [sys.executable, '-m', 'superres']
    proc = subprocess.Popen(cmd + ['models'], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(0.4)                                                          # torch and fastai are still importing
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, (proc.returncode, err[-2000:])
    assert 'Traceback' not in err and 'interrupted' in err
