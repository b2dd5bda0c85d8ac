import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { describeAuditAction } from '../../../contracts/audit';

// Every action the votes module can append, read from its syntax tree rather than by line patterns: the `action:`
// of each entry given to appendAudit (ternaries included) and the arguments passed to any helper of the module whose
// parameter is named `action` (`audit(trx, actor, row, 'vote.open')`). An action built at run time fails the test.
const DIR = path.resolve('server/features/votes');
const files = fs
  .readdirSync(DIR, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('testdata'))
  .map((f) => ts.createSourceFile(f, fs.readFileSync(path.join(DIR, f), 'utf8'), ts.ScriptTarget.Latest, true));

function each(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  node.forEachChild((c) => each(c, visit));
}

// Helpers: name → position of their `action` parameter.
const helpers = new Map<string, number>();
for (const sf of files)
  each(sf, (n) => {
    const fn =
      ts.isFunctionDeclaration(n) && n.name
        ? { name: n.name.text, params: n.parameters }
        : ts.isVariableDeclaration(n) &&
            ts.isIdentifier(n.name) &&
            n.initializer &&
            (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer))
          ? { name: n.name.text, params: n.initializer.parameters }
          : null;
    const at = fn?.params.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === 'action') ?? -1;
    if (fn && at >= 0) helpers.set(fn.name, at);
  });

const actions = new Set<string>();
const dynamic: string[] = [];
function collect(expr: ts.Node, sf: ts.SourceFile): void {
  if (ts.isIdentifier(expr) && expr.text === 'action') return; // a helper forwarding its own parameter
  if (ts.isParenthesizedExpression(expr)) collect(expr.expression, sf);
  else if (ts.isConditionalExpression(expr)) [expr.whenTrue, expr.whenFalse].forEach((e) => collect(e, sf));
  else if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) actions.add(expr.text);
  else if (
    ts.isTemplateExpression(expr) ||
    ts.isIdentifier(expr) ||
    ts.isCallExpression(expr) ||
    ts.isPropertyAccessExpression(expr)
  )
    dynamic.push(`${sf.fileName}:${sf.getLineAndCharacterOfPosition(expr.getStart()).line + 1} ${expr.getText()}`);
  else expr.forEachChild((c) => collect(c, sf));
}
for (const sf of files)
  each(sf, (n) => {
    if (
      ts.isPropertyAssignment(n) &&
      ts.isIdentifier(n.name) &&
      n.name.text === 'action' &&
      ts.isCallExpression(n.parent.parent) &&
      ts.isIdentifier(n.parent.parent.expression) &&
      n.parent.parent.expression.text === 'appendAudit'
    )
      collect(n.initializer, sf);
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && helpers.has(n.expression.text)) {
      const arg = n.arguments[helpers.get(n.expression.text)!];
      if (arg) collect(arg, sf);
    }
  });
const found = [...actions].sort();

describe('audit labels of the votes module', () => {
  it('finds actions written both ways (the scan works)', () =>
    expect(found).toEqual(
      expect.arrayContaining([
        'vote.create',
        'vote.paper_entry.correct',
        'vote.paper_entry.create',
        'vote.ballot.cast',
        'vote.open',
      ]),
    ));
  it('builds no action at run time', () => expect(dynamic).toEqual([]));
  it.each(found)('%s reads as words in both languages', (action) => {
    expect(describeAuditAction(action, 'vi')).not.toBe(action);
    expect(describeAuditAction(action, 'en')).not.toBe(action);
  });
});
