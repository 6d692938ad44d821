import { formatNumber, mappingEntries, nullVal, numberVal, objectVal, parseNumber, stringVal, boolVal, tupleVal, type Value } from '../value.js';

/**
 * JSON as Terraform's `jsonencode`/`jsondecode` read and write it: object keys sorted,
 * numbers in full decimal without exponent, `<`, `>`, `&`, U+2028 and U+2029 escaped as
 * Go's encoder does. Callers ensure the value is wholly known and unmarked.
 */
export function encodeJson(v: Value): string {
  switch (v.kind) {
    case 'null':
    case 'unknown':
      return 'null';
    case 'string':
      return quoteJson(v.value);
    case 'number':
      return formatNumber(v);
    case 'bool':
      return v.value ? 'true' : 'false';
    case 'list':
    case 'set':
    case 'tuple':
      return `[${v.elements.map(encodeJson).join(',')}]`;
    case 'map':
    case 'object': {
      const parts: string[] = [];
      for (const [k, e] of mappingEntries(v)) parts.push(`${quoteJson(k)}:${encodeJson(e)}`);
      return `{${parts.join(',')}}`;
    }
  }
}

const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function quoteJson(text: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${text.replace(/["\\\u0000-\u001f<>&\u2028\u2029]/g, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

/** Parses a JSON document into a value (objects → object, arrays → tuple); error text on failure. */
export function decodeJson(text: string): Value | { error: string } {
  const p = new Parser(text);
  try {
    p.space();
    if (p.at >= text.length) return { error: 'unexpected end of JSON input' };
    const value = p.value();
    p.space();
    if (p.at < text.length) return { error: `invalid character ${p.describe()} after top-level value` };
    return value;
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { error: e.message };
    throw e;
  }
}

class JsonSyntaxError extends Error {}

const SIMPLE_UNESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class Parser {
  at = 0;
  constructor(private readonly text: string) {}

  space(): void {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at] as string)) this.at++;
  }

  describe(): string {
    const c = this.text.codePointAt(this.at);
    return c === undefined ? 'end of input' : `'${String.fromCodePoint(c)}'`;
  }

  fail(context: string): never {
    if (this.at >= this.text.length) throw new JsonSyntaxError('unexpected end of JSON input');
    throw new JsonSyntaxError(`invalid character ${this.describe()} ${context}`);
  }

  value(): Value {
    const c = this.text[this.at];
    switch (c) {
      case '{':
        return this.object();
      case '[':
        return this.array();
      case '"':
        return stringVal(this.string());
      case 't':
        return this.word('true', boolVal(true));
      case 'f':
        return this.word('false', boolVal(false));
      case 'n':
        return this.word('null', nullVal());
      default:
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
        return this.fail('looking for beginning of value');
    }
  }

  word(w: string, v: Value): Value {
    for (const ch of w) {
      if (this.text[this.at] !== ch) this.fail(`in literal ${w} (expecting '${ch}')`);
      this.at++;
    }
    return v;
  }

  number(): Value {
    const m = /-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
    m.lastIndex = this.at;
    const found = m.exec(this.text);
    if (!found || found[0] === '-') {
      this.at++;
      return this.fail('in numeric literal');
    }
    this.at += found[0].length;
    const parsed = parseNumber(found[0]);
    if (parsed === undefined) throw new JsonSyntaxError(`number ${found[0]} is out of range`);
    return numberVal(parsed);
  }

  string(): string {
    this.at++;
    let out = '';
    for (;;) {
      const c = this.text[this.at];
      if (c === undefined) throw new JsonSyntaxError('unexpected end of JSON input');
      if (c === '"') {
        this.at++;
        return out;
      }
      if (c < ' ') this.fail('in string literal');
      if (c !== '\\') {
        out += c;
        this.at++;
        continue;
      }
      const e = this.text[this.at + 1];
      const simple = e === undefined ? undefined : SIMPLE_UNESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        this.at += 2;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6))) {
        out += String.fromCharCode(parseInt(this.text.slice(this.at + 2, this.at + 6), 16));
        this.at += 6;
      } else {
        this.at++;
        this.fail('in string escape code');
      }
    }
  }

  array(): Value {
    this.at++;
    const items: Value[] = [];
    this.space();
    if (this.text[this.at] === ']') {
      this.at++;
      return tupleVal(items);
    }
    for (;;) {
      this.space();
      items.push(this.value());
      this.space();
      const c = this.text[this.at];
      this.at++;
      if (c === ']') return tupleVal(items);
      if (c !== ',') {
        this.at--;
        this.fail('after array element');
      }
    }
  }

  object(): Value {
    this.at++;
    const attrs = new Map<string, Value>();
    this.space();
    if (this.text[this.at] === '}') {
      this.at++;
      return objectVal(attrs);
    }
    for (;;) {
      this.space();
      if (this.text[this.at] !== '"') this.fail('looking for beginning of object key string');
      const key = this.string();
      if (attrs.has(key)) throw new JsonSyntaxError(`duplicate ${quoteJson(key)} property in JSON object`);
      this.space();
      if (this.text[this.at] !== ':') this.fail('after object key');
      this.at++;
      this.space();
      attrs.set(key, this.value());
      this.space();
      const c = this.text[this.at];
      this.at++;
      if (c === '}') return objectVal(attrs);
      if (c !== ',') {
        this.at--;
        this.fail('after object key:value pair');
      }
    }
  }
}
