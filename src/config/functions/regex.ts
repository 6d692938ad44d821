/**
 * RE2 patterns (Terraform's regular expression language) translated to JavaScript
 * `RegExp` with the `u` flag. What JavaScript cannot express as RE2 means it (ungreedy
 * `U`, `\C`) and what RE2 does not have (backreferences, lookaround) is refused with an
 * error that says so, never silently given a different meaning.
 */

export interface CompiledPattern {
  readonly regexp: RegExp;
  /** Capture group names in order; `undefined` for unnamed groups. */
  readonly groups: readonly (string | undefined)[];
}

const POSIX_CLASSES: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7f',
  blank: '\\t ',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

/** Characters that may be escaped with `\` in a `u`-mode JavaScript pattern. */
const JS_SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''));
const GENERAL_CATEGORY = /^(?:[CLMNPSZ]|C[cfnos]|L[lmotu]|M[cen]|N[dlo]|P[cdefios]|S[ckmo]|Z[lps])$/;

export function compileRe2(pattern: string, global: boolean): CompiledPattern | { error: string } {
  const t = new Translator(pattern);
  let source: string;
  try {
    source = t.run();
  } catch (e) {
    if (e instanceof Re2Error) return { error: e.message };
    throw e;
  }
  try {
    return { regexp: new RegExp(source, global ? 'gu' : 'u'), groups: t.groups };
  } catch (e) {
    const detail = e instanceof Error ? e.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '') : String(e);
    return { error: `error parsing pattern: ${detail}` };
  }
}

class Re2Error extends Error {}

class Translator {
  readonly groups: (string | undefined)[] = [];
  private at = 0;
  private out = '';
  /** Per open group: whether `s` (dot matches newline) is active, and how many `(?flags)` wraps to close. */
  private readonly stack: { dotAll: boolean; wraps: number }[] = [{ dotAll: false, wraps: 0 }];

  constructor(private readonly p: string) {}

  private get scope(): { dotAll: boolean; wraps: number } {
    return this.stack[this.stack.length - 1] as { dotAll: boolean; wraps: number };
  }

  run(): string {
    while (this.at < this.p.length) this.step();
    if (this.stack.length > 1) throw new Re2Error('error parsing pattern: missing closing ): `' + this.p + '`');
    this.out += ')'.repeat(this.scope.wraps);
    return this.out;
  }

  private step(): void {
    const c = this.p[this.at] as string;
    switch (c) {
      case '\\':
        this.out += this.escape(false);
        return;
      case '[':
        this.out += this.charClass();
        return;
      case '.':
        this.at++;
        this.out += this.scope.dotAll ? '[\\s\\S]' : '[^\\n]';
        return;
      case '(':
        this.openGroup();
        return;
      case ')': {
        this.at++;
        if (this.stack.length === 1) throw new Re2Error('error parsing pattern: unexpected ): `' + this.p + '`');
        const closed = this.stack.pop() as { wraps: number };
        this.out += ')'.repeat(closed.wraps) + ')';
        return;
      }
      case '{': {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(this.p.slice(this.at));
        if (m) {
          if (Number(m[1]) > 1000 || (m[3] !== undefined && m[3] !== '' && Number(m[3]) > 1000)) throw new Re2Error(`invalid repeat count: \`${m[0]}\``);
          this.out += m[0];
          this.at += m[0].length;
        } else {
          this.out += '\\{';
          this.at++;
        }
        return;
      }
      case '}':
        this.out += '\\}';
        this.at++;
        return;
      default: {
        const cp = this.p.codePointAt(this.at) as number;
        const ch = String.fromCodePoint(cp);
        this.out += ch;
        this.at += ch.length;
      }
    }
  }

