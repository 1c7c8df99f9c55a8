"""Measure a shipped model at another inference tile, and record that tile in its file when it costs at most 0.02 dB.

    python tools/retile.py x4-fidelity --tile 512            # measure only
    python tools/retile.py x4-fidelity --tile 512 --write    # and record the tile in superres/weights/x4-fidelity.pth
    python tools/retile.py holes --tile 512                  # a restoration model: on its own kind of damage
    python tools/retile.py holes --tile 512 --side 2         # on 2 x 2 mosaics (512 px) instead

The pictures are 3 x 3 (or --side) mosaics of the `DIV2K_valid_crop256` crops (768 px, the validation set: never a test set). For an
upscaler they are downscaled by the model's scale with Pillow's bicubic filter, and scored by Y-PSNR (border = scale). For
a restoration model they are damaged as `superres bench --degrade` damages a test set, with the spec of the model's task
(`RESTORATION_SPECS`, seeded per picture), and scored by RGB PSNR: inside the damage where the spec records a mask (holes,
text), else over the whole picture. The model runs on each at its recorded tile and at --tile, in the same process (2 threads
unless --threads); the script prints the mean score and output megapixels a second of both.
Only the weights' record changes (`tile`, and `tile_measured`: what this measured); the weights are the same tensors.
Used on 2026-11-27 to raise x2-fidelity, x2-perceptual, x4-fidelity and x4-perceptual from 192 px and x4-photo from 256 px
to 512 px: 0.000 to 0.008 dB lower, 1.3 to 1.6 times faster (the tiles chapter has the table).
The same day, restore, jpeg and text from 256 to 512 px on their damaged mosaics: at most 0.004 dB lower, 1.1 to 2.0 times
faster; colorize (-0.13 dB) and holes (+0.22 dB on 768 px mosaics, -0.10 on 512 px ones) kept 256.
"""
import argparse, sys, tempfile, time
from pathlib import Path
import numpy as np, torch
from PIL import Image
from superres.core import shared_path
from superres.evaluate import degraded_set, hr_lr_pair
from superres.images import image_files, load_image
from superres.inference import Upscaler
from superres.metrics import psnr, psnr_masked
from superres.modelfile import load_model, model_file, save_model

def mosaics(side:int=3) -> list[Image.Image]:
    "The validation crops, `side` x `side` to a picture, in file order (leftover crops unused)."
    crops = [load_image(f) for f in image_files(shared_path('data', 'benchmarks', 'DIV2K_valid_crop256', required=True))]
    n, size = side*side, crops[0].size[0]
    out = []
    for i in range(0, len(crops) - n + 1, n):
        canvas = Image.new('RGB', (side*size, side*size))
        for j, crop in enumerate(crops[i:i + n]): canvas.paste(crop, ((j % side)*size, (j//side)*size))
        out.append(canvas)
    return out

RESTORATION_SPECS = {'restore': 'mixed', 'jpeg': 'jpeg:10', 'text': 'text', 'holes': 'holes', 'colorize': 'gray'}   # task (before any '-') -> damage

def restoration_pairs(task:str, pictures:list[Image.Image], folder:Path) -> tuple[list, str]:
    "`(hr, damaged, mask or None)` for each picture (saved to `folder` for `degraded_set`), damaged by `task`'s spec, and the spec."
    spec = RESTORATION_SPECS.get(task.split('-')[0])
    if spec is None: raise SystemExit(f"task {task!r}: no damage to measure it on (known: {', '.join(RESTORATION_SPECS)})")
    files = []
    for i, picture in enumerate(pictures): picture.save(folder/f'mosaic{i:02d}.png'); files.append(folder/f'mosaic{i:02d}.png')
    test = degraded_set(files, 1, spec, 'mosaics')
    return [(hr, lr, test.masks[n] if test.masks else None) for n, lr, hr in test.images], spec

def score(out:Image.Image, hr:Image.Image, mask, scale:int) -> float:
    "Y-PSNR (border = scale) for an upscaler; RGB PSNR for a restoration model, inside `mask` when there is one."
    if scale > 1: return psnr(out, hr, crop_border=scale)
    return psnr(out, hr, y_channel=False) if mask is None else psnr_masked(out, hr, mask)

def measure(name:str, tile:int|None, pairs, scale:int) -> tuple[float, float, int]:
    "Mean score, output MP/s and the tile used, for `name` on `pairs` (`(hr, input, mask)`) at `tile` (None: the file's own)."
    up = Upscaler(name, device='cpu', tile=tile, log=lambda m: None)
    scores, seconds, pixels = [], 0., 0
    for hr, lr, mask in pairs:
        t = time.perf_counter(); out = up.upscale(lr, scale); seconds += time.perf_counter() - t
        scores.append(score(out, hr, mask, scale)); pixels += hr.size[0]*hr.size[1]
    return float(np.mean(scores)), pixels/seconds/1e6, up.tile_size()

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('name'); p.add_argument('--tile', type=int, required=True); p.add_argument('--threads', type=int, default=2)
    p.add_argument('--side', type=int, default=3, help='crops along each side of a mosaic (default 3: 768 px pictures)')
    p.add_argument('--write', action='store_true', help='record the tile in the file when it costs at most 0.02 dB')
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    model = load_model(args.name, device='cpu')
    scale = model.meta.get('scale', 1)
    if scale > 1: pairs, what = [(*hr_lr_pair(m, scale), None) for m in mosaics(args.side)], f'at x{scale}, Y-PSNR'
    else:
        with tempfile.TemporaryDirectory() as folder: pairs, spec = restoration_pairs(model.meta.get('task', ''), mosaics(args.side), Path(folder))
        what = f"damaged by {spec}, RGB PSNR{' inside the damage' if pairs[0][2] is not None else ''}"
    old = measure(args.name, None, pairs, scale)
    new = measure(args.name, args.tile, pairs, scale)
    report = (f"{len(pairs)} mosaics of DIV2K validation crops ({pairs[0][0].size[0]} px) {what}, {args.threads} threads, "
              f"{time.strftime('%Y-%m-%d')}: tile {old[2]} {old[0]:.3f} dB {old[1]:.3f} MP/s, tile {new[2]} {new[0]:.3f} dB {new[1]:.3f} MP/s")
    print(f"{args.name}: {report}")
    if new[0] < old[0] - 0.02: print(f"KEEP tile {old[2]}: {old[0] - new[0]:.3f} dB lower"); return 1
    if args.write:
        meta = dict(model.meta, tile=new[2], tile_measured=f"tile {new[2]} replaced {old[2]} (tools/retile.py): {report}")
        path = save_model(model, model_file(args.name), dtype=torch.float16, **meta)   # fp16 -> fp32 -> fp16: the same weights
        print(f"wrote tile {new[2]} into {path}")
    return 0

if __name__ == '__main__': sys.exit(main())
