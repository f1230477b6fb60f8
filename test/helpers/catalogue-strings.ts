/**
 * The product's strings as the TypeScript compiler sees them, for the Vietnamese sweeps: every string and template
 * literal of the doors and the core (template text without its `${…}` parts), with its file and line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface FoundString {
  file: string;
  line: number;
  text: string;
  /** The names of the object properties and variables the literal sits under, innermost first (`vi`, `en`, `target`). */
  owners: string[];
  /** A spelling a reader of old sheets may still type (a vocabulary's second or later `vi` word): read, never shown. */
  acceptedOnly: boolean;
}

const ROOT = join(import.meta.dirname, '../..');
/** Where the product's words live: the core and the three doors (the thin root `src/` only re-exports). */
const SOURCE_DIRS = ['core', 'forge-app/src', 'sheets-addon/src', 'sheets-addon/client', 'cli'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const nameOf = (node: ts.Node): string | null => {
  if ((ts.isPropertyAssignment(node) || ts.isVariableDeclaration(node)) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) return node.name.text;
  return null;
};

function ownersOf(node: ts.Node): string[] {
  const owners: string[] = [];
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    const name = nameOf(at);
    if (name !== null) owners.push(name);
  }
  return owners;
}

/** A later spelling in a vocabulary's `vi: [...]` list (the first is the one shown). */
const isAcceptedOnly = (node: ts.Node): boolean =>
  ts.isArrayLiteralExpression(node.parent) && node.parent.elements.indexOf(node as ts.Expression) > 0 && nameOf(node.parent.parent) === 'vi';

function literalsOf(file: string): FoundString[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: FoundString[] = [];
  const add = (node: ts.Node, value: string) =>
    found.push({ file: relative(ROOT, join(ROOT, file)), line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: value, owners: ownersOf(node), acceptedOnly: isAcceptedOnly(node) });
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    // A quoted property name (`'goal-red-flag': …`) is a key, not a word anyone reads.
    const isKey = node.parent !== undefined && ts.isPropertyAssignment(node.parent) && node.parent.name === node;
    if (isKey) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) add(node, node.text);
    else if (ts.isTemplateExpression(node)) add(node, [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' … '));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

let cache: FoundString[] | null = null;
export const productStrings = (): FoundString[] => (cache ??= SOURCE_DIRS.flatMap(sourceFiles).flatMap(literalsOf));

/** Letters only Vietnamese writes (ă, â, đ, ê, ô, ơ, ư and the tone marks): a string with one is Vietnamese text. */
const VIETNAMESE_LETTER = /[ăâđêôơưàáạảãầấậẩẫằắặẳẵèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ]/i;
export const isVietnamese = (text: string): boolean => VIETNAMESE_LETTER.test(text);
