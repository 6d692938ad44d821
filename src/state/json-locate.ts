/**
 * A small JSON scanner that keeps source offsets. `JSON.parse` does the real parsing; this
 * runs only after it failed (to find where) or after schema validation failed (to point at
 * the offending value), so it favours clarity over speed.
 */

export interface JsonSyntaxError {
  /** Offset into the text where the problem starts. */
  readonly offset: number;
  readonly message: string;
}

/** An offset range `[start, end)` of a value in the text. */
export interface JsonSpan {
  readonly start: number;
  readonly end: number;
}

type Node =
  | { readonly kind: 'scalar'; readonly span: JsonSpan }
  | { readonly kind: 'array'; readonly span: JsonSpan; readonly items: Node[] }
  | { readonly kind: 'object'; readonly span: JsonSpan; readonly entries: { key: string; keySpan: JsonSpan; value: Node }[] };

class SyntaxFailure {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

class Scanner {
  private at = 0;
  constructor(private readonly text: string) {}

  document(): Node {
    this.skipSpace();
    const node = this.value();
    this.skipSpace();
    if (this.at < this.text.length) this.fail('Unexpected text after the end of the JSON document');
    return node;
  }

  private fail(message: string, offset = this.at): never {
    throw new SyntaxFailure(offset, message);
  }

  private skipSpace(): void {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at] as string)) this.at++;
  }

  private value(): Node {
    const start = this.at;
    const c = this.text[this.at];
    if (c === undefined) this.fail('Unexpected end of input: expected a value');
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') {
      this.string();
      return { kind: 'scalar', span: { start, end: this.at } };
    }
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return { kind: 'scalar', span: { start, end: this.at } };
      }
    }
    const number = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(this.at, this.at + 400));
    if (number && number[0] !== '-') {
      this.at += number[0].length;
      return { kind: 'scalar', span: { start, end: this.at } };
    }
    return this.fail(`Unexpected character ${JSON.stringify(c)}: expected a value`);
  }

  private string(): string {
    const start = this.at;
    this.at++;
    while (this.at < this.text.length) {
      const c = this.text.charCodeAt(this.at);
      if (c === 0x22) {
        this.at++;
        return JSON.parse(this.text.slice(start, this.at)) as string;
      }
      if (c < 0x20) this.fail('Control character in string: escape it');
      if (c === 0x5c) {
        const next = this.text[this.at + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6))) this.fail('Invalid \\u escape in string');
          this.at += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) this.fail('Invalid escape in string');
        this.at += 2;
        continue;
      }
      this.at++;
    }
    return this.fail('Unterminated string', start);
  }

  private array(): Node {
    const start = this.at;
    this.at++;
    const items: Node[] = [];
    this.skipSpace();
    if (this.text[this.at] === ']') {
      this.at++;
      return { kind: 'array', span: { start, end: this.at }, items };
    }
    for (;;) {
      this.skipSpace();
      items.push(this.value());
      this.skipSpace();
      const c = this.text[this.at];
      if (c === ',') {
        this.at++;
        this.skipSpace();
        if (this.text[this.at] === ']') this.fail('Trailing comma in array');
        continue;
      }
      if (c === ']') {
        this.at++;
        return { kind: 'array', span: { start, end: this.at }, items };
      }
      this.fail(c === undefined ? 'Unexpected end of input: expected "," or "]"' : 'Expected "," or "]" after an array element');
    }
  }

  private object(): Node {
    const start = this.at;
    this.at++;
    const entries: { key: string; keySpan: JsonSpan; value: Node }[] = [];
    this.skipSpace();
    if (this.text[this.at] === '}') {
      this.at++;
      return { kind: 'object', span: { start, end: this.at }, entries };
    }
    for (;;) {
      this.skipSpace();
      if (this.at >= this.text.length) this.fail('Unexpected end of input: expected a property name or "}"');
      if (this.text[this.at] !== '"') {
        this.fail(this.text[this.at] === '}' ? 'Trailing comma in object' : 'Expected a double-quoted property name');
      }
      const keyStart = this.at;
      const key = this.string();
      const keySpan = { start: keyStart, end: this.at };
      this.skipSpace();
      if (this.text[this.at] !== ':') this.fail('Expected ":" after a property name');
      this.at++;
      this.skipSpace();
      entries.push({ key, keySpan, value: this.value() });
      this.skipSpace();
      const c = this.text[this.at];
      if (c === ',') {
        this.at++;
        continue;
      }
      if (c === '}') {
        this.at++;
        return { kind: 'object', span: { start, end: this.at }, entries };
      }
      this.fail(c === undefined ? 'Unexpected end of input: expected "," or "}"' : 'Expected "," or "}" after a property value');
    }
  }
}

/** Where and why `text` is not valid JSON; undefined when it is valid. */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  try {
    new Scanner(text).document();
    return undefined;
  } catch (error) {
    if (error instanceof SyntaxFailure) return { offset: error.offset, message: error.message };
    throw error;
  }
}

/**
 * The span of the value at `path` in valid JSON `text`, or of the deepest existing value on
 * the way there (so a missing property points at the object that lacks it).
 */
export function locateJsonPath(text: string, path: readonly PropertyKey[]): JsonSpan | undefined {
  let node: Node;
  try {
    node = new Scanner(text).document();
  } catch (error) {
    if (error instanceof SyntaxFailure) return undefined;
    throw error;
  }
  for (const step of path) {
    let next: Node | undefined;
    if (node.kind === 'array' && typeof step === 'number') next = node.items[step];
    else if (node.kind === 'object' && typeof step === 'string') {
      // Later duplicates win in JSON.parse, so the last entry is the one that was validated.
      next = node.entries.findLast((entry) => entry.key === step)?.value;
    }
    if (next === undefined) break;
    node = next;
  }
  return node.span;
}
