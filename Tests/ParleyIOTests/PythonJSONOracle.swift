/// The Python side of ``LoaderDifferentialTests``: for each file given, one line
/// `NAME<TAB>VERDICT<TAB>DETAIL`. VERDICT is `ACCEPT` (DETAIL: the graph in the canonical
/// form of ``canonicalForm(_:)``), `REJECT` (Python's json or the format's rules refuse it), or
/// `STRICT` (Python's json accepts something the loader documents as an error; DETAIL: the
/// comma-separated reasons `nan-infinity`, `big-int`, `float-overflow`, `lone-surrogate`,
/// `duplicate-key` (outside `meta`), `nesting-depth` (in `meta`)).
let pythonJSONOracle = #"""
import json, struct, sys
sys.setrecursionlimit(10000)
try:
    sys.set_int_max_str_digits(0)
except AttributeError:
    pass
INT_MIN, INT_MAX = -2**63, 2**63 - 1

class Obj(dict):
    """A JSON object that remembers whether a key was repeated (Python keeps the last)."""
    duplicate = False

def pairs(ps):
    o = Obj(ps)
    o.duplicate = len(o) != len(ps)
    return o

def esc(s):
    return '"' + ''.join(c if 0x20 <= ord(c) < 0x7f and c not in '"\\' else '\\u{%x}' % ord(c) for c in s) + '"'

def val(v):
    if v is None: return 'null'
    if v is True: return 'true'
    if v is False: return 'false'
    if isinstance(v, int): return 'i:%d' % v
    if isinstance(v, float): return 'f:%016x' % struct.unpack('<Q', struct.pack('<d', v))[0]
    if isinstance(v, str): return 's:' + esc(v)
    return '[' + ','.join(val(x) for x in v) + ']'

def props(d):
    items = sorted(((esc(k), val(v)) for k, v in d.items() if v is not None))
    return '{' + ','.join(k + '=' + v for k, v in items) + '}'

class Bad(Exception): pass

def scalar(v):
    return v is None or isinstance(v, (bool, int, float, str))

def check_value(v, where):
    if isinstance(v, list):
        for x in v:
            if not scalar(x): raise Bad(where + ': nested value in a list')
    elif not scalar(v):
        raise Bad(where + ': object as a property value')

def check_props(p, where, flags):
    if not isinstance(p, dict): raise Bad(where + ': properties is not an object')
    if p.duplicate: flags.add('duplicate-key')
    if 'id' in p: raise Bad(where + ': id among the properties')
    for k, v in p.items(): check_value(v, where + '.' + k)

def strings(v):
    if isinstance(v, str): yield v
    elif isinstance(v, list):
        for x in v: yield from strings(x)
    elif isinstance(v, dict):
        for k, x in v.items():
            yield k
            yield from strings(x)

def depth_ok(v, depth):
    # The loader skips "meta" with a depth counter: a value at depth 512 is refused.
    if depth >= 512: return False
    if isinstance(v, list): return all(depth_ok(x, depth + 1) for x in v)
    if isinstance(v, dict): return all(depth_ok(x, depth + 1) for x in v.values())
    return True

def graph(doc, flags):
    if not isinstance(doc, dict): raise Bad('top level is not an object')
    if doc.duplicate: flags.add('duplicate-key')
    for k in doc:
        if k not in ('nodes', 'edges', 'meta', '$schema'): raise Bad('unknown top-level key ' + k)
    for k in ('meta', '$schema'):
        if k in doc and not depth_ok(doc[k], 0): flags.add('nesting-depth')
    nodes, edges = doc.get('nodes', []), doc.get('edges', [])
    if not isinstance(nodes, list) or not isinstance(edges, list): raise Bad('nodes/edges not arrays')
    ids, lines = set(), []
    for i, n in enumerate(nodes):
        w = 'nodes[%d]' % i
        if not isinstance(n, dict): raise Bad(w + ' not an object')
        if n.duplicate: flags.add('duplicate-key')
        for k in n:
            if k not in ('id', 'labels', 'properties'): raise Bad(w + ': unknown key ' + k)
        nid = n.get('id')
        if not isinstance(nid, str) or nid == '': raise Bad(w + ': bad id')
        if nid in ids: raise Bad(w + ': duplicate id')
        ids.add(nid)
        labels = n.get('labels', [])
        if not isinstance(labels, list) or not all(isinstance(l, str) and l for l in labels): raise Bad(w + ': bad labels')
        p = n.get('properties', Obj())
        check_props(p, w, flags)
        # Labels are a set (the store keeps them in its own order).
        lines.append('node ' + esc(nid) + ' labels=[' + ','.join(sorted(set(esc(l) for l in labels))) + '] ' + props(dict(p, id=nid)))
    for i, e in enumerate(edges):
        w = 'edges[%d]' % i
        if not isinstance(e, dict): raise Bad(w + ' not an object')
        if e.duplicate: flags.add('duplicate-key')
        for k in e:
            if k not in ('source', 'target', 'type', 'id', 'properties'): raise Bad(w + ': unknown key ' + k)
        for k in ('source', 'target'):
            if not isinstance(e.get(k), str) or e[k] not in ids: raise Bad(w + ': bad ' + k)
        if not isinstance(e.get('type'), str) or e['type'] == '': raise Bad(w + ': bad type')
        p = e.get('properties', Obj())
        check_props(p, w, flags)
        if 'id' in e: check_value(e['id'], w + '.id')
        lines.append('edge ' + esc(e['source']) + '->' + esc(e['target']) + ' :' + esc(e['type']) + ' ' + props(dict(p, id=e.get('id'))))
    return ' ; '.join(sorted(lines))

def judge(data):
    if data.startswith(b'\xef\xbb\xbf'): data = data[3:]
    flags = set()
    try:
        # As json.loads(bytes) does for UTF-8 (surrogatepass), without its UTF-16/32 guessing.
        text = data.decode('utf-8', 'surrogatepass')
    except UnicodeDecodeError as e:
        return 'REJECT', 'invalid UTF-8: %s' % e
    def constant(c):
        flags.add('nan-infinity')
        return float(c.replace('Infinity', 'inf'))
    def integer(s):
        v = int(s)
        if not INT_MIN <= v <= INT_MAX: flags.add('big-int')
        return v
    def real(s):
        v = float(s)
        if v in (float('inf'), float('-inf')): flags.add('float-overflow')
        return v
    try:
        doc = json.loads(text, object_pairs_hook=pairs, parse_constant=constant, parse_int=integer, parse_float=real)
    except (ValueError, RecursionError) as e:
        return 'REJECT', 'json: %s' % e
    if any(0xD800 <= ord(c) <= 0xDFFF for s in strings(doc) for c in s): flags.add('lone-surrogate')
    try:
        canonical = graph(doc, flags)
    except Bad as e:
        if flags: return 'STRICT', ','.join(sorted(flags))
        return 'REJECT', 'schema: %s' % e
    if flags: return 'STRICT', ','.join(sorted(flags))
    return 'ACCEPT', canonical

for path in sys.argv[1:]:
    with open(path, 'rb') as f:
        status, payload = judge(f.read())
    print(path.rsplit('/', 1)[-1] + '\t' + status + '\t' + payload)
"""#
