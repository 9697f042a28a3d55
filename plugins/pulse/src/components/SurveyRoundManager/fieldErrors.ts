/** One field the API refused: `errors[]` of Pulse's 400 answers (the path is dotted, e.g. `questions.0.max`). */
export interface ApiFieldError {
  path: string;
  message: string;
}

/** The API's refusal, split into field errors (shown next to their field) and the message. */
export interface ApiRefusal {
  message: string;
  fields: ApiFieldError[];
}

/** Reads a rejected client call: an ApiRefusalError carries the 400 body, whose `errors` name the fields. */
export function refusalOf(error: unknown): ApiRefusal {
  const body = (error as { body?: { errors?: unknown } } | undefined)?.body;
  const fields = Array.isArray(body?.errors)
    ? (body!.errors as ApiFieldError[]).filter(e => typeof e?.path === 'string' && typeof e?.message === 'string')
    : [];
  return { message: error instanceof Error ? error.message : String(error), fields };
}

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}.`);

/** The messages of the fields at or below `prefix`, joined; undefined when there are none. */
export function fieldMessage(refusal: ApiRefusal | undefined, ...prefixes: string[]): string | undefined {
  const messages = (refusal?.fields ?? []).filter(e => prefixes.some(p => under(e.path, p))).map(e => e.message);
  return messages.length > 0 ? messages.join('; ') : undefined;
}

/**
 * What a form cannot show next to a field: the message when no field error falls under the form's prefixes (a 409,
 * a 403, a network failure), else the field errors outside them.
 */
export function unplacedMessage(refusal: ApiRefusal | undefined, placed: (path: string) => boolean): string | undefined {
  if (!refusal) return undefined;
  if (refusal.fields.length === 0) return refusal.message;
  const rest = refusal.fields.filter(e => !placed(e.path));
  return rest.length > 0 ? rest.map(e => `${e.path || '(body)'}: ${e.message}`).join('; ') : undefined;
}
