import { listType, listVal, objectType, objectVal, stringVal, type Value } from '../value.js';
import { utf8Decode, utf8Encode } from './hash.js';
import { decodeJson, encodeJson } from './json.js';
import type { FunctionDef, FunctionResult } from './types.js';
import { any, fail, fixed, param, s, str } from './util.js';

/** Encoding functions: JSON, base64, URL query escaping, CSV. */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i] as number, bytes[i + 1], bytes[i + 2]];
    const word = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[word >> 18] as string;
    out += B64[(word >> 12) & 63] as string;
    out += b === undefined ? '=' : (B64[(word >> 6) & 63] as string);
    out += c === undefined ? '=' : (B64[word & 63] as string);
  }
  return out;
}

/** Strict standard base64 (padding required), as Go's StdEncoding; undefined when invalid. */
export function base64Decode(text: string): Uint8Array | undefined {
  const clean = text.replace(/[\r\n]/g, '');
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(clean)) return undefined;
  const out: number[] = [];
  for (let i = 0; i < clean.length; i += 4) {
    const chunk = clean.slice(i, i + 4);
    const vals = [...chunk].map((ch) => (ch === '=' ? 0 : B64.indexOf(ch)));
    const word = ((vals[0] as number) << 18) | ((vals[1] as number) << 12) | ((vals[2] as number) << 6) | (vals[3] as number);
    out.push(word >> 16);
    if (chunk[2] !== '=') out.push((word >> 8) & 255);
    if (chunk[3] !== '=') out.push(word & 255);
  }
  return Uint8Array.from(out);
}

/** Go's url.QueryEscape: space as `+`, unreserved characters kept, the rest %-escaped. */
function urlEncode(text: string): string {
  let out = '';
  for (const byte of utf8Encode(text)) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** RFC 4180 records (quoted fields, doubled quotes, CRLF or LF); blank lines skipped as Go's reader does. */
function parseCsv(text: string): { rows: { line: number; fields: string[] }[] } | { error: string } {
  const rows: { line: number; fields: string[] }[] = [];
  let i = 0;
  let line = 1;
  while (i < text.length) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] === '\n')) {
      i += text[i] === '\r' ? 2 : 1;
      line++;
      continue;
    }
    const startLine = line;
    const fields: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= text.length) return { error: `CSV parse error on line ${startLine}: extraneous or missing " in quoted-field` };
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (text[i] === '\n') line++;
          field += text[i];
          i++;
        }
        if (i < text.length && text[i] !== ',' && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n')) {
          return { error: `CSV parse error on line ${line}: extraneous or missing " in quoted-field` };
        }
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n')) {
          if (text[i] === '"') return { error: `CSV parse error on line ${line}: bare " in non-quoted-field` };
          field += text[i];
          i++;
        }
      }
      fields.push(field);
      if (text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    rows.push({ line: startLine, fields });
  }
  return { rows };
}

function csvDecode(text: string): FunctionResult {
  const parsed = parseCsv(text);
  if ('error' in parsed) return fail(parsed.error);
  const [header, ...records] = parsed.rows;
  if (header === undefined) return fail('missing header line');
  const seen = new Set<string>();
  for (const name of header.fields) {
    if (seen.has(name)) return fail(`duplicate column name ${JSON.stringify(name)}`);
    seen.add(name);
  }
  const rowType = objectType(new Map(header.fields.map((h) => [h, str])));
  const out: Value[] = [];
  for (const r of records) {
    if (r.fields.length !== header.fields.length) return fail(`CSV parse error on line ${r.line}: wrong number of fields`);
    out.push(objectVal(header.fields.map((h, k) => [h, stringVal(r.fields[k] as string)] as const)));
  }
  return listVal(out, rowType);
}

export const encodingFunctions: Record<string, FunctionDef> = {
  jsonencode: fixed('The value as JSON text.', [param('val', any, { allowNull: true })], str, (a) => stringVal(encodeJson(a[0] as Value))),
  jsondecode: {
    description: 'The value that a JSON text describes.',
    params: [param('str', str)],
    returnType: () => any,
    call(a) {
      const r = decodeJson(s(a[0]));
      return 'error' in r ? fail(r.error, 0) : r;
    },
  },
  base64encode: fixed('The UTF-8 bytes of a string in base64.', [param('str', str)], str, (a) => stringVal(base64Encode(utf8Encode(s(a[0]))))),
  base64decode: fixed('The UTF-8 string that base64 text encodes.', [param('str', str)], str, (a) => {
    const bytes = base64Decode(s(a[0]));
    if (bytes === undefined) return fail(`failed to decode base64 data ${JSON.stringify(s(a[0]))}`, 0);
    const text = utf8Decode(bytes);
    return text === undefined ? fail('the result of decoding the provided string is not valid UTF-8', 0) : stringVal(text);
  }),
  urlencode: fixed('The string escaped for use in a URL query.', [param('str', str)], str, (a) => stringVal(urlEncode(s(a[0])))),
  csvdecode: {
    description: 'A list of objects from CSV text whose first line names the columns.',
    params: [param('str', str)],
    returnType: () => listType(any),
    call: (a) => csvDecode(s(a[0])),
  },
};
