"Property-based tests (Hypothesis): damaged image bytes only ever give `ImageReadError`, and no accepted argument can put an output outside its folder."
import io
from pathlib import Path
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st, HealthCheck
from PIL import Image
from superres.images import read_picture, ImageReadError
from superres.inference import output_path
from superres.cli import build_parser

pytestmark = pytest.mark.self_contained   # makes all its own inputs and never reads shared/: CI runs it once

def _seed_files() -> dict:
    "Small valid files of several formats, the starting points that Hypothesis damages."
    rng = np.random.default_rng(0)
    img = Image.fromarray(rng.integers(0, 256, (12, 16, 3), dtype=np.uint8))
    out = {}
    for fmt, kw in [('PNG', {}), ('JPEG', {'quality': 80}), ('GIF', {}), ('BMP', {}), ('TIFF', {}), ('WEBP', {})]:
        buf = io.BytesIO(); img.save(buf, fmt, **kw); out[fmt] = buf.getvalue()
    import png
    buf = io.BytesIO(); png.Writer(5, 3, greyscale=False, bitdepth=16).write(buf, np.arange(45, dtype=np.uint16).reshape(3, 15)*999); out['PNG16'] = buf.getvalue()
    import tifffile
    buf = io.BytesIO(); tifffile.imwrite(buf, np.arange(60, dtype=np.uint16).reshape(4, 5, 3)*999, photometric='rgb'); out['TIFF16'] = buf.getvalue()
    return out

SEEDS = _seed_files()
CALLS = {'files': 0}

@st.composite
def damaged(draw):
    "A seed file with bytes flipped, cut or inserted."
    data = bytearray(SEEDS[draw(st.sampled_from(sorted(SEEDS)))])
    for _ in range(draw(st.integers(1, 6))):
        op, i = draw(st.sampled_from(['flip', 'cut', 'insert'])), draw(st.integers(0, len(data) - 1))
        if op == 'flip': data[i] ^= draw(st.integers(1, 255))
        elif op == 'cut': del data[i:i + draw(st.integers(1, 64))]
        else: data[i:i] = draw(st.binary(min_size=1, max_size=16))
        if not data: break
    return bytes(data)

@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(damaged(), st.binary(max_size=256)))
def test_damaged_bytes_read_or_fail_cleanly(tmp_path, data):
    "Any bytes: either a picture, or `ImageReadError` naming the file; never another exception."
    CALLS['files'] += 1
    path = tmp_path/'input.png'
    path.write_bytes(data)
    try: pic = read_picture(path)
    except ImageReadError as e: assert str(path) in str(e)
    else: assert pic.rgb.ndim == 3 and pic.rgb.shape[0] == 3

names = st.text(st.characters(blacklist_categories=('Cs',), blacklist_characters='\0/'), min_size=1, max_size=12).filter(lambda s: s not in ('.', '..'))

@settings(max_examples=300, deadline=None)
@given(parts=st.lists(names, min_size=1, max_size=4), suffix=st.text(max_size=12), ext=st.sampled_from(['auto', 'png', 'jpg', 'webp', 'tif', 'bmp']),
       quality=st.integers(-1000, 1000), tile=st.integers(-100, 5000), scale=st.text(max_size=6))
def test_accepted_arguments_keep_outputs_inside(parts, suffix, ext, quality, tile, scale):
    "Whatever the parser accepts, the output of any file under the input folder lands inside the output folder."
    CALLS['args'] = CALLS.get('args', 0) + 1
    argv = ['upscale', 'in', '-o', 'out', '--suffix', suffix, '--ext', ext, '--quality', str(quality), '--tile', str(tile), '--scale', scale]
    try: args = build_parser().parse_args(argv)
    except SystemExit as e:
        assert e.code == 2; return
    assert 0 <= args.quality <= 100 and args.tile >= 32 and args.scale > 0
    base, out = Path('/data/in'), Path('/data/out')
    dst = output_path(base.joinpath(*parts[:-1], parts[-1] + '.png'), base, out, args.suffix, args.ext)
    assert out in dst.parents, dst
    assert '..' not in dst.relative_to(out).parts

def test_report_counts():
    "How many generated cases ran (printed with -s)."
    print(f"property cases run: {CALLS}")
