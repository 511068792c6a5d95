/**
 * Errors that node:http finds before a request reaches the app (headers too large, a malformed
 * request line, a request that took too long to arrive) would otherwise get Node's bare status line
 * with no body. This answers them in the same OpenAI error envelope, with an `x-request-id`, as raw
 * HTTP on the socket, which is all the connection allows at that stage; then it closes the socket,
 * because after a parse error the rest of the byte stream cannot be trusted.
 */
import type { Duplex } from 'node:stream';
import { ApiProblem } from './errors.js';
import { newRequestId } from './request-id.js';

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

function problemFor(code: string | undefined): ApiProblem {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return new ApiProblem(431, 'invalid_request_error', 'request headers are too large', 'request_headers_too_large');
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return new ApiProblem(408, 'invalid_request_error', 'the request took too long to arrive', 'request_timeout');
  }
  return new ApiProblem(400, 'invalid_request_error', 'malformed HTTP request', 'malformed_request');
}

/** The server's `clientError` listener. */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  // Node's own default does the same: a reset socket, or one whose current response has already sent
  // its headers, cannot take another status line.
  const response = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || response?.headersSent) {
    socket.destroy();
    return;
  }
  const problem = problemFor(err.code);
  const body = JSON.stringify(problem.toBody());
  socket.end(
    `HTTP/1.1 ${problem.status} ${REASONS[problem.status]}\r\n` +
      'content-type: application/json; charset=utf-8\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      `x-request-id: ${newRequestId()}\r\n` +
      'connection: close\r\n\r\n' +
      body,
  );
}
