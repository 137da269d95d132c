// README "Layout of the code" is drawn from the folders as they are: its table names every
// folder of src/ (and cli.tsx), and each row's "may import" column says what rules.ts enforces.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LAYERS } from './rules.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function layoutRows(): Map<string, string[]> {
  const readme = readFileSync(`${root}/README.md`, 'utf8');
  const section = readme.slice(readme.indexOf('## Layout of the code'));
  const rows = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const folder = cells[1]?.match(/^`src\/([\w.]+?)\/?`$/)?.[1];
    if (!folder) continue;
    const layer = folder.replace(/\.tsx?$/, '');
    const may = (cells[3] ?? '')
      .replace(/\(types only from ([^)]*)\)/, '')
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name && name !== 'nothing');
    rows.set(layer, may);
  }
  return rows;
}

describe('README "Layout of the code"', () => {
  const rows = layoutRows();

  it('names every folder of src/ and nothing else', () => {
    const folders = readdirSync(`${root}/src`, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect([...rows.keys()].sort()).toEqual([...folders, 'cli'].sort());
  });

  it('says for each layer what the import check allows', () => {
    for (const [layer, may] of rows) {
      const rule = LAYERS[layer];
      expect(rule, `rules.ts has no layer ${layer}`).toBeDefined();
      if (may.includes('everything')) continue;
      expect([...may].sort(), `README row for src/${layer}`).toEqual([...rule!.may].sort());
    }
  });
});
