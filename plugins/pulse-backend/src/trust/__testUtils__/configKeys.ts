import { readFileSync } from 'node:fs';

/** A documented config section: each key is a leaf value or a nested section; `*` stands for an index signature. */
export type KeyTree = { [key: string]: KeyTree | 'leaf' };

/** The body of the object type that starts at `text[open]` (a `{`), without the braces. */
function bodyAt(text: string, open: number): { body: string; end: number } {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    if (text[i] === '}' && --depth === 0) return { body: text.slice(open + 1, i), end: i };
  }
  throw new Error('Unbalanced braces in config.d.ts');
}

/** Splits an object type body into its members at `;` outside nested braces. */
function membersOf(body: string): string[] {
  const members: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    if (body[i] === '}') depth--;
    if (body[i] === ';' && depth === 0) {
      members.push(body.slice(start, i).trim());
      start = i + 1;
    }
  }
  members.push(body.slice(start).trim()); // the last member of an inline type has no `;`
  return members.filter(Boolean);
}

/** A member whose type is an object literal is a section; any other type (unions included) is a leaf. */
function treeOf(body: string): KeyTree {
  const tree: KeyTree = {};
  for (const member of membersOf(body)) {
    const match = member.match(/^(\[\w+: string\]|\w+)\??:\s*([\s\S]*)$/);
    if (!match) throw new Error(`Cannot read the config.d.ts member '${member}'`);
    const key = match[1].startsWith('[') ? '*' : match[1];
    const type = match[2].trim();
    tree[key] = type.startsWith('{') ? treeOf(bodyAt(type, 0).body) : 'leaf';
  }
  return tree;
}

/** The keys a config.d.ts documents under `pulse`. */
export function documentedPulseKeys(file: string): KeyTree {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const open = text.indexOf('{', text.indexOf('pulse?:'));
  return treeOf(bodyAt(text, open).body);
}

/**
 * Walks a config value along the documented tree: the paths the value sets that are not documented, and the
 * documented leaves the value leaves unset.
 */
export function compareWithDocumented(tree: KeyTree, value: object, prefix = 'pulse'): { undocumented: string[]; unset: string[] } {
  const undocumented: string[] = [];
  const covered = new Set<string>();
  const walk = (node: KeyTree, object: object, path: string, docPath: string) => {
    for (const [key, child] of Object.entries(object)) {
      const docKey = [key, '*'].find(candidate => candidate in node);
      if (!docKey) {
        undocumented.push(`${path}.${key}`);
        continue;
      }
      const sub = node[docKey];
      if (sub === 'leaf') covered.add(`${docPath}.${docKey}`);
      else walk(sub, child as object, `${path}.${key}`, `${docPath}.${docKey}`);
    }
  };
  walk(tree, value, prefix, prefix);
  const leaves = (node: KeyTree, path: string): string[] =>
    Object.entries(node).flatMap(([key, child]) => (child === 'leaf' ? [`${path}.${key}`] : leaves(child, `${path}.${key}`)));
  return { undocumented, unset: leaves(tree, prefix).filter(leaf => !covered.has(leaf)) };
}
