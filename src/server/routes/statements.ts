/** The account's monthly statement of charges, and the invoices (发票) asked for against it. */
import { InvoiceRequestSchema, isUnifiedSocialCreditCode, MONTH } from '../../shared/billing.js';
import type { App, AppDeps } from '../app.js';
import { ApiProblem, badRequest, notFound } from '../errors.js';
import { statement } from '../store/charges.js';
import { listInvoices, orderExists, requestInvoice } from '../store/invoices.js';
import { renewDue } from '../store/subscriptions.js';
import { parseJsonBody } from './parse.js';

export function registerStatementRoutes(app: App, deps: AppDeps): void {
  app.get('/v1/statements/:month', async (c) => {
    const month = c.req.param('month');
    if (!MONTH.test(month)) throw badRequest(`"${month}" is not a month: use YYYY-MM, e.g. 2026-11`, 'month');
    const account = c.get('account');
    // Renewals are recorded when the account is next seen: a statement must include those due.
    await renewDue(deps.db, account.id, deps.now());
    return c.json(await statement(deps.db, account.id, account.currency, month));
  });

  app.get('/v1/invoices', async (c) => c.json({ object: 'list', data: await listInvoices(deps.db, c.get('account').id, deps.now()) }));

  app.post('/v1/invoices', async (c) => {
    const body = await parseJsonBody(c, InvoiceRequestSchema);
    const taxId = body.tax_id.toUpperCase();
    if (!isUnifiedSocialCreditCode(taxId)) {
      throw badRequest('tax_id is not a unified social credit code (统一社会信用代码): 18 digits and capitals whose last is its check character', 'tax_id', 'invalid_tax_id');
    }
    const account = c.get('account');
    await renewDue(deps.db, account.id, deps.now());
    const invoice = await deps.db.transaction(async (tx) => {
      if (body.order_id !== undefined && !(await orderExists(tx, account.id, body.order_id))) {
        throw notFound(`no order "${body.order_id}" on this account's statements`, 'order_not_found', 'order_id');
      }
      const made = await requestInvoice(tx, account.id, account.currency, { ...body, tax_id: taxId }, deps.invoiceDelayMs, deps.now());
      if (!made) throw new ApiProblem(409, 'invalid_request_error', `every charge of ${body.month ?? body.order_id} is invoiced already, or there is none`, 'nothing_to_invoice', body.month ? 'month' : 'order_id');
      return made;
    });
    return c.json(invoice, 201);
  });
}
