import { customers, gatewayIp, order } from './customers.mjs';

/**
 * What the shop service logs with pino, whatever transport the logger writes to: sign-ins, payments,
 * a failed SMS, identity checks and an error, with the customers' personal data in fields, in the
 * message, in `%s` arguments and in an error's message and stack.
 */
export function serveShop(log) {
  log.info({ port: 8080, version: order.version }, 'shop service started');
  for (const customer of customers) {
    const request = log.child({ requestId: `req-${customer.id}`, clientIp: customer.ip });
    request.info({ user: { id: customer.id, name: customer.name, login: customer.user, email: customer.email } }, 'customer signed in');
    request.info({ ...order, payment: { card: customer.card ?? null, iban: customer.iban ?? null } }, `order ${order.orderId} paid`);
    request.warn('sms to %s failed, will retry', customer.phone);
  }
  log.info({ kyc: { idCard: customers[0].idCard, ssn: customers[1].ssn } }, 'identity checks queued');
  log.error({ err: new Error(`mail to ${customers[1].email} bounced: no route to ${gatewayIp}`) }, 'notification failed');
}
