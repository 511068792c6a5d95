/** Request ids, one format for every answer: those of the app and those written raw on a socket. */
import { randomUUID } from 'node:crypto';

export const newRequestId = (): string => `req_${randomUUID().replaceAll('-', '')}`;
