#!/usr/bin/env python3
"""How the reuse index's band layout meets real hashes (a measurement, not a test).

Reads the pHashes of the photos in an inspect SQLite store (e.g. after `inspect batch` of a day made by
`inspect-dev generate-day`), and for 400 lookups of stored photos against the photos of other cars counts the
candidates the radius-1 band probes meet and those left after the sibling filter, for the row-major bands and for
the diagonal layout of Sources/Store/Reuse/PHashLayout.swift. Usage: python3 scripts/reuse-index-layout.py DB
"""
import random, sqlite3, statistics, sys
c = sqlite3.connect(sys.argv[1])
rows=c.execute("select distinct p.pixel_sha256, i.vin, p.phash from photo p join inspection i on i.id=p.inspection_id where p.phash is not null").fetchall()
photos=[(r[1], int(r[2],16)) for r in rows]
def bitsof(h): return [(h>>(255-b))&1 for b in range(256)]
B=[bitsof(h) for _,h in photos]
def bandvals(bits, perm):
    # perm: list of 16 lists of 16 bit indices
    return [sum(bits[i]<<(15-j) for j,i in enumerate(band)) for band in perm]
ident=[[b*16+j for j in range(16)] for b in range(16)]
diag=[[r*16+((r+b)%16) for r in range(16)] for b in range(16)]
random.seed(3)
for name,perm in [("identity",ident),("diagonal",diag)]:
    V=[bandvals(bits,perm) for bits in B]
    idx=[{} for _ in range(16)]
    for i,v in enumerate(V):
        for b in range(16): idx[b].setdefault(v[b],[]).append(i)
    cands=[];passed=[]
    random.seed(5)
    for q in random.sample(range(len(V)),400):
        qv=V[q]; n=0;p=0
        for b in range(16):
            sib=qv[b^1]
            for probe,delta in [(qv[b],0)]+[(qv[b]^(1<<i),1) for i in range(16)]:
                for j in idx[b].get(probe,[]):
                    if photos[j][0]==photos[q][0]: continue
                    n+=1
                    if bin(V[j][b^1]^sib).count('1')<=3-delta: p+=1
        cands.append(n);passed.append(p)
    cs=sorted(cands); ps=sorted(passed)
    print(name, "candidates median %d mean %.0f p95 %d; after sibling filter median %d mean %.0f p95 %d" % (statistics.median(cs), sum(cs)/len(cs), cs[380], statistics.median(ps), sum(ps)/len(ps), ps[380]))
print("uniform expectation: candidates %.0f, after filter %.1f" % (272*len(photos)/65536, 272*len(photos)/65536*0.0106))
