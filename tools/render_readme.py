#!/usr/bin/env python
"""Render nbs/index.ipynb to README.md (nbdev's `nbdev-readme` needs Quarto, which cannot be installed
on this project's machines). Hidden cells (`#| hide`) and cell directives are dropped; image links are
made relative to the repository root. `--check` exits 1 when README.md is not up to date."""
import re, sys
from pathlib import Path
import nbformat
from nbconvert import MarkdownExporter

ROOT = Path(__file__).resolve().parents[1]

def visible(cell) -> bool:
    "False for cells hidden with an nbdev `#| hide` directive."
    return not re.search(r'^#\|\s*hide\b', cell.source, re.M)

def strip_directives(cell):
    "Remove `#| ...` directive lines from a code cell."
    if cell.cell_type == 'code': cell.source = re.sub(r'^#\|.*\n?', '', cell.source, flags=re.M)
    return cell

def render() -> str:
    "The README text rendered from nbs/index.ipynb."
    nb = nbformat.read(ROOT/'nbs'/'index.ipynb', as_version=4)
    nb.cells = [strip_directives(c) for c in nb.cells if visible(c)]
    body, _ = MarkdownExporter().from_notebook_node(nb)
    body = re.sub(r'\]\((?!https?://|/|#)', '](nbs/', body)   # links relative to nbs/ -> repo root
    note = '<!-- Rendered from nbs/index.ipynb by tools/render_readme.py: edit the notebook, not this file. -->\n\n'
    return note + re.sub(r'\n{3,}', '\n\n', body).strip() + '\n'

if __name__ == '__main__':
    text, readme = render(), ROOT/'README.md'
    if '--check' in sys.argv:
        if not readme.exists() or readme.read_text() != text:
            sys.exit('README.md is out of date with nbs/index.ipynb: run python tools/render_readme.py')
    else: readme.write_text(text)
