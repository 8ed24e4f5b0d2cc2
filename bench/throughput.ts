/**
 * Throughput and latency of POST /api/responses next to a trivial route
 * (GET /api/consultation, no D1) in the same run, at 1, 10 and 50 concurrent
 * clients, driven by autocannon. The ratio of the two is the headline.
 */
import autocannon from "autocannon";

export interface LoadFigures {
  route: string;
  clients: number;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  failures: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export async function load(options: { url: string; route: string; clients: number; amount: number; post?: (index: number) => { key: string; body: string } }): Promise<LoadFigures> {
  let index = 0;
  const latencies: number[] = [];
  let failures = 0;
  let finished!: (result: autocannon.Result) => void;
  let failed!: (error: unknown) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => ((finished = resolve), (failed = reject)));
  // Timed here, to the last answer: autocannon ends a run on a one-second tick and gives its duration in whole seconds.
  const started = performance.now();
  let answered = started;
  const instance = autocannon({
    url: options.url,
    connections: options.clients,
    amount: options.amount,
    timeout: 30,
    requests: [
      options.post
        ? {
            method: "POST",
            setupRequest: (request: autocannon.Request) => {
              const { key, body } = options.post!(index++);
              return { ...request, headers: { ...request.headers, "Content-Type": "application/json", "Idempotency-Key": key }, body };
            },
          }
        : { method: "GET" },
    ],
  }, (error, result) => (error ? failed(error) : finished(result)));
  instance.on("response", (_client, status, _bytes, responseTime) => {
    latencies.push(responseTime);
    answered = performance.now();
    if (status >= 400) failures++;
  });
  const result = await done;
  const seconds = (answered - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    route: options.route,
    clients: options.clients,
    requests: result.requests.total,
    perSecond: result.requests.total / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    failures: failures + result.errors + result.timeouts + result.non2xx,
  };
}

/** Measures both routes at each level of concurrency; prints a table and returns the figures. */
export async function measureSubmitThroughput(baseUrl: string, paragraph: string): Promise<{ rows: LoadFigures[]; ratios: Record<string, number> }> {
  const runId = Date.now();
  const post = (index: number) => ({
    key: `bench-${runId}-${index}`,
    body: JSON.stringify({ comments: [{ paragraph, text: `Benchmark comment ${index}: more outreach at night.` }], publishConsent: index % 2 === 0 }),
  });
  let posted = 0;
  const postFrom = (offset: number) => (index: number) => post(offset + index);
  // Warm both paths so neither pays for start-up.
  await load({ url: `${baseUrl}/api/consultation`, route: "warm", clients: 4, amount: 200 });
  await load({ url: `${baseUrl}/api/responses`, route: "warm", clients: 4, amount: 200, post: postFrom((posted += 200) - 200) });

  const rows: LoadFigures[] = [];
  const ratios: Record<string, number> = {};
  for (const [clients, amount] of [[1, 400], [10, 2000], [50, 4000]] as const) {
    const trivial = await load({ url: `${baseUrl}/api/consultation`, route: "GET /api/consultation (trivial)", clients, amount });
    const submit = await load({ url: `${baseUrl}/api/responses`, route: "POST /api/responses", clients, amount, post: postFrom((posted += amount) - amount) });
    rows.push(trivial, submit);
    ratios[`${clients} clients`] = submit.perSecond / trivial.perSecond;
  }
  console.log("\nThroughput against the local Worker (autocannon; latency in ms)");
  console.table(
    rows.map((row) => ({
      route: row.route,
      clients: row.clients,
      requests: row.requests,
      "req/s": row.perSecond.toFixed(0),
      p50: row.p50.toFixed(1),
      p95: row.p95.toFixed(1),
      p99: row.p99.toFixed(1),
      failures: row.failures,
    })),
  );
  for (const [level, ratio] of Object.entries(ratios)) console.log(`At ${level}, POST /api/responses runs at ${(ratio * 100).toFixed(0)}% of the trivial route's rate.`);
  return { rows, ratios };
}
