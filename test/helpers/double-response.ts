/** An HTTP answer shaped like the fetch Response that @forge/api's requestJira resolves to, as the doubles give it. */
export interface DoubleResponse {
  ok: boolean;
  status: number;
  statusText: string;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}

export const STATUS_TEXT: Record<number, string> = { 200: 'OK', 204: 'No Content', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };

export const respond = (status: number, body: unknown, headers: Record<string, string> = {}): DoubleResponse => ({
  ok: status >= 200 && status < 300,
  status,
  statusText: STATUS_TEXT[status] ?? 'OK',
  headers: { get: (name) => headers[name] ?? headers[name.toLowerCase()] ?? null },
  json: async () => JSON.parse(JSON.stringify(body)),
  text: async () => JSON.stringify(body),
});
