"""Ship a trained model inside the package: half-precision weights in superres/weights/NAME.pth.

    python tools/ship_model.py RUN_FOLDER NAME --time RUN_FOLDER.time --command "superres train ..."
    python tools/ship_model.py RUN_FOLDER NAME      # a model trained elsewhere (a GPU machine) whose record already has them

Reads RUN_FOLDER/model.pth (written by `superres train`), records how it was trained (the command,
wall time and peak memory from a `/usr/bin/time -f "wall %e s peak %M KB"` file; the machine it was
trained on, from its record) in its metadata, saves it with float16 weights, and prints how far the
float16 copy's output moves from the model's on a 128 px crop of a photo (pixel values 0..255).
Without --time and --command, the record's own `train_seconds` and `command` are kept (peak memory: not measured).
"""
import argparse, json, re, time
import torch
from superres.images import load_image, image_to_tensor
from superres.data import skimage_photos
from superres.modelfile import SHIPPED_MODELS, load_model, save_model, weights_dir
from superres.tiles import predict_tensor
from superres.core import machine_description

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('run'); p.add_argument('name', choices=SHIPPED_MODELS)
    p.add_argument('--time', help='output of /usr/bin/time -f "wall %%e s peak %%M KB" for the training command')
    p.add_argument('--command', help='the training command, as run')
    args = p.parse_args()
    ship(args.run, args.name, args.time, args.command)

def ship(run, name:str, time_file=None, command:str|None=None, **extra):
    """Write RUN/model.pth into the package as NAME, in float16, with how it was trained (and `extra` fields) in its record.
    Without `time_file` and `command` the record must already hold `train_seconds` and `command` (a model trained on another machine)."""
    model = load_model(f'{run}/model.pth', device='cpu')
    if time_file is None:
        if command is not None or 'train_seconds' not in model.meta or not model.meta.get('command'):
            raise SystemExit(f"{run}/model.pth: give --time and --command (its record has no train_seconds or command)")
        wall, peak, command = model.meta['train_seconds'], None, model.meta['command']
    else: wall, peak = map(float, re.search(r'wall ([\d.]+) s peak (\d+) KB', open(time_file).read()).groups())
    recipe = json.loads(model.meta['recipe'])
    meta = dict(model.meta, name=name, loss=model.meta.get('loss', recipe['loss']), command=command, train_seconds=wall,
                train_peak_gib=None if peak is None else peak/2**20, machine=model.meta.get('machine') or machine_description(),
                shipped=time.strftime('%Y-%m-%d'), **extra)
    dest = save_model(model, weights_dir()/f'{name}.pth', dtype=torch.float16, **meta)
    shipped = load_model(dest, device='cpu')
    x = image_to_tensor(load_image(skimage_photos()[1]).crop((200, 100, 328, 228)))[None]
    diff = (predict_tensor(model, x) - predict_tensor(shipped, x)).abs().max()*255
    print(f"{dest}: {dest.stat().st_size/1e6:.1f} MB; float16 vs float32 output: max difference {float(diff):.3f}/255")
    return dest

if __name__ == '__main__': main()
