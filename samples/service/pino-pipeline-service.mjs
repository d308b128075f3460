// A shop service logging with pino through logveil/pino as a pipeline step in front of pino/file: any
// transport can come after it (pino-pretty, pino-elasticsearch …) and gets only anonymized lines.
//
//   npm run build && node samples/service/pino-pipeline-service.mjs clean.log
//   (without a file name, pino/file writes to stdout)
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { serveShop } from './pino-shop.mjs';

const transport = pino.transport({
  pipeline: [
    // No keyFile: a random key for this run (hashed emails agree only until the process restarts).
    { target: 'logveil/pino', options: { policy: fileURLToPath(new URL('../policy.yaml', import.meta.url)) } },
    { target: 'pino/file', options: { destination: process.argv[2] ?? 1, mkdir: true } },
  ],
});
serveShop(pino(transport).child({ service: 'shop' }));
