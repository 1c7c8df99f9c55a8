"Property-based tests (Hypothesis): damaged image bytes only ever give `ImageReadError`, and no accepted argument can put an output outside its folder."
import io
from pathlib import Path
import numpy as np
import pytest
from hypothesis import example, given, settings, strategies as st, HealthCheck
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

# Found by this test in CI: a damaged TIFF whose second frame has no size made Pillow raise TypeError ("Missing dimensions")
TIFF_WITHOUT_SIZE = b'II*\x00\x08\x00\x00\x00\n\x00\x00\x01\x04\x00\x01\x00\x00\x00\x10\x00\x00\x00\x01\x01\x04\x00\x01\x00\x00\x00\x0c\x00\x00\x00\x02\x01\x03\x00\x03\x00\x00\x00\x86\x00\x00\x00\x03\x01\x03\x00\x01\x00\x00\x00\x01\x00\x00\x00\x06\x01\x03\x00\x01\x00\x00\x00\x02\x00\x00\x00\x11\x01\x04\x00\x01\x00\x00\x00\x8c\x00\x00\x00\x15\x01\x03\x00\x01\x00\x00\x00\x03\x00\x00\x00\x16\x01\x04\x00\x01\x00\x00\x00\x0c\x00\x00\x00\x17\x01\x04\x00\x01\x00\x00\x00@\x02\x00\x00\x1c\x01\x03\x00\x01\x00\x00\x00\x01\x00\x00\x00\x01\x00\x00\x00\x08\x00\x08\x00\x08\x00_\x82\xc2\xd9\xcf\xeb\x0f\xa3!\xd7\xd9\x82\xf8\xbd\x10E\xb8\xe8\xcdN\xa9=}\n\x1d\xf0B\x13\xb6\';\x04;Q\xde,xz2\xd0N\x1c@\xa6yY\xaa\xe9\x7f\xb2\xed\x80q{L\x9bE\x9a\x82\xf8_I\xc0\xba\xbf\x7f\xdc\xa1\xe7\x01+\x8b\xed\xbfV\x8f\x07\xe8`\xefL7\x00GM\xc7\xdb\xd0\xb0\x90\xbe\xabhx\xb3\x00\xf0\xf5\xe6d\xbf\xd8~\xdb\x1f\x95\xe7\x8ds\x10\x99\x08y\xd3\xcf\xc3\x07\xb3\xca\xba\xa6\'\xb9\xd8I\xc4\xf7,\x0e\x7f\xdb\x16:K\xf9\xdc.y\xa8\x05\xd93\x9d\x8a8\x12\x95\x14 \xeb\xb9L\xf1\xd6&{\xcf:5l\x0c\xa3:g=\xf5?\x07h\xca^\x01`\x07\xd1\x1f\xa8\xeb\x1e\x02\xa9\n\xae\xab\xbb\xe2\x8e\x86:6\xae\xa51f\xdeA\xf0\xe0\x89\x9de\x1a\x99\xc33\xb18b\x1a\xf5\xfeu}&I\xff?\xc5\x13\xceV\x06\x18\xfb-q(a\xf3\xad\x7f\xaf>\xc69\xf3\xc6\x7f\x84\xa6\xbc\xa5\x1e\xd7\x80\x0b>\xb0\xafi9\xb4\xbcZ\x90c\xba;\n\xe0>\xaf\x95"\x15\x043\x94\xb9u\xb3\xb8;jq\xd8\xf1\x9e}\x86\x18N\x1b`\xf5\x02lO\x18\rGl\xc1\xb4_|C\xb3\x04\xb8\x86y\xb5\xe3\x92\xa6\xac\x12\xd2y\x1d\xef\x9c \x06\x88Lw\x98[\xd1\xa58\xack\xc7O\x92\xed\xde-AL\x08fR\xa3\xd61\xb8\xf9\x0b$\x98B\x94!\x81\x9eY\x81V\xbc\x92\xba\xc2\x8f$Ad\xeaI\x03T\x1a\x05\xe9\xe3\xa3\xba\x90C\x03\x00\':\xbc\x02\xd4\xb6U1\x89\x9f\xef\x8am\x0c\x91\x07\x82\x15\xbc,\x8c`\xb7*(\xd5O\xee\x9dfQF\x7f\xc9`\xed\x03Q\xd9PG=\x04\x1f\xac\xcaBEa\xe0l\xfcL\x14\x92P\xfe\x0e\xae\xe9\xd7\xab\x86\xc4\x0bV\xb8\xa4\xda\x92\x13\xb7x&\x16\xa4+\xdc\xd3pIs\xafJ\x1e\xe5I\xe8\xdb\xcblU\x91\xb4(^\x0b;\x88\xbdZ\xc4\x9aDQ\r\xab\xb7\xf1\x91\x99\xb5\x90g\xbc\x15$\xff9\xc0\xd12\xe0rO\xf2r\x97;\x17\x1b;\x88\x9f\xca\xa9\x90\x94"B!\xe6\x89YwL\x14a\xee\xe67\xdb\x07\xac\xee\n\xf1\xe3\xb2q\x133\xe4(\x1c\xc2&S.\xf1\x14\xd6p\x0c(\xdcw]\xec\x81\xf2\xa2\x17\xbd\x01\x1b\x87\x84\x93\x82X;\r\xa1\x8f\xae\x94\xc33\x00Z\xed'

@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(damaged(), st.binary(max_size=256)))
@example(data=TIFF_WITHOUT_SIZE)
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
