import { z } from 'zod';

/** Prometheus answers at most 11,000 points per series; longer ranges are asked for in pieces. */
const MAX_POINTS_PER_QUERY = 10_000;

const queryRangeResponse = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('success'),
    data: z.object({
      resultType: z.literal('matrix'),
      result: z.array(z.object({ values: z.array(z.tuple([z.number(), z.string()])) })),
    }),
  }),
  z.object({ status: z.literal('error'), errorType: z.string().optional(), error: z.string() }),
]);

/** The Prometheus HTTP API's range queries (`/api/v1/query_range`). */
export class PrometheusClient {
  constructor(private readonly fetchFn: typeof fetch = (...args) => fetch(...args)) {}

  /**
   * The query's values at every `stepMs` from `start` to `end` (epoch ms, both on the grid), summed over the series it
   * returns; times without a value are absent.
   */
  async queryRange(baseUrl: string, query: string, start: number, end: number, stepMs: number): Promise<Map<number, number>> {
    const values = new Map<number, number>();
    for (let from = start; from <= end; from += MAX_POINTS_PER_QUERY * stepMs) {
      const to = Math.min(end, from + (MAX_POINTS_PER_QUERY - 1) * stepMs);
      for (const series of await this.queryRangePiece(baseUrl, query, from, to, stepMs)) {
        for (const [seconds, text] of series.values) {
          const value = Number(text);
          const at = Math.round(seconds * 1000);
          if (Number.isFinite(value)) values.set(at, (values.get(at) ?? 0) + value);
        }
      }
    }
    return values;
  }

  private async queryRangePiece(baseUrl: string, query: string, start: number, end: number, stepMs: number) {
    const response = await this.fetchFn(`${baseUrl}/api/v1/query_range`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        query,
        start: String(start / 1000),
        end: String(end / 1000),
        step: `${stepMs / 1000}s`,
      }),
    });
    const parsed = queryRangeResponse.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) {
      throw new Error(`Prometheus at ${baseUrl} answered ${response.status} without a query_range result`);
    }
    if (parsed.data.status === 'error') {
      throw new Error(`Prometheus at ${baseUrl} rejected '${query}': ${parsed.data.errorType ?? 'error'}: ${parsed.data.error}`);
    }
    return parsed.data.data.result;
  }
}
