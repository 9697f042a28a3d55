import { Knex } from 'knex';

/** A piece of SQL with its positional bindings. */
export interface SqlFragment {
  text: string;
  values: Knex.Value[];
}

type SqlPart = SqlFragment | Knex.Value | Knex.Value[];

const isFragment = (part: SqlPart): part is SqlFragment =>
  typeof part === 'object' && part !== null && 'text' in part && 'values' in part;

/** A fragment of trusted SQL text without bindings (column names chosen by code, never by input). */
export const rawSql = (text: string): SqlFragment => ({ text, values: [] });

/**
 * Builds SQL from a template: fragments are inlined, arrays become an IN list `(?, ?)` (`(NULL)` when empty, which
 * matches nothing) and every other value a `?` binding.
 */
export function sql(strings: TemplateStringsArray, ...parts: SqlPart[]): SqlFragment {
  let text = strings[0];
  const values: Knex.Value[] = [];
  parts.forEach((part, index) => {
    if (isFragment(part)) {
      text += part.text;
      values.push(...part.values);
    } else if (Array.isArray(part)) {
      text += part.length === 0 ? '(NULL)' : `(${part.map(() => '?').join(', ')})`;
      values.push(...part);
    } else {
      text += '?';
      values.push(part);
    }
    text += strings[index + 1];
  });
  return { text, values };
}

/** Runs a fragment and returns its rows on both PostgreSQL (`{ rows }`) and SQLite (an array). */
export async function selectRows<T>(db: Knex, query: SqlFragment): Promise<T[]> {
  const result = await db.raw(query.text, query.values);
  return Array.isArray(result) ? result : result.rows;
}