  private openGroup(): void {
    const rest = this.p.slice(this.at);
    const named = /^\(\?P?<([A-Za-z0-9_]+)>/.exec(rest);
    if (named) {
      const name = named[1] as string;
      if (this.groups.includes(name)) throw new Re2Error(`invalid regexp pattern: duplicate capture group name: \`${name}\``);
      this.groups.push(name);
      this.stack.push({ dotAll: this.scope.dotAll, wraps: 0 });
      this.out += `(?<${name}>`;
      this.at += named[0].length;
      return;
    }
    const flags = /^\(\?([imsU]*)(?:-([imsU]*))?(:|\))/.exec(rest);
    if (flags && (flags[1] !== '' || flags[2] !== undefined || flags[3] === ':')) {
      const on = flags[1] ?? '';
      const off = flags[2] ?? '';
      if (on.includes('U') || off.includes('U')) throw new Re2Error('invalid regexp pattern: the ungreedy flag U is not supported; write lazy repetitions such as `x*?` instead');
      const dotAll = on.includes('s') ? true : off.includes('s') ? false : this.scope.dotAll;
      const disable = off.replace('s', '');
      const mod = on.replace('s', '') + (disable ? `-${disable}` : '');
      const open = mod === '' ? '(?:' : `(?${mod}:`;
      this.at += flags[0].length;
      if (flags[3] === ':') {
        this.stack.push({ dotAll, wraps: 0 });
        this.out += open;
      } else {
        // `(?flags)` applies to the rest of the enclosing group: wrap that rest.
        this.scope.dotAll = dotAll;
        this.scope.wraps++;
        this.out += open;
      }
      return;
    }
    if (rest.startsWith('(?')) {
      const shown = /^\(\?[^)]{0,2}/.exec(rest)?.[0] ?? '(?';
      throw new Re2Error(`invalid or unsupported Perl syntax: \`${shown}\``);
    }
    this.groups.push(undefined);
    this.stack.push({ dotAll: this.scope.dotAll, wraps: 0 });
    this.out += '(';
    this.at++;
  }

  /** Translates the escape at `this.at` (a backslash); inside a class when `inClass`. */
  private escape(inClass: boolean): string {
    const c = this.p[this.at + 1];
    if (c === undefined) throw new Re2Error('error parsing pattern: trailing backslash at end of expression');
    this.at += 2;
    switch (c) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
      case 't':
      case 'n':
      case 'r':
      case 'f':
      case 'v':
        return `\\${c}`;
      case 'b':
      case 'B':
        if (inClass) throw new Re2Error(`invalid escape sequence: \`\\${c}\``);
        return `\\${c}`;
      case 'a':
        return '\\x07';
      case 's':
        return inClass ? '\\t\\n\\f\\r ' : '[\\t\\n\\f\\r ]';
      case 'S':
        return inClass ? '\\S' : '[^\\t\\n\\f\\r ]';
      case 'A':
        if (inClass) throw new Re2Error('invalid escape sequence: `\\A`');
        return '(?<![\\s\\S])';
      case 'z':
        if (inClass) throw new Re2Error('invalid escape sequence: `\\z`');
        return '(?![\\s\\S])';
      case 'x': {
        const m = /^\{([0-9A-Fa-f]{1,6})\}|^([0-9A-Fa-f]{2})/.exec(this.p.slice(this.at));
        if (!m || Number.parseInt((m[1] ?? m[2]) as string, 16) > 0x10ffff) throw new Re2Error('invalid escape sequence: `\\x`');
        this.at += m[0].length;
        return `\\u{${(m[1] ?? m[2]) as string}}`;
      }
      case 'p':
      case 'P': {
        const m = /^\{(\^?)([A-Za-z_]+)\}|^([A-Za-z])/.exec(this.p.slice(this.at));
        if (!m) throw new Re2Error(`invalid character class range: \`\\${c}\``);
        this.at += m[0].length;
        const name = (m[2] ?? m[3]) as string;
        const negate = (c === 'P') !== (m[1] === '^');
        const prop = GENERAL_CATEGORY.test(name) ? name : name === 'Any' ? 'Any' : `Script=${name}`;
        return `\\${negate ? 'P' : 'p'}{${prop}}`;
      }
      case 'Q': {
        const end = this.p.indexOf('\\E', this.at);
        const literal = end < 0 ? this.p.slice(this.at) : this.p.slice(this.at, end);
        this.at = end < 0 ? this.p.length : end + 2;
        return [...literal].map((ch) => literalChar(ch, inClass)).join('');
      }
      default: {
        // Octal: `\0` plus up to two digits, or `\1`–`\7` followed by at least one more digit.
        const octal = /^[0-7]{1,3}/.exec(this.p.slice(this.at - 1));
        if (octal && (c === '0' || octal[0].length > 1)) {
          this.at += octal[0].length - 1;
          return `\\u{${Number.parseInt(octal[0], 8).toString(16)}}`;
        }
        if (/[0-9]/.test(c)) throw new Re2Error(`invalid escape sequence: \`\\${c}\` (RE2 has no backreferences)`);
        if (/[A-Za-z]/.test(c)) throw new Re2Error(`invalid escape sequence: \`\\${c}\``);
        return literalChar(c, inClass);
      }
    }
  }

  private charClass(): string {
    this.at++;
    let out = '[';
    if (this.p[this.at] === '^') {
      out += '^';
      this.at++;
    }
    let first = true;
    for (;;) {
      const c = this.p[this.at];
      if (c === undefined) throw new Re2Error(`missing closing ]: \`${this.p}\``);
      if (c === ']' && !first) {
        this.at++;
        return `${out}]`;
      }
      first = false;
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(this.p.slice(this.at));
      if (posix) {
        const body = POSIX_CLASSES[posix[2] as string];
        if (body === undefined) throw new Re2Error(`invalid character class range: \`${posix[0]}\``);
        if (posix[1] === '^') throw new Re2Error(`unsupported negated POSIX class inside a bracket: \`${posix[0]}\``);
        out += body;
        this.at += posix[0].length;
      } else if (c === '\\') {
        out += this.escape(true);
      } else {
        const ch = String.fromCodePoint(this.p.codePointAt(this.at) as number);
        out += ch === '-' ? '-' : literalChar(ch, true);
        this.at += ch.length;
      }
    }
  }
}

function literalChar(ch: string, inClass: boolean): string {
  if (inClass) return ch === ']' || ch === '\\' || ch === '^' || ch === '-' || ch === '[' ? `\\${ch}` : ch;
  return JS_SYNTAX.has(ch) ? `\\${ch}` : ch;
}

export interface Match {
  readonly index: number;
  readonly text: string;
  readonly captures: readonly (string | undefined)[];
}

/** Every match as Go's regexp finds them: an empty match right after a match is skipped. */
export function findAll(compiled: CompiledPattern, text: string, limit = Number.POSITIVE_INFINITY): Match[] {
  const re = new RegExp(compiled.regexp.source, 'gu');
  const out: Match[] = [];
  let prevEnd = -1;
  while (out.length < limit && re.lastIndex <= text.length) {
    const m = re.exec(text);
    if (m === null) break;
    const end = m.index + m[0].length;
    if (m[0].length === 0) {
      // Advance past one code point so the search makes progress.
      const cp = text.codePointAt(m.index);
      re.lastIndex = m.index + (cp !== undefined && cp > 0xffff ? 2 : 1);
      if (m.index === prevEnd) continue;
    }
    out.push({ index: m.index, text: m[0], captures: m.slice(1) });
    prevEnd = end;
  }
  return out;
}
