import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface AuditActionScan {
  /** Every action string literal that can reach appendAudit. */
  actions: string[];
  /** `file:line expression` of each action built at run time (a template, a variable, a call). */
  dynamic: string[];
}

/**
 * The audit actions the source can append, read from its syntax tree: the `action:` of each object given to
 * appendAudit (ternaries included), and the arguments passed to any helper whose parameter is named `action`
 * (`audit(trx, actor, row, 'vote.open')`). Line patterns miss the helpers and multi-line objects.
 */
interface Helper {
  at: number;
  prefix: string;
}

const forwarded = (t: ts.TemplateExpression): boolean =>
  t.templateSpans.length === 1 &&
  ts.isIdentifier(t.templateSpans[0]!.expression) &&
  t.templateSpans[0]!.expression.text === 'action' &&
  t.templateSpans[0]!.literal.text === '';

export function scanAuditActions(roots: string[]): AuditActionScan {
  const files = roots.flatMap((root) =>
    fs
      .readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('testdata'))
      .map((f) => {
        const file = path.join(root, f);
        return ts.createSourceFile(
          path.relative(process.cwd(), file),
          fs.readFileSync(file, 'utf8'),
          ts.ScriptTarget.Latest,
          true,
        );
      }),
  );

  const each = (node: ts.Node, visit: (n: ts.Node) => void): void => {
    visit(node);
    node.forEachChild((c) => each(c, visit));
  };
  const isAppendAuditEntry = (n: ts.Node): boolean =>
    ts.isObjectLiteralExpression(n) &&
    ts.isCallExpression(n.parent) &&
    ts.isIdentifier(n.parent.expression) &&
    n.parent.expression.text === 'appendAudit';

  // A helper hands its `action` parameter to appendAudit (`{ action }`, `{ action: action }`) or a prefixed form of it
  // (`{ action: \`restructuring.${action}\` }`): returns the prefix ('' when none), or null when it is no such helper.
  const forwardedPrefix = (body: ts.Node): string | null => {
    let prefix: string | null = null;
    each(body, (n) => {
      if (!isAppendAuditEntry(n)) return;
      for (const p of (n as ts.ObjectLiteralExpression).properties) {
        if (ts.isShorthandPropertyAssignment(p) && p.name.text === 'action') prefix = '';
        if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name) || p.name.text !== 'action') continue;
        const v = p.initializer;
        if (ts.isIdentifier(v) && v.text === 'action') prefix = '';
        if (
          ts.isTemplateExpression(v) &&
          v.templateSpans.length === 1 &&
          ts.isIdentifier(v.templateSpans[0]!.expression) &&
          v.templateSpans[0]!.expression.text === 'action' &&
          v.templateSpans[0]!.literal.text === ''
        )
          prefix = v.head.text;
      }
    });
    return prefix;
  };

  // Helpers, per file (names repeat across modules): name → position of their `action` parameter.
  const helpersOf = new Map<ts.SourceFile, Map<string, Helper>>();
  const exported = new Map<string, Helper>();
  for (const sf of files) {
    const local = new Map<string, Helper>();
    each(sf, (n) => {
      const fn =
        ts.isFunctionDeclaration(n) && n.name
          ? { name: n.name.text, params: n.parameters, body: n.body }
          : ts.isVariableDeclaration(n) &&
              ts.isIdentifier(n.name) &&
              n.initializer &&
              (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer))
            ? { name: n.name.text, params: n.initializer.parameters, body: n.initializer.body }
            : null;
      const at = fn?.params.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === 'action') ?? -1;
      const prefix = fn?.body && at >= 0 ? forwardedPrefix(fn.body) : null;
      if (fn && prefix !== null) {
        local.set(fn.name, { at, prefix });
        exported.set(fn.name, { at, prefix });
      }
    });
    helpersOf.set(sf, local);
  }

  const actions = new Set<string>();
  const dynamic: string[] = [];
  const collect = (expr: ts.Node, sf: ts.SourceFile, prefix = ''): void => {
    if (ts.isIdentifier(expr) && expr.text === 'action') return; // a helper forwarding its own parameter
    if (ts.isTemplateExpression(expr) && forwarded(expr)) return; // …or a prefixed form of it
    if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr)) collect(expr.expression, sf, prefix);
    else if (ts.isConditionalExpression(expr)) [expr.whenTrue, expr.whenFalse].forEach((e) => collect(e, sf, prefix));
    else if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) actions.add(prefix + expr.text);
    else dynamic.push(`${sf.fileName}:${sf.getLineAndCharacterOfPosition(expr.getStart()).line + 1} ${expr.getText()}`);
  };
  for (const sf of files) {
    const local = helpersOf.get(sf)!;
    each(sf, (n) => {
      if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && n.name.text === 'action' && isAppendAuditEntry(n.parent))
        collect(n.initializer, sf);
      // Entries prepared before the call (`const entry = { action: 'x.y', … }`): a dotted literal is an audit action.
      else if (
        ts.isPropertyAssignment(n) &&
        ts.isIdentifier(n.name) &&
        n.name.text === 'action' &&
        ts.isStringLiteral(n.initializer) &&
        /^[a-z_-]+(\.[a-zA-Z_-]+)+$/.test(n.initializer.text)
      )
        actions.add(n.initializer.text);
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) {
        const helper = local.get(n.expression.text) ?? exported.get(n.expression.text);
        const arg = helper && n.arguments[helper.at];
        if (helper && arg) collect(arg, sf, helper.prefix);
      }
    });
  }
  return { actions: [...actions].sort(), dynamic: dynamic.sort() };
}
