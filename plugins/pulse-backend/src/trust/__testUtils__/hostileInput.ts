import fc from 'fast-check';

/** Strings that have broken other systems: SQL, paths, encodings, number look-alikes, prototype keys. */
const HOSTILE_STRINGS = [
  "'; DROP TABLE pulse_slo; --",
  "1' OR '1'='1",
  '" OR ""="',
  '%27%20OR%201=1',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '-0',
  '0x1F',
  '9007199254740993',
  '99999999999999999999999',
  '__proto__',
  'constructor',
  'prototype',
  '../../../etc/passwd',
  '\u0000',
  '\uFEFF\u202E',
  '\uD800',
  '𝕡𝕦𝕝𝕤𝕖 🚀 ΩΣ 中文 עברית',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '{{7*7}}',
  'component:default/checkout',
  'group:default/payments',
  '2026-02-30T25:61:00Z',
  '2026-11-29T10:00:00Z',
  '275760-09-13T00:00:00.001Z',
  '',
  ' ',
  'x'.repeat(256),
  'x'.repeat(70_000),
];

const HOSTILE_NUMBERS = [
  0,
  -1,
  -0,
  0.5,
  1e308,
  -1e308,
  2 ** 31,
  2 ** 53 + 2,
  2 ** 63,
  Number.MIN_VALUE,
];

export const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'items', 'answers', ''),
  fc.string({ maxLength: 12 }),
);

export const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

const hostileNumber = fc.oneof(fc.constantFrom(...HOSTILE_NUMBERS), fc.integer(), fc.double());

/** Any JSON value, nested a few levels, built from the hostile parts. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>(tie => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Raw bodies that are not what JSON.stringify would send: literals JSON forbids, overflow, deep nesting. */
export const hostileRawBody = fc.oneof(
  fc.constantFrom(
    '{"items": [{"total": NaN}]}',
    '{"items": [{"total": 1e999, "good": -1e999}]}',
    '{"items": [',
    '{"__proto__": {"admin": true}, "items": []}',
    '{"constructor": {"prototype": {"polluted": true}}}',
    '[]',
    'null',
    '"items"',
    '\u0000',
  ),
  fc.integer({ min: 1, max: 20_000 }).map(depth => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc.integer({ min: 1, max: 5_000 }).map(depth => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
);

type Path = Array<string | number>;

/** Every path into a JSON value, the value itself (`[]`) included. */
function pathsOf(value: unknown, at: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [at];
  const children = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [at, ...children.flatMap(key => pathsOf((value as Record<string | number, unknown>)[key], [...at, key]))];
}

/** A copy of `value` with the node at `path` replaced, deleted, or given an extra key. */
function mutateAt(value: unknown, path: Path, op: 'replace' | 'delete' | 'addKey', key: string, hostile: unknown): unknown {
  if (path.length === 0) {
    if (op !== 'addKey' || value === null || typeof value !== 'object' || Array.isArray(value)) return hostile;
    // defineProperty, so that a key such as __proto__ becomes an own property that JSON.stringify sends.
    return Object.defineProperty({ ...value }, key, { value: hostile, enumerable: true });
  }
  const [head, ...rest] = path;
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  if (rest.length === 0 && op === 'delete') {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete copy[head];
    return copy;
  }
  copy[head] = mutateAt(copy[head], rest, op, key, hostile);
  return copy;
}

/** A valid value with one node mutated: the near misses that get past the first checks. */
export function nearMiss(valid: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  return fc
    .record({
      path: fc.constantFrom(...paths),
      op: fc.constantFrom('replace' as const, 'delete' as const, 'addKey' as const),
      key: hostileKey,
      hostile: hostileValue,
    })
    .map(({ path, op, key, hostile }) => mutateAt(valid, path, op, key, hostile));
}
