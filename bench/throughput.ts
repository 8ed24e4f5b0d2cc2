/**
 * Throughput and latency of POST /api/responses next to a trivial route
 * (GET /api/consultation, no D1) in the same run: the ratio is the figure.
 */
interface RunResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  failures: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** A bounded closed loop: `concurrency` clients share `total` requests, then stop. */
async function run(total: number, concurrency: number, send: (index: number) => Promise<Response>, ok: (status: number) => boolean): Promise<RunResult> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const index = next++;
        const begin = performance.now();
        const response = await send(index);
        await response.arrayBuffer();
        latencies.push(performance.now() - begin);
        if (!ok(response.status)) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: total, seconds, perSecond: total / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), failures };
}

export async function reportSubmitThroughput(baseUrl: string, options = { total: 2000, concurrency: 16 }): Promise<boolean> {
  const runId = Date.now();
  const trivial = () => fetch(`${baseUrl}/api/consultation`);
  const submit = (index: number) =>
    fetch(`${baseUrl}/api/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": `bench-${runId}-${index}` },
      body: JSON.stringify({ comments: [{ paragraph: "rough-sleeping-2", text: `Benchmark comment ${index}: more outreach at night.` }], publishConsent: index % 2 === 0 }),
    });
  // Warm both paths first so neither pays for start-up.
  await run(100, 4, trivial, (s) => s === 200);
  await run(100, 4, (i) => submit(options.total + i), (s) => s === 201);

  const baseline = await run(options.total, options.concurrency, trivial, (s) => s === 200);
  const posts = await run(options.total, options.concurrency, submit, (s) => s === 201);
  const row = (name: string, r: RunResult) => ({
    route: name,
    requests: r.requests,
    "req/s": r.perSecond.toFixed(0),
    "p50 ms": r.p50.toFixed(1),
    "p95 ms": r.p95.toFixed(1),
    "p99 ms": r.p99.toFixed(1),
    failures: r.failures,
  });
  console.log(`\nThroughput against the local Worker (${options.concurrency} concurrent clients, ${options.total} requests each)`);
  console.table([row("GET /api/consultation (trivial)", baseline), row("POST /api/responses", posts)]);
  console.log(`POST /api/responses runs at ${((posts.perSecond / baseline.perSecond) * 100).toFixed(0)}% of the trivial route's rate (ratio ${(posts.perSecond / baseline.perSecond).toFixed(2)}).`);
  return baseline.failures === 0 && posts.failures === 0;
}
