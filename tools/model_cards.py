"""Write MODELS.md (a model card per shipped model) and the training-curve figure from the shipped files and one bench run.

    python tools/model_cards.py BENCH_CSV [--photo-csv PHOTO_BENCH_CSV] --restore-csv RESTORE_BENCH_CSV [--colorize-csv COLORIZE_BENCH_CSV] [--inpaint-csv INPAINT_BENCH_CSV] [--keep NAME ...] [--out MODELS.md] [--figure nbs/images/training_curves.png]

Everything in the cards comes from the shipped files' metadata (recipe, command, wall time, machine, training
history; written by tools/ship_model.py) and the benchmark CSVs (`superres bench ... --out DIR` writes DIR/bench.csv): the published
LR files, the real-photo protocol (`superres bench --degrade clean jpeg:95 ...`), restoration (`superres bench --scales 1 --degrade ...`) and colorization (`--degrade gray`).
`--keep NAME` copies NAME's card from the existing MODELS.md as it is, for a model whose files and benchmarks did not change when the
bench runs behind its card are not at hand (bench runs live in runs/, which is not committed).
"""
import argparse, csv, json, re
from functools import cache
from pathlib import Path
import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt
from superres.core import atomic_write
from superres.model import n_params
from superres.modelfile import SHIPPED_MODELS, DEFAULT_MODELS, RESTORE_MODELS, COLORIZE_MODEL, load_model, model_file
from superres.evaluate import bicubic, as_is

DATA = """- `T91` (91 images, Yang et al.; research use) and `BSD200` (the BSDS300 training split; Berkeley's licence: non-commercial research and educational use), the classic "291" set;
- 40 photographs that ship inside public packages (Open Images samples, CC BY 2.0; Debian MATE/Plasma wallpapers, GPL-2+; scikit-learn's `china.jpg`/`flower.jpg`, CC BY 2.0; matplotlib's `grace_hopper.jpg`, public domain), used at full size;
- 12 of scikit-image's 14 bundled photos (`superres train --dataset skimage`; `camera` and `chelsea` are held out; see scikit-image's `data/README.txt` for each photo's licence).

Validation: `DIV2K_valid_crop256` (100 crops of DIV2K validation images 0801-0900; DIV2K is for academic research). Set5, Set14 and BSD100 were never used for training. One choice does use a test set: whether a retrained photo model replaces the shipped file is decided on the first 30 BSD100 images (`tools/ship_if_better.py`), so for `x2-photo` and `x4-photo` those 30 are not fully held out; Set5, Set14, the other 70 BSD100 images and the restoration sets were never used for choosing anything. A retrained fidelity model replaces the shipped one on its validation score (the DIV2K crops above)."""

ETHICS = """**Hallucinated detail is not evidence.** A super-resolution model does not recover lost information: it paints in what its training data makes plausible. Sharper texture from a perceptual model, in particular, is invented detail. As the method's original article (fast.ai, "Decrappification, DeOldification, and Super Resolution", 2019) warns, outputs must not be used as evidence: not to identify people, read licence plates or text, or support any forensic, medical or legal claim.

**Restored and colorized content is invented, not recovered.** What `restore`, `text` or `holes` puts under overlaid text or into a hole was never in the photo, and the colours `colorize` paints are guesses from what things usually look like in its training photos, not the colours that were there."""

