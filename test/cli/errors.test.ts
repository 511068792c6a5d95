/** How main.ts reports a server's refusal: said once, in the server's words, with the exit code the README's table gives. */
import { expect, test } from 'vitest';
import { ApiError, RateLimitError } from '../../src/client/errors.js';
import { describeError } from '../../src/cli/errors.js';

test('a rate limit whose message says when is not told "retry in" twice; one that does not say gets it from Retry-After', () => {
  expect(describeError(new RateLimitError(429, 'rate_limit_exceeded', 'rate_limit_exceeded', 'too many requests: retry in 208829s', 'req_1', 208_829_000))).toEqual({
    exitCode: 1,
    lines: ['rate limited: too many requests: retry in 208829s'],
  });
  expect(describeError(new RateLimitError(429, 'rate_limit_exceeded', 'rate_limit_exceeded', 'slow down', undefined, 20_000)).lines).toEqual(['rate limited: slow down; retry in 20s']);
});

test('a 4xx refusal of an argument is a usage error (2) with a hint; an unknown code, or a 5xx, stays a server error (1)', () => {
  expect(describeError(new ApiError(404, 'not_found', 'key_not_found', 'this account has no API key with that id', 'req_2'))).toEqual({
    exitCode: 2,
    lines: ['this account has no API key with that id', 'see the keys with `tokencli auth keys list`'],
  });
  expect(describeError(new ApiError(409, 'invalid_request_error', 'nothing_to_invoice', 'every charge of 2020-01 is invoiced already, or there is none')).exitCode).toBe(2);
  expect(describeError(new ApiError(409, 'idempotency_key_in_use', 'idempotency_key_in_use', 'still being processed', 'req_3'))).toEqual({ exitCode: 1, lines: ['server error 409: still being processed (request req_3)'] });
  expect(describeError(new ApiError(500, 'server_error', 'invalid_request', 'boom')).exitCode).toBe(1);
  // A code that happens to be an Object property is not a known refusal.
  expect(describeError(new ApiError(400, 'invalid_request_error', 'toString', 'odd')).exitCode).toBe(1);
});
