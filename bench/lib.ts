import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

/** Bounded load on a loopback URL only: fixed duration and connection count, stops by itself. */
export async function load(
  url: string,
  opts: { seconds: number; connections: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(url)) throw new Error(`loopback only: ${url}`);
  const r = await autocannon({ url, duration: opts.seconds, connections: opts.connections, headers: opts.headers });
  return { requestsPerSecond: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99, errors: r.errors + r.non2xx };
}

export function ratio(value: number, baseline: number): string {
  return `${(value / baseline).toFixed(2)}×`;
}

export function flag(argv: string[], name: string, fallback: number): number {
  const hit = argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split('=')[1]) : fallback;
}