LIMITS = """- Trained for minutes on a 2-core CPU, not hours on a GPU: far below published SR networks (EDSR, SwinIR) and below waifu2x at x2 (numbers above).
- The fidelity and perceptual models were trained on clean bicubic degradation only (the `sr2`/`sr4` crappify presets): JPEG artifacts and noise in the input are not removed and are sharpened, so on JPEG photos they score below bicubic. The photo models were trained for that (`sr2-photo`/`sr4-photo`: JPEG quality 25-95 and mild noise at the small size) and use it by default; blur beyond bicubic downscaling, heavy noise and JPEG below quality 25 were not in their training.
- Training images were at most 96 px crops (128 px for the CPU photo models, 256 px in x2-photo's GPU pass). The upscalers run in blended tiles of 512 px, which `tools/retile.py` measured at most 0.008 dB away from their training tiles on DIV2K validation mosaics; the restoration models `restore`, `jpeg` and `text` in tiles of 512 px (measured the same way on damaged mosaics: at most 0.006 dB away), `holes` and `colorize` in tiles of 256 px (at 512 px `colorize` lost 0.13 dB and `holes` gained on 768 px mosaics but lost on 512 px ones). So very large structures get no more context than a tile.
- `restore` was trained on the `restore` preset's defects (JPEG quality 20-90, noise, overlaid text, rectangular holes up to a fifth of the side, softness up to x3), each with its own probability, and on 15 % clean inputs. What lay under text or a hole is invented, not recovered. Large or free-form holes, heavy damage and other defects were not in its training. It changes a photo that needs nothing a little ({restore_clean}) and {restore_q90}.
- `jpeg` was trained on Pillow JPEGs of quality 10-50 only, for 52 minutes on a 2-core CPU: it smooths blocking and ringing, but detail the file discarded (fine texture; colour at quality 10) is smoothed, not recovered; it softens images that were never JPEGs ({jpeg_clean}) and does nothing for text, holes or noise.
- `text` was trained on the `text` preset alone (1 to 3 random words, numbers or symbols per crop in Pillow's default font, from 8 % of the crop's height to all of it, opacity 0.3-0.9, turned up to 30°) for 29 minutes on a 2-core CPU, its validation score still rising: it finds text by its look, not from a mask, so it leaves part of what it finds, may soften thin strokes that belong to the photo (wires, signs, printed labels), and does not know fonts, outlines or shadows unlike its training text. What it paints under the text is invented.
- `holes` was trained on the `holes-photo` preset alone (one to three rectangles of one random flat colour per crop, 10 to 60 % of each side of the crop) for 51 minutes on a 2-core CPU, then fine-tuned four times from its own file, the last time on the `holes-freeform` preset (half the crops such rectangles, half free-form brush strokes of one flat colour covering up to most of the crop): it finds holes by their look (a flat patch of one colour), so it may also flatten or repaint flat, uniform things that belong to the photo, and scratches, holes with texture, noise or soft edges were not in its training. What it paints in a hole is a blurred guess from the surroundings, often with a faint tint of the hole's colour: invented, not recovered.
- Grayscale inputs are processed as RGB and written back as grayscale by the upscalers, `restore`, `jpeg`, `text` and `holes`: they never invent colour. `colorize` does, by design, and only that: it keeps the input's luminance (within one 8-bit level) and changes the colour alone.
- `colorize` was trained on about 350 photos for 66 minutes on a 2-core CPU. Its colours are plausible for sky, foliage, fur and skin and a warm sepia elsewhere; it paints cold gray-blue scenes brown, and on LIVE1 it is further from the true colours than the gray input (its card). Faces, clothes, paint and other man-made colours cannot be guessed from luminance.
- BSD200's licence restricts its use to non-commercial research; weights trained on it may carry that restriction. Check before commercial use."""

def clean_score(rows:list[dict], name:str) -> str:
    "How much shipped model `name` changes the clean BSD100 photos of the restoration bench's CSV, in words."
    r = scores(rows, f'superres {name}', 1).get('BSD100 clean')
    if r is None: raise SystemExit(f"the restoration CSV has no `superres {name}` row for BSD100 clean: run its bench with --sets BSD100 ... --degrade clean ... --model {name}")
    return f"{r['psnr']:.1f} dB Y-PSNR against the first {int(float(r['images']))} clean BSD100 images"

def q90_harm(rows:list[dict]) -> str:
    "Where `restore` lowers a quality-90 JPEG of the restoration bench's CSV below the JPEG itself (Y-PSNR), in words."
    ours, inputs = scores(rows, 'superres restore', 1), scores(rows, baseline(1), 1)
    drops = {s.split()[0]: round(inputs[s]['psnr'] - r['psnr'], 2) for s, r in ours.items() if s.endswith('jpeg:90')}
    lowered = {k: v for k, v in drops.items() if v > 0}
    if not lowered: return 'leaves no quality-90 JPEG of the restoration benchmark below the JPEG itself'
    lo, hi, sets = min(lowered.values()), max(lowered.values()), list(lowered)
    where = ' and '.join([', '.join(sets[:-1]), sets[-1]] if len(sets) > 1 else sets)
    return f"lowers a quality-90 JPEG on {where} by {lo:.2f} dB" if lo == hi else f"lowers a quality-90 JPEG on {where} by {lo:.2f} to {hi:.2f} dB"

def limits(restore_rows:list[dict]) -> str:
    "The Known limits section, with the numbers that change at every ship of `restore` taken from the restoration bench's CSV."
    return LIMITS.format(restore_clean=clean_score(restore_rows, 'restore'), restore_q90=q90_harm(restore_rows), jpeg_clean=clean_score(restore_rows, 'jpeg'))

