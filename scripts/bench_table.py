#!/usr/bin/env python3
"""Gathers the BENCH lines benchmarks print (tests/benchmarks/BenchFigure.h) into one table.

    bench_table.py LOG...   prints a Markdown table: figure, value, ratio, target, held.
Exit status 0 when every figure held, 1 otherwise (the table is printed either way).
"""
import json
import sys


def fmt(value, unit):
    if unit in ("ms", "s"):
        text = f"{value:.1f} {unit}" if value < 100 else f"{value:.0f} {unit}"
    elif unit in ("/s",):
        text = f"{value:,.0f}{unit}" if value >= 100 else f"{value:.1f}{unit}"
    elif unit == "MiB":
        text = f"{value:.1f} MiB"
    else:
        text = f"{value:g} {unit}".strip()
    return text


def main(paths):
    rows = []
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                if not line.startswith("BENCH "):
                    continue
                try:
                    rows.append(json.loads(line[6:]))
                except json.JSONDecodeError:
                    print(f"bench_table: unreadable line in {path}: {line.strip()}", file=sys.stderr)
    if not rows:
        print("bench_table: no figures found", file=sys.stderr)
        return 1
    print("| benchmark | figure | value | ratio | target | held |")
    print("|---|---|---:|---:|---|:---:|")
    held_all = True
    for r in rows:
        ratio = r.get("ratio", -1)
        ratio_text = f"{ratio:.2f}" if isinstance(ratio, (int, float)) and ratio >= 0 else "–"
        held = bool(r.get("held"))
        held_all &= held
        print(f"| {r.get('bench', '')} | {r.get('figure', '')} | {fmt(r.get('value', 0), r.get('unit', ''))}"
              f" | {ratio_text} | {r.get('target', '')} | {'yes' if held else '**no**'} |")
    return 0 if held_all else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
