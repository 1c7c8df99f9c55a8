"""Validation Y-PSNR of shipped or trained models on the same pairs, to decide whether a retrained fidelity model replaces the shipped file.

    python tools/valid_scores.py x4-fidelity runs/ft/x4-fidelity-2/model.pth      # the shipped file first, then the new one

Scores each model on the validation pairs its recipe's last stage uses: the 100 crops of `DIV2K_valid_crop256`
(../shared, or SUPERRES_SHARED), centre-cropped to SIZE px (default 96) and degraded by the model's own task, seed 0.
Prints one line per model and, for two models, SHIP when the second scores higher (exit status 0), else KEEP (1).
Used on 2026-11-27 (as a /tmp script of the same code) for x2-fidelity: 32.390 -> 33.110 dB, shipped; it also gives the x4-fidelity
first pass's 27.885 -> 28.235 (the second pass was decided on the runs' recorded validation, the same pairs: 28.23 -> 28.34).
"""
import argparse, sys, torch
from superres.core import shared_path
from superres.data import PairDataset, preset
from superres.images import image_files
from superres.metrics import psnr_batch
from superres.modelfile import load_model

def valid_pairs(task:str, size:int) -> tuple[torch.Tensor, torch.Tensor]:
    "The (inputs, targets) that training validates `task` on at `size` px: every `DIV2K_valid_crop256` crop, centre-cropped, degraded with seed 0."
    ds = PairDataset(image_files(shared_path('data', 'benchmarks', 'DIV2K_valid_crop256', required=True)), preset(task), size, 100, 0, train=False)
    return tuple(map(torch.stack, zip(*[ds[i] for i in range(len(ds))])))

def valid_psnr(model, size:int=96, bs:int=8) -> float:
    "Mean Y-PSNR of `model` on the validation pairs of its task at `size` px (`bs` crops at a time)."
    x, y = valid_pairs(model.meta['task'], size)
    with torch.no_grad(): return sum(float(psnr_batch(model(x[i:i+bs]), y[i:i+bs]))*len(x[i:i+bs]) for i in range(0, len(x), bs))/len(x)

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('models', nargs='+', help='shipped names or model files'); p.add_argument('--size', type=int, default=96)
    args = p.parse_args()
    scores = []
    for m in args.models:
        scores.append(valid_psnr(load_model(m, device='cpu').eval(), args.size)); print(f"{m}: {scores[-1]:.3f} dB")
    if len(scores) == 2:
        print('SHIP' if scores[1] > scores[0] else 'KEEP'); return 0 if scores[1] > scores[0] else 1
    return 0

if __name__ == '__main__': sys.exit(main())
