"`superres upscale` and `superres restore` on real folders: every kind of odd and bad file, nothing lost, bounded memory."
import io, re, sys, subprocess
from pathlib import Path
import numpy as np
import png
import pytest
from PIL import Image, ImageCms
from conftest import run_cli, run_in_process, digest, SUPERRES
from superres.images import load_image
from superres.data import skimage_photos
from superres.model import SuperResUnet
from superres.modelfile import save_model, SHIPPED_MODELS

pytestmark = pytest.mark.self_contained   # upscaling and restoring never read shared/: CI runs these once

@pytest.fixture
def odd_folder(tmp_path):
    "Good files of every kind, and bad ones, as a user's folder might hold."
    folder = tmp_path/'in'
    (folder/'sub').mkdir(parents=True)
    photo = load_image(skimage_photos()[1]).resize((60, 40))
    photo.save(folder/'rgb.jpg', quality=90)
    photo.convert('L').save(folder/'gray.png')
    rgba = photo.convert('RGBA'); rgba.putalpha(Image.linear_gradient('L').resize((60, 40))); rgba.save(folder/'rgba.png')
    photo.convert('CMYK').save(folder/'cmyk.jpg')
    rgb16 = (np.asarray(photo, np.uint16)*257 + np.arange(3, dtype=np.uint16)).reshape(40, -1)   # values 8 bits cannot hold
    png.Writer(60, 40, greyscale=False, bitdepth=16).write(open(folder/'rgb16.png', 'wb'), rgb16)
    side = photo.copy(); exif = side.getexif(); exif[0x0112] = 6; exif[0x010F] = 'test camera'
    side.save(folder/'sub'/'rotated.jpg', exif=exif, icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile('sRGB')).tobytes())
    Image.new('RGB', (1, 1), 'red').save(folder/'tiny.png')
    (folder/'zero.png').write_bytes(b'')
    (folder/'text.png').write_text('not an image')
    (folder/'corrupt.jpg').write_bytes((folder/'rgb.jpg').read_bytes()[:300])
    return folder

BAD = {'zero.png': 'empty file (0 bytes)', 'text.png': 'not an image file', 'corrupt.jpg': 'corrupt or truncated image'}

def error_lines(stderr:str) -> list[str]:
    "The `superres: error:` lines of a run (progress bars aside)."
    return [l for l in re.split(r'[\r\n]', stderr) if l.startswith('superres: error:')]

def test_upscale_folder_of_odd_and_bad_files(odd_folder, x2_model, tmp_path):
    before = digest(odd_folder)
    out = tmp_path/'out'
    res = run_cli('upscale', odd_folder, '-r', '--model', x2_model, '-o', out, '--device', 'cpu')
    assert res.returncode == 1, res.stderr                                  # some files failed
    assert digest(odd_folder) == before                                     # every input byte-identical
    errors = error_lines(res.stderr)
    assert len(errors) == 3, errors
    for name, why in BAD.items():
        assert any(l.startswith(f'superres: error: {odd_folder/name}: {why}') for l in errors), (name, errors)
    assert '7 done, 0 skipped, 3 failed (of 10 inputs)' in res.stdout
    written = {str(p.relative_to(out)) for p in out.rglob('*') if p.is_file()}
    assert written == {'rgb.jpg', 'gray.png', 'rgba.png', 'cmyk.jpg', 'rgb16.png', 'sub/rotated.jpg', 'tiny.png'}
    assert not list(out.rglob('.*'))                                        # no temporary files left
    sizes = {name: Image.open(out/name).size for name in written}
    assert sizes['rgb.jpg'] == (120, 80) and sizes['tiny.png'] == (2, 2)
    assert sizes['sub/rotated.jpg'] == (80, 120)                            # EXIF orientation applied
    assert Image.open(out/'gray.png').mode == 'L'
    rgba = Image.open(out/'rgba.png')
    assert rgba.mode == 'RGBA' and np.asarray(rgba)[..., 3].std() > 20     # alpha upscaled and kept
    assert Image.open(out/'cmyk.jpg').mode == 'RGB'
    _, _, rows, info = png.Reader(filename=str(out/'rgb16.png')).asDirect()
    assert info['bitdepth'] == 16 and np.any(np.vstack(list(map(np.uint16, rows))) % 257)   # still 16-bit data
    rotated = Image.open(out/'sub'/'rotated.jpg')
    assert rotated.info.get('icc_profile') and rotated.getexif().get(0x010F) == 'test camera'