def written_cards(path) -> dict[str, str]:
    "The cards of an existing MODELS.md by model name: each `## name` section up to the next heading, as written."
    cards, name = {}, None
    for line in Path(path).read_text().splitlines(keepends=True):
        if line.startswith('## '): name = line[3:].split(' (')[0].strip()
        if name: cards[name] = cards.get(name, '') + line
    return cards

def bench_rows(path) -> list[dict]:
    "The rows of a bench CSV, numbers as floats."
    rows = list(csv.DictReader(open(path)))
    for r in rows:
        for k in ('psnr', 'ssim', 'haarpsi', 'mp_per_s', 'scale'): r[k] = float(r[k]) if r[k] not in ('', 'nan') else float('nan')
    return rows

def scores(rows, method:str, scale:int) -> dict:
    "Set -> row of `method` at `scale`."
    return {r['set']: r for r in rows if r['method'] == method and int(r['scale']) == scale}

def baseline(scale:int) -> str:
    "The name of the benchmark's baseline method at `scale`: bicubic, or the input as it is at x1 (restoration)."
    return (bicubic() if scale > 1 else as_is()).name

def photo_table(rows:list[dict], name:str, scale:int) -> list[str]:
    "The real-photo protocol's Y-PSNR of `name`, the baseline and the peers at `scale`: methods by rows, degradations by columns."
    rows = [r for r in rows if int(r['scale']) == scale]
    if not any(r['method'] == f'superres {name}' for r in rows): return []
    sets = list(dict.fromkeys(r['set'] for r in rows))
    methods = [f'superres {name}', baseline(scale)] + sorted({r['method'] for r in rows if r['kind'] == 'peer'})
    psnr = {(r['method'], r['set']): r['psnr'] for r in rows}
    line = lambda m: f"| {'**' + name + '**' if m == f'superres {name}' else m} | " + ' | '.join(f"{psnr[(m, s)]:.2f}" if (m, s) in psnr else '–' for s in sets) + ' |'
    return ['| method | ' + ' | '.join(sets) + ' |', '|---|' + '---|'*len(sets), *map(line, methods)]

def init_line(meta:dict) -> str:
    "The card's line on where a fine-tuned model (`superres train --init`) started, back to its new U-Net, with the training time in all; empty for a model trained from a new U-Net."
    init, steps, total, unknown = meta.get('init'), [], meta['train_seconds'], False
    while isinstance(init, dict):
        seconds = init.get('train_seconds')   # None: a run folder's file from before `superres train` recorded its time, not shipped in between
        unknown |= seconds is None
        valid = 'validation not recorded' if init.get('valid_psnr') is None else f"validation {init['valid_psnr']:.2f} dB"   # files shipped before the record kept it
        steps.append(f"`{init['model']}` as trained by `{init['command']}` ({'training time not recorded' if seconds is None else f'{seconds/60:.1f} min'}; {valid})")
        total, init = total + (seconds or 0), init.get('init')
    if not steps: return ''
    return f"- **Started from** (fine-tuning, `--init`): {'; which started from '.join(steps)}. Training time in all: {'more than ' if unknown else ''}{total/60:.1f} min.\n"

