#!/usr/bin/env python3
"""Checks a JSON file against Python expressions: json_check.py FILE EXPR...

Each EXPR is evaluated with `s` bound to the file's parsed content (and `d` to s["dumps"] when
present); the script fails, naming the first false expression, unless all are true."""
import json
import sys


def main():
    path, exprs = sys.argv[1], sys.argv[2:]
    with open(path) as f:
        s = json.load(f)
    d = s.get("dumps") if isinstance(s, dict) else None
    for e in exprs:
        try:
            ok = eval(e, {"s": s, "d": d, "len": len, "abs": abs, "all": all, "any": any,
                          "sum": sum, "range": range, "zip": zip})
        except Exception as exc:  # a missing key is a failure with its reason
            sys.exit("FAIL %s: %s raised %r" % (path, e, exc))
        if not ok:
            sys.exit("FAIL %s: %s" % (path, e))


if __name__ == "__main__":
    main()
