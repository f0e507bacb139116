// A second writer for the one-writer tests: takes the write lock of the index directory given as
// its argument (naming itself with the purpose given second, default "test holder"), says so on
// stdout, and holds it until it is killed.
import { acquireIndexLock } from '../../src/index/index-lock.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: hold-index-lock.ts INDEX_DIR [PURPOSE]');
const lock = await acquireIndexLock(dir, { purpose: process.argv[3] ?? 'test holder', waitMs: 10_000 });
process.stdout.write(`held ${lock.owner.pid}\n`);
setInterval(() => undefined, 60_000);
