#!/bin/bash
# One lent-GPU call, as run through the device tool with carry ['.gpu'] (tools/gpu_session/prepare.py made it here):
#   LEN=4160 DEADLINE=470 bash tools/gpu_session/call.sh
# Side by side on the one GPU: 05_train's notebook cells (its #| cuda cells too) and three GPU-scale trainings, each the real
# `superres train` through drive.py (which writes an fp16 copy of each finished model into $OUT):
#   x2-fidelity-gpu fine-tuned from the shipped x2-fidelity (INIT; only that weight file travels: the call sends at most 64 MiB),
#   jpeg-gpu and holes-freeform-gpu from the ImageNet encoder.
# Whatever still runs at DEADLINE seconds is stopped, so that the logs come back (one tar: $OUT returns at most 8 files).
# Used on 2026-11-27 (third loan of an H100) with LEN=4160 DEADLINE=470: the GPU was 80-100 % busy; 05_train's #| cuda cell passed
# (resuming on the GPU too); all three trainings were stopped in their last stage (epoch 5 of 6; 30 s an epoch each at 256 px,
# side by side), so none came back. A second call ran x2-fidelity alone, to the end:
#   INIT=x2-fidelity RUNS=runs/gpu5 timeout 200 python3 tools/gpu_session/drive.py train x2-fidelity 1536    # 179 s
set -u
T0=$(date +%s)
LEN=${LEN:-4160}; DEADLINE=${DEADLINE:-470}
export PYTHONUNBUFFERED=1
python3 -m pip install -q --no-index --no-deps --no-compile --target /tmp/site .gpu/whl/*.whl || exit 1
export PYTHONPATH=/tmp/site:$PWD
L=$OUT/logs; mkdir -p $L
nvidia-smi --query-gpu=timestamp,utilization.gpu,memory.used --format=csv -l 5 > $L/smi.csv 2>&1 & SMI=$!
python3 tools/gpu_session/exec_nb.py nbs/05_train.ipynb > $L/nb05.log 2>&1 & NB=$!
INIT=x2-fidelity RUNS=runs/gpu4 python3 tools/gpu_session/drive.py train x2-fidelity $LEN > $L/x2-fidelity.log 2>&1 & P1=$!
RUNS=runs/gpu4 python3 tools/gpu_session/drive.py train jpeg $LEN > $L/jpeg.log 2>&1 & P2=$!
RUNS=runs/gpu4 python3 tools/gpu_session/drive.py train holes-freeform $LEN > $L/holes-freeform.log 2>&1 & P3=$!
source tools/gpu_session/deadline.sh; stop_at_deadline $P1 $P2 $P3 $NB
kill $SMI
tar czf $OUT/logs.tar.gz -C $OUT logs && rm -rf $L
ls -la $OUT; echo "total $(( $(date +%s) - T0 )) s"
