#!/usr/bin/env python3
"""Checks the structure of a Kanata 0004 pipeline trace written by snapsim's pipeline models.

usage: check_kanata.py TRACE

Every instruction is introduced once (I, ids counting from 0) and labelled (L) before its
stages; its stages start and end alternately (S then E of the same stage), in pipeline order
(F.. D.. Is Ex Mem Cm), each stage at most once; it leaves exactly once (R): retired (type 0)
after its Cm stage ended, with retire ids counting from 0, or flushed (type 1) with no stage
open; nothing mentions it afterwards.  Time moves forward only (C deltas are positive), and
the trace ends with every instruction gone.
"""
import sys

ORDER = ["F", "F1", "F2", "F3", "F4", "D", "D1", "D2", "D3", "D4", "Is", "Ex", "Mem", "Cm"]
RANK = {name: i for i, name in enumerate(ORDER)}


def check(path):
    errors = []

    def bad(lineno, msg):
        errors.append("%s:%d: %s" % (path, lineno, msg))
        if len(errors) >= 20:
            raise StopIteration

    insns = {}          # id -> {"stages": [...], "open": stage or None, "gone": bool, "label": bool}
    next_id = 0
    next_retire = 0
    retired = flushed = 0
    cycle = None
    try:
        with open(path) as f:
            lines = f.read().split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        if not lines or lines[0] != "Kanata\t0004":
            bad(1, "first line must be 'Kanata\\t0004'")
        for lineno, line in enumerate(lines[1:], start=2):
            fields = line.split("\t")
            kind = fields[0]
            if kind == "C=":
                if cycle is not None:
                    bad(lineno, "C= after the start")
                cycle = int(fields[1])
                continue
            if cycle is None:
                bad(lineno, "event before the C= line")
                cycle = 0
            if kind == "C":
                delta = int(fields[1])
                if delta <= 0:
                    bad(lineno, "time does not advance (C %d)" % delta)
                cycle += delta
                continue
            if len(fields) < 4:
                bad(lineno, "too few fields: %r" % line)
                continue
            ident = int(fields[1])
            if kind == "I":
                if ident != next_id:
                    bad(lineno, "instruction id %d, expected %d" % (ident, next_id))
                next_id = max(next_id, ident + 1)
                if ident in insns:
                    bad(lineno, "id %d introduced twice" % ident)
                insns[ident] = {"stages": [], "open": None, "gone": False, "label": False}
                continue
            ins = insns.get(ident)
            if ins is None:
                bad(lineno, "id %d used before I" % ident)
                continue
            if ins["gone"]:
                bad(lineno, "id %d used after R" % ident)
                continue
            if kind == "L":
                ins["label"] = True
            elif kind == "S":
                stage = fields[3]
                if stage not in RANK:
                    bad(lineno, "unknown stage %r" % stage)
                elif ins["open"] is not None:
                    bad(lineno, "id %d starts %s with %s still open" % (ident, stage, ins["open"]))
                elif ins["stages"] and RANK[stage] <= RANK[ins["stages"][-1]]:
                    bad(lineno, "id %d: %s after %s" % (ident, stage, ins["stages"][-1]))
                elif not ins["label"]:
                    bad(lineno, "id %d has stages but no label" % ident)
                ins["stages"].append(stage)
                ins["open"] = stage
            elif kind == "E":
                if ins["open"] != fields[3]:
                    bad(lineno, "id %d ends %s but %s is open" % (ident, fields[3], ins["open"]))
                ins["open"] = None
            elif kind == "R":
                rid, rtype = int(fields[2]), int(fields[3])
                if ins["open"] is not None:
                    bad(lineno, "id %d leaves with %s open" % (ident, ins["open"]))
                if rtype == 0:
                    if rid != next_retire:
                        bad(lineno, "retire id %d, expected %d" % (rid, next_retire))
                    next_retire = rid + 1
                    if ins["stages"][-4:] != ["Is", "Ex", "Mem", "Cm"]:
                        bad(lineno, "id %d retired after stages %s" % (ident, ins["stages"]))
                    retired += 1
                elif rtype == 1:
                    flushed += 1
                else:
                    bad(lineno, "R type %d" % rtype)
                ins["gone"] = True
            else:
                bad(lineno, "unknown command %r" % kind)
        for ident, ins in insns.items():
            if not ins["gone"]:
                bad(len(lines), "id %d never leaves the pipeline" % ident)
                break
    except StopIteration:
        pass
    except (ValueError, IndexError) as e:
        errors.append("%s: malformed line: %s" % (path, e))
    return errors, retired, flushed


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.split("\n\n")[1])
    errors, retired, flushed = check(sys.argv[1])
    if errors:
        print("\n".join(errors))
        sys.exit("FAIL: %s is not a well-formed trace" % sys.argv[1])
    if retired == 0:
        sys.exit("FAIL: no instruction retired in %s" % sys.argv[1])
    print("PASS: %d retired, %d flushed" % (retired, flushed))


if __name__ == "__main__":
    main()
