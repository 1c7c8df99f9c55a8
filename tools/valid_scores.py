"""Validation Y-PSNR of shipped or trained models on the same pairs, to decide whether a retrained fidelity model replaces the shipped file.

    python tools/valid_scores.py x4-fidelity runs/ft/x4-fidelity-2/model.pth      # the shipped file first, then the new one

Scores each model on the validation pairs its recipe's last stage uses: the 100 crops of `DIV2K_valid_crop256`
(../shared, or SUPERRES_SHARED), centre-cropped to SIZE px (default 96) and degraded by the model's own task, seed 0.
Prints one line per model and, for two models, SHIP when the second scores higher (exit status 0), else KEEP (1).
Used on 2026-11-27 (as a /tmp script of the same code) for x2-fidelity: 32.390 -> 33.110 dB, shipped; it also gives the x4-fidelity
first pass's 27.885 -> 28.235 (the second pass was decided on the runs' recorded validation, the same pairs: 28.23 -> 28.34).

    python tools/valid_scores.py --size 128 --defects restore runs/ft/restore-j1/model.pth jpeg   # restore's defects one at a time

`--defects` scores each model on the same crops damaged by one of `restore`'s defects at a time (and clean), beside the input;
it prints a table and decides nothing. Used on 2026-11-29 for the `restore` file fine-tuned from `jpeg` (README, Restoration at the image's own size).
"""
import argparse, dataclasses, sys, torch
from superres.core import shared_path, markdown_table
from superres.data import PRESETS, PairDataset, Crappifier, preset, JpegQuality
from superres.images import image_files
from superres.metrics import psnr_batch
from superres.modelfile import load_model

def restore_defects() -> dict:
    "The `restore` preset's defects one at a time, each always applied, plus JPEG quality 10 (below its range) and clean: name -> degradations."
    step = {type(s).__name__: dataclasses.replace(s, p=1.) for s in PRESETS['restore']()[0].steps}
    return {'JPEG q20-90': [step['JpegQuality']], 'JPEG q10': [JpegQuality(10)], 'noise': [step['Noise']], 'text': [step['Watermark']],
            'holes': [step['Holes']], 'softness': [step['Downscale']], 'clean': []}

def valid_pairs(task:str|Crappifier, size:int) -> tuple[torch.Tensor, torch.Tensor]:
    "The (inputs, targets) that training validates `task` (a preset name, or a `Crappifier`) on at `size` px: every `DIV2K_valid_crop256` crop, centre-cropped, degraded with seed 0."
    crappifier = preset(task) if isinstance(task, str) else task
    ds = PairDataset(image_files(shared_path('data', 'benchmarks', 'DIV2K_valid_crop256', required=True)), crappifier, size, 100, 0, train=False)
    return tuple(map(torch.stack, zip(*[ds[i] for i in range(len(ds))])))

def mean_psnr(f, x, y, bs:int=8) -> float:
    "Mean Y-PSNR of `f(x)` against `y`, `bs` crops at a time."
    with torch.no_grad(): return sum(float(psnr_batch(f(x[i:i+bs]), y[i:i+bs]))*len(x[i:i+bs]) for i in range(0, len(x), bs))/len(x)

def valid_psnr(model, size:int=96, bs:int=8) -> float:
    "Mean Y-PSNR of `model` on the validation pairs of its task at `size` px (`bs` crops at a time)."
    return mean_psnr(model, *valid_pairs(model.meta['task'], size), bs)

def defect_table(models:dict, size:int) -> None:
    "Print the mean Y-PSNR of the input and of each of `models` (name: model) on the validation crops with each of `restore_defects()` alone."
    rows = []
    for name, degradations in restore_defects().items():
        x, y = valid_pairs(Crappifier(degradations, name=name), size)
        rows.append([name, 'inf' if not degradations else f'{mean_psnr(lambda t: t, x, y):.2f}'] + [f'{mean_psnr(m, x, y):.2f}' for m in models.values()])
    print(markdown_table(['defect', 'input', *models], rows))

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('models', nargs='+', help='shipped names or model files'); p.add_argument('--size', type=int, default=96)
    p.add_argument('--defects', action='store_true', help="a table of the models on each of restore's defects alone (decides nothing)")
    args = p.parse_args()
    if args.defects: return defect_table({m: load_model(m, device='cpu').eval() for m in args.models}, args.size)
    scores = []
    for m in args.models:
        scores.append(valid_psnr(load_model(m, device='cpu').eval(), args.size)); print(f"{m}: {scores[-1]:.3f} dB")
    if len(scores) == 2:
        print('SHIP' if scores[1] > scores[0] else 'KEEP'); return 0 if scores[1] > scores[0] else 1
    return 0

if __name__ == '__main__': sys.exit(main())