def test_colorize_folder_keeps_each_luminance(odd_folder, tmp_path):
    "`superres colorize` (the shipped model) over the same folder, in this process: good files in colour at their size, luminance their own within one level, alpha kept, one line per bad file."
    before = digest(odd_folder)
    out = tmp_path/'colour'
    res = run_in_process('colorize', odd_folder, '-r', '-o', out, '-q')
    assert res.returncode == 1 and '7 done, 0 skipped, 3 failed (of 10 inputs)' in res.stdout, res.stderr
    assert digest(odd_folder) == before and len(error_lines(res.stderr)) == 3
    for name in ('gray.png', 'rgba.png', 'tiny.png'):                       # lossless outputs: the luminance to the level
        src, dst = Image.open(odd_folder/name), Image.open(out/name)
        assert dst.size == src.size and dst.mode == ('RGBA' if name == 'rgba.png' else 'RGB'), (name, dst.mode)
        assert np.abs(np.asarray(dst.convert('L'), int) - np.asarray(src.convert('L'), int)).max() <= 1, name
    assert np.array_equal(np.asarray(Image.open(out/'rgba.png'))[..., 3], np.asarray(Image.open(odd_folder/'rgba.png'))[..., 3])
    gray_out = np.asarray(Image.open(out/'gray.png'), int)
    assert np.abs(gray_out[..., 0] - gray_out[..., 2]).mean() > 1           # it has colour
    _, _, rows, info = png.Reader(filename=str(out/'rgb16.png')).asDirect()
    assert info['bitdepth'] == 16

def test_nothing_is_replaced_without_asking(odd_folder, x2_model, tmp_path):
    "In this process (the folder test above runs the real command): five runs would cost five start-ups."
    good = odd_folder/'rgb.jpg'
    out = tmp_path/'out'
    assert run_in_process('upscale', good, '--model', x2_model, '-o', out, '-q').returncode == 0
    first = (out/'rgb.jpg').read_bytes()
    res = run_in_process('upscale', good, '--model', x2_model, '-o', out, '-q')
    assert res.returncode == 1 and 'exists (use --overwrite or --skip-existing)' in res.stderr
    res = run_in_process('upscale', good, '--model', x2_model, '-o', out, '-q', '--skip-existing')
    assert res.returncode == 0 and '0 done, 1 skipped' in res.stdout
    assert (out/'rgb.jpg').read_bytes() == first
    res = run_in_process('upscale', good, '--model', x2_model, '-o', out, '-q', '--overwrite', '--quality', '50')
    assert res.returncode == 0 and (out/'rgb.jpg').read_bytes() != first
    # an output path equal to the input is refused, the input untouched
    before = good.read_bytes()
    res = run_in_process('restore', good, '--model', x2_model, '-o', odd_folder, '-q')
    assert res.returncode == 1 and 'output would overwrite an input' in res.stderr
    assert good.read_bytes() == before

def test_single_file_output_name_format_and_scale(odd_folder, x2_model, tmp_path):
    "In this process, as the test above."
    res = run_in_process('upscale', odd_folder/'rgba.png', '--model', x2_model, '-o', tmp_path/'big.webp', '--scale', '3', '-q')
    assert res.returncode == 0, res.stderr
    img = Image.open(tmp_path/'big.webp')
    assert img.format == 'WEBP' and img.size == (180, 120) and img.mode == 'RGBA'
    res = run_in_process('restore', str(odd_folder/'*.png'), '--model', x2_model, '-o', tmp_path/'r', '--suffix', '_fixed', '--ext', 'jpg', '-q')
    assert res.returncode == 1                                              # zero.png and text.png match the glob
    assert {p.name for p in (tmp_path/'r').iterdir()} == {'gray_fixed.jpg', 'rgba_fixed.jpg', 'rgb16_fixed.jpg', 'tiny_fixed.jpg'}
    assert Image.open(tmp_path/'r'/'rgba_fixed.jpg').size == (60, 40)      # restore keeps the size

