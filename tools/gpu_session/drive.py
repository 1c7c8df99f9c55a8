"""GPU session driver (not part of the package; run from the repository root on the lent machine, after tools/gpu_session/prepare.py here): calibrate, then train the shipped photo/restore models at GPU scale in parallel.

    python tools/gpu_session/drive.py all BUDGET_S        # orchestrate: 05_train's notebook (cuda cells too), calibration, training
    python tools/gpu_session/drive.py calib NAME          # one calibration job
    python tools/gpu_session/drive.py train NAME LENGTH   # one training job (the real CLI), then an fp16 copy into $OUT
    INIT=x2-photo python tools/gpu_session/drive.py train x2-photo LENGTH   # the same, fine-tuning the shipped file (superres train --init)

As run on 2026-11-26 (one H100, 16 cores), through the device tool with carry ['.gpu']:
    pip install --no-index --no-deps --target /tmp/site .gpu/whl/*.whl; export PYTHONPATH=/tmp/site:$PWD
    python tools/gpu_session/drive.py all 480                     # restore, x2-photo, x4-photo side by side
    RUNS=runs/gpu2 python tools/gpu_session/drive.py train restore 2880
`all` times 60 batches at 192 px (frozen) and 256 px (unfrozen) for each model, all at once, then picks the crops an epoch
(`--train-length`) that fit the GPU recipe's 20 epochs into what is left of BUDGET_S. Its estimate of the per-epoch overhead
was too high: the three runs ended at about 250 s of the 395 s left.
As run on 2026-11-27 (one H100; the shipped weights except x2-photo's and the notebooks other than 05_train moved out of the tree
for the call, to fit 64 MiB), beside `tools/gpu_session/exec_nb.py nbs/05_train.ipynb`, with nvidia-smi logging every 5 s:
    INIT=x2-photo RUNS=runs/gpu3 python tools/gpu_session/drive.py train x2-photo 5760   # 465 s; shipped by tools/ship_if_better.py
"""
import os, sys, time, json, subprocess, shutil, statistics, tarfile
T0 = time.time()
OUT = os.environ.get('OUT', '/tmp/out')
LOGS = f'{OUT}/logs'; os.makedirs(LOGS, exist_ok=True)
W = '.gpu/mobilenet_v2_1.0_224_quant_dequantized.npz'
DATA = ['--data', '.gpu/data/train', '--data', '.gpu/data/photos', '--dataset', 'skimage', '--valid', '.gpu/data/valid']
NAMES = os.environ.get('NAMES', 'restore x2-photo x4-photo').split()

def log(*a): print(f"[{time.time()-T0:6.1f}s]", *a, flush=True)

def files_and_valid():
    from superres.images import image_files
    from superres.evaluate import demo_split
    files = [f for d in ('.gpu/data/train', '.gpu/data/photos') for f in image_files(d)] + demo_split()[0]
    return files, image_files('.gpu/data/valid')

