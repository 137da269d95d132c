// A project's settings in a dialog: AWS profile, region and default replication instance,
// checked as typed; Enter saves, Esc cancels.
import { Box } from 'ink';
import { Text } from '../../components/Text.js';
import { useState } from 'react';
import { useBindings } from '../../ui/bindings.js';
import { command } from '../../ui/commands.js';
import { hintFor } from '../../ui/keyHint.js';
import { type FieldSpec, FormFields } from '../../components/form/FormFields.js';
import type { Project } from '../../model/project.js';
import {
  applySettings,
  type SettingsDraft,
  settingsDraft,
  settingsErrors,
} from '../../model/projectSettings.js';

const SETTINGS_FIELDS: FieldSpec[] = [
  {
    kind: 'text',
    name: 'profile',
    label: 'AWS profile',
    placeholder: '(default chain; "sandbox" for the local sandbox)',
  },
  { kind: 'text', name: 'region', label: 'Region', placeholder: '(from the profile)' },
  {
    kind: 'text',
    name: 'defaultReplicationInstance',
    label: 'Default instance',
    placeholder: '(none)',
  },
];

export function ProjectSettingsForm({
  name,
  project,
  onSave,
  onCancel,
}: {
  name: string;
  /** Undefined when the project is gone: nothing can be saved. */
  project: Project | undefined;
  onSave: (project: Project) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<SettingsDraft>(() =>
    project ? settingsDraft(project) : { profile: '', region: '', defaultReplicationInstance: '' },
  );
  const [focused, setFocused] = useState(0);
  const errors = settingsErrors(draft);
  const n = SETTINGS_FIELDS.length;
  useBindings(
    [
      command('form.next', () => setFocused((f) => (f + 1) % n)),
      command('form.previous', () => setFocused((f) => (f + n - 1) % n)),
      command(
        'prompt.accept',
        () => project && onSave(applySettings(project, draft)),
        Object.keys(errors).length > 0 && 'Fix the fields marked in red first',
      ),
      command('prompt.cancel', onCancel),
    ],
    { kind: 'dialog', textInput: true },
  );
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1}>
      <Text bold>Settings of {name}</Text>
      <FormFields
        fields={SETTINGS_FIELDS}
        values={draft as unknown as Record<string, string>}
        errors={errors}
        focused={focused}
        onChange={(field, text) => setDraft((d) => ({ ...d, [field]: text }))}
      />
      <Text dimColor>
        {[
          hintFor('form.next', 'next field'),
          hintFor('prompt.accept', 'saves'),
          hintFor('prompt.cancel', 'cancels'),
        ].join(' · ')}
      </Text>
    </Box>
  );
}
