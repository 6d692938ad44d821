/**
 * Numbers. HCL's numbers are arbitrary-precision; ours are IEEE-754 doubles (about 15–17
 * significant decimal digits, so `0.1 + 0.2` is `0.30000000000000004`), with one exception
 * that matters in practice: integers beyond ±2^53 (account ids, big counters) keep their
 * exact value in `big`, and `+ - * %` between integers stay exact. `value` is then the
 * nearest double. Division always yields a double.
 */
export interface Num {
  readonly value: number;
  /** Exact integer value; present only when `value` is an integer outside the safe range. */
  readonly big?: bigint;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

/** Normalises a bigint result: small values become plain doubles. */
export function fromBigInt(big: bigint): Num {
  if (big <= MAX_SAFE && big >= MIN_SAFE) return { value: Number(big) };
  return { value: Number(big), big };
}

function toBig(n: Num): bigint | undefined {
  if (n.big !== undefined) return n.big;
  return Number.isInteger(n.value) ? BigInt(n.value) : undefined;
}

/**
 * Parses a decimal number as HCL writes it (`12`, `-3.5`, `1e3`, `1.5E-2`); also accepts a
 * leading `+`. Returns undefined for anything else (hex, `Infinity`, blanks, `NaN`).
 */
export function parseNumber(text: string): Num | undefined {
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text)) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) return undefined;
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
    const exact = exactInteger(text);
    if (exact !== undefined) return fromBigInt(exact);
  }
  return { value: Object.is(value, -0) ? 0 : value };
}

/** The exact integer written in `text`, if it denotes an integer. */
function exactInteger(text: string): bigint | undefined {
  const m = /^([-+]?)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(text);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1n : 1n;
  let digits = (m[2] ?? '') + (m[3] ?? '');
  let exponent = Number(m[4] ?? '0') - (m[3] ?? '').length;
  if (exponent > 4096) return undefined;
  while (exponent < 0 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    exponent++;
  }
  if (exponent < 0) return undefined;
  return sign * BigInt((digits || '0') + '0'.repeat(exponent));
}

/** The canonical text of a number, as string conversion and templates show it: no exponent. */
export function formatNumber(n: Num): string {
  if (n.big !== undefined) return n.big.toString();
  const v = n.value;
  if (Object.is(v, -0)) return '0';
  const shown = String(v);
  if (!shown.includes('e')) return shown;
  if (Number.isInteger(v)) return BigInt(v).toString();
  return expandExponent(shown);
}

function expandExponent(shown: string): string {
  const m = /^(-?)(\d)(?:\.(\d+))?e([-+]\d+)$/.exec(shown);
  if (!m) return shown;
  const digits = (m[2] ?? '') + (m[3] ?? '');
  const exponent = Number(m[4]);
  if (exponent < 0) return `${m[1]}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const intLen = exponent + 1;
  return digits.length <= intLen
    ? `${m[1]}${digits}${'0'.repeat(intLen - digits.length)}`
    : `${m[1]}${digits.slice(0, intLen)}.${digits.slice(intLen)}`;
}

export function isWhole(n: Num): boolean {
  return n.big !== undefined || Number.isInteger(n.value);
}

export function numEquals(a: Num, b: Num): boolean {
  if (a.big !== undefined || b.big !== undefined) {
    const x = toBig(a);
    const y = toBig(b);
    return x !== undefined && y !== undefined && x === y;
  }
  return a.value === b.value;
}

export function numCompare(a: Num, b: Num): number {
  if (a.big !== undefined || b.big !== undefined) {
    const x = toBig(a);
    const y = toBig(b);
    if (x !== undefined && y !== undefined) return x < y ? -1 : x > y ? 1 : 0;
  }
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%';

/**
 * Applies an arithmetic operator. Returns an error message for division by zero and for
 * results that are not finite numbers.
 */
export function arithmetic(op: ArithmeticOp, a: Num, b: Num): Num | { error: string } {
  if (op !== '/' && (a.big !== undefined || b.big !== undefined || (isWhole(a) && isWhole(b)))) {
    const x = toBig(a);
    const y = toBig(b);
    if (x !== undefined && y !== undefined) {
      const plain = applyDouble(op, a.value, b.value);
      if (a.big === undefined && b.big === undefined && Number.isSafeInteger(plain)) return { value: plain === 0 ? 0 : plain };
      switch (op) {
        case '+':
          return fromBigInt(x + y);
        case '-':
          return fromBigInt(x - y);
        case '*':
          return fromBigInt(x * y);
        case '%':
          if (y === 0n) return { error: 'Can not divide by zero.' };
          return fromBigInt(x % y);
      }
    }
  }
  if ((op === '/' || op === '%') && b.value === 0) return { error: 'Can not divide by zero.' };
  const result = applyDouble(op, a.value, b.value);
  if (!Number.isFinite(result)) return { error: 'The result is not a finite number.' };
  return { value: Object.is(result, -0) ? 0 : result };
}

function applyDouble(op: ArithmeticOp, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '%':
      return a % b;
  }
}

export function negate(n: Num): Num {
  if (n.big !== undefined) return fromBigInt(-n.big);
  return { value: n.value === 0 ? 0 : -n.value };
}
