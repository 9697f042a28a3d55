/** The part of the release-gate answer the CLI prints. */
interface GateAnswer {
  entityRef: string;
  decision: 'allow' | 'warn' | 'block';
  reasons: string[];
  exception?: { requested: string; used: boolean } | null;
}

/** Where the CLI writes. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

const REQUEST_TIMEOUT_MS = 30_000;

/** `kind:namespace/name` into path segments; kind defaults to component and namespace to default. */
export function entityPathOf(entityRef: string): string {
  const match = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(entityRef.trim());
  if (!match) {
    throw new Error(`Invalid entity ref '${entityRef}', expected kind:namespace/name`);
  }
  const [, kind = 'component', namespace = 'default', name] = match;
  return [kind, namespace, name].map(part => encodeURIComponent(part.toLocaleLowerCase('en-US'))).join('/');
}

async function errorMessageOf(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text);
    return body?.error?.message ?? text;
  } catch {
    return text.slice(0, 200);
  }
}

/**
 * Runs a gate check (POST, so Pulse records it with the caller and any exception asked for) and returns the decision;
 * throws when there is no decision to be had.
 */
export async function fetchGate(options: {
  url: string;
  entityRef: string;
  token?: string;
  reason?: string;
}): Promise<GateAnswer> {
  const endpoint = `${options.url.replace(/\/+$/, '')}/api/pulse/slo/entities/${entityPathOf(options.entityRef)}/release-gate`;
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      },
      body: JSON.stringify(options.reason ? { reason: options.reason } : {}),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (e as Error).message;
    throw new Error(`cannot reach Pulse at ${options.url} (${reason})`);
  }
  if (!response.ok) {
    const message = await errorMessageOf(response);
    throw new Error(
      `Pulse answered ${response.status} ${response.statusText}${message ? `: ${message}` : ''}`,
    );
  }
  const body = (await response.json().catch(() => undefined)) as Partial<GateAnswer> | undefined;
  if (!body || !['allow', 'warn', 'block'].includes(body.decision ?? '') || !Array.isArray(body.reasons)) {
    throw new Error(`Pulse at ${options.url} did not answer with a release-gate decision`);
  }
  return body as GateAnswer;
}

/** Prints the decision and its reasons and returns the exit code: 0 allow, 0 or 1 (strict) warn, 1 block. */
export function reportGate(answer: GateAnswer, strict: boolean, output: Output): number {
  output.out(`Release gate for ${answer.entityRef}: ${answer.decision.toUpperCase()}`);
  for (const reason of answer.reasons) output.out(`  - ${reason}`);
  if (answer.exception && !answer.exception.used) {
    output.err(`warning: exception '${answer.exception.requested}' was not used`);
  }
  if (answer.decision === 'block') return 1;
  if (answer.decision === 'warn') {
    output.err(`warning: the release gate says warn${strict ? ' (--strict: failing)' : ''}`);
    return strict ? 1 : 0;
  }
  return 0;
}
