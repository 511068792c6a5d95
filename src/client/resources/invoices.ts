/** Invoices (发票) asked for against a month's or an order's charges, and the list of them. */
import type { TokenClient } from '../client.js';
import type { Invoice, InvoiceRequest } from '../../shared/billing.js';

/** The schemas (and zod with them) load when an answer needs checking, not with the client. */
const billing = () => import('../../shared/billing.js');

export class Invoices {
  constructor(private readonly c: TokenClient) {}

  async request(body: InvoiceRequest): Promise<Invoice> {
    return this.c.request('POST', '/v1/invoices', { schema: (await billing()).InvoiceSchema, body });
  }

  async list() {
    return this.c.request('GET', '/v1/invoices', { schema: (await billing()).InvoiceListSchema });
  }
}
