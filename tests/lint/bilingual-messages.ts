import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/**
 * The API's messages for people are one string, Dutch first: "Nederlands. / English." (the web
 * app shows them as they are). This finds the literal texts that break that: the message of a
 * `new DomainError(...)` and every literal in a field error's `messages` (an object literal with
 * `field` and `messages`, wherever it is built, since such problems end up in a DomainError), and
 * the first argument of the workflow's `stageConflict(...)` and `forbidden(...)`.
 * A message that is not a literal (a variable, a call such as refusalText(...)) is not judged here.
 */
export interface Finding {
  /** Repository-relative path with forward slashes. */
  file: string;
  line: number;
  kind: 'message' | 'fieldErrors';
  text: string;
}

/** Functions whose first argument is a message for a person (workflows/src/failures.ts). */
const WORKFLOW_REFUSALS = new Set(['stageConflict', 'forbidden']);

/** The separator between the Dutch and the English sentence. */
const SEPARATOR = ' / ';

/** Literal texts of an expression (template substitutions read as "…"); nothing for a non-literal. */
function literalTexts(e: ts.Expression): string[] {
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) return literalTexts(e.expression);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
  if (ts.isTemplateExpression(e)) return [e.head.text + e.templateSpans.map((s) => `…${s.literal.text}`).join('')];
  if (ts.isConditionalExpression(e)) return [...literalTexts(e.whenTrue), ...literalTexts(e.whenFalse)];
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const [left, right] = [literalTexts(e.left), literalTexts(e.right)];
    // A concatenation counts as a literal if either side is one; the parts join into one text.
    if (!left.length && !right.length) return [];
    return [`${left.join('') || '…'}${right.join('') || '…'}`];
  }
  return [];
}

function propertyNamed(o: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | undefined {
  return o.properties.find((p) => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === name);
}

/** Findings in one file's source text. */
export function findEnglishOnly(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const findings: Finding[] = [];
  const judge = (node: ts.Node, kind: Finding['kind'], e: ts.Expression) => {
    for (const text of literalTexts(e)) {
      if (!text.includes(SEPARATOR)) findings.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, kind, text });
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'DomainError') {
      const message = node.arguments?.[1];
      if (message) judge(message, 'message', message);
    }
    // The workflow's refusals (workflows/src/failures.ts) reach people as the 409/403 message.
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && WORKFLOW_REFUSALS.has(node.expression.text)) {
      const message = node.arguments[0];
      if (message) judge(message, 'message', message);
    }
    if (ts.isObjectLiteralExpression(node) && propertyNamed(node, 'field')) {
      const messages = propertyNamed(node, 'messages');
      if (messages && ts.isPropertyAssignment(messages) && ts.isArrayLiteralExpression(messages.initializer)) {
        for (const m of messages.initializer.elements) if (!ts.isSpreadElement(m)) judge(m, 'fieldErrors', m);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

/** The TypeScript sources (not tests) under the given repository-relative folders. */
export function sourceFiles(root: string, folders: string[]): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
      if (d.name === 'node_modules' || d.name === 'dist') return [];
      const full = join(dir, d.name);
      if (d.isDirectory()) return walk(full);
      return d.name.endsWith('.ts') && !/[.-]spec\.ts$/.test(d.name) && !d.name.endsWith('.d.ts') ? [full] : [];
    });
  return folders.flatMap((f) => walk(join(root, f))).map((f) => relative(root, f).split(sep).join('/'));
}

export function findEnglishOnlyIn(root: string, files: string[]): Finding[] {
  return files.flatMap((f) => findEnglishOnly(f, readFileSync(join(root, f), 'utf8')));
}
