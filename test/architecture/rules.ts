// The layering rules of src/: imports point one way (down this table), the AWS SDK only in
// src/aws, database drivers only in src/db, conf only in src/config, and no node: built-ins in
// the pure or drawing layers. test/architecture/layers.test.ts checks them on every `npm test`;
// README "Layout of the code" describes the same layers.
import type { ImportEdge } from './imports.js';
import { layerOf } from './imports.js';

interface LayerRule {
  /** Folders under src/ this layer may import (its own folder always). */
  may: string[];
  /** Folders it may import types from (`import type`) but no code: the services contract. */
  types?: string[];
  /** Whether node: built-ins are allowed. */
  node: boolean;
}

export const LAYERS: Record<string, LayerRule> = {
  // The composition roots.
  cli: {
    may: ['shell', 'commands', 'ui', 'aws', 'db', 'config', 'sandbox', 'agent', 'model'],
    node: true,
  },
  shell: {
    may: ['screens', 'components', 'hooks', 'ui', 'aws', 'db', 'config', 'model'],
    node: false,
  },
  commands: { may: ['agent', 'aws', 'db', 'config', 'sandbox', 'model'], node: true },
  // The UI: screens draw, components are reusable widgets, hooks hold data and side effects.
  screens: { may: ['components', 'hooks', 'ui', 'model'], node: false },
  components: { may: ['hooks', 'ui', 'model'], node: false },
  hooks: { may: ['ui', 'agent', 'aws', 'db', 'config', 'model'], node: false },
  // Shared UI infrastructure: keys, dispatcher, services context, navigation, status.
  ui: { may: ['model'], types: ['aws', 'db', 'config'], node: false },
  // Adapters to the outside world.
  aws: { may: ['model'], node: true },
  db: { may: ['model'], node: true },
  config: { may: ['model'], node: true },
  // The replication agent: a background process extracting to S3 (and its control client).
  agent: { may: ['aws', 'db', 'config', 'sandbox', 'model'], node: true },
  // The local DMS-compatible service.
  sandbox: { may: ['db', 'config', 'model'], node: true },
  // Pure domain logic.
  model: { may: [], node: false },
};

/** Packages that only some layers may import. */
const PACKAGE_OWNERS: { pattern: RegExp; layers: string[]; what: string }[] = [
  { pattern: /^@aws-sdk\/|^@smithy\//, layers: ['aws'], what: 'the AWS SDK' },
  {
    pattern:
      /^(pg|pg-copy-streams|pg-logical-replication|mysql2|@vlasky\/zongji|@electric-sql\/.*)(\/.*)?$/,
    layers: ['db'],
    what: 'database drivers',
  },
  { pattern: /^(conf|env-paths)$/, layers: ['config'], what: 'config storage' },
  {
    pattern: /^(ink|ink-.*|react)$/,
    layers: ['cli', 'shell', 'screens', 'components', 'hooks', 'ui'],
    what: 'Ink and React',
  },
];

export function violations(edges: ImportEdge[]): string[] {
  const found: string[] = [];
  for (const edge of edges) {
    const from = layerOf(edge.file);
    const rule = LAYERS[from];
    const where = `${edge.file}:${edge.line} imports '${edge.specifier}'`;
    if (!rule) {
      found.push(`${where}: src/${from} is not a known layer (add it to LAYERS)`);
      continue;
    }
    if (edge.target) {
      if (!edge.target.startsWith('src/')) continue;
      const to = layerOf(edge.target);
      if (to === from || rule.may.includes(to)) continue;
      if (edge.typeOnly && rule.types?.includes(to)) continue;
      found.push(`${where}: ${from} may not import ${to}`);
      continue;
    }
    if (edge.specifier.startsWith('node:')) {
      if (!rule.node) found.push(`${where}: no node: built-ins in ${from}`);
      continue;
    }
    for (const owner of PACKAGE_OWNERS) {
      if (owner.pattern.test(edge.specifier) && !owner.layers.includes(from))
        found.push(`${where}: ${owner.what} only in ${owner.layers.join(', ')}`);
    }
  }
  return found;
}
