// Issue 15: the Italian of every catalogue stays consistent. Every string literal of the catalogues
// (texts.ts of each capability, the core's i18n, the conversation engine, the adapters' texts) and
// every command's description is read with the TypeScript parser and checked for the straight
// apostrophe, doubled spaces, and words to avoid (gendered forms, the other name of buone prassi,
// awkward phrases, missing accents).
import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
/** Files under a folder (one level of subfolders) whose path matches. */
const files = (dir: string, match: RegExp) =>
  readdirSync(`${root}${dir}`, { recursive: true, encoding: 'utf8' })
    .map((f) => `${dir}/${f}`)
    .filter((f) => match.test(f));
const catalogues = [
  ...files('src/capabilities', /^src\/capabilities\/[^/]+\/(texts|[a-z]+-texts)\.ts$/),
  ...files('src/i18n', /\.ts$/),
  ...files('src/platform', /^src\/platform\/[^/]+\/texts\.ts$/),
  'src/conversation/texts.ts',
].sort();

/** The text pieces of every string literal and template in a file (comments and code left out). */
function strings(file: string, only?: (node: ts.Node) => boolean): { text: string; line: number }[] {
  const source = ts.createSourceFile(file, readFileSync(`${root}${file}`, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: { text: string; line: number }[] = [];
  const visit = (node: ts.Node, inside: boolean) => {
    const take = inside || !only || only(node);
    if (
      take &&
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node))
    ) {
      out.push({ text: node.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    }
    // Import paths and property keys are code, not text.
    if (ts.isImportDeclaration(node)) return;
    ts.forEachChild(node, (child) => visit(child, take));
  };
  visit(source, false);
  return out;
}

/** What people read from the commands: descriptions and usages in commands/*.ts (shown by /aiuto). */
const described = (node: ts.Node) => ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'description';

const avoid: [RegExp, string][] = [
  [/iscritt[oa]\/[ao]/i, 'forma con la barra: usa una forma che non chiede il genere'],
  [/eri rimast[oa]|sei stat[oa]|uscita o uscito|si è fermat[oa]|sei sicur[oa]|sei pront[oa]|benvenut[oa]\b/i, 'forma al maschile o femminile'],
  [/buon[ae] pratic/i, 'il programma dice «buone prassi»'],
  [/\(vuoto: /i, 'un messaggio non può essere vuoto'],
  [/canali e persone\.|canale o persona/i, 'frase goffa'],
  [/non serve più/i, 'frase goffa'],
  [/annuncio qui nei canali/i, '«qui» detto in privato'],
  [/perchè|\bpò\b|qual'è|qual’è|\bE' |corresponsabilita\b/i, 'accento o apostrofo sbagliato'],
];

describe('the Italian of the catalogues', () => {
  const all = [
    ...catalogues.flatMap((file) => strings(file).map((s) => ({ ...s, file }))),
    ...files('commands', /\.ts$/).flatMap((file) => strings(file, described).map((s) => ({ ...s, file }))),
  ];

  it('reads every catalogue', () => {
    expect(catalogues).toContain('src/capabilities/labs/texts.ts');
    expect(catalogues).toContain('src/i18n/core-texts.ts');
    expect(all.length).toBeGreaterThan(500);
  });

  it('uses one apostrophe (’), never the straight one between letters', () => {
    const wrong = all.filter((s) => /\p{L}'\p{L}/u.test(s.text)).map((s) => `${s.file}:${s.line} ${s.text}`);
    expect(wrong).toEqual([]);
  });

  it('has no doubled spaces', () => {
    const wrong = all.filter((s) => /\S {2,}\S/.test(s.text)).map((s) => `${s.file}:${s.line} ${s.text}`);
    expect(wrong).toEqual([]);
  });

  it('avoids the words and phrases on the list', () => {
    const wrong = all.flatMap((s) => avoid.filter(([re]) => re.test(s.text)).map(([, why]) => `${s.file}:${s.line} ${s.text} — ${why}`));
    expect(wrong).toEqual([]);
  });
});
