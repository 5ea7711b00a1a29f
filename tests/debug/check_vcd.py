#!/usr/bin/env python3
"""Checks a value change dump against the VCD grammar (IEEE 1364-2005, section 18.2).

usage: check_vcd.py FILE [--signals NAME,...] [--from T] [--to T]

Header: declaration commands `$keyword ... $end` ($date, $version, $timescale, $comment, $scope,
$upscope, $var), balanced scopes, each $var `type width id reference`, ending with
$enddefinitions.  Body: `#time` (strictly increasing), scalar changes `[01xzXZ]id`, vector changes
`b[01xzXZ]+ id` no wider than the variable, real changes `r<number> id`, $dumpvars/$dumpall/
$dumpon/$dumpoff ... $end blocks and $comment; every id declared.  --signals requires the named
variables (dotted scope paths, e.g. pipeline.Ex.pc); --from/--to require the first/last time to be
at most/at least T.  Prints "first LAST" times on success.
"""
import re
import sys

VAR_TYPES = {"event", "integer", "parameter", "real", "realtime", "reg", "supply0", "supply1",
             "time", "tri", "triand", "trior", "trireg", "tri0", "tri1", "wand", "wire", "wor"}


def fail(msg):
    print(f"check_vcd: {msg}")
    sys.exit(1)


def main():
    args = sys.argv[1:]
    if not args:
        fail("usage: check_vcd.py FILE [--signals A,B] [--from T] [--to T]")
    path, opts = args[0], dict(zip(args[1::2], args[2::2]))
    tokens = open(path).read().split()
    i, scopes, ids, names, defined = 0, [], {}, set(), False
    while i < len(tokens) and not defined:
        t = tokens[i]
        if not t.startswith("$"):
            fail(f"token {i}: expected a declaration command, got {t!r}")
        try:
            end = tokens.index("$end", i + 1)
        except ValueError:
            fail(f"token {i}: {t} without $end")
        body = tokens[i + 1:end]
        if t == "$scope":
            if len(body) != 2:
                fail(f"token {i}: $scope needs a type and a name")
            scopes.append(body[1])
        elif t == "$upscope":
            if not scopes or body:
                fail(f"token {i}: unbalanced $upscope")
            scopes.pop()
        elif t == "$var":
            if len(body) not in (4, 5) or body[0] not in VAR_TYPES or not body[1].isdigit() \
                    or int(body[1]) < 1:
                fail(f"token {i}: bad $var {' '.join(body)}")
            ids.setdefault(body[2], int(body[1]))
            names.add(".".join(scopes + [body[3]]))
        elif t == "$enddefinitions":
            if scopes:
                fail("$enddefinitions inside a scope")
            defined = True
        elif t not in ("$date", "$version", "$timescale", "$comment"):
            fail(f"token {i}: unknown declaration command {t}")
        i = end + 1
    if not defined:
        fail("no $enddefinitions")
    if not ids:
        fail("no variables")
    times, in_block = [], False
    while i < len(tokens):
        t = tokens[i]
        if t.startswith("#"):
            if not t[1:].isdigit():
                fail(f"token {i}: bad time {t}")
            if times and int(t[1:]) <= times[-1]:
                fail(f"token {i}: time {t} does not increase")
            times.append(int(t[1:]))
        elif t in ("$dumpvars", "$dumpall", "$dumpon", "$dumpoff"):
            if in_block:
                fail(f"token {i}: nested {t}")
            in_block = True
        elif t == "$end":
            if not in_block:
                fail(f"token {i}: stray $end")
            in_block = False
        elif t == "$comment":
            i = tokens.index("$end", i + 1)
        elif t[0] in "bBrR":
            if i + 1 >= len(tokens) or tokens[i + 1] not in ids:
                fail(f"token {i}: vector change without a declared id")
            if t[0] in "bB" and (not re.fullmatch(r"[01xzXZ]+", t[1:]) or len(t) - 1 > ids[tokens[i + 1]]):
                fail(f"token {i}: bad vector value {t} for a {ids[tokens[i + 1]]}-bit variable")
            if t[0] in "rR" and not re.fullmatch(r"[-+0-9.eE]+", t[1:]):
                fail(f"token {i}: bad real value {t}")
            i += 1
        elif t[0] in "01xzXZ":
            if t[1:] not in ids:
                fail(f"token {i}: scalar change of undeclared id {t[1:]!r}")
            if ids[t[1:]] != 1:
                fail(f"token {i}: scalar change of a {ids[t[1:]]}-bit variable")
        else:
            fail(f"token {i}: unexpected {t!r}")
        i += 1
    if in_block:
        fail("unterminated $dump block")
    if not times:
        fail("no time steps")
    for name in filter(None, opts.get("--signals", "").split(",")):
        if name not in names:
            fail(f"no variable {name}")
    if "--from" in opts and times[0] > int(opts["--from"]):
        fail(f"starts at time {times[0]}, after {opts['--from']}")
    if "--to" in opts and times[-1] < int(opts["--to"]):
        fail(f"ends at time {times[-1]}, before {opts['--to']}")
    print(times[0], times[-1])


main()