def calib(name):
    "Time training batches at 192 px (frozen, bs 32) and 256 px (unfrozen, bs 16) under the real data pipeline."
    import torch
    from fastai.callback.core import Callback
    from superres.train import train, get_recipe, Stage
    class Timer(Callback):
        order = 99
        def before_fit(self): self.ts, self.sizes, self.epoch_t = [], [], []
        def before_epoch(self): self.e0 = time.perf_counter()
        def after_batch(self):
            if self.training:
                if torch.cuda.is_available(): torch.cuda.synchronize()
                self.ts.append(time.perf_counter()); self.sizes.append(self.xb[0].shape[0])
        def after_epoch(self): self.epoch_t.append(time.perf_counter() - self.e0)
    res = {'start_s': time.time() - T0}
    files, valid = files_and_valid()
    base = get_recipe(f'{name}-gpu', weights=W, valid_length=100)
    for label, stage in [('f192', Stage(192, 32, 1, 1e-3)), ('u256', Stage(256, 16, 1, 5e-4, frozen=False))]:
        timer = Timer()
        t = time.time()
        train(files, get_recipe(base, stages=[stage], train_length=stage.bs*int(os.environ.get('CALIB_BATCHES', 60))), f'runs/calib/{name}-{label}', resume=False,
              valid_files=valid, cbs=[timer], quiet=True)
        k = min(5, len(timer.ts)//3)
        dts = [b - a for a, b in zip(timer.ts[k:], timer.ts[k+1:])]
        per_crop = statistics.median(dts) / stage.bs
        res[label] = dict(per_crop_s=per_crop, epoch_s=timer.epoch_t[0], batches=len(timer.ts), wall_s=time.time() - t,
                          overhead_s=timer.epoch_t[0] - per_crop*stage.bs*len(timer.ts))
        log(name, label, res[label])
    json.dump(res, open(f'{LOGS}/calib-{name}.json', 'w'), indent=1)

def plan_length(c, budget):
    "Crops per epoch so that the GPU recipe's 20 epochs fit `budget` seconds, from calibration `c`."
    from superres.train import get_recipe
    stages = get_recipe('restore-gpu').stages
    work = 0.
    for s in stages:
        ref = c['f192'] if s.frozen else c['u256']
        refsize = 192 if s.frozen else 256
        work += s.epochs * ref['per_crop_s'] * (s.size/refsize)**2
    epochs = sum(s.epochs for s in stages)
    overhead = 40 + epochs * max(c['f192']['overhead_s'], c['u256']['overhead_s'])
    return max(64, min(16000, int((budget - overhead) / work) // 64 * 64)), work, overhead

def train_job(name, length):
    out = os.environ.get('RUNS', 'runs/gpu') + f'/{name}'
    init = ['--init', os.environ['INIT']] if os.environ.get('INIT') else []   # fine-tune a trained model (a file, or a shipped name whose file travelled)
    cmd = [sys.executable, '-m', 'superres', 'train', '--recipe', name + os.environ.get('RECIPE_SUFFIX', '-gpu'), '--train-length', str(length), *init, '--weights', W, *DATA, '--out', out]
    log(' '.join(cmd))
    t = time.time()
    r = subprocess.run(cmd)
    wall = time.time() - t
    log(name, 'rc', r.returncode, f'{wall:.0f}s')
    if os.path.exists(f'{out}/history.csv'): shutil.copy(f'{out}/history.csv', f'{LOGS}/history-{name}.csv')
    if r.returncode: return
    import torch
    from superres.modelfile import load_model, save_model
    from superres.tiles import predict_tensor
    from superres.images import load_image, image_to_tensor
    model = load_model(f'{out}/model.pth', device='cpu')
    meta = dict(model.meta, train_seconds=wall, command='superres ' + ' '.join(cmd[3:]))   # its record's machine names the GPU
    dest = save_model(model, f'{OUT}/{name}.pth', dtype=torch.float16, **meta)
    half = load_model(dest, device='cpu')
    x = image_to_tensor(load_image('.gpu/data/valid/' + sorted(os.listdir('.gpu/data/valid'))[0]).crop((0, 0, 128, 128)))[None]
    diff = float((predict_tensor(model, x) - predict_tensor(half, x)).abs().max()*255)
    json.dump(dict(name=name, length=length, wall_s=wall, fp16_max_diff_255=diff, size_mb=os.path.getsize(dest)/1e6), open(f'{LOGS}/done-{name}.json', 'w'))
    log(name, 'fp16 diff', diff)

def main_all(budget):
    import torch
    log('torch', torch.__version__, torch.cuda.get_device_name(0) if torch.cuda.is_available() else 'no GPU', os.cpu_count(), 'cpus')
    nb = subprocess.Popen([sys.executable, 'tools/gpu_session/exec_nb.py', 'nbs/05_train.ipynb'], stdout=open(f'{LOGS}/nb05.log', 'w'), stderr=subprocess.STDOUT)
    cal = [subprocess.Popen([sys.executable, __file__, 'calib', n]) for n in NAMES]
    for p in cal: p.wait()
    cs = {n: json.load(open(f'{LOGS}/calib-{n}.json')) for n in NAMES if os.path.exists(f'{LOGS}/calib-{n}.json')}
    left = budget - (time.time() - T0)
    plans = {n: plan_length(c, left) for n, c in cs.items()}
    log('plans (length, s/crop-epoch work, overhead) with', f'{left:.0f}s left:', plans)
    json.dump(dict(plans=plans, left=left), open(f'{LOGS}/plan.json', 'w'))
    jobs = [subprocess.Popen([sys.executable, __file__, 'train', n, str(plans[n][0])]) for n in plans]
    deadline = T0 + budget + 45
    for p in jobs:
        try: p.wait(timeout=max(1, deadline - time.time()))
        except subprocess.TimeoutExpired: log('over time: killing', p.args); p.kill()
    try: nb.wait(timeout=max(1, deadline - time.time()))
    except subprocess.TimeoutExpired: nb.kill()
    with tarfile.open(f'{OUT}/logs.tar.gz', 'w:gz') as t: t.add(LOGS, 'logs')
    shutil.rmtree(LOGS)
    log('done')

if __name__ == '__main__':
    what = sys.argv[1]
    if what == 'all': main_all(float(sys.argv[2]))
    elif what == 'calib': calib(sys.argv[2])
    elif what == 'train': train_job(sys.argv[2], int(sys.argv[3]))
