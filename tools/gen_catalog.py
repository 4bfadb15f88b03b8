#!/usr/bin/env python3
"""gen_catalog.py: turns the instance-limits table into assets/catalog.json.

The catalog ships inside the web page, so it is written compactly: a column list and
one array per instance type, one type per line, sorted by name, null for blank cells.
core/catalog.cpp (load_catalog) parses and validates the result.

Regenerate after the reference table changes, from the repository root:

    python3 tools/gen_catalog.py /work/shared/reference/instance-limits.tsv assets/catalog.json

Input: tab-separated, lines starting with '#' are comments, the first other line is
the header (instance_type, vcpus, memory_mib, max_enis, ipv4_per_eni, hypervisor,
is_bare_metal, branch_enis, network_cards, enis_all_cards). Python 3 standard
library only. Exits non-zero with a message naming the line if the table is malformed.
"""

import json
import os
import sys

TSV_COLUMNS = [
    "instance_type", "vcpus", "memory_mib", "max_enis", "ipv4_per_eni", "hypervisor",
    "is_bare_metal", "branch_enis", "network_cards", "enis_all_cards",
]
JSON_COLUMNS = [
    "name", "vcpus", "memory_mib", "max_enis", "ipv4_per_eni", "hypervisor",
    "bare_metal", "branch_enis", "network_cards", "enis_all_cards",
]
INT_COLUMNS = {"vcpus", "memory_mib", "max_enis", "ipv4_per_eni", "branch_enis",
               "network_cards", "enis_all_cards"}
NULLABLE = {"vcpus", "memory_mib", "branch_enis"}
HYPERVISORS = {"nitro", "xen", "unknown"}


def fail(message):
    sys.exit("gen_catalog: " + message)


def parse_cell(column, text, where):
    """Converts one TSV cell to its JSON value (None for a blank nullable cell)."""
    if text == "":
        if column in NULLABLE:
            return None
        fail(f"{where}: {column} is blank")
    if column in INT_COLUMNS:
        if not text.isdigit():
            fail(f"{where}: {column} is not a whole number: {text!r}")
        return int(text)
    if column == "is_bare_metal":
        if text not in ("true", "false"):
            fail(f"{where}: is_bare_metal must be true or false, got {text!r}")
        return text == "true"
    if column == "hypervisor" and text not in HYPERVISORS:
        fail(f"{where}: hypervisor must be one of {sorted(HYPERVISORS)}, got {text!r}")
    return text


def read_table(path):
    """Returns (comment lines, rows as lists of JSON values) from the TSV file."""
    comments, header, rows, names = [], None, [], set()
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            line = line.rstrip("\r\n")
            if line.startswith("#"):
                comments.append(line.lstrip("# ").strip())
                continue
            if not line.strip():
                continue
            cells = line.split("\t")
            where = f"{os.path.basename(path)} line {number}"
            if header is None:
                if cells != TSV_COLUMNS:
                    fail(f"{where}: expected header {TSV_COLUMNS}, got {cells}")
                header = cells
                continue
            if len(cells) != len(TSV_COLUMNS):
                fail(f"{where}: expected {len(TSV_COLUMNS)} cells, got {len(cells)}")
            row = [parse_cell(c, t, where) for c, t in zip(TSV_COLUMNS, cells)]
            if row[0] in names:
                fail(f"{where}: duplicate instance type {row[0]}")
            names.add(row[0])
            rows.append(row)
    if header is None or not rows:
        fail(f"{path}: no header or no rows")
    rows.sort(key=lambda r: r[0])
    return comments, rows


def source_text(path, comments):
    """The 'source' field: the table's file name and the sources its comments cite."""
    text = " ".join(comments)
    cited = text.split("Sources:", 1)[1].strip() if "Sources:" in text else ""
    name = os.path.basename(path)
    return f"{name}: {cited}" if cited else name


def render(source, rows):
    """The compact JSON text: one instance type per line."""
    dump = lambda v: json.dumps(v, separators=(",", ":"), ensure_ascii=True)
    lines = ["{" + f'"version":1,"source":{dump(source)},"columns":{dump(JSON_COLUMNS)},"types":[']
    lines += [dump(r) + ("," if i + 1 < len(rows) else "") for i, r in enumerate(rows)]
    lines.append("]}")
    return "\n".join(lines) + "\n"


def main(argv):
    if len(argv) != 3:
        fail("usage: gen_catalog.py INSTANCE_LIMITS_TSV OUTPUT_JSON")
    comments, rows = read_table(argv[1])
    text = render(source_text(argv[1], comments), rows)
    with open(argv[2], "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"gen_catalog: wrote {len(rows)} instance types to {argv[2]}")


if __name__ == "__main__":
    main(sys.argv)
