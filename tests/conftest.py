from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_EVENT = SEEDS / "kim-putin-summit-2023"
DUC2006 = ROOT.parent / "shared" / "eval" / "duc2006"


@pytest.fixture
def duc2006() -> Path:
    if not DUC2006.is_dir():
        pytest.skip(f"DUC 2006 data not found at {DUC2006} (it lives beside the project, "
                    "in ../shared/eval/duc2006, and is never committed)")
    return DUC2006


def write_event(root: Path, slug: str, files: dict[str, str | bytes]) -> Path:
    folder = root / slug
    folder.mkdir(parents=True)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder
