// Table mappings as a readable list of rules: a add, d remove, t include ⇄ exclude, n renames a
// schema on the target (without one, tables land in a schema of the source schema's name),
// Enter edits the schema and table patterns (% any run, _ one character), Esc returns.
import { Box } from 'ink';
import { Text } from '../../components/Text.js';
import { useState } from 'react';
import { useBindings } from '../../ui/bindings.js';
import { hintFor } from '../../ui/keyHint.js';
import { useListCursor } from '../../hooks/useListCursor.js';
import { visibleRange } from '../../model/listCursor.js';
import {
  type MappingRow,
  mappingsError,
  patternError,
  schemaNameError,
  targetSchemasText,
} from '../../model/selectionMappings.js';
import { Dialog } from './Dialog.js';
import { TextField } from '../../components/form/TextField.js';

export function MappingsEditor({
  rows,
  height,
  onChange,
  onClose,
}: {
  rows: MappingRow[];
  height: number;
  onChange(rows: MappingRow[]): void;
  onClose(): void;
}) {
  const listHeight = Math.max(1, height - 5);
  const list = useListCursor({ name: 'mappings', count: rows.length, height: listHeight });
  const index = list.cursor.index;
  const focused = rows[index];
  const [editing, setEditing] = useState<{ index: number; row: MappingRow } | null>(null);
  const none = rows.length === 0 ? `No rules: ${hintFor('form.ruleAdd', 'adds one')}` : null;

  useBindings(
    [
      ...list.bindings,
      {
        command: 'form.ruleAdd',
        handler: () =>
          setEditing({
            index: rows.length,
            row: { action: 'include', schema: focused?.schema ?? '%', table: '%' },
          }),
      },
      {
        command: 'form.ruleRename',
        handler: () => {
          const schema = (focused ?? rows.find((r) => r.action === 'include'))?.schema;
          setEditing({
            index: rows.length,
            row: { action: 'rename-schema', schema: schema ?? '', table: '%', to: '' },
          });
        },
      },
      {
        command: 'form.ruleEdit',
        handler: () => focused && setEditing({ index, row: focused }),
        disabledReason: none,
      },
      {
        command: 'form.ruleToggle',
        handler: () =>
          focused &&
          onChange(
            rows.map((r, i) =>
              i === index ? { ...r, action: r.action === 'include' ? 'exclude' : 'include' } : r,
            ),
          ),
        disabledReason:
          none ??
          (focused?.action === 'rename-schema'
            ? 'A rename rule is neither include nor exclude (d removes it)'
            : null),
      },
      {
        command: 'form.ruleDelete',
        handler: () => focused && onChange(rows.filter((_, i) => i !== index)),
        disabledReason: none,
      },
      { command: 'nav.back', handler: onClose },
    ],
    { kind: 'screen', active: editing === null },
  );

  const { start, end } = visibleRange(list.cursor, rows.length, listHeight);
  const problem = mappingsError(rows);
  return (
    <Box flexDirection="column">
      <Text bold>Table mappings: selection rules, applied in order</Text>
      <Text dimColor wrap="truncate-end">
        Tables land on the target in a schema of the source schema's name
        {targetSchemasText(rows) ? ` (${targetSchemasText(rows)})` : ''};{' '}
        {hintFor('form.ruleRename', 'renames one')}
      </Text>
      <Text dimColor>
        {'  #  '}
        {'ACTION'.padEnd(14)}
        {'SCHEMA'.padEnd(24)}TABLE
      </Text>
      {none ? <Text dimColor>{none}</Text> : null}
      {rows.slice(start, end).map((row, i) => {
        const n = start + i;
        return (
          <Text key={`${n}:${row.schema}.${row.table}`} inverse={n === index && !editing}>
            {String(n + 1).padStart(3)}
            {'  '}
            <Text
              color={
                row.action === 'include' ? 'green' : row.action === 'exclude' ? 'yellow' : 'cyan'
              }
            >
              {row.action.padEnd(14)}
            </Text>
            {row.schema.padEnd(24)}
            {row.action === 'rename-schema' ? `→ ${row.to ?? ''} on the target` : row.table}
          </Text>
        );
      })}
      {problem ? <Text color="red">✗ {problem}</Text> : null}
      {editing ? (
        <RuleDialog
          row={editing.row}
          isNew={editing.index >= rows.length}
          onAccept={(row) => {
            const next = [...rows];
            next[editing.index] = row;
            onChange(next);
            if (editing.index >= rows.length) list.focus(editing.index);
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
    </Box>
  );
}

function RuleDialog({
  row,
  isNew,
  onAccept,
  onCancel,
}: {
  row: MappingRow;
  isNew: boolean;
  onAccept(row: MappingRow): void;
  onCancel(): void;
}) {
  const [schema, setSchema] = useState(row.schema);
  const renaming = row.action === 'rename-schema';
  const [table, setTable] = useState(renaming ? (row.to ?? '') : row.table);
  const [field, setField] = useState<'schema' | 'table'>('schema');
  const [error, setError] = useState<string | null>(null);
  const accept = () => {
    const problem =
      patternError(schema, 'Schema') ??
      (renaming ? schemaNameError(table) : patternError(table, 'Table'));
    if (problem) setError(problem);
    else onAccept(renaming ? { ...row, schema, to: table } : { ...row, schema, table });
  };
  const toggle = () => setField((f) => (f === 'schema' ? 'table' : 'schema'));
  return (
    <Dialog
      title={
        renaming
          ? `${isNew ? 'Add' : 'Edit'} a rename-schema rule: the schema's name on the target`
          : `${isNew ? 'Add' : 'Edit'} ${row.action} rule (% any run, _ one character)`
      }
      textInput
      bindings={[
        { command: 'prompt.accept', handler: accept },
        { command: 'prompt.cancel', handler: onCancel },
        { command: 'dialog.next', handler: toggle },
        { command: 'dialog.previous', handler: toggle },
      ]}
    >
      <Text>
        Schema:{' '}
        <TextField value={schema} onChange={setSchema} focus={field === 'schema'} maxLength={255} />
      </Text>
      <Text>
        {renaming ? 'Rename to: ' : 'Table:  '}
        <TextField value={table} onChange={setTable} focus={field === 'table'} maxLength={255} />
      </Text>
      {error ? <Text color="red">✗ {error}</Text> : null}
      <Text dimColor>
        {hintFor('dialog.next', 'switches', { typing: true })} ·{' '}
        {hintFor('prompt.accept', 'accepts')} · {hintFor('prompt.cancel', 'cancels')}
      </Text>
    </Dialog>
  );
}
