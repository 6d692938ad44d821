import { describe, it } from 'vitest';
import { listType, objectType, stringType } from '../../../src/config/value.js';
import { B, check, err, L, M, N, NULL, nums, O, S, SENS, SET, strs, T, UNK, type Row } from './helpers.js';

const rows: Row[] = [
  // jsonencode
  ['jsonencode object', 'jsonencode', [O({ hello: S('world') })], S('{"hello":"world"}')],
  ['jsonencode sorts keys', 'jsonencode', [M({ b: N(1), a: N(2) })], S('{"a":2,"b":1}')],
  ['jsonencode list', 'jsonencode', [strs('a', 'b')], S('["a","b"]')],
  ['jsonencode set is an array', 'jsonencode', [SET([N(2), N(1)])], S('[1,2]')],
  ['jsonencode tuple', 'jsonencode', [T([S('a'), N(1.5), B(true), NULL()])], S('["a",1.5,true,null]')],
  ['jsonencode null', 'jsonencode', [NULL()], S('null')],
  ['jsonencode escapes HTML characters as Terraform does', 'jsonencode', [S('<a>&')], S('"\\u003ca\\u003e\\u0026"')],
  ['jsonencode control characters', 'jsonencode', [S('a\nb\t\u0001"\\')], S('"a\\nb\\t\\u0001\\"\\\\"')],
  ['jsonencode big numbers without exponent', 'jsonencode', [N(1e21)], S('1000000000000000000000')],
  ['jsonencode exact big integer', 'jsonencode', [N(12345678901234567890n)], S('12345678901234567890')],
  ['jsonencode small fraction without exponent', 'jsonencode', [N(1e-7)], S('0.0000001')],
  ['jsonencode with an unknown inside', 'jsonencode', [O({ a: UNK(stringType) })], UNK(stringType)],
  ['jsonencode sensitive inside marks the whole', 'jsonencode', [O({ a: SENS(S('x')) })], SENS(S('{"a":"x"}'))],
  // jsondecode
  ['jsondecode object', 'jsondecode', [S('{"hello": "world"}')], O({ hello: S('world') })],
  ['jsondecode true', 'jsondecode', [S('true')], B(true)],
  ['jsondecode array is a tuple', 'jsondecode', [S('[1, "a", null]')], T([N(1), S('a'), NULL()])],
  ['jsondecode nested', 'jsondecode', [S('{"a":{"b":[]}}')], O({ a: O({ b: T([]) }) })],
  ['jsondecode exact big integer', 'jsondecode', [S('12345678901234567890')], N(12345678901234567890n)],
  ['jsondecode escapes', 'jsondecode', [S('"\\u00e9\\n\\/"')], S('é\n/')],
  ['jsondecode surrogate pair', 'jsondecode', [S('"\\ud83d\\ude00"')], S('😀')],
  ['jsondecode invalid', 'jsondecode', [S('{"a":')], err('Invalid value for "str" parameter: unexpected end of JSON input.')],
  ['jsondecode bad character', 'jsondecode', [S('x')], err("invalid character 'x' looking for beginning of value")],
  ['jsondecode trailing data', 'jsondecode', [S('1 2')], err("invalid character '2' after top-level value")],
  ['jsondecode empty', 'jsondecode', [S('')], err('unexpected end of JSON input')],
  ['jsondecode duplicate key', 'jsondecode', [S('{"a":1,"a":2}')], err('duplicate "a" property in JSON object')],
  ['jsondecode leading zero', 'jsondecode', [S('01')], err("invalid character '1' after top-level value")],
  ['jsondecode round trip', 'jsondecode', [S('{"a":[1,2],"b":"x"}')], O({ a: T([N(1), N(2)]), b: S('x') })],
  ['jsondecode sensitive', 'jsondecode', [SENS(S('1'))], SENS(N(1))],
  // base64
  ['base64encode', 'base64encode', [S('Hello World')], S('SGVsbG8gV29ybGQ=')],
  ['base64encode utf-8', 'base64encode', [S('é')], S('w6k=')],
  ['base64encode empty', 'base64encode', [S('')], S('')],
  ['base64decode', 'base64decode', [S('SGVsbG8gV29ybGQ=')], S('Hello World')],
  ['base64decode two pads', 'base64decode', [S('YQ==')], S('a')],
  ['base64decode invalid', 'base64decode', [S('SGVsbG8')], err('failed to decode base64 data "SGVsbG8"')],
  ['base64decode not utf-8', 'base64decode', [S('/w==')], err('the result of decoding the provided string is not valid UTF-8')],
  // urlencode
  ['urlencode', 'urlencode', [S('Hello World!')], S('Hello+World%21')],
  ['urlencode utf-8', 'urlencode', [S('☃')], S('%E2%98%83')],
  ['urlencode url', 'urlencode', [S('foo:bar@localhost?foo=bar&bar=baz')], S('foo%3Abar%40localhost%3Ffoo%3Dbar%26bar%3Dbaz')],
  ['urlencode unreserved', 'urlencode', [S('a-b_c.d~e')], S('a-b_c.d~e')],
  // csvdecode
  ['csvdecode', 'csvdecode', [S('a,b,c\n1,2,3\n4,5,6')], L([O({ a: S('1'), b: S('2'), c: S('3') }), O({ a: S('4'), b: S('5'), c: S('6') })])],
  ['csvdecode quoted', 'csvdecode', [S('name,note\r\n"Smith, J","said ""hi"""\r\n')], L([O({ name: S('Smith, J'), note: S('said "hi"') })])],
  ['csvdecode header only', 'csvdecode', [S('a,b\n')], L([], objectType({ a: stringType, b: stringType }))],
  ['csvdecode empty', 'csvdecode', [S('')], err('missing header line')],
  ['csvdecode wrong field count', 'csvdecode', [S('a,b\n1,2\n3\n')], err('CSV parse error on line 3: wrong number of fields')],
  ['csvdecode duplicate column', 'csvdecode', [S('a,a\n1,2')], err('duplicate column name "a"')],
  ['csvdecode bare quote', 'csvdecode', [S('a\nx"y')], err('bare " in non-quoted-field')],
  // hashes
  ['md5', 'md5', [S('hello world')], S('5eb63bbbe01eeed093cb22bb8f5acdc3')],
  ['sha1', 'sha1', [S('hello world')], S('2aae6c35c94fcfb415dbe95f408b9ce91ee846ed')],
  ['sha256', 'sha256', [S('hello world')], S('b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9')],
  [
    'sha512',
    'sha512',
    [S('hello world')],
    S('309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f'),
  ],
  ['base64sha256', 'base64sha256', [S('hello world')], S('uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=')],
  ['sha256 of a number converts', 'sha256', [N(1)], S('6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b')],
  ['sha256 sensitive', 'sha256', [SENS(S('hello world'))], SENS(S('b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9'))],
  ['sha256 unknown', 'sha256', [UNK(stringType)], UNK(stringType)],
  ['csvdecode unknown', 'csvdecode', [UNK(stringType)], UNK(listType({ kind: 'dynamic' }))],
  ['jsonencode list of numbers', 'jsonencode', [nums(1, 2)], S('[1,2]')],
];

describe('encoding and hash functions', () => {
  it.each(rows)('%s', (...row) => check(row));
});
