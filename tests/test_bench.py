"`superres bench` smoke test: Set5 at x2, bicubic and the peers, against the reference figures in shared/README.md."
import csv
import pytest
from conftest import run_cli
from superres.core import shared_path

REFERENCE_SET5_X2 = {'bicubic': 33.67, 'FSRCNN (OpenCV)': 34.85, 'ESPCN (OpenCV)': 34.76, 'LapSRN (OpenCV)': 34.48,
                     'waifu2x photo (ncnn)': 37.15}

def test_bench_set5_x2_reproduces_the_reference_figures(tmp_path):
    if shared_path('data', 'benchmarks', 'Set5') is None: pytest.skip('shared/data/benchmarks is absent')
    res = run_cli('bench', '--sets', 'Set5', '--scales', '2', '--out', tmp_path, '-q')
    assert res.returncode == 0, res.stderr
    assert {'bench.md', 'bench.csv', 'quality_speed.png', 'crops_Set5_x2.png'} <= {p.name for p in tmp_path.iterdir()}
    rows = {r['method']: r for r in csv.DictReader(open(tmp_path/'bench.csv'))}
    assert 'bicubic' in rows
    for method, ref in REFERENCE_SET5_X2.items():
        if method not in rows:
            print(f'{method} not benchmarked (its package or files are missing): {res.stdout[:300]}')
            continue
        assert abs(float(rows[method]['psnr']) - ref) < 0.05, (method, rows[method]['psnr'], ref)
        assert float(rows[method]['mp_per_s']) > 0 and 0 < float(rows[method]['haarpsi']) <= 1
    assert float(rows['bicubic']['psnr_vs_bicubic']) == 0
    assert 'Command: `superres bench --sets Set5 --scales 2' in (tmp_path/'bench.md').read_text()

def test_bench_speed_writes_its_report(tmp_path):
    res = run_cli('bench-speed', '--arch', 'resnet18', '--sizes', '32', '--variants', 'fp32', 'channels_last', '--seconds', '0.1',
                  '--no-quality', '--no-training', '--out', tmp_path/'speed', '--markdown', tmp_path/'B.md')
    assert res.returncode == 0, res.stderr
    report = (tmp_path/'B.md').read_text()
    assert '<!-- superres:speed -->' in report and '| inference | fp32 | 32 |' in report and '| inference | channels_last | 32 |' in report
    assert (tmp_path/'speed'/'speed.csv').exists()
    bad = run_cli('bench-speed', '--variants', 'int4', '--out', tmp_path/'bad')
    assert bad.returncode == 2 and 'unknown variant' in bad.stderr
