/**
 * Property tests (fast-check) draw from one fixed seed in a plain `npm test`, so a run is
 * reproducible: CI fails on a change, never on the luck of a draw. A long exploring run sets
 * `LOGVEIL_PROPERTY_RUNS` (more cases per property) and gets a new seed, printed once; every failure
 * such a run finds gets its own test. `LOGVEIL_PROPERTY_SEED` replays a seed.
 */
import fc from 'fast-check';

const FIXED_SEED = 20261203;
const given = process.env.LOGVEIL_PROPERTY_SEED;
const exploring = process.env.LOGVEIL_PROPERTY_RUNS !== undefined;
const seed = given !== undefined ? Number(given) : exploring ? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0 : FIXED_SEED;
if (exploring || given !== undefined) process.stderr.write(`logveil property tests: seed ${seed}\n`);
fc.configureGlobal({ seed });
