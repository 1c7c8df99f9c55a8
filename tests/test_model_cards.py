"The numbers MODELS.md's Known limits quote come from the restoration bench's CSV (tools/model_cards.py), not from a hand copy."
import sys
from pathlib import Path
import pytest
sys.path.insert(0, str(Path(__file__).parents[1]/'tools'))
from model_cards import clean_score, q90_harm, limits

pytestmark = pytest.mark.self_contained   # never reads shared/: CI runs it once

def rows(restore_q90:dict, inputs_q90:dict) -> list[dict]:
    "Bench rows with `restore` and the input at quality 90 on each set, and `restore`/`jpeg` on clean BSD100."
    out = [dict(set='BSD100 clean', method='superres restore', psnr=46.894, images='30', scale=1), dict(set='BSD100 clean', method='superres jpeg', psnr=38.907, images='30', scale=1)]
    for s in restore_q90:
        out += [dict(set=f'{s} jpeg:90', method='superres restore', psnr=restore_q90[s], images='30', scale=1), dict(set=f'{s} jpeg:90', method='input (as is)', psnr=inputs_q90[s], images='30', scale=1)]
    return out

def test_clean_score_quotes_the_csv():
    assert clean_score(rows({}, {}), 'restore') == '46.9 dB Y-PSNR against the first 30 clean BSD100 images'
    assert clean_score(rows({}, {}), 'jpeg').startswith('38.9 dB')
    with pytest.raises(SystemExit, match='--model text'): clean_score(rows({}, {}), 'text')   # a bench run without the model: says how to get the row

def test_q90_harm_names_only_the_sets_made_worse():
    r = rows({'BSD100': 40.95, 'LIVE1': 41.08, 'Classic5': 40.54}, {'BSD100': 40.48, 'LIVE1': 41.22, 'Classic5': 40.68})
    assert q90_harm(r) == 'lowers a quality-90 JPEG on LIVE1 and Classic5 by 0.14 dB'
    r = rows({'BSD100': 40.95, 'LIVE1': 41.02, 'Classic5': 40.49}, {'BSD100': 40.48, 'LIVE1': 41.22, 'Classic5': 40.68})
    assert q90_harm(r) == 'lowers a quality-90 JPEG on LIVE1 and Classic5 by 0.19 to 0.20 dB'
    r = rows({'BSD100': 40.40, 'LIVE1': 41.02, 'Classic5': 40.49}, {'BSD100': 40.48, 'LIVE1': 41.22, 'Classic5': 40.68})
    assert q90_harm(r) == 'lowers a quality-90 JPEG on BSD100, LIVE1 and Classic5 by 0.08 to 0.20 dB'
    r = rows({'BSD100': 40.95, 'LIVE1': 41.30}, {'BSD100': 40.48, 'LIVE1': 41.22})
    assert q90_harm(r).startswith('leaves no quality-90 JPEG')

def test_limits_fills_every_placeholder():
    text = limits(rows({'LIVE1': 41.0}, {'LIVE1': 41.2}))
    assert '{' not in text and '46.9 dB' in text and 'on LIVE1 by 0.20 dB' in text
