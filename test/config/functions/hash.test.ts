import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { md5, sha1, sha256, sha512, toHex, utf8Decode, utf8Encode } from '../../../src/config/functions/hash.js';

const digests = { md5, sha1, sha256, sha512 } as const;

describe('digests', () => {
  // Published vectors (FIPS 180 and RFC 1321 examples).
  const vectors: [keyof typeof digests, string, string][] = [
    ['md5', '', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['md5', 'abc', '900150983cd24fb0d6963f7d28e17f72'],
    ['sha1', 'abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    ['sha256', '', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['sha256', 'abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['sha512', 'abc', 'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f'],
  ];
  it.each(vectors)('%s(%j)', (name, input, hex) => {
    expect(toHex(digests[name](utf8Encode(input)))).toBe(hex);
  });

  it('agree with node:crypto on random text, across block boundaries', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constantFrom(...(Object.keys(digests) as (keyof typeof digests)[])), (text, name) => {
        expect(toHex(digests[name](utf8Encode(text)))).toBe(createHash(name).update(text, 'utf8').digest('hex'));
      }),
      { numRuns: 500 },
    );
  });
});

describe('utf8', () => {
  it('round-trips and matches Buffer', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 50 }), (text) => {
        const bytes = utf8Encode(text);
        expect([...bytes]).toEqual([...Buffer.from(text, 'utf8')]);
        expect(utf8Decode(bytes)).toBe(text);
      }),
    );
  });
  it.each([[[0xff]], [[0xc0, 0x80]], [[0xe0, 0x80, 0x80]], [[0xed, 0xa0, 0x80]], [[0xf4, 0x90, 0x80, 0x80]], [[0xe2, 0x82]]])('rejects %j', (bytes) => {
    expect(utf8Decode(Uint8Array.from(bytes))).toBeUndefined();
  });
});