def test_clear_errors_for_the_command_itself(tmp_path, x2_model):
    "Errors of the command itself, in this process (each would cost a start-up as a subprocess; the hostile-input tests run the real command)."
    res = run_in_process('upscale', tmp_path/'nope.png', '--model', x2_model, '-q')
    assert res.returncode == 1 and f'superres: error: {tmp_path/"nope.png"}: no such file or folder' in res.stderr
    res = run_in_process('upscale', tmp_path/'nope.png', '-q')                    # no --model: the shipped default, then the missing file
    assert res.returncode == 1 and 'nope.png: no such file or folder' in res.stderr
    res = run_in_process('restore', tmp_path/'nope.png')                           # no --model: the shipped restore model, then the missing file
    assert res.returncode == 1 and 'nope.png: no such file or folder' in res.stderr
    res = run_in_process('upscale', tmp_path/'nope.png', '--model', 'x3-magic')
    assert res.returncode == 2 and 'not a shipped model: ' + ', '.join(SHIPPED_MODELS) in res.stderr
    res = run_in_process('upscale', tmp_path/'nope.png', '--model', tmp_path/'missing.pth')
    assert res.returncode == 2 and 'missing.pth: no such model file' in res.stderr
    res = run_in_process('upscale', tmp_path/'nope.png', '--model', x2_model, '--half', '--device', 'cpu')
    assert res.returncode == 2 and 'half precision needs a CUDA device' in res.stderr
    for sub in ('upscale', 'restore'):
        assert 'examples:' in run_in_process(sub, '--help').stdout

def test_decompression_bomb_is_refused_and_the_batch_goes_on(tmp_path, x2_model):
    folder = tmp_path/'in'; folder.mkdir()
    Image.new('L', (20_000, 13_000)).save(folder/'bomb.png', optimize=True)   # 260 MP of black, a few kB on disk
    Image.new('RGB', (8, 8), 'blue').save(folder/'ok.png')
    res = run_cli('upscale', folder, '--model', x2_model, '-o', tmp_path/'out', '-q')
    assert res.returncode == 1 and (tmp_path/'out'/'ok.png').exists()
    assert any(l.startswith(f'superres: error: {folder/"bomb.png"}: too large') for l in error_lines(res.stderr))

# The child reports its own peak resident memory, Linux's VmHWM (`superres.bench._rss`). Not `ru_maxrss`: a child that `subprocess`
# starts with vfork inherits the parent's peak in it at exec, so in one CI run it reported pytest's own 3.42 GiB peak, from earlier
# tests, for both tests below, whatever the child used.
needs_proc = pytest.mark.skipif(not Path('/proc/self/status').exists(), reason="peak memory is read from Linux's /proc/self/status")

PEAK = ['-c', "import sys; from superres.cli import main; from superres.bench import _rss; rc = main(sys.argv[1:]); "
              "print('peak_rss_bytes', _rss(), file=sys.stderr); sys.exit(rc)"]