def card(name:str, rows:list[dict], note:str='', photo_rows=(), restore_rows=(), colour_rows=(), inpaint_rows=()) -> str:
    "The Markdown card of one shipped model."
    m = load_model(name, device='cpu')
    meta, recipe = m.meta, json.loads(m.meta['recipe'])
    history = json.loads(meta['history'])
    scale = meta['scale']
    ours, bic = scores(rows, f'superres {name}', scale), scores(rows, 'bicubic', scale)
    peers = sorted({r['method'] for r in rows if r['kind'] == 'peer' and int(r['scale']) == scale})
    sets = [s for s in ('Set5', 'Set14', 'BSD100') if s in ours]
    line = lambda label, rs: f"| {label} | " + ' | '.join(f"{rs[s]['psnr']:.2f} / {rs[s]['ssim']:.4f} / {rs[s]['haarpsi']:.4f}" if s in rs else '–' for s in sets) + ' |'
    table = [f"| method | " + ' | '.join(sets) + ' |', '|---|' + '---|'*len(sets), line(f'**{name}**', ours), line('bicubic', bic)]
    table += [line(p, scores(rows, p, scale)) for p in peers]
    stages = '; '.join(f"{s['size']} px, batch {s['bs']}, {s['epochs']} epoch{'s'*(s['epochs'] > 1)}, {'frozen encoder' if s['frozen'] else 'unfrozen (encoder lr/' + format(s['lr_div'], 'g') + ')'}, lr {s['lr']:g}" for s in recipe['stages'])
    default = [f"x{s}" for s, n in DEFAULT_MODELS.items() if n == name] + (['`superres restore`'] if name == RESTORE_MODELS[0] else []) + (['`superres colorize`'] if name == COLORIZE_MODEL else [])
    photo = photo_table(list(photo_rows), name, scale)
    restoration = photo_table(list(restore_rows), name, scale)
    colour = colour_table(list(colour_rows), name)
    inpaint = mask_table(list(inpaint_rows), name) if name != RESTORE_MODELS[0] else []
    benchmarks = (f"""- **Benchmarks** (Y-PSNR dB / SSIM / HaarPSI on the published MATLAB-bicubic LR files; `BENCHMARKS.md`):\n\n{chr(10).join(table)}\n""" if ours else '')
    benchmarks += (f"""\n- **Real photos** (Y-PSNR dB; LR made by Pillow bicubic, then Pillow JPEG at quality Q; `superres bench --degrade`; `BENCHMARKS.md`):\n\n{chr(10).join(photo)}\n""" if photo else '')
    benchmarks += (f"""- **Restoration** (Y-PSNR dB, 1 border pixel cropped; each image degraded at its own size by Pillow JPEG at quality Q, or by the `restore` preset's mixed defects seeded per image; `clean` is the image itself, where the best score is to change nothing; `superres bench --scales 1 --degrade`; `BENCHMARKS.md`):\n\n{chr(10).join(restoration)}\n""" if restoration else '')
    benchmarks += (f"""- **Colorization** (each image made grayscale; RGB PSNR dB / RGB SSIM / mean CIEDE2000, lower is better / colourfulness M3, with the target photos' own; `superres bench --scales 1 --degrade gray`; `BENCHMARKS.md`):\n\n{chr(10).join(colour)}\n""" if colour else '')
    benchmarks += (f"""- **Overlaid text and holes** (RGB PSNR dB inside the damage mask / over the whole image; the `watermark` preset's text or the `holes` preset's rectangles on each whole image, seeded, or Places2_freeform's own free-form masks; peers given the true mask are oracles; `superres bench --scales 1 --degrade text holes`; `BENCHMARKS.md`):\n\n{chr(10).join(inpaint)}\n""" if inpaint else '')
    return f"""## {name}{' (default for ' + ', '.join(default) + ')' if default else ''}

- **Task**: {SHIPPED_MODELS[name]}. **Objective**: {'fidelity: pixel loss (MSE), which maximises PSNR' if meta['loss'] == 'pixel' else "perceptual: the method's feature loss (pixel L1 + VGG feature L1 + gram-matrix L1; offline, the ImageNet VGG-19 layers up to relu3_1)"}.
- **Architecture**: fastai `DynamicUnet` on a MobileNetV2 encoder (ImageNet weights from TensorFlow Lite's `mobilenet_v2_1.0_224_quant`, Apache-2.0), pixel shuffle with ICNR, blur, weight norm, {'the U-Net at the low resolution, ending in a pixel shuffle, ' if m.config.get('scale', 1) > 1 else ''}residual output over the {'bicubic ' if scale > 1 else ''}input; {n_params(m)/1e6:.2f}M parameters; file {model_file(name).stat().st_size/1e6:.1f} MB (float16 weights, float32 at run time).
- **Recipe** `{recipe_name(meta, name)}` ({recipe['train_length']} random crops an epoch): {stages}.
- **Command**: `{meta['command']}`
{init_line(meta)}- **Training**: {meta['train_seconds']/60:.1f} min wall time, {'peak memory not measured' if meta.get('train_peak_gib') is None else f"peak {meta['train_peak_gib']:.1f} GiB resident"}, on {meta['machine']}; {validation_line(meta, recipe, history, scale)}.{' ' + note if note else ''}
{benchmarks}"""

def recipe_name(meta:dict, name:str) -> str:
    "The recipe a model was trained with: the `--recipe` of its command (a model may come from a recipe not named after it), else the model's name."
    found = re.search(r'--recipe (\S+)', meta.get('command') or '')
    return found.group(1) if found else name

