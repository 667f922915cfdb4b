/**
 * A deliberately small runtime shape checker for response bodies. It is not a JSON-schema engine:
 * it checks what would otherwise crash the UI later (required keys, primitive types, arrays,
 * enum values) and reports the first bad field by path.
 *
 * Each `Shape<T>` carries its TypeScript type invariantly, and `obj<T>()` demands one entry per key
 * of `T`. So the tables in `response-shapes.ts` are checked against the generated schema types: a
 * field or enum value added to the contract fails type-checking here until the table follows.
 */
export interface Shape<T> {
  /** The first mismatch as `path: expected …, got …`, or null when the value fits. */
  readonly check: (value: unknown, path: string) => string | null;
  // Never set; makes Shape<T> invariant in T so `str` cannot stand in for a nullable field.
  readonly phantom?: (value: T) => T;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function fail(path: string, expected: string, value: unknown): string {
  return `${path || '(body)'}: expected ${expected}, got ${describe(value)}`;
}

function primitive<T>(kind: 'string' | 'number' | 'boolean'): Shape<T> {
  return { check: (value, path) => (typeof value === kind ? null : fail(path, `a ${kind}`, value)) };
}

export const str: Shape<string> = primitive<string>('string');
export const num: Shape<number> = primitive<number>('number');
export const bool: Shape<boolean> = primitive<boolean>('boolean');

export function oneOf<const V extends string>(...values: V[]): Shape<V> {
  const allowed = new Set<string>(values);
  return {
    check: (value, path) =>
      typeof value === 'string' && allowed.has(value) ? null : fail(path, `one of ${values.join(' | ')}`, value),
  };
}

export function nullable<T>(shape: Shape<T>): Shape<T | null> {
  return { check: (value, path) => (value === null ? null : shape.check(value, path)) };
}

export function optional<T>(shape: Shape<T>): Shape<T | undefined> {
  return { check: (value, path) => (value === undefined ? null : shape.check(value, path)) };
}

export function arr<T>(item: Shape<T>): Shape<T[]> {
  return {
    check: (value, path) => {
      if (!Array.isArray(value)) return fail(path, 'an array', value);
      for (let i = 0; i < value.length; i++) {
        const problem = item.check(value[i], `${path}[${i}]`);
        if (problem) return problem;
      }
      return null;
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Any JSON object, for free-form maps such as an audit event's `details`. */
export const record: Shape<{ [key: string]: unknown }> = {
  check: (value, path) => (isRecord(value) ? null : fail(path, 'an object', value)),
};

// Optional keys must be described with `optional(...)`: the `Partial<Pick<T, K>> extends Pick<T, K>`
// test (true only for optional keys) puts back the `undefined` that `-?` removes.
type Fields<T> = {
  readonly [K in keyof T]-?: Shape<Partial<Pick<T, K>> extends Pick<T, K> ? T[K] | undefined : T[K]>;
};

export function obj<T>(fields: Fields<T>): Shape<T> {
  const entries = Object.entries(fields) as [string, Shape<unknown>][];
  return {
    check: (value, path) => {
      if (!isRecord(value)) return fail(path, 'an object', value);
      for (const [key, shape] of entries) {
        const problem = shape.check(value[key], path ? `${path}.${key}` : key);
        if (problem) return problem;
      }
      return null;
    },
  };
}

/**
 * A union told apart by a string tag, e.g. eligibility reasons by `code`. With `open`, a tag the
 * contract may add later (an extensible enum) is accepted as it is, for the UI to show
 * generically; a known tag must still have its variant's shape.
 */
export function tagged<T extends Record<Tag, string>, Tag extends string>(
  tag: Tag,
  variants: { readonly [V in T[Tag]]: Shape<Extract<T, Record<Tag, V>>> },
  { open = false }: { open?: boolean } = {},
): Shape<T> {
  const byTag = variants as Readonly<Record<string, Shape<unknown> | undefined>>;
  const names = Object.keys(variants).join(' | ');
  return {
    check: (value, path) => {
      if (!isRecord(value)) return fail(path, 'an object', value);
      const tagValue = value[tag];
      const variant = typeof tagValue === 'string' ? byTag[tagValue] : undefined;
      if (!variant && open && typeof tagValue === 'string') return null;
      if (!variant) return fail(path ? `${path}.${tag}` : tag, `one of ${names}`, tagValue);
      return variant.check(value, path);
    },
  };
}

/**
 * A string field whose enum may grow without breaking older clients, where an unknown value is
 * harmless (an unknown permission is simply never checked for; an unknown audit action is shown
 * generically). Enums the UI branches on use `oneOf` instead.
 */
export function openEnum<V extends string>(): Shape<V> {
  return { check: (value, path) => (typeof value === 'string' ? null : fail(path, 'a string', value)) };
}
