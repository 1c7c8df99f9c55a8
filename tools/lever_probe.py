"""The low-resolution U-Net lever, measured: quality per CPU-minute and inference speed against the method's same-size U-Net.

    python tools/lever_probe.py            # needs ../shared (training images, offline ImageNet MobileNetV2, DIV2K crops); about 7 min on 2 cores

Three short x2 runs (clean `sr2` degradation, pixel loss, MobileNetV2 with offline ImageNet weights; 1 frozen epoch at 96 px, then 2
unfrozen at 128 px, target crop sizes), validated on the 100 DIV2K crops at 128 px: the same-size U-Net and the low-resolution one at
480 crops an epoch, and the low-resolution one at 1,920 (more CPU time than the same-size run). Then each model upscales
scikit-image's chelsea x2 three times after a warm-up: output megapixels per second on the same threads.
"""
import time, warnings
warnings.filterwarnings('ignore')
import pandas as pd
from superres.train import train, get_recipe, Stage
from superres.images import image_files, load_image
from superres.data import skimage_photos
from superres.evaluate import demo_split
from superres.inference import Upscaler
from model_cards import bicubic_valid_psnr

S = '../shared'
RUNS = {'same-size, 480 crops/epoch': (False, 480), 'low-res, 480 crops/epoch': (True, 480), 'low-res, 1920 crops/epoch': (True, 1920)}

def main():
    files = image_files(f'{S}/data/train') + image_files(f'{S}/data/photos') + demo_split()[0]
    valid = image_files(f'{S}/data/benchmarks/DIV2K_valid_crop256')
    w = f'{S}/weights/mobilenet_v2_imagenet/mobilenet_v2_1.0_224_quant_dequantized.npz'
    bicubic = bicubic_valid_psnr('sr2', 128)
    print(f"bicubic on the validation crops: {bicubic:.2f} dB")
    photo = load_image(skimage_photos()[1])
    for name, (low, n) in RUNS.items():
        out = f"runs/lever/{name.split(',')[0]}-{n}"
        r = get_recipe('probe', arch='mobilenet_v2', weights=w, task='sr2', low_res=low, train_length=n, valid_length=100,
                       stages=[Stage(96, 16, 1, 2e-3), Stage(128, 16, 2, 1e-3, frozen=False, lr_div=10)])
        start = time.time(); train(files, r, out, resume=False, valid_files=valid, quiet=True); seconds = time.time() - start
        psnr = float(pd.read_csv(f'{out}/history.csv').psnr_batch.iloc[-1])
        up = Upscaler(f'{out}/model.pth', device='cpu', precision='fp32', log=lambda m: None)
        up.upscale(photo, 2); start = time.perf_counter()
        for _ in range(3): big = up.upscale(photo, 2)
        mps = 3*big.width*big.height/1e6/(time.perf_counter() - start)
        print(f"{name}: {seconds:.0f} s, validation {psnr:.2f} dB ({psnr - bicubic:+.2f} over bicubic), inference {mps:.2f} output MP/s", flush=True)

if __name__ == '__main__': main()
