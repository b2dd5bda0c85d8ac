import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';

/**
 * The half-open range of strings that start with `prefix`: [prefix, prefix with its last character raised by one).
 * For a path `/a/b/` that is [`/a/b/`, `/a/b0`) ("0" is the byte after "/"); paths hold only ULID characters and "/".
 */
export function subtreeRange(prefix: string): { from: string; to: string } {
  if (prefix === '') return { from: '', to: '\u{10FFFF}' };
  return { from: prefix, to: `${prefix.slice(0, -1)}${String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}` };
}

/**
 * `column` under any of the subtree roots, as index ranges OR-ed (`path >= root AND path < root-with-its-last-"/"
 * -raised-to-"0"`), served by the plain path index on both dialects (byte order: SQLite BINARY, PostgreSQL
 * collation "C", migration 20261127_1800). No roots means no rows (never "everything").
 */
export function inSubtrees<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  pathColumn: string,
  roots: readonly string[],
): Expression<SqlBool> {
  if (roots.length === 0) return sql<SqlBool>`1 = 0`;
  return eb.or(
    roots.map((root) => {
      const { from, to } = subtreeRange(root);
      return sql<SqlBool>`(${sql.ref(pathColumn)} >= ${from} and ${sql.ref(pathColumn)} < ${to})`;
    }),
  );
}
