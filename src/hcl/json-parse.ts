/**
 * A JSON parser that keeps offsets: the raw material of the JSON-syntax reader. Strings keep
 * a map from decoded offsets back to file offsets, so that templates inside them get ranges
 * in the file. Objects keep every property in order, duplicates included (in a body they
 * mean repeated blocks). Stops at the first syntax error, reporting it; what parsed is kept.
 */
import type { Diagnostic } from '../diag/index.js';
import { isHexDigit } from './chars.js';
import { scanNumberEnd } from './lexer.js';
import { codes, syntaxError } from './messages.js';
import type { Positions } from './positions.js';

export type JsonValue = JsonObject | JsonArray | JsonString | JsonNumber | JsonKeyword;

export interface JsonObject {
  kind: 'object';
  start: number;
  end: number;
  props: JsonProperty[];
}

export interface JsonProperty {
  key: JsonString;
  value: JsonValue;
}

export interface JsonArray {
  kind: 'array';
  start: number;
  end: number;
  items: JsonValue[];
}

/** `map` is the file offset of decoded offset 0 when the string has no escapes, else one entry per decoded offset plus one. */
export interface JsonString {
  kind: 'string';
  start: number;
  end: number;
  value: string;
  map: number | Int32Array;
}

export interface JsonNumber {
  kind: 'number';
  start: number;
  end: number;
  text: string;
}

export interface JsonKeyword {
  kind: 'true' | 'false' | 'null';
  start: number;
  end: number;
}

class Failed extends Error {}

/** Parses `text` as one JSON value; undefined when not even a value could be read. */
export function parseJson(text: string, positions: Positions, diagnostics: Diagnostic[]): JsonValue | undefined {
  const r = new JsonParser(text, positions, diagnostics);
  try {
    r.ws();
    const value = r.value();
    r.ws();
    if (r.i < text.length) r.fail(r.i, 'Extra characters after the JSON value', 'A JSON file holds exactly one value; something follows it here.');
    return value;
  } catch (err) {
    if (err instanceof Failed) return r.partial;
    throw err;
  }
}

class JsonParser {
  i = 0;
  depth = 0;
  /** The outermost value being built, returned when a syntax error stops the parse. */
  partial: JsonValue | undefined;

  constructor(
    readonly text: string,
    readonly positions: Positions,
    readonly diagnostics: Diagnostic[],
  ) {}

  fail(at: number, summary: string, detail: string): never {
    const end = Math.min(this.text.length, at + 1);
    this.diagnostics.push(syntaxError(codes.jsonSyntax, summary, detail, this.positions.range(at, end)));
    throw new Failed();
  }

  ws(): void {
    const text = this.text;
    let i = this.i;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
    this.i = i;
  }

  value(): JsonValue {
    const text = this.text;
    const c = text.charCodeAt(this.i);
    if (c === 123) return this.object();
    if (c === 91) return this.array();
    if (c === 34) return this.string();
    if (c === 45 || (c >= 48 && c <= 57)) return this.number();
    for (const word of ['true', 'false', 'null'] as const) {
      if (text.startsWith(word, this.i)) {
        const start = this.i;
        this.i += word.length;
        return { kind: word, start, end: this.i };
      }
    }
    if (this.i >= text.length) this.fail(this.i, 'Missing JSON value', 'The file ends where a JSON value was expected.');
    return this.fail(this.i, 'Invalid JSON value', 'Expected a JSON value: an object, array, string, number, true, false or null.');
  }

  private enter(): void {
    if (++this.depth > 500) this.fail(this.i, 'Nesting too deep', 'JSON values may nest at most 500 levels deep.');
  }

  object(): JsonObject {
    this.enter();
    const obj: JsonObject = { kind: 'object', start: this.i, end: this.i, props: [] };
    this.partial ??= obj;
    this.i++;
    this.ws();
    if (this.text.charCodeAt(this.i) === 125) {
      this.i++;
      obj.end = this.i;
      this.depth--;
      return obj;
    }
    for (;;) {
      this.ws();
      if (this.text.charCodeAt(this.i) !== 34) this.fail(this.i, 'Missing property name', 'A JSON object property name must be a string in double quotes.');
      const key = this.string();
      this.ws();
      if (this.text.charCodeAt(this.i) !== 58) this.fail(this.i, 'Missing colon', 'A colon (":") must follow the property name.');
      this.i++;
      this.ws();
      const value = this.value();
      obj.props.push({ key, value });
      obj.end = value.end;
      this.ws();
      const c = this.text.charCodeAt(this.i);
      if (c === 44) {
        this.i++;
        continue;
      }
      if (c === 125) {
        this.i++;
        obj.end = this.i;
        this.depth--;
        return obj;
      }
      this.fail(this.i, 'Missing comma or closing brace', 'Expected a comma before the next property, or "}" to end the object.');
    }
  }

