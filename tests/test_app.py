"The web app under load on loopback: 20 requests from 4 concurrent `gradio_client` clients, each answer checked against the command line."
import os, re, signal, socket, statistics, subprocess, sys, tempfile, threading, time, urllib.request
from pathlib import Path
import pytest
from PIL import Image
from conftest import run_cli
from superres.data import skimage_photos

pytestmark = pytest.mark.self_contained   # makes all its own inputs and never reads shared/: CI runs it once
gradio_client = pytest.importorskip('gradio_client', reason='the app extra is not installed: pip install "superres[app]"')

REQUESTS, CLIENTS = 20, 4

def free_port() -> int:
    "A free TCP port on loopback."
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0)); return s.getsockname()[1]

def wait_until_up(url:str, proc, seconds:float=180):
    "Wait until `url` answers (or fail when the server process exits or `seconds` pass)."
    end = time.time() + seconds
    while time.time() < end:
        if proc.poll() is not None: pytest.fail(f"the app exited with status {proc.returncode}: {proc.stderr.read()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2): return
        except OSError: time.sleep(0.5)
    pytest.fail(f"the app did not answer at {url} within {seconds} s")

def peak_rss(pid:int) -> int:
    "Peak resident memory of process `pid` so far, in bytes (Linux's VmHWM)."
    for line in Path(f'/proc/{pid}/status').read_text().splitlines():
        if line.startswith('VmHWM:'): return int(line.split()[1])*1024
    return 0

MAX_PIXELS = 1_000_000   # small, so that an image over it is a small file

@pytest.fixture(scope='module')
def app_url(tmp_path_factory):
    "The app (`superres app`) running on a free loopback port for this module's tests; its process id is `app_url.pid`."
    port, cwd = free_port(), tmp_path_factory.mktemp('app')
    env = {**os.environ, 'SUPERRES_OFFLINE': '1', 'GRADIO_ANALYTICS_ENABLED': 'False'}
    server = subprocess.Popen([sys.executable, '-m', 'superres', 'app', '--port', str(port), '--max-pixels', str(MAX_PIXELS), '-q'],
                              env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))   # Ctrl-C works even when this test's shell ignores it
    url = f'http://127.0.0.1:{port}/'
    try:
        wait_until_up(url, server)
        yield AppServer(url, server.pid)
    finally:
        server.send_signal(signal.SIGINT)                                  # Ctrl-C: the app stops and removes its temporary folder
        try: server.wait(timeout=30)
        except subprocess.TimeoutExpired: server.kill(); server.wait(); pytest.fail("the app did not stop within 30 s of Ctrl-C")
        assert server.returncode == 130, server.stderr.read()[-2000:]

class AppServer(str):
    "The app's URL, with the server's process id."
    def __new__(cls, url, pid):
        self = super().__new__(cls, url); self.pid = pid; return self

@pytest.fixture(scope='module')
def photos(tmp_path_factory):
    "Four small photos of different sizes, and what `superres upscale --scale 2` makes of each (file name -> bytes)."
    folder = tmp_path_factory.mktemp('photos')
    inputs = []
    for i, f in enumerate(skimage_photos()[:4]):
        inputs.append(folder/f'in{i}.png')
        Image.open(f).convert('RGB').resize((64 + 8*i, 48 + 4*i)).save(inputs[-1])
    res = run_cli('upscale', *inputs, '-o', folder/'cli', '--scale', '2', '-q')
    assert res.returncode == 0, res.stderr
    return inputs, {p.name: (folder/'cli'/p.name).read_bytes() for p in inputs}

