/**
 * Colour for the text renderers. Colour is a parameter, never detected here: with
 * `color: false` every function is the identity, so the output holds no escape codes at all.
 */
export interface Style {
  readonly color: boolean;
  /** `+` markers (create). */
  add(text: string): string;
  /** `~` markers (update). */
  change(text: string): string;
  /** `-` markers (destroy) and `# forces replacement`. */
  remove(text: string): string;
  /** `<=` markers (read). */
  read(text: string): string;
  bold(text: string): string;
  /** Folded-content notes such as `# (2 unchanged attributes hidden)`. */
  dim(text: string): string;
  /** Warning labels. */
  warn(text: string): string;
}

const RESET = '\u001b[0m';

function paint(code: string): (text: string) => string {
  return (text) => (text === '' ? text : `\u001b[${code}m${text}${RESET}`);
}

const identity = (text: string): string => text;

const plainStyle: Style = {
  color: false,
  add: identity,
  change: identity,
  remove: identity,
  read: identity,
  bold: identity,
  dim: identity,
  warn: identity,
};

const colorStyle: Style = {
  color: true,
  add: paint('32'),
  change: paint('33'),
  remove: paint('31'),
  read: paint('36'),
  bold: paint('1'),
  dim: paint('90'),
  warn: paint('1;33'),
};

export function makeStyle(color: boolean): Style {
  return color ? colorStyle : plainStyle;
}

/** The marker shown before an entry; `' '` for an unchanged one. */
export type Marker = '+' | '-' | '~' | ' ';

export function paintMarker(style: Style, marker: Marker): string {
  switch (marker) {
    case '+':
      return style.add(marker);
    case '-':
      return style.remove(marker);
    case '~':
      return style.change(marker);
    case ' ':
      return marker;
    default: {
      const never: never = marker;
      return never;
    }
  }
}
