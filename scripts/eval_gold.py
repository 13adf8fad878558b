"""Score the pipeline on ../shared/gold with the shared scorer.

    python scripts/eval_gold.py [--model PATH|rules] [--split all|seeds|dev] [--json]

Runs ``munifacts extract`` (the library, same code path) on the gold articles with their
titles removed (as the before-stop hook does) and prints ``score.py``'s table.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=None)
    ap.add_argument("--split", choices=["all", "seeds", "dev"], default="all")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--entities", choices=["combined", "model"], default="combined")
    ap.add_argument("--keep", default=None, help="also write the predictions to this file")
    args = ap.parse_args(argv)
    files = {"all": ["seeds", "dev"], "seeds": ["seeds"], "dev": ["dev"]}[args.split]
    if not (SHARED / "gold").exists():
        print("../shared/gold is not present", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "gold.jsonl"
        with open(gold, "w", encoding="utf-8") as fo:
            for name in files:
                for line in (SHARED / "gold" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
                    if line.strip():
                        d = json.loads(line)
                        d.pop("title", None)
                        fo.write(json.dumps(d, ensure_ascii=False) + "\n")
        pred = Path(args.keep) if args.keep else Path(tmp) / "pred.jsonl"
        from pipeline.cli import main as cli

        cmd = ["extract", str(gold), "-o", str(pred), "-q", "--entities", args.entities]
        cmd += ["--model", args.model] if args.model else []
        status = cli(cmd)
        if status == 2:
            return 2
        out = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "--gold", str(gold), "--pred",
                              str(pred)] + (["--json"] if args.json else []), capture_output=True, text=True)
        print(out.stdout, end="")
        return out.returncode


if __name__ == "__main__":
    sys.exit(main())