def test_twenty_requests_from_four_clients_all_match_the_command_line(app_url, photos, tmp_path, monkeypatch):
    "Every answer has the right size and the command line's bytes; latency percentiles and the server's peak memory are printed."
    inputs, expected = photos
    monkeypatch.setattr(tempfile, 'tempdir', str(tmp_path))   # gradio_client leaves an empty folder in the temporary folder per download
    latencies, failures, lock = [], [], threading.Lock()
    def client_work(k:int):
        client = gradio_client.Client(app_url, verbose=False, download_files=str(tmp_path/f'client{k}'))
        for j in range(REQUESTS//CLIENTS):
            src = inputs[(k + j) % len(inputs)]
            start = time.perf_counter()
            try:
                pair, download, report = client.predict([gradio_client.handle_file(str(src))], 'Upscale x2', 'default', 'PNG', 95, api_name='/enhance')
                with Image.open(src) as a, Image.open(download) as b: right_size = b.size == (2*a.width, 2*a.height)
                ok = right_size and Path(download).read_bytes() == expected[src.name]
            except Exception as e: ok, report = False, repr(e)
            with lock:
                latencies.append(time.perf_counter() - start)
                if not ok: failures.append((src.name, report))
    threads = [threading.Thread(target=client_work, args=(k,)) for k in range(CLIENTS)]
    for t in threads: t.start()
    for t in threads: t.join(timeout=600)
    assert not any(t.is_alive() for t in threads), "a client did not finish within 10 minutes"
    q = statistics.quantiles(latencies, n=20)
    print(f"app load test: {len(latencies)} requests from {CLIENTS} clients, {len(failures)} failures, latency p50 {statistics.median(latencies):.2f} s, "
          f"p95 {q[18]:.2f} s, max {max(latencies):.2f} s, server peak RSS {peak_rss(app_url.pid)/2**30:.2f} GiB")
    assert len(latencies) == REQUESTS and not failures, failures

CHROMIUM = '/usr/bin/chromium'
CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking',
                 '--disable-component-update', '--disable-sync']

def test_in_a_browser(app_url, photos, tmp_path):
    """Headless Chromium (Debian's, driven by Playwright): a photo upscaled x2 in one tab, showing progress over its tiles, while a second
    tab's request waits in the queue and shows its place; the second result's sizes, and its download equal to the command line's file; a text file named .png and an
    image over the pixel limit each show their message. Screenshot of the first tab's result to $SUPERRES_APP_SCREENSHOT when set
    (the README's picture)."""
    sync_api = pytest.importorskip('playwright.sync_api', reason='pip install playwright')
    if not Path(CHROMIUM).exists(): pytest.skip(f'no {CHROMIUM} (apt-get install chromium)')
    inputs, expected = photos
    (tmp_path/'notes.png').write_text('not an image')
    Image.new('RGB', (1200, 1000)).save(tmp_path/'big.png')
    Image.open(skimage_photos()[2]).convert('RGB').resize((800, 540)).save(tmp_path/'photo.png')   # several seconds of work on a CPU
    sync_api.expect.set_options(timeout=120_000)                          # expectations wait as long as actions (default: 5 s)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        first, second = [browser.new_page(viewport={'width': 1280, 'height': 900}) for _ in range(2)]
        def upload_and_run(page, path):
            page.set_default_timeout(120_000)
            page.goto(app_url)
            page.locator('input[type=file]').first.set_input_files(str(path))
            sync_api.expect(page.locator('a[href*="/gradio_api/file="]').first).to_be_visible()   # uploaded: clicking before that sends no file
            page.get_by_label('Upscale x2').check()
            page.get_by_role('button', name='Enhance', exact=True).click()
        upload_and_run(first, tmp_path/'photo.png')
        sync_api.expect(first.get_by_text(re.compile(r'\d+/\d+ tile')).first).to_be_visible()   # progress over the tiles of a large image
        upload_and_run(second, inputs[1])
        sync_api.expect(second.get_by_text(re.compile(r'queue: \d+/\d+')).first).to_be_visible()   # one at a time: it waits, and says where
        for page, line in ((first, 'photo.png: 800x540 → 1600x1080'), (second, 'in1.png: 72x52 → 144x104')):
            report = page.get_by_label('Sizes and time')
            sync_api.expect(report).to_have_value(re.compile('1 image'))
            assert line in report.input_value()
        link = second.locator('#download a[download]').first
        got = second.request.get(link.get_attribute('href')).body()
        assert got == expected['in1.png']                                 # the download is the command line's file
        if os.environ.get('SUPERRES_APP_SCREENSHOT'): first.screenshot(path=os.environ['SUPERRES_APP_SCREENSHOT'], full_page=True)
        upload_and_run(second, tmp_path/'notes.png')
        sync_api.expect(second.get_by_text('notes.png: not an image file').first).to_be_visible()
        upload_and_run(second, tmp_path/'big.png')
        sync_api.expect(second.get_by_text(f'big.png: too large: 1200x1000 pixels exceeds the limit of {MAX_PIXELS:,}').first).to_be_visible()
        browser.close()