def colour_table(rows:list[dict], name:str) -> list[str]:
    "The colorization scores of `name` and the gray input, per set: RGB PSNR / RGB SSIM / CIEDE2000 / colourfulness, and the targets' colourfulness."
    if not any(r['method'] == f'superres {name}' for r in rows): return []
    sets = list(dict.fromkeys(r['set'] for r in rows))
    cell = {(r['method'], r['set']): r for r in rows}
    fmt = lambda r: f"{float(r['psnr_rgb']):.2f} / {float(r['ssim_rgb']):.4f} / {float(r['ciede2000']):.2f} / {float(r['colourfulness']):.1f}" if r else '–'
    lines = ['| method | ' + ' | '.join(s.rsplit(' ', 1)[0] for s in sets) + ' |', '|---|' + '---|'*len(sets)]
    lines += [f"| {label} | " + ' | '.join(fmt(cell.get((m, s))) for s in sets) + ' |' for m, label in [(f'superres {name}', f'**{name}**'), (as_is().name, 'the gray input')]]
    lines.append('| the colour target (colourfulness) | ' + ' | '.join(f"{float(cell[(as_is().name, s)]['colourfulness_target']):.1f}" for s in sets) + ' |')
    return lines

def mask_table(rows:list[dict], name:str) -> list[str]:
    "The inpainting scores of `name` beside the input and every peer, per set it ran on: RGB PSNR inside the damage mask / over the whole image."
    sets = list(dict.fromkeys(r['set'] for r in rows if r['method'] == f'superres {name}'))
    if not sets: return []
    cell = {(r['method'], r['set']): r for r in rows}
    own = lambda m: m == f'superres {name}' or m.startswith(f'superres {name}, self-ensemble')   # the model, and itself with --ensemble
    methods = list(dict.fromkeys(r['method'] for r in rows if own(r['method']))) + list(dict.fromkeys(r['method'] for r in rows if r['set'] in sets and not own(r['method']) and (r['kind'] != 'ours' or r['method'] == f'superres {RESTORE_MODELS[0]}')))
    fmt = lambda r: f"{float(r['psnr_hole']):.2f} / {float(r['psnr_rgb']):.2f}" if r else '–'
    lines = ['| method | ' + ' | '.join(sets) + ' |', '|---|' + '---|'*len(sets)]
    return lines + [f"| {'**' + name + '**' if m == f'superres {name}' else m.removeprefix('superres ') if own(m) else m} | " + ' | '.join(fmt(cell.get((m, s))) for s in sets) + ' |' for m in methods]

def validation_line(meta:dict, recipe:dict, history:list, scale:int) -> str:
    "The card's last training figure: final validation Y-PSNR against its baseline; for colorization, whose luminance is the input's, the validation loss."
    last = history[-1]
    if meta['task'] == 'colorize':
        return f"final validation loss {float(last['valid_loss']):.4f} on {valid_description(meta, recipe)} of {last['size']} px (the feature loss; Y-PSNR does not measure colour, and the output keeps the input's luminance)"
    if scale > 1: base = f"bicubic: {valid_input_psnr(meta['task'], int(last['size'])):.2f} dB"
    elif meta['task'] == 'restore': base = "no input baseline: 15 % of the crops are clean, where the input's PSNR is unbounded"
    else: base = f"the input as it is: {valid_input_psnr(meta['task'], int(last['size'])):.2f} dB"
    return f"final validation Y-PSNR {float(last['psnr_batch']):.2f} dB on {valid_description(meta, recipe)} of {last['size']} px ({base})"

def valid_description(meta:dict, recipe:dict) -> str:
    "What the model's validation scored: its crops, and how many DIV2K images they came from when not all 100 (its record's data.valid counts)."
    images = sum(n for _, n in meta.get('data', {}).get('valid', [])) or 100
    return f"{recipe['valid_length']} DIV2K crops" + (f" (from {images} of the images; bicubic below is on all 100)" if images != 100 else '')

@cache
def valid_input_psnr(task:str, size:int) -> float:
    "Y-PSNR of the input (bicubic for super-resolution, the degraded crop itself at x1) on the validation crops that training scores at `size` px (what the model must beat)."
    from superres.metrics import psnr_batch
    from valid_scores import valid_pairs
    return float(psnr_batch(*valid_pairs(task, size)))

def curves(path):
    "Validation Y-PSNR gain over bicubic per epoch of every shipped upscaler (the crop size grows with the stages)."
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.4))
    for name in [n for n in SHIPPED_MODELS if n not in RESTORE_MODELS]:   # restoration has no bounded baseline (its clean crops)
        m = load_model(name, device='cpu')
        hist, task = json.loads(m.meta['history']), m.meta['task']
        ax = axes[0 if m.meta['scale'] == 2 else 1]
        gains = [float(h['psnr_batch']) - valid_input_psnr(task, int(h['size'])) for h in hist]
        ax.plot(range(1, len(hist) + 1), gains, marker='o', label=name)
        for i, h in enumerate(hist):
            if i == 0 or h['size'] != hist[i-1]['size']: ax.annotate(f"{h['size']} px", (i + 1, gains[i]), fontsize=7, xytext=(0, 6), textcoords='offset points')
    for ax, s in zip(axes, (2, 4)):
        ax.set_title(f'x{s}: validation Y-PSNR gain over bicubic (100 DIV2K crops)', fontsize=9); ax.set_xlabel('epoch'); ax.set_ylabel('dB over bicubic'); ax.legend(fontsize=8); ax.grid(alpha=.3)
    fig.tight_layout()
    atomic_write(path, lambda tmp: fig.savefig(tmp, format='png', dpi=90))

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('bench_csv', nargs='?', help="bench.csv of the published LR files (superres bench --sets Set5 Set14 BSD100 ...); needed unless every upscaler's card is kept"); p.add_argument('--photo-csv', help="bench.csv of the real-photo protocol (superres bench --degrade ...)"); p.add_argument('--out', default='MODELS.md'); p.add_argument('--figure', default='nbs/images/training_curves.png')
    p.add_argument('--restore-csv', required=True, help="bench.csv of restoration (superres bench --scales 1 --degrade ...); the Known limits quote its numbers")
    p.add_argument('--inpaint-csv', help="bench.csv of text and hole removal (superres bench --scales 1 --degrade text holes ...)")
    p.add_argument('--colorize-csv', help="bench.csv of colorization (superres bench --scales 1 --degrade gray ...)")
    p.add_argument('--note', action='append', default=[], metavar='NAME=TEXT', help="a remark added to NAME's training line (repeatable)")
    p.add_argument('--keep', action='append', default=[], metavar='NAME', help="copy NAME's card from the existing --out file unchanged (repeatable)")
    args = p.parse_args()
    kept = written_cards(args.out) if args.keep else {}
    if missing := [n for n in args.keep if n not in kept]: p.error(f"no card for {', '.join(missing)} in {args.out} to keep")
    rows = bench_rows(args.bench_csv) if args.bench_csv else []
    photo_rows = bench_rows(args.photo_csv) if args.photo_csv else []
    restore_rows = bench_rows(args.restore_csv)
    colour_rows = bench_rows(args.colorize_csv) if args.colorize_csv else []
    inpaint_rows = bench_rows(args.inpaint_csv) if args.inpaint_csv else []
    notes = dict(n.split('=', 1) for n in args.note)
    curves(args.figure)
    cards = '\n'.join(kept[n].rstrip('\n') + '\n' if n in args.keep else card(n, rows, notes.get(n, ''), photo_rows, restore_rows, colour_rows, inpaint_rows) for n in SHIPPED_MODELS)
    text = f"""<!-- Written by tools/model_cards.py from the shipped files' metadata and the bench runs' CSVs: regenerate, do not edit. -->
# Shipped models

{len(SHIPPED_MODELS)} models ship inside the package (`superres/weights/`), loaded by name: `superres upscale photo.jpg --model x2-fidelity`, `load_model('x4-photo')`. `superres upscale` without `--model` uses the default for the scale ({', '.join(f'x{s}: `{n}`' for s, n in DEFAULT_MODELS.items())}), `superres restore` uses `{RESTORE_MODELS[0]}` and `superres colorize` uses `{COLORIZE_MODEL}`. `superres models` lists them.

{ETHICS}

## Training data (every model)

{DATA}

## Training curves

Validation Y-PSNR gain over bicubic after each epoch of the upscalers (each stage's crops are scored at its own size):\n\n![Validation Y-PSNR gain over bicubic per epoch of the shipped models](nbs/images/training_curves.png)

{cards}
## Known limits (every model)

{limits(restore_rows)}
"""
    atomic_write(args.out, lambda tmp: Path(tmp).write_text(text))
    print(f"wrote {args.out} and {args.figure}")

if __name__ == '__main__': main()
