"Integration on the real training images in shared/ (skipped with a message when absent)."
import pytest
from superres.core import shared_path
from superres.images import image_files
from superres.data import readable_images, split_files, pair_dataloaders, preset

@pytest.fixture(scope='module')
def train_images():
    folder = shared_path('data', 'train')
    if folder is None: pytest.skip('shared/data/train not found (set SUPERRES_SHARED)')
    return readable_images(image_files(folder))

def test_the_291_images_make_batches_for_every_preset(train_images):
    assert len(train_images) == 291
    train, valid = split_files(train_images)
    assert len(valid) == 58 and not set(train) & set(valid)
    for name in ['sr2', 'sr4', 'jpeg', 'watermark', 'holes', 'colorize', 'restore']:
        dls = pair_dataloaders(train, valid, preset(name), size=48, bs=4, device='cpu')
        xb, yb = dls.one_batch()
        assert xb.shape == yb.shape == (4, 3, 48, 48)
        assert (xb - yb).abs().mean() > 0, name             # the input is degraded
