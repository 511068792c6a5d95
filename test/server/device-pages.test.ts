/** The small rules under the verification pages: which language a browser gets, and which typed codes count. */
import { describe, expect, test } from 'vitest';
import { pickLang } from '../../src/server/pages/i18n.js';
import { formatUserCode, newUserCode, normaliseUserCode, USER_CODE_ALPHABET } from '../../src/server/store/device-codes.js';

describe('Accept-Language', () => {
  test.each([
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['zh-TW', 'zh'],
    ['en-US,zh;q=0.5', 'en'],
    ['en;q=0.4, zh-Hans;q=0.8', 'zh'],
    ['fr-FR, de;q=0.9', 'en'],
    ['zh;q=0, en', 'en'],
    ['', 'en'],
  ])('%j gets %s', (header, lang) => {
    expect(pickLang(header)).toBe(lang);
  });
});

describe('user codes', () => {
  test('are 8 characters of the unambiguous alphabet, shown XXXX-XXXX', () => {
    const code = newUserCode();
    expect([...code].every((ch) => USER_CODE_ALPHABET.includes(ch))).toBe(true);
    expect(formatUserCode(code)).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(USER_CODE_ALPHABET).not.toMatch(/[0O1IAEU]/);
  });

  test('are read whatever the case, spaces and dashes; anything else is not a code', () => {
    expect(normaliseUserCode(' bcdf-ghjk ')).toBe('BCDFGHJK');
    expect(normaliseUserCode('BCDF GHJK')).toBe('BCDFGHJK');
    for (const bad of ['BCDF-GHJ', 'BCDF-GHJKL', 'BCDF-GHJ0', 'ABCD-EFGH', '']) expect(normaliseUserCode(bad)).toBeUndefined();
  });
});
