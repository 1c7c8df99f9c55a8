"""Never worse than its input: each default upscaler, on clean and on JPEG'd photos (the real-photo protocol of `superres bench --degrade`),
scores at least bicubic's Y-PSNR. Runs on two held-out scikit-image photos everywhere, and on the first BSD100 images when shared/ is present."""
import numpy as np
import pytest
from PIL import Image
from superres.core import shared_path
from superres.data import skimage_photos
from superres.evaluate import degraded_set
from superres.images import image_files
from superres.inference import Upscaler
from superres.metrics import psnr
from superres.modelfile import DEFAULT_MODELS

DEGRADATIONS = ['clean', 'jpeg:95', 'jpeg:75', 'jpeg:50', 'jpeg:30']

def held_out_photos() -> list:
    "scikit-image's camera and chelsea (held out of every shipped model's training), and BSD100's first 4 images when present."
    files = [f for f in skimage_photos() if f.stem in ('camera', 'chelsea')]
    bsd = shared_path('data', 'benchmarks', 'BSD100')
    return files + (image_files(bsd)[:4] if bsd else [])

@pytest.mark.slow
@pytest.mark.parametrize('scale', sorted(DEFAULT_MODELS))
def test_default_model_is_never_below_bicubic(scale):
    up = Upscaler(DEFAULT_MODELS[scale], device='cpu', precision='fp32')
    files, worse = held_out_photos(), []
    for spec in DEGRADATIONS:
        test = degraded_set(files, scale, spec)
        bicubic = np.mean([psnr(lr.resize(hr.size, Image.BICUBIC), hr, scale) for _, lr, hr in test.images])
        ours = np.mean([psnr(up.upscale(lr, scale), hr, scale) for _, lr, hr in test.images])
        print(f"{DEFAULT_MODELS[scale]} x{scale} {spec:8s}: {ours:.2f} dB, bicubic {bicubic:.2f} dB ({ours - bicubic:+.2f})")
        if ours < bicubic: worse.append(f"{spec}: {ours:.2f} < {bicubic:.2f} dB")
    assert not worse, f"{DEFAULT_MODELS[scale]} is below bicubic on {len(files)} photos: " + '; '.join(worse)
