/**
 * Every regular expression written in src/: regex literals and `RegExp(...)`
 * calls, found by parsing each file with the TypeScript compiler (so a new
 * file's patterns are covered without a list to keep). A `RegExp` whose
 * arguments are not constants is reported as a dynamic site: its patterns
 * only exist at run time (see `captureRegExps`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export type RegexSite = { file: string; line: number; source: string; flags: string };
export type DynamicSite = { file: string; line: number; code: string };

export function listSourceFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
    }
  };
  walk(join(root, 'src'));
  return out.sort();
}

/** A string the compiler can tell without running anything: a literal, or `String.raw` of one. */
function constantText(node: ts.Node | undefined): string | null {
  if (node === undefined) return null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (
    ts.isTaggedTemplateExpression(node) &&
    node.tag.getText() === 'String.raw' &&
    ts.isNoSubstitutionTemplateLiteral(node.template)
  )
    return node.template.rawText ?? node.template.text;
  return null;
}

export function inventory(root: string): { sites: RegexSite[]; dynamic: DynamicSite[] } {
  const sites: RegexSite[] = [];
  const dynamic: DynamicSite[] = [];
  for (const path of listSourceFiles(root)) {
    const file = relative(root, path);
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const lineOf = (n: ts.Node) => source.getLineAndCharacterOfPosition(n.getStart()).line + 1;
    const visit = (node: ts.Node) => {
      if (ts.isRegularExpressionLiteral(node)) {
        const slash = node.text.lastIndexOf('/');
        sites.push({
          file,
          line: lineOf(node),
          source: node.text.slice(1, slash),
          flags: node.text.slice(slash + 1),
        });
      } else if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'RegExp'
      ) {
        const [first, second] = node.arguments ?? [];
        const pattern = constantText(first);
        const flags = second === undefined ? '' : constantText(second);
        if (pattern !== null && flags !== null)
          sites.push({ file, line: lineOf(node), source: pattern, flags });
        else if (first !== undefined && ts.isRegularExpressionLiteral(first) && second === undefined) {
          // `new RegExp(/x/)` copies a literal that is already listed.
        } else dynamic.push({ file, line: lineOf(node), code: node.getText().slice(0, 160) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { sites, dynamic };
}

export type CapturedRegExp = { source: string; flags: string; file: string | null; line: number | null };

/**
 * Records every `RegExp` constructed while `run` runs, with the src/ file
 * and line that built it (from the stack), so that patterns assembled from
 * word lists at load time, or per call, can be audited like literals.
 */
export async function captureRegExps(root: string, run: () => Promise<void>): Promise<CapturedRegExp[]> {
  const captured: CapturedRegExp[] = [];
  const original = globalThis.RegExp;
  const srcDir = join(root, 'src');
  const record = (args: unknown[]) => {
    const built = Reflect.construct(original, args) as RegExp;
    const frame = (new Error().stack ?? '')
      .split('\n')
      .map((l) =>
        /\((?:file:\/\/)?([^()]+?):(\d+):\d+\)$|at (?:file:\/\/)?([^\s()]+?):(\d+):\d+$/.exec(l.trim()),
      )
      .find((m) => m !== null && (m[1] ?? m[3] ?? '').startsWith(srcDir));
    const where = frame ? (frame[1] ?? frame[3] ?? null) : null;
    captured.push({
      source: built.source,
      flags: built.flags,
      file: where === null ? null : relative(root, where),
      line: frame ? Number(frame[2] ?? frame[4]) : null,
    });
    return built;
  };
  globalThis.RegExp = new Proxy(original, {
    construct: (_target, args) => record(args),
    apply: (_target, _this, args) => record(args),
  });
  try {
    await run();
  } finally {
    globalThis.RegExp = original;
  }
  return captured;
}
