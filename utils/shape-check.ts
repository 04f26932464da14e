/** Strict shape checks for data from outside (a backup file): every key known, every value of its type. */
export class ShapeError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${path || 'the value'} should be ${expected}`);
    this.name = 'ShapeError';
  }
}

export type Check = (value: unknown, path: string) => void;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const checkString: Check = (value, path) => {
  if (typeof value !== 'string') throw new ShapeError(path, 'text');
};

export const checkNumber: Check = (value, path) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ShapeError(path, 'a number');
};

export const checkCount: Check = (value, path) => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new ShapeError(path, 'a whole number, 0 or more');
};

export const checkBoolean: Check = (value, path) => {
  if (typeof value !== 'boolean') throw new ShapeError(path, 'true or false');
};

export function checkPattern(pattern: RegExp, expected: string): Check {
  return (value, path) => {
    if (typeof value !== 'string' || !pattern.test(value)) throw new ShapeError(path, expected);
  };
}

export function checkOneOf(values: readonly (string | number)[]): Check {
  return (value, path) => {
    if ((typeof value !== 'string' && typeof value !== 'number') || !values.includes(value)) throw new ShapeError(path, `one of ${values.map((item) => JSON.stringify(item)).join(', ')}`);
  };
}

export function checkNullable(check: Check): Check {
  return (value, path) => {
    if (value !== null) check(value, path);
  };
}

export function checkArray(check: Check, maxLength = 100_000): Check {
  return (value, path) => {
    if (!Array.isArray(value) || value.length > maxLength) throw new ShapeError(path, `a list of at most ${maxLength}`);
    value.forEach((item, index) => check(item, `${path}[${index}]`));
  };
}

/** An object with exactly these keys: `required` must be present, `optional` may be absent; any other key is refused. */
export function checkObject(required: Record<string, Check>, optional: Record<string, Check> = {}): Check {
  return (value, path) => {
    if (!isRecord(value)) throw new ShapeError(path, 'an object');
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(required, key) && !Object.hasOwn(optional, key)) throw new ShapeError(`${path}.${key}`, 'absent (it is not a known field)');
    }
    for (const [key, check] of Object.entries(required)) {
      if (!Object.hasOwn(value, key)) throw new ShapeError(`${path}.${key}`, 'present');
      check(value[key], `${path}.${key}`);
    }
    for (const [key, check] of Object.entries(optional)) if (Object.hasOwn(value, key) && value[key] !== undefined) check(value[key], `${path}.${key}`);
  };
}

/** Either one shape or another, told apart by a discriminating key. */
export function checkTagged(key: string, variants: Record<string, Check>): Check {
  return (value, path) => {
    const tag = isRecord(value) ? value[key] : undefined;
    const variant = typeof tag === 'string' && Object.hasOwn(variants, tag) ? variants[tag] : undefined;
    if (!variant) throw new ShapeError(`${path}.${key}`, `one of ${Object.keys(variants).map((name) => JSON.stringify(name)).join(', ')}`);
    variant(value, path);
  };
}
