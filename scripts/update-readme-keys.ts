// Rewrites the key list in README.md from the key table: npx tsx scripts/update-readme-keys.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { withKeyTable } from '../src/ui/keyDocs.js';

const path = new URL('../README.md', import.meta.url);
writeFileSync(path, withKeyTable(readFileSync(path, 'utf8')));
console.log('README.md keys updated');
