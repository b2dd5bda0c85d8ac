// Worker threads do not inherit the TypeScript loader of the thread that starts them: register tsx, then run the
// worker. A bundled build (see bench/votes.bench.ts) runs verify.worker.ts compiled instead.
import { register } from 'tsx/esm/api';

register();
await import('./verify.worker.ts');
