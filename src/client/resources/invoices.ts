/** Invoices (发票) asked for against a month's or an order's charges, and the list of them. */
import type { TokenClient } from '../client.js';
import { InvoiceListSchema, InvoiceSchema, type Invoice, type InvoiceRequest } from '../../shared/billing.js';

export class Invoices {
  constructor(private readonly c: TokenClient) {}

  request(body: InvoiceRequest): Promise<Invoice> {
    return this.c.request('POST', '/v1/invoices', { schema: InvoiceSchema, body });
  }

  list() {
    return this.c.request('GET', '/v1/invoices', { schema: InvoiceListSchema });
  }
}
