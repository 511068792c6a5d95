/**
 * Every error the server answers with is an ApiProblem, shaped once into the OpenAI error envelope
 * by the app's error handler, so that OpenAI-compatible clients understand it.
 */
import type { ErrorType } from '../shared/wire.js';

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: ErrorType,
    message: string,
    readonly code: string | null = null,
    readonly param: string | null = null,
    readonly headers: Record<string, string> = {},
    /** Further machine-readable fields of the error object, such as a window's `resets_at`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  toBody() {
    return { error: { type: this.type, code: this.code, message: this.message, param: this.param, ...this.details } };
  }
}

export const badRequest = (message: string, param: string | null = null, code: string | null = 'invalid_request') =>
  new ApiProblem(400, 'invalid_request_error', message, code, param);

export const unauthorized = (message = 'invalid or missing API key: send "Authorization: Bearer tp_..."') =>
  new ApiProblem(401, 'authentication_error', message, 'invalid_api_key');

export const notFound = (message: string, code = 'not_found', param: string | null = null) =>
  new ApiProblem(404, 'not_found', message, code, param);

export const quotaProblem = (code: 'insufficient_balance' | 'request_exceeds_balance' | 'payment_declined', message: string) =>
  new ApiProblem(402, 'insufficient_quota', message, code);
