// Worker threads do not inherit the TypeScript loader of the thread that starts them: register the project's loader
// (scripts/ts-loader), then run the worker. A bundled build (see bench/votes.bench.ts) runs verify.worker.ts compiled
// instead.
import '../../../../scripts/ts-loader/register.mjs';

await import('./verify.worker.ts');
