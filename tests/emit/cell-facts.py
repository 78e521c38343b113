#!/usr/bin/env python3
"""Checks facts in revision 14 .cell files, read with the offsets of
../shared/jailhouse-abi.md (independently of autojail's own reader):

  cell-facts.py irqs ROOT GUEST     the guest's ivshmem INTx is granted in
                                    both cells; the root's slices start at
                                    32, 160, 288
  cell-facts.py ivshmem ROOT GUEST  both devices share a bdf and 2+peers
                                    regions laid out as the ABI says
  cell-facts.py ivshmem9 ROOT GUEST revision 9: both devices share a bdf and
                                    one region, the same memory in both
Exit 0 when every fact holds; the first one that fails is printed."""
import struct
import sys


def parse(path):
    d = open(path, "rb").read()
    if d[:5] == b"JHSYS":
        base = 356
    elif d[:5] == b"JHCLL":
        base = 0
    else:
        raise SystemExit(f"{path}: not a revision 14 file")
    hdr = 488 if base else 132
    (cpu_set, n_mem, n_cache, n_irq, n_pio, n_pci, n_caps, n_sid,
     vpci) = struct.unpack_from("<9I", d, base + 48)
    off = hdr + cpu_set
    mem = [struct.unpack_from("<4Q", d, off + 32 * i) for i in range(n_mem)]
    off += 32 * n_mem + 12 * n_cache
    chips = []
    for i in range(n_irq):
        addr, cid, pin_base, *bitmap = struct.unpack_from("<QII4I", d, off + 32 * i)
        chips.append((pin_base, bitmap))
    off += 32 * n_irq + 4 * n_pio
    pci = []
    for i in range(n_pci):
        p = d[off + 56 * i: off + 56 * (i + 1)]
        pci.append({"type": p[0], "bdf": struct.unpack_from("<H", p, 4)[0],
                    "start": struct.unpack_from("<I", p, 48)[0],
                    "dev_id": p[52], "peers": p[53]})
    return {"mem": mem, "chips": chips, "pci": pci, "vpci": vpci}


def parse9(path):
    d = open(path, "rb").read()
    base = {b"JHSYST": 262, b"JHCELL": 0}.get(d[:6])
    if base is None:
        raise SystemExit(f"{path}: not a revision 9 file")
    hdr = 358 if base else 96
    (cpu_set, n_mem, n_cache, n_irq, pio_bytes, n_pci) = struct.unpack_from("<6I", d, base + 48)
    off = hdr + cpu_set
    mem = [struct.unpack_from("<4Q", d, off + 32 * i) for i in range(n_mem)]
    off += 32 * n_mem + 12 * n_cache + 32 * n_irq + pio_bytes
    pci = []
    for i in range(n_pci):
        p = d[off + 56 * i: off + 56 * (i + 1)]
        pci.append({"type": p[0], "bdf": struct.unpack_from("<H", p, 4)[0],
                    "region": struct.unpack_from("<I", p, 48)[0],
                    "proto": struct.unpack_from("<H", p, 52)[0]})
    return {"mem": mem, "pci": pci}


def check_ivshmem9(root, guest):
    a, b = ivshmem(root), ivshmem(guest)
    if a["bdf"] != b["bdf"] or a["proto"] != b["proto"]:
        raise SystemExit(f"devices do not pair up: {a} {b}")
    ra, rb = root["mem"][a["region"]], guest["mem"][b["region"]]
    if (ra[0], ra[2]) != (rb[0], rb[2]) or not ra[2]:
        raise SystemExit(f"the cells share no memory: {ra} {rb}")
    if not rb[3] & 0x80:
        raise SystemExit(f"the guest's shared region {rb} lacks ROOTSHARED")


def granted(cell, irq):
    for pin_base, bitmap in cell["chips"]:
        if pin_base <= irq < pin_base + 128:
            n = irq - pin_base
            return bool(bitmap[n // 32] >> (n % 32) & 1)
    return False


def ivshmem(cell):
    devs = [p for p in cell["pci"] if p["type"] == 3]
    if len(devs) != 1:
        raise SystemExit(f"expected one ivshmem device, found {len(devs)}")
    return devs[0]


def check_irqs(root, guest):
    bases = [c[0] for c in root["chips"]]
    if bases[:3] != [32, 160, 288]:
        raise SystemExit(f"root irqchip slices start at {bases}")
    for name, cell in (("root", root), ("guest", guest)):
        dev = ivshmem(cell)
        irq = 32 + cell["vpci"] + ((dev["bdf"] >> 3) & 3)
        if not granted(cell, irq):
            raise SystemExit(f"{name}: ivshmem INTx {irq} not in its irqchip bitmap")


def check_ivshmem(root, guest):
    a, b = ivshmem(root), ivshmem(guest)
    if a["bdf"] != b["bdf"] or a["peers"] != b["peers"] or a["dev_id"] == b["dev_id"]:
        raise SystemExit(f"devices do not pair up: {a} {b}")
    n = 2 + a["peers"]
    layouts = []
    for name, cell, dev in (("root", root, a), ("guest", guest, b)):
        regs = cell["mem"][dev["start"]:dev["start"] + n]
        if len(regs) != n:
            raise SystemExit(f"{name}: regions {dev['start']}.. run past the end")
        state, rw, *outs = regs
        if state[2] != 0x1000 or state[3] & 0x2:
            raise SystemExit(f"{name}: state table {state} is not a read-only page")
        for i, out in enumerate(outs):
            writable = bool(out[3] & 0x2)
            if writable != (i == dev["dev_id"]) or out[2] != outs[0][2]:
                raise SystemExit(f"{name}: output {i} {out} (peer {dev['dev_id']})")
        virt = [r[1] for r in regs if r[2]]
        ends = [r[1] + r[2] for r in regs if r[2]]
        if any(v != e for v, e in zip(virt[1:], ends)):
            raise SystemExit(f"{name}: sections not consecutive: {regs}")
        layouts.append([(r[0], r[2]) for r in regs])
    if layouts[0] != layouts[1]:
        raise SystemExit(f"the cells map different memory: {layouts}")


def main():
    what = sys.argv[1]
    reader = parse9 if what == "ivshmem9" else parse
    checks = {"irqs": check_irqs, "ivshmem": check_ivshmem, "ivshmem9": check_ivshmem9}
    checks[what](reader(sys.argv[2]), reader(sys.argv[3]))


main()