  array(): JsonArray {
    this.enter();
    const arr: JsonArray = { kind: 'array', start: this.i, end: this.i, items: [] };
    this.partial ??= arr;
    this.i++;
    this.ws();
    if (this.text.charCodeAt(this.i) === 93) {
      this.i++;
      arr.end = this.i;
      this.depth--;
      return arr;
    }
    for (;;) {
      this.ws();
      arr.items.push(this.value());
      this.ws();
      const c = this.text.charCodeAt(this.i);
      if (c === 44) {
        this.i++;
        continue;
      }
      if (c === 93) {
        this.i++;
        arr.end = this.i;
        this.depth--;
        return arr;
      }
      this.fail(this.i, 'Missing comma or closing bracket', 'Expected a comma before the next element, or "]" to end the array.');
    }
  }

  number(): JsonNumber {
    const text = this.text;
    const start = this.i;
    let j = start;
    if (text.charCodeAt(j) === 45) j++;
    const c = text.charCodeAt(j);
    if (!(c >= 48 && c <= 57)) this.fail(j, 'Invalid number', 'A digit must follow the minus sign.');
    if (c === 48 && text.charCodeAt(j + 1) >= 48 && text.charCodeAt(j + 1) <= 57) this.fail(j, 'Invalid number', 'JSON numbers may not have leading zeros.');
    const end = scanNumberEnd(text, j);
    this.i = end;
    return { kind: 'number', start, end, text: text.slice(start, end) };
  }

  string(): JsonString {
    const text = this.text;
    const start = this.i;
    let i = start + 1;
    let value = '';
    let segStart = i;
    let map: number[] | undefined;
    for (;;) {
      if (i >= text.length) this.fail(start, 'Unterminated string', 'There is no closing quote for this string before the end of the file.');
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c < 32) this.fail(i, 'Invalid character in string', 'Control characters such as newlines must be escaped in JSON strings.');
      if (c !== 92) {
        i++;
        continue;
      }
      map ??= offsetsUpTo(start + 1, segStart);
      for (let k = segStart; k < i; k++) map.push(k);
      value += text.slice(segStart, i);
      const [decoded, width] = this.escape(i);
      for (let k = 0; k < decoded.length; k++) map.push(i);
      value += decoded;
      i += width;
      segStart = i;
    }
    const end = i + 1;
    this.i = end;
    if (!map) return { kind: 'string', start, end, value: text.slice(start + 1, i), map: start + 1 };
    for (let k = segStart; k <= i; k++) map.push(k);
    value += text.slice(segStart, i);
    return { kind: 'string', start, end, value, map: Int32Array.from(map) };
  }

  private escape(i: number): [string, number] {
    const text = this.text;
    const c = text.charCodeAt(i + 1);
    switch (c) {
      case 34:
        return ['"', 2];
      case 92:
        return ['\\', 2];
      case 47:
        return ['/', 2];
      case 98:
        return ['\b', 2];
      case 102:
        return ['\f', 2];
      case 110:
        return ['\n', 2];
      case 114:
        return ['\r', 2];
      case 116:
        return ['\t', 2];
      case 117: {
        for (let k = 2; k < 6; k++) {
          if (!isHexDigit(text.charCodeAt(i + k))) this.fail(i, 'Invalid escape sequence', 'The "\\u" escape must be followed by four hexadecimal digits.');
        }
        return [String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)), 6];
      }
      default:
        return this.fail(i, 'Invalid escape sequence', `"\\${text.charAt(i + 1)}" is not a JSON escape sequence.`);
    }
  }
}

function offsetsUpTo(from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k < to; k++) out.push(k);
  return out;
}
