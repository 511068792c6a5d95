/** Request bodies parsed and validated at the boundary: a malformed body is a 400 in the envelope that names the field. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { badRequest } from '../errors.js';

/** Reads and validates a JSON body; a bad one is a 400 that names the offending field. */
export async function parseJsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const raw = await c.req.text();
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw badRequest('request body is not valid JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const param = issue.path.map(String).join('.') || null;
    throw badRequest(`${param ?? 'body'}: ${issue.message}`, param);
  }
  return parsed.data;
}
