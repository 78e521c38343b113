#!/usr/bin/env python3
"""A stand-in for the board's `jailhouse` command in the SSH tests.

It checks the signature, revision and length of the .cell files it is
given, keeps the hypervisor's state in a sysfs-like tree under
$AUTOJAIL_BOARD_ROOT/sys/devices/jailhouse, and logs every call to
$AUTOJAIL_BOARD_ROOT/jailhouse.log. A line "VERB" in
$AUTOJAIL_BOARD_ROOT/fail-on (e.g. "cell start") makes that step fail, so
that rollback can be tested.
"""
import os
import shlex
import struct
import sys

ROOT = os.environ.get("AUTOJAIL_BOARD_ROOT", "/nonexistent")
SYSFS = os.path.join(ROOT, "sys/devices/jailhouse")

# (signature, revision) -> (descriptor offset in the file, descriptor size,
# offsets of the counts in the descriptor, element sizes, revision).
V14_COUNTS = [(48, 1), (52, 32), (56, 12), (60, 32), (64, 4), (68, 56), (72, 8), (76, 4)]
V9_COUNTS = [(48, 1), (52, 32), (56, 12), (60, 32), (64, 1), (68, 56), (72, 8)]
LAYOUTS = {
    b"JHSYS": (356, 132, V14_COUNTS, 14, 6),
    b"JHCLL": (0, 132, V14_COUNTS, 14, 6),
    b"JHSYST": (262, 96, V9_COUNTS, 9, 6),
    b"JHCELL": (0, 96, V9_COUNTS, 9, 6),
}


def fail(msg):
    print("jailhouse: " + msg, file=sys.stderr)
    sys.exit(1)


def check_cell(path, want_system):
    try:
        data = open(path, "rb").read()
    except OSError as e:
        fail("cannot read %s: %s" % (path, e.strerror))
    for sig, (desc, size, counts, rev, revoff) in LAYOUTS.items():
        if not data.startswith(sig) or data[len(sig):len(sig) + 1] == b"T":
            continue
        if (sig in (b"JHSYS", b"JHSYST")) != want_system:
            fail("%s: not a %s configuration" % (path, "system" if want_system else "cell"))
        revision = struct.unpack_from("<H", data, revoff)[0]
        if revision != rev:
            fail("%s: revision %d, expected %d" % (path, revision, rev))
        if len(data) < desc + size:
            fail("%s: truncated" % path)
        total = desc + size
        for off, elem in counts:
            total += struct.unpack_from("<I", data, desc + off)[0] * elem
        if total != len(data):
            fail("%s: length %d, the counts say %d" % (path, len(data), total))
        name = data[desc + 8:desc + 40].split(b"\0")[0].decode()
        cpus = struct.unpack_from("<Q", data, desc + size)[0] if total > desc + size else 0
        return name, cpus
    fail("%s: not a Jailhouse configuration" % path)


def should_fail(verb):
    try:
        return verb in open(os.path.join(ROOT, "fail-on")).read().splitlines()
    except OSError:
        return False


def cells():
    d = os.path.join(SYSFS, "cells")
    return sorted(int(x) for x in os.listdir(d)) if os.path.isdir(d) else []


def cell_dir(name):
    for cid in cells():
        p = os.path.join(SYSFS, "cells", str(cid))
        if open(os.path.join(p, "name")).read().strip() == name:
            return p
    fail("cell %s does not exist" % name)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text + "\n")


def cpulist(mask):
    return ",".join(str(i) for i in range(64) if mask >> i & 1)


def enabled():
    try:
        return open(os.path.join(SYSFS, "enabled")).read().strip() == "1"
    except OSError:
        return False


def main(argv):
    with open(os.path.join(ROOT, "jailhouse.log"), "a") as log:
        log.write(" ".join(shlex.quote(a) for a in argv) + "\n")
    verb = " ".join(argv[:2]) if argv[:1] == ["cell"] else (argv[0] if argv else "")
    if should_fail(verb):
        fail("%s failed (injected)" % verb)
    if verb == "enable":
        if enabled():
            fail("already enabled")
        name, cpus = check_cell(argv[1], True)
        write(os.path.join(SYSFS, "enabled"), "1")
        d = os.path.join(SYSFS, "cells/0")
        write(os.path.join(d, "name"), name)
        write(os.path.join(d, "state"), "running")
        write(os.path.join(d, "cpus_assigned_list"), cpulist(cpus))
    elif verb == "disable":
        if not enabled():
            fail("not enabled")
        if len(cells()) > 1:
            fail("cells still exist")
        for root, dirs, files in os.walk(os.path.join(SYSFS, "cells"), topdown=False):
            for f in files:
                os.unlink(os.path.join(root, f))
            for d in dirs:
                os.rmdir(os.path.join(root, d))
        write(os.path.join(SYSFS, "enabled"), "0")
    elif verb == "cell create":
        if not enabled():
            fail("hypervisor not enabled")
        name, cpus = check_cell(argv[2], False)
        cid = max(cells()) + 1
        d = os.path.join(SYSFS, "cells", str(cid))
        write(os.path.join(d, "name"), name)
        write(os.path.join(d, "state"), "shut down")
        write(os.path.join(d, "cpus_assigned_list"), cpulist(cpus))
    elif verb == "cell load":
        d = cell_dir(argv[2])
        args = argv[3:]
        for i, a in enumerate(args):
            after_flag = i > 0 and args[i - 1] in ("-a", "-s")
            if a not in ("-a", "-s") and not after_flag and not os.path.isfile(a):
                fail("cannot read image %s" % a)
        write(os.path.join(d, "state"), "shut down")
    elif verb == "cell start":
        write(os.path.join(cell_dir(argv[2]), "state"), "running")
        with open(os.path.join(SYSFS, "console"), "a") as f:
            f.write("Started cell \"%s\"\n" % argv[2])
    elif verb == "cell shutdown":
        write(os.path.join(cell_dir(argv[2]), "state"), "shut down")
    elif verb == "cell destroy":
        d = cell_dir(argv[2])
        for f in os.listdir(d):
            os.unlink(os.path.join(d, f))
        os.rmdir(d)
    elif verb == "cell linux":
        name, cpus = check_cell(argv[2], False)
        main(["cell", "create", argv[2]])
        main(["cell", "start", name])
    elif verb == "cell list":
        for cid in cells():
            d = os.path.join(SYSFS, "cells", str(cid))
            print("%-8d%-24s%-16s%s" % (cid, open(d + "/name").read().strip(),
                                       open(d + "/state").read().strip(),
                                       open(d + "/cpus_assigned_list").read().strip()))
    elif verb == "console":
        try:
            sys.stdout.write(open(os.path.join(SYSFS, "console")).read())
        except OSError:
            pass
    else:
        fail("unknown command: %s" % " ".join(argv))


if __name__ == "__main__":
    main(sys.argv[1:])