@pytest.mark.slow
@needs_proc
def test_4k_output_on_cpu_stays_under_3_gib(tmp_path):
    "A 1920x1080 photo to 3840x2160 with the default model on the CPU, as a user runs it: peak resident memory under 3 GiB."
    load_image(skimage_photos()[0]).resize((1920, 1080)).save(tmp_path/'hd.png')
    res = subprocess.run([sys.executable, *PEAK, 'upscale', str(tmp_path/'hd.png'), '-o', str(tmp_path/'4k.png'), '--device', 'cpu', '-q'],
                         capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, res.stderr
    peak = int(re.search(r'peak_rss_bytes (\d+)', res.stderr).group(1))
    print(f"4K upscale peak RSS: {peak/2**30:.2f} GiB")
    assert Image.open(tmp_path/'4k.png').size == (3840, 2160)
    assert peak < 3*2**30

PIPELINE_24MP = """
import sys, psutil, torch
from superres.inference import Upscaler, process_files
from superres.bench import _rss
class Identity(torch.nn.Module):
    "A model that returns its input: the whole pipeline runs (reading, enlarging, tiles, rounding, writing) at no model cost."
    def __init__(self): super().__init__(); self.p = torch.nn.Parameter(torch.zeros(1))
    def forward(self, x): return x
up = Upscaler(Identity(), device='cpu', tile=512)
start = psutil.Process().memory_info().rss
report = process_files(up, [sys.argv[1]], sys.argv[2], scale=2, progress=False)
print(report.summary(), 'start_rss_bytes', start, 'peak_rss_bytes', _rss())
"""

@pytest.mark.slow
@needs_proc
def test_24_mp_photo_at_x2_holds_no_full_size_float_copy(tmp_path):
    """A 6000x4000 JPEG to 12000x8000 through the whole pipeline with a model that costs nothing: under 1.5 GiB over the memory of the
    loaded libraries. A full-size float copy of the 96 MP enlarged input or output is 1.07 GiB, so this fails if one comes back on
    top of what the pipeline holds (about 1 GiB: the photo as floats, the 8-bit output, the output as a PIL image to write)."""
    load_image(skimage_photos()[1]).resize((6000, 4000)).save(tmp_path/'24mp.jpg', quality=90)
    res = subprocess.run([sys.executable, '-c', PIPELINE_24MP, str(tmp_path/'24mp.jpg'), str(tmp_path/'out.jpg')], capture_output=True, text=True, timeout=600)
    assert res.returncode == 0 and '1 done' in res.stdout, res.stderr
    start, peak = (int(re.search(rf'{k}_rss_bytes (\d+)', res.stdout).group(1)) for k in ('start', 'peak'))
    print(f"24 MP x2 pipeline: {start/2**30:.2f} GiB after the imports, peak {peak/2**30:.2f} GiB, growth {(peak - start)/2**30:.2f} GiB")
    with Image.open(tmp_path/'out.jpg') as out: assert out.size == (12000, 8000)
    assert peak - start < 1.5*2**30

def test_ctrl_c_leaves_no_half_written_file(tmp_path, x2_model):
    "Interrupt a batch while a large image is being tiled: status 130, the finished output complete, nothing else."
    import os, signal
    folder = tmp_path/'in'; folder.mkdir()
    Image.new('RGB', (16, 16), 'red').save(folder/'a_small.png')
    load_image(skimage_photos()[0]).resize((900, 900)).save(folder/'b_large.png')
    out = tmp_path/'out'
    proc = subprocess.Popen([*SUPERRES, 'upscale', str(folder), '--model', str(x2_model), '-o', str(out), '--tile', '96', '--device', 'cpu'],
                            stderr=subprocess.PIPE, text=True, env={**os.environ, 'PYTHONWARNINGS': 'ignore'},
                            # a shell's background job starts with SIGINT ignored, and Python then never raises
                            # KeyboardInterrupt: give the child the default disposition, as in a terminal
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    seen = ''
    while 'tiles' not in seen:                       # wait until the large image is being tiled
        char = proc.stderr.read(1)
        assert char, f'the run ended before tiling: {seen}'
        seen += char
    proc.send_signal(signal.SIGINT)
    rest = proc.stderr.read()
    assert proc.wait(timeout=120) == 130, seen + rest
    assert 'interrupted' in rest
    assert sorted(p.name for p in out.iterdir()) == ['a_small.png']   # no temporary or partial file
    assert Image.open(out/'a_small.png').size == (32, 32)
