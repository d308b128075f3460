// A shop service logging with pino through logveil/pino as the single target: the transport, in
// pino's worker thread, anonymizes every line and writes it to stdout.
//
//   npm run build && node samples/service/pino-service.mjs
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { serveShop } from './pino-shop.mjs';

const transport = pino.transport({
  target: 'logveil/pino',
  // No keyFile: a random key for this run (hashed emails agree only until the process restarts).
  options: { policy: fileURLToPath(new URL('../policy.yaml', import.meta.url)), destination: 1 },
});
// The service's name under `service`, which the policy keeps: pino's `name` option would write it
// under `name`, a personal field name that the dictionary replaces.
serveShop(pino(transport).child({ service: 'shop' }));
// pino ends the transport at exit, and the transport writes every line before it closes.
