import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeMatches, hashCode, newNumericCode } from '../../src/server/one-time-code.js';
import { maskPhone, normalisePhone } from '../../src/server/phone.js';
import { DemoSms } from '../../src/server/sms.js';

describe('phone numbers', () => {
  it.each([
    ['13800000000', '+8613800000000'],
    ['138 0000 0000', '+8613800000000'],
    ['+86 138-0000-0000', '+8613800000000'],
    ['008613800000000', '+8613800000000'],
    ['+1 (415) 555-0100', '+14155550100'],
  ])('normalises %s to %s', (input, e164) => {
    expect(normalisePhone(input)).toBe(e164);
  });

  it.each(['', '12345', '10000000000', '+86 123', 'abc13800000000', '+0123456789', '+1234567890123456'])('refuses %j', (input) => {
    expect(normalisePhone(input)).toBeUndefined();
  });

  it('masks all but the country code, three leading and four trailing digits', () => {
    expect(maskPhone('+8613800000000')).toBe('+86 138****0000');
    expect(maskPhone('+14155550100')).toBe('+1 415***0100');
    expect(maskPhone('+85291234567')).toBe('+852 91**4567');
  });
});

describe('one-time codes', () => {
  it('are six digits and match only their own hash and salt', () => {
    const code = newNumericCode();
    expect(code).toMatch(/^\d{6}$/);
    const stored = hashCode(code, 'pay_1');
    expect(codeMatches(code, 'pay_1', stored)).toBe(true);
    expect(codeMatches(` ${code} `, 'pay_1', stored)).toBe(true);
    expect(codeMatches(code, 'pay_2', stored)).toBe(false);
    expect(codeMatches(code === '000000' ? '000001' : '000000', 'pay_1', stored)).toBe(false);
  });
});

describe('the demo SMS gateway', () => {
  it('logs each message and appends it to the outbox as a JSON line', async () => {
    const outboxFile = join(mkdtempSync(join(tmpdir(), 'sms-')), 'outbox.jsonl');
    const logged: string[] = [];
    const sms = new DemoSms({ log: (l) => logged.push(l), outboxFile, now: () => new Date('2026-11-27T00:00:00Z') });
    await sms.send({ to: '+8613800000000', text: 'code 123456', purpose: 'payment', code: '123456' });
    await sms.send({ to: '+8613800000001', text: 'code 654321', purpose: 'device_login', code: '654321' });
    expect(logged).toEqual(['sms to +8613800000000: code 123456', 'sms to +8613800000001: code 654321']);
    const lines = readFileSync(outboxFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    expect(lines).toEqual([
      { sent_at: '2026-11-27T00:00:00.000Z', to: '+8613800000000', text: 'code 123456', purpose: 'payment', code: '123456' },
      { sent_at: '2026-11-27T00:00:00.000Z', to: '+8613800000001', text: 'code 654321', purpose: 'device_login', code: '654321' },
    ]);
  });
});
