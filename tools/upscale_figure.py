"""Before/after figure of a large photo upscaled with a trained model (for the docs).

    python tools/upscale_figure.py MODEL PHOTO OUT.png [--crop X Y SIZE]

Upscales PHOTO by the model's scale, then draws: the whole photo with the crop marked, and the crop
as the input pixels (nearest), bicubic, and the model. It also prints the PSNR against PHOTO of
bicubic and of the model when PHOTO is first shrunk by the same scale (a check on real content).
"""
import argparse, time
import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle
from PIL import Image
from superres.images import load_image
from superres.inference import Upscaler
from superres.metrics import psnr

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('model'); p.add_argument('photo'); p.add_argument('out')
    p.add_argument('--crop', type=int, nargs=3, metavar=('X', 'Y', 'SIZE'), help='crop in input pixels (default: centre, 96 px)')
    args = p.parse_args()
    up = Upscaler(args.model, device='cpu')
    scale = up.default_scale()
    photo = load_image(args.photo)
    start = time.time(); big = up.upscale(photo, scale); seconds = time.time() - start
    print(f"{args.photo}: {photo.size[0]}x{photo.size[1]} -> {big.size[0]}x{big.size[1]} in {seconds:.0f} s "
          f"({big.size[0]*big.size[1]/1e6/seconds:.3f} output MP/s, tile {up.tile_size()} px)")
    x, y, s = args.crop or (photo.size[0]//2 - 48, photo.size[1]//2 - 48, 96)
    box = (x, y, x + s, y + s)
    big_box = tuple(round(v*scale) for v in box)
    crops = {'input (nearest)': photo.crop(box).resize((round(s*scale),)*2, Image.NEAREST),
             'bicubic': photo.resize(big.size, Image.BICUBIC).crop(big_box),
             'superres': big.crop(big_box)}
    fig, axes = plt.subplots(1, 4, figsize=(16, 4.4))
    axes[0].imshow(photo); axes[0].add_patch(Rectangle((x, y), s, s, fill=False, color='yellow', lw=2))
    axes[0].set_title(f'{photo.size[0]}x{photo.size[1]} input')
    for ax, (name, img) in zip(axes[1:], crops.items()): ax.imshow(img); ax.set_title(f'{name}, x{scale:g}')
    for ax in axes: ax.axis('off')
    fig.tight_layout(); fig.savefig(args.out, dpi=80); print(f"figure written to {args.out}")
    small = photo.resize((round(photo.size[0]/scale), round(photo.size[1]/scale)), Image.BICUBIC)
    bicubic, ours = small.resize(photo.size, Image.BICUBIC), up.upscale(small, scale).resize(photo.size, Image.BICUBIC)
    b = round(scale)
    print(f"shrunk by {scale:g} and upscaled back, Y-PSNR vs the photo: bicubic {psnr(bicubic, photo, b):.2f} dB, "
          f"superres {psnr(ours, photo, b):.2f} dB")

if __name__ == '__main__': main()
