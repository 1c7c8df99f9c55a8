"""ONNX parity figure of a trained model (for the docs).

    python tools/onnx_figure.py MODEL [OUT.png] [--photo PHOTO]

Exports MODEL to a temporary ONNX file with `superres.onnx_export.export_onnx`, upscales PHOTO
(default: scikit-image's chelsea, 451x300) by the model's scale with PyTorch and with ONNX Runtime
(whole image, no tiles), prints the export report and the differences, and draws `parity_figure`.
"""
import argparse, tempfile, time
from pathlib import Path
import matplotlib
matplotlib.use('Agg')
import torch
from PIL import Image
from superres.images import load_image, image_to_tensor
from superres.data import skimage_photos
from superres.modelfile import load_model
from superres.tiles import predict_tensor
from superres.onnx_export import export_onnx, load_onnx
from superres.figures import parity_figure

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('model'); p.add_argument('out', nargs='?', default='nbs/images/onnx_parity.png')
    p.add_argument('--photo', default=str(skimage_photos()[1]))
    args = p.parse_args()
    model = load_model(args.model, 'cpu')
    with tempfile.TemporaryDirectory() as tmp:
        start = time.time(); report = export_onnx(model, Path(tmp)/'model.onnx'); print(f"export in {time.time()-start:.0f} s: {report}")
        onnx_model = load_onnx(report.path)
        photo = load_image(args.photo)
        scale = model.meta.get('scale', 2)
        x = image_to_tensor(photo.resize((photo.width*scale, photo.height*scale), Image.BICUBIC))[None]
        start = time.time(); ref = predict_tensor(model, x)[0]; t_torch = time.time() - start
        start = time.time(); got = predict_tensor(onnx_model, x)[0]; t_onnx = time.time() - start
    diff = (got - ref).abs()
    print(f"{args.photo} x{scale}: {x.shape[-1]}x{x.shape[-2]} px; PyTorch {t_torch:.1f} s, ONNX Runtime {t_onnx:.1f} s; "
          f"max |difference| {float(diff.max()):.2e}, mean {float(diff.mean()):.2e}")
    fig = parity_figure(x[0], ref, got, f"{Path(args.model).parent.name}: max |ONNX - PyTorch| = {float(diff.max()):.2e} "
                        f"({float(diff.max())*255:.1e} of an 8-bit level), mean {float(diff.mean()):.1e}")
    fig.savefig(args.out, dpi=80, bbox_inches='tight'); print(f"wrote {args.out}")

if __name__ == '__main__': main()
