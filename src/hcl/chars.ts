/**
 * Character classes of the native syntax. ASCII is decided by table; other code points by the
 * Unicode `ID_Start` / `ID_Continue` properties, as the spec's identifier rule says.
 */

const ASCII_START = new Uint8Array(128);
const ASCII_CONTINUE = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  ASCII_START[c] = letter ? 1 : 0;
  ASCII_CONTINUE[c] = letter || (c >= 48 && c <= 57) || c === 45 ? 1 : 0;
}

const ID_START = /^\p{ID_Start}$/u;
const ID_CONTINUE = /^\p{ID_Continue}$/u;

/** The code point at `i` (combining a surrogate pair); 0 past the end of `text`. */
export function codePointAt(text: string, i: number): number {
  return text.codePointAt(i) ?? 0;
}

export function isIdentStart(cp: number): boolean {
  if (cp < 128) return ASCII_START[cp] === 1;
  return ID_START.test(String.fromCodePoint(cp));
}

export function isIdentContinue(cp: number): boolean {
  if (cp < 128) return ASCII_CONTINUE[cp] === 1;
  return ID_CONTINUE.test(String.fromCodePoint(cp));
}

/** Index just past the identifier that starts at `i` (which must be an identifier start). */
export function scanIdentEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (ASCII_CONTINUE[c] !== 1) return i;
      i++;
      continue;
    }
    const cp = codePointAt(text, i);
    if (!isIdentContinue(cp)) return i;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
