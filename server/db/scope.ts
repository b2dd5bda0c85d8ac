import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';

/**
 * `column LIKE root%` for each subtree root, OR-ed; no roots means no rows (never "everything").
 * Paths are ULIDs and slashes, so they hold no LIKE wildcards.
 */
export function inSubtrees<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  pathColumn: string,
  roots: readonly string[],
): Expression<SqlBool> {
  if (roots.length === 0) return sql<SqlBool>`1 = 0`;
  return eb.or(roots.map((root) => sql<SqlBool>`${sql.ref(pathColumn)} like ${`${root}%`}`));
}
