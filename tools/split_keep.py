#!/usr/bin/env python3
"""split_keep.py: turns web/split-keep.txt into the exact list wasm-split takes.

Link-time optimisation numbers some local functions ("strtox.3724",
"ImQsort(...) (.3410)"), and the numbers move whenever unrelated code changes. The
committed list names functions without those numbers (tools/split_profile.mjs writes it
so); this matches every function of the module whose name, without its number, is listed,
and writes the module's own names for wasm-split --keep-funcs (docs/size.md).

  split_keep.py --wasm-split PATH --module campus.wasm.orig --keep web/split-keep.txt --out FILE
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

# wasm-split prints names escaped: "(" is \28, ")" \29, " " \20, "," \2c.
NUMBERED = re.compile(r"(\\20\\28\.\d+\\29|\.\d+)$")


def normalise(name: str) -> str:
    """The name without the number link-time optimisation gave it."""
    return NUMBERED.sub("", name)


def module_functions(wasm_split: str, module: str) -> list:
    """Every function of the module, as wasm-split names them."""
    with tempfile.TemporaryDirectory() as tmp:
        empty = os.path.join(tmp, "none.txt")
        open(empty, "w").close()
        out = subprocess.run(
            [wasm_split, "--enable-mutable-globals", "--export-prefix=%", module,
             "--keep-funcs=@" + empty, "-v", "-o1", os.path.join(tmp, "1.wasm"),
             "-o2", os.path.join(tmp, "2.wasm")],
            check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("Splitting out functions: "):
            return [n for n in line[len("Splitting out functions: "):].split(", ") if n]
    sys.exit("split_keep.py: wasm-split listed no functions for " + module)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wasm-split", required=True)
    ap.add_argument("--module", required=True)
    ap.add_argument("--keep", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    with open(args.keep, encoding="utf-8") as f:
        wanted = {normalise(line.strip()) for line in f if line.strip()}
    names = module_functions(args.wasm_split, args.module)
    kept = [n for n in names if normalise(n) in wanted]
    found = {normalise(n) for n in kept}
    missing = len(wanted - found)
    with open(args.out + ".tmp", "w", encoding="utf-8") as f:
        f.write("\n".join(kept) + "\n")
    os.replace(args.out + ".tmp", args.out)
    print(f"split_keep.py: {len(kept)} of {len(names)} functions stay in campus.wasm"
          + (f" ({missing} listed names are no longer in the module)" if missing else ""))


if __name__ == "__main__":
    main()
