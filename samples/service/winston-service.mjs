// A shop service logging with winston through the logveil/winston format, between the formats that
// add data (errors, splat, timestamp) and the one that writes the line (json). The lines go to
// stdout; what was replaced (numbers only) goes to stderr at the end.
//
//   npm run build && node samples/service/winston-service.mjs
import { fileURLToPath } from 'node:url';
import { createAnonymizer, loadPolicyFile } from 'logveil';
import logveil from 'logveil/winston';
import winston from 'winston';
import { customers, gatewayIp, order } from './customers.mjs';

const { combine, errors, json, splat, timestamp } = winston.format;
// No key: a random one for this run (hashed emails agree only until the process restarts).
const anonymizer = createAnonymizer({ policy: loadPolicyFile(fileURLToPath(new URL('../policy.yaml', import.meta.url))) });
const logger = winston.createLogger({
  defaultMeta: { service: 'shop' },
  format: combine(errors({ stack: true }), splat(), timestamp(), logveil({ anonymizer }), json()),
  transports: [new winston.transports.Console()],
});

logger.info('shop service started', { port: 8080, version: order.version });
for (const customer of customers) {
  const request = logger.child({ requestId: `req-${customer.id}`, clientIp: customer.ip });
  request.info('customer signed in', { user: { id: customer.id, name: customer.name, login: customer.user, email: customer.email } });
  request.info(`order ${order.orderId} paid`, { ...order, payment: { card: customer.card ?? null, iban: customer.iban ?? null } });
  request.warn('sms to %s failed, will retry', customer.phone);
}
logger.info('identity checks queued', { kyc: { idCard: customers[0].idCard, ssn: customers[1].ssn } });
logger.error(new Error(`mail to ${customers[1].email} bounced: no route to ${gatewayIp}`));

logger.on('finish', () => console.error('logveil:', JSON.stringify(anonymizer.counters())));
logger.end();
