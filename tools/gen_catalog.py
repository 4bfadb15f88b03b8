#!/usr/bin/env python3
"""gen_catalog.py: turns the instance-limits table into assets/catalog.json.

The catalog ships inside the web page, so it is written compactly: a column list and
one array per instance type, one type per line, sorted by name, null for blank cells.
core/catalog.cpp (load_catalog) parses and validates the result.

Regenerate after the reference table changes, from the repository root:

    python3 tools/gen_catalog.py /work/shared/reference/instance-limits.tsv assets/catalog.json \
        --eni-max-pods eni-max-pods.txt --nodeadm instance-info.jsonl

The two optional inputs say which max-pods table lists each type (the columns eni_max_pods
and nodeadm, true or false); without them the catalog has the first ten columns only.
- eni-max-pods.txt: misc/eni-max-pods.txt of aws/amazon-vpc-cni-k8s, the published table
  (https://raw.githubusercontent.com/aws/amazon-vpc-cni-k8s/master/misc/eni-max-pods.txt).
  Every value it gives must equal ENIs x (IPv4 per ENI - 1) + 2 from the table, or the
  generator stops: the catalog then disagrees with AWS's own numbers.
- instance-info.jsonl: nodeadm/internal/kubelet/instance-info.jsonl of awslabs/amazon-eks-ami,
  the table nodeadm (the AL2023 EKS AMI) computes max-pods from at boot. Its defaultMaxENIs
  and ipv4AddressesPerInterface must match the table too.
The shipped catalog was generated from amazon-vpc-cni-k8s 6152e01c (2026-08-11) and
amazon-eks-ami 4d63a3bc (2026-07-01).

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
LISTED_COLUMNS = ["eni_max_pods", "nodeadm"]
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


def formula(row):
    """ENIs x (IPv4 per ENI - 1) + 2 for a row of JSON values."""
    return row[3] * (row[4] - 1) + 2


def read_eni_max_pods(path, rows):
    """The set of types eni-max-pods.txt lists; stops if a value disagrees with the table."""
    by_name = {r[0]: r for r in rows}
    listed = set()
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split()
            where = f"{os.path.basename(path)} line {number}"
            if len(parts) != 2 or not parts[1].isdigit():
                fail(f"{where}: expected 'TYPE MAX_PODS', got {line!r}")
            name, value = parts[0], int(parts[1])
            if name in by_name and formula(by_name[name]) != value:
                fail(f"{where}: {name} max-pods {value}, the table gives {formula(by_name[name])}")
            listed.add(name)
    return listed


def read_nodeadm(path, rows):
    """The set of types nodeadm's instance-info.jsonl lists; stops if its limits disagree."""
    by_name = {r[0]: r for r in rows}
    listed = set()
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            where = f"{os.path.basename(path)} line {number}"
            try:
                entry = json.loads(line)
                name = entry["instanceType"]
                enis, ips = entry["defaultMaxENIs"], entry["ipv4AddressesPerInterface"]
            except (ValueError, KeyError, TypeError):
                fail(f"{where}: expected an object with instanceType, defaultMaxENIs and "
                     "ipv4AddressesPerInterface")
            row = by_name.get(name)
            if row is not None and (row[3], row[4]) != (enis, ips):
                fail(f"{where}: {name} has {enis} ENIs x {ips} IPv4, the table {row[3]} x {row[4]}")
            listed.add(name)
    return listed


def render(source, rows):
    """The compact JSON text: one instance type per line."""
    dump = lambda v: json.dumps(v, separators=(",", ":"), ensure_ascii=True)
    columns = JSON_COLUMNS + (LISTED_COLUMNS if rows and len(rows[0]) > len(JSON_COLUMNS) else [])
    lines = ["{" + f'"version":1,"source":{dump(source)},"columns":{dump(columns)},"types":[']
    lines += [dump(r) + ("," if i + 1 < len(rows) else "") for i, r in enumerate(rows)]
    lines.append("]}")
    return "\n".join(lines) + "\n"


USAGE = ("usage: gen_catalog.py INSTANCE_LIMITS_TSV OUTPUT_JSON "
         "[--eni-max-pods ENI_MAX_PODS_TXT --nodeadm INSTANCE_INFO_JSONL]")


def main(argv):
    args = argv[1:]
    extra = {}
    while len(args) > 2:
        if len(args) < 4 or args[2] not in ("--eni-max-pods", "--nodeadm") or args[2] in extra:
            fail(USAGE)
        extra[args[2]] = args[3]
        del args[2:4]
    if len(args) != 2 or len(extra) == 1:
        fail(USAGE)
    comments, rows = read_table(args[0])
    source = source_text(args[0], comments)
    if extra:
        in_file = read_eni_max_pods(extra["--eni-max-pods"], rows)
        in_nodeadm = read_nodeadm(extra["--nodeadm"], rows)
        for r in rows:
            r += [r[0] in in_file, r[0] in in_nodeadm]
        source += (f" Max-pods tables: eni-max-pods.txt (amazon-vpc-cni-k8s) lists "
                   f"{sum(r[10] for r in rows)} of these types, nodeadm's instance-info.jsonl "
                   f"(amazon-eks-ami) {sum(r[11] for r in rows)}.")
    text = render(source, rows)
    with open(argv[2], "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"gen_catalog: wrote {len(rows)} instance types to {argv[2]}")


if __name__ == "__main__":
    main(sys.argv)
