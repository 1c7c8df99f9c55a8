#!/bin/sh
# Train every shipped photo model and write its weights into the package when it measurably wins.
#   sh tools/train_shipped.sh            # on a GPU: the GPU-scale recipes (x2-photo-gpu, x4-photo-gpu); else the CPU ones
#   sh tools/train_shipped.sh x2-photo   # one model
# Resumable: run it again after an interruption (each run folder keeps its checkpoint).
# Needs ../shared (or SUPERRES_SHARED) for the training images, the offline ImageNet MobileNetV2 and the DIV2K validation crops.
# After training, each model is benchmarked beside the shipped one on the real-photo protocol (BSD100, first 30 images, clean and JPEG
# q95/75/50/30) and shipped (tools/ship_model.py) only if its mean Y-PSNR over those five is higher.
set -e
S=${SUPERRES_SHARED:-../shared}
GPU=$(python -c "import torch; print('-gpu' if torch.cuda.is_available() else '')")
for name in ${@:-x2-photo x4-photo}; do
  recipe=$name$GPU; out=runs/ship/$recipe; mkdir -p runs/ship
  cmd="superres train --recipe $recipe --weights $S/weights/mobilenet_v2_imagenet/mobilenet_v2_1.0_224_quant_dequantized.npz --data $S/data/train --data $S/data/photos --dataset skimage --valid $S/data/benchmarks/DIV2K_valid_crop256 --out $out"
  echo "$cmd"
  /usr/bin/time -f "wall %e s peak %M KB" -o $out.time $cmd
  python tools/ship_if_better.py $out $name --time $out.time --command "$cmd" || echo "$name: not shipped (see above)"
done
