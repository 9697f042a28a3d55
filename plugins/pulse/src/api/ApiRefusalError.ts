/**
 * A write the Pulse API refused, with the server's own message and its JSON body (a 400 lists the bad fields in
 * `errors[]`). Backstage's ResponseError keeps a body only in its standard shape, which Pulse's 400 with `errors` is
 * not, so forms that show errors next to their fields read this instead.
 */
export class ApiRefusalError extends Error {
  constructor(message: string, readonly statusCode: number, readonly body: Record<string, unknown>) {
    super(message);
    this.name = 'ApiRefusalError';
  }

  /** Reads a failed response (consuming its body). */
  static async from(response: Response): Promise<ApiRefusalError> {
    const text = await response.text().catch(() => '');
    let body: Record<string, unknown> = {};
    try {
      const parsed = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed;
    } catch {
      // Not JSON (a proxy's error page): the status says enough.
    }
    const serverMessage = (body.error as { message?: unknown } | undefined)?.message;
    const message =
      typeof serverMessage === 'string' && serverMessage
        ? serverMessage
        : `Request failed with ${response.status} ${response.statusText}`.trim();
    return new ApiRefusalError(message, response.status, body);
  }
}
