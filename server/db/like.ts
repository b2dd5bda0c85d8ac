import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { escapeLike } from '../lib/text';

/**
 * `column` contains `text` as typed: "%" and "_" in the text match only themselves. The explicit ESCAPE matters
 * because SQLite has no default escape character (PostgreSQL's is "\").
 */
export function containsText(column: string, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${`%${escapeLike(text)}%`} escape '\\'`;
}

/** `column` contains the exact pattern built around `text` by `pattern` (text escaped), e.g. a word start `% ${t}%`. */
export function likeEscaped(
  expression: RawBuilder<unknown>,
  pattern: (escaped: string) => string,
  text: string,
): RawBuilder<SqlBool> {
  return sql<SqlBool>`${expression} like ${pattern(escapeLike(text))} escape '\\'`;
}
