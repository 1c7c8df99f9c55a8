"""Make `.gpu/`, the folder a short lent-GPU session carries (the device tool sends at most 64 MiB with the working tree).

    python tools/gpu_session/prepare.py            # needs ../shared (or SUPERRES_SHARED) and pip access for the wheels

What goes in, and how it differs from ../shared (say so in the model cards of what trains on it):
  - data/train: shared/data/train (BSD200, T91), re-encoded as JPEG quality 95 with 4:4:4 chroma (72 MB of PNG/BMP would not fit);
  - data/photos: shared/data/photos, JPEGs byte for byte, BMP/PNG as optimised PNG (lossless);
  - data/valid: every other DIV2K_valid_crop256 crop (50 of 100), unchanged;
  - the offline MobileNetV2 ImageNet weights, the same arrays in a compressed npz;
  - whl/: the pure-Python wheels the GPU image lacks (fastai and its fast.ai dependencies, piq, pypng).
Add `/.gpu/` to .git/info/exclude; never commit it.
"""
import glob, os, shutil, subprocess, sys
import numpy as np
from PIL import Image

S = os.environ.get('SUPERRES_SHARED', '../shared')
D = '.gpu'
WHEELS = ['fastai==2.8.12', 'fastcore==2.2.41', 'fasttransform==0.0.5', 'plum-dispatch==2.9.0', 'beartype==0.23.1', 'piq==0.8.0',
          'pypng==0.20220715.0', 'fastdownload==0.0.8', 'fastprogress==1.0.3']   # fastprogress 1.0.3: later ones pull in python-fasthtml

def main():
    for sub in ['train', 'photos', 'valid']: os.makedirs(f'{D}/data/{sub}', exist_ok=True)
    for f in sorted(glob.glob(f'{S}/data/train/*/*')):
        stem = os.path.splitext(os.path.basename(f))[0]
        Image.open(f).convert('RGB').save(f"{D}/data/train/{f.split('/')[-2]}_{stem}.jpg", quality=95, subsampling=0)
    for f in sorted(glob.glob(f'{S}/data/photos/*/*')):
        base = os.path.basename(f); stem, ext = os.path.splitext(base); folder = f.split('/')[-2]
        if ext.lower() in ('.jpg', '.jpeg'): shutil.copy(f, f'{D}/data/photos/{folder}_{base}')
        else: Image.open(f).save(f'{D}/data/photos/{folder}_{stem}.png', optimize=True)
    for f in sorted(glob.glob(f'{S}/data/benchmarks/DIV2K_valid_crop256/*'))[::2]: shutil.copy(f, f'{D}/data/valid/')
    w = np.load(f'{S}/weights/mobilenet_v2_imagenet/mobilenet_v2_1.0_224_quant_dequantized.npz')
    np.savez_compressed(f'{D}/mobilenet_v2_1.0_224_quant_dequantized.npz', **{k: w[k] for k in w.files})
    subprocess.run([sys.executable, '-m', 'pip', 'download', '-q', '--no-deps', '--only-binary=:all:', '--python-version', '3.12',
                    '--implementation', 'cp', '--platform', 'manylinux_2_28_x86_64', '--platform', 'manylinux2014_x86_64',
                    '-d', f'{D}/whl', *WHEELS], check=True)
    for d in ('.gpu/data', '.gpu/whl'): print(d, sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(d) for f in fs)/2**20, 'MiB')

if __name__ == '__main__': main()
