/** Python identifiers for a design's node ids and its name, unique and never shadowing nn.Module. */

const PYTHON_KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except ' +
    'finally for from global if import in is lambda nonlocal not or pass raise return try while ' +
    'with yield'
  ).split(' '),
);

/** Attribute names an nn.Module already uses: a layer called `train` or `to` would break it. */
const MODULE_ATTRIBUTES = new Set(
  (
    'training forward train eval to cuda cpu float double half bfloat16 type apply parameters ' +
    'buffers children modules named_parameters named_buffers named_children named_modules ' +
    'state_dict load_state_dict register_buffer register_parameter add_module zero_grad ' +
    'requires_grad_ extra_repr dump_patches call_super_init get_submodule get_parameter share_memory'
  ).split(' '),
);

/** Python names of the design's nodes, allocated once per module so none collides. */
export class PythonNames {
  private readonly used = new Set<string>(['x', 'self', 'torch', 'nn', 'F']);
  private readonly byId = new Map<string, string>();

  /** The attribute / variable name of node `id` (stable: the same id always gets the same name). */
  of(id: string): string {
    const known = this.byId.get(id);
    if (known) return known;
    let base = id.replace(/[^A-Za-z0-9_]/g, '_').replace(/_+/g, '_');
    if (base === '' || base === '_') base = 'layer';
    if (/^[0-9]/.test(base)) base = `layer_${base}`;
    if (PYTHON_KEYWORDS.has(base) || MODULE_ATTRIBUTES.has(base)) base = `${base}_`;
    let name = base;
    for (let i = 2; this.used.has(name); i++) name = `${base}_${i}`;
    this.used.add(name);
    this.byId.set(id, name);
    return name;
  }

  /** Reserves a derived name (`<node>_pad`), unique like every other. */
  derived(base: string): string {
    let name = base;
    for (let i = 2; this.used.has(name); i++) name = `${base}_${i}`;
    this.used.add(name);
    return name;
  }
}

/** `"ResNet-18 (CIFAR)"` → `"ResNet18CIFAR"`; a name that would not be a class gets a prefix. */
export function pythonClassName(name: string): string {
  const words = name.match(/[A-Za-z0-9]+/g) ?? [];
  const joined = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  if (joined === '') return 'Network';
  return /^[0-9]/.test(joined) ? `Net${joined}` : joined;
}

/** A JS number as Python source: integers as is, floats in a form Python reads back exactly. */
export function pyNumber(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return String(v).replace(/e([+-]?)(\d+)$/, (_, sign: string, exp: string) => `e${sign}${exp}`);
}

/** `[a, b]` → `a` when equal (PyTorch accepts an int for square sizes), else `(a, b)`. */
export function pyPair([a, b]: readonly [number, number]): string {
  return a === b ? String(a) : `(${a}, ${b})`;
}
