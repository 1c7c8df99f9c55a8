#!/bin/bash
# Two lent-GPU calls for the restoration models (the tree may carry at most 64 MiB, and .gpu/ with three 16 MB starting files is more):
#   call 1, carry ['.gpu']:      STAGE=data bash tools/gpu_session/call_restoration.sh   # keeps .gpu/ and the wheels on the warm machine
#   call 2, carry ['.gpuinit']:  bash tools/gpu_session/call_restoration.sh              # at once, while the machine is still warm
# .gpuinit/ holds the starting files (jpeg: the fourth CPU pass in fp16; holes, colorize: the shipped files) and the offline VGG-19
# the colorize feature loss needs (as shared/weights/...). Call 2 runs 05_train's notebook (its #| cuda cell too) beside three GPU-scale
# fine-tunes through drive.py (the real `superres train`, then an fp16 copy of each finished model into $OUT). Whatever still runs at
# DEADLINE seconds is stopped, so that the logs come back.
set -u
T0=$(date +%s)
export PYTHONUNBUFFERED=1
if [ "${STAGE:-train}" = data ]; then
  mkdir -p /root/gpu && cp -r .gpu/. /root/gpu/ && du -sh /root/gpu
  python3 -m pip install -q --no-index --no-deps --no-compile --target /tmp/site .gpu/whl/*.whl && nvidia-smi -L && echo "data staged in $(( $(date +%s) - T0 )) s"
  exit
fi
DEADLINE=${DEADLINE:-470}; LJ=${LJ:-2880}; LH=${LH:-2880}; LC=${LC:-1920}
[ -d .gpu/data ] || cp -r /root/gpu .gpu || { echo "no staged data: run call 1 first"; exit 1; }
[ -f /tmp/site/fastai/__init__.py ] || python3 -m pip install -q --no-index --no-deps --no-compile --target /tmp/site .gpu/whl/*.whl || exit 1
export PYTHONPATH=/tmp/site:$PWD
L=$OUT/logs; mkdir -p $L
nvidia-smi --query-gpu=timestamp,utilization.gpu,memory.used --format=csv -l 5 > $L/smi.csv 2>&1 & SMI=$!
python3 tools/gpu_session/exec_nb.py nbs/05_train.ipynb > $L/nb05.log 2>&1 & NB=$!
INIT=.gpuinit/jpeg4.pth RUNS=runs/gpu6 python3 tools/gpu_session/drive.py train jpeg $LJ > $L/jpeg.log 2>&1 & P1=$!
INIT=.gpuinit/holes.pth RUNS=runs/gpu6 python3 tools/gpu_session/drive.py train holes-freeform $LH > $L/holes.log 2>&1 & P2=$!
SUPERRES_SHARED=$PWD/.gpuinit/shared INIT=.gpuinit/colorize.pth RUNS=runs/gpu6 python3 tools/gpu_session/drive.py train colorize $LC > $L/colorize.log 2>&1 & P3=$!
source tools/gpu_session/deadline.sh; stop_at_deadline $P1 $P2 $P3 $NB
kill $SMI
for n in jpeg holes-freeform colorize; do tail -c 3000 runs/gpu6/$n/history.csv > $L/history-tail-$n.csv 2>/dev/null; done
tar czf $OUT/logs.tar.gz -C $OUT logs && rm -rf $L
ls -la $OUT; echo "total $(( $(date +%s) - T0 )) s"
