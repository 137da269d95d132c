// One side of the schema browser: its title (engine and connection), and the tree with each
// row decorated (marks, estimates, "missing in target"), or how to set the connection.
import { Box } from 'ink';
import { Text } from '../../components/Text.js';
import { useMemo } from 'react';
import { keysFor } from '../../ui/keyHint.js';
import { Tree } from '../../components/Tree.js';
import type { CatalogPane } from '../../hooks/useCatalogPane.js';
import { type ConnectionSpec, describeConnection, engineInfo } from '../../model/connection.js';
import type { TargetIndex, TreeRow } from '../../model/schemaTree.js';
import { decorateRow } from './decorate.js';

export function PaneView({
  title,
  spec,
  pane,
  cursor,
  height,
  width,
  focused,
  marks,
  target,
}: {
  title: 'SOURCE' | 'TARGET';
  spec: ConnectionSpec | null | undefined;
  pane: CatalogPane;
  cursor: { index: number; offset: number };
  height: number;
  width: number;
  focused: boolean;
  marks: ReadonlySet<string>;
  target?: TargetIndex;
}) {
  const { side, serverVersion } = pane;
  const decorate = useMemo(
    () => (row: TreeRow) => decorateRow(row, { side, marks, target, serverVersion, width }),
    [side, marks, target, serverVersion, width],
  );
  return (
    <Box flexDirection="column" width={width}>
      <Text bold color={focused ? 'cyan' : undefined} wrap="truncate-end">
        {title} {spec ? `${engineInfo(spec.engine).label} · ${describeConnection(spec)}` : ''}
      </Text>
      {spec ? (
        <Tree
          rows={pane.rows}
          cursor={cursor.index}
          offset={cursor.offset}
          height={height}
          width={width}
          active={focused}
          decorate={decorate}
        />
      ) : (
        <Text dimColor>
          No {title.toLowerCase()} connection: set it on the projects screen ({keysFor('app.goto')}
          project, then {keysFor(title === 'SOURCE' ? 'projects.source' : 'projects.target')}).
        </Text>
      )}
    </Box>
  );
}
