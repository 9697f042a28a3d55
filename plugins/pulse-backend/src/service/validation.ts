import { InputError } from '@backstage/errors';
import { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';

/** Largest batch one ingestion request may carry. */
export const MAX_BATCH_ITEMS = 1000;

/** One rejected field: where it is and what is wrong with it. */
export interface FieldError {
  /** Index of the batch item, when the error is inside `items`. */
  index?: number;
  /** Dotted path of the bad field, e.g. `items.3.good`. */
  path: string;
  message: string;
}

/** A 400 that carries every bad field, so a client can fix a whole batch in one go. */
export class ValidationError extends InputError {
  constructor(readonly fieldErrors: FieldError[], what = 'request') {
    super(
      `Invalid ${what}: ${fieldErrors
        .slice(0, 10)
        .map(e => `${e.path || '(body)'}: ${e.message}`)
        .join('; ')}${fieldErrors.length > 10 ? `; and ${fieldErrors.length - 10} more` : ''}`,
    );
  }
}

/** Turns zod issues into field errors; the item index is taken from an `items.N...` path. */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map(issue => {
    const index =
      issue.path[0] === 'items' && typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
    return { ...(index !== undefined ? { index } : {}), path: issue.path.join('.'), message: issue.message };
  });
}

/** Parses input against a schema or throws a ValidationError (400) naming every bad field. */
export function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown, what = 'request'): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new ValidationError(fieldErrorsOf(result.error), what);
  }
  return result.data;
}

/**
 * Express error handler that answers a ValidationError with Backstage's error body plus the `errors` list; every other
 * error goes on to the standard handler.
 */
export const validationErrorHandler: ErrorRequestHandler = (err, _req, res, next) => {
  if (err instanceof ValidationError) {
    res.status(400).json({
      error: { name: 'InputError', message: err.message },
      errors: err.fieldErrors,
    });
    return;
  }
  next(err);
};

/** What body-parser attaches to the errors it raises (see the body-parser README, "Errors"). */
interface BodyParserError extends Error {
  type: string;
  status: number;
  limit?: number;
}

function isBodyParserError(err: unknown): err is BodyParserError {
  const { type, status } = (err ?? {}) as Partial<BodyParserError>;
  return typeof type === 'string' && typeof status === 'number' && status >= 400 && status < 500;
}

const BODY_ERROR_NAMES: Record<number, string> = { 413: 'PayloadTooLargeError', 415: 'UnsupportedMediaTypeError' };

/**
 * Answers body-parser's failures in Backstage's error shape, without the parser internals (raw body, stack) its errors
 * carry: an oversized body 413, malformed JSON 400, an unsupported charset 415.
 */
export const bodyParserErrorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (!isBodyParserError(err)) {
    next(err);
    return;
  }
  let message = err.message;
  if (err.type === 'entity.too.large') message = `Request body is larger than the limit of ${err.limit} bytes`;
  if (err.type === 'entity.parse.failed') message = `Malformed JSON body: ${err.message}`;
  res.status(err.status).json({
    error: { name: BODY_ERROR_NAMES[err.status] ?? 'InputError', message },
    request: { method: req.method, url: req.originalUrl },
    response: { statusCode: err.status },
  });
};

/** Where a value holds U+0000, as field paths; PostgreSQL cannot store it in text, SQLite would store it silently. */
function nulPaths(value: unknown, path: string, depth = 0): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path] : [];
  if (value === null || typeof value !== 'object' || depth > 64) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const childPath = path ? `${path}.${key}` : key;
    return [...(key.includes('\u0000') ? [childPath] : []), ...nulPaths(child, childPath, depth + 1)];
  });
}

function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path; // express answers 400 for a malformed escape when it decodes the parameters
  }
}

/** Rejects a NUL character (U+0000) anywhere in the path, the query or a JSON body with a 400 naming the field. */
export const rejectNulCharacters: RequestHandler = (req, _res, next) => {
  const paths = [
    ...(decodedPath(req.path).includes('\u0000') ? ['(path)'] : []),
    ...nulPaths(req.query, 'query'),
    ...nulPaths(req.body, ''),
  ];
  if (paths.length > 0) {
    throw new ValidationError(paths.map(path => ({ path, message: 'must not contain the NUL character (U+0000)' })));
  }
  next();
};

/**
 * PostgreSQL's data exceptions (SQLSTATE class 22: a string too long for its column, a number out of range, a byte
 * sequence it cannot store) come from values of the request that validation let through. The transaction has rolled
 * back, so they answer 400 rather than 500.
 */
export const databaseValueErrorHandler: ErrorRequestHandler = (err, _req, _res, next) => {
  const code = String((err as { code?: unknown })?.code ?? '');
  if (/^22[0-9A-Z]{3}$/.test(code)) {
    next(new InputError(`A value of the request cannot be stored (PostgreSQL error ${code})`));
    return;
  }
  next(err);
};

/** An ISO 8601 instant with an offset or Z, e.g. 2026-11-29T10:00:00Z. */
export const isoInstant = z
  .string()
  .max(64)
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-11-29T10:00:00Z' });

/** An entity reference such as component:default/checkout. */
export const entityRefString = z.string().min(1).max(255);

/** The `{ "items": [...] }` envelope of every ingestion endpoint, 1 to MAX_BATCH_ITEMS items. */
export function batchOf<T extends z.ZodTypeAny>(item: T) {
  return z
    .object({
      items: z
        .array(item)
        .min(1, 'must hold at least one item')
        .max(MAX_BATCH_ITEMS, `must hold at most ${MAX_BATCH_ITEMS} items`),
    })
    .strict();
}
