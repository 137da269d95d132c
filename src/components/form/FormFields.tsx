// Form fields drawn in a column: text, password (masked), choice (←/→ or Space cycles) and
// checkbox (Space ticks), each with its inline error line. The focused text field owns the
// keyboard (the caller registers its layer with textInput while `isTextField(focused)`).
// Generic: the Create Task form may reuse it.
import { Box } from 'ink';
import { Text } from '../Text.js';
import { TextField } from './TextField.js';

export type FieldSpec =
  | {
      kind: 'text' | 'password';
      name: string;
      label: string;
      placeholder?: string;
      /** The most characters the field takes (TextField's default otherwise). */
      maxLength?: number;
    }
  | { kind: 'choice'; name: string; label: string; display: (value: string) => string }
  | { kind: 'checkbox'; name: string; label: string };

export function isTextField(field: FieldSpec | undefined): boolean {
  return field?.kind === 'text' || field?.kind === 'password';
}

export interface FormFieldsProps {
  fields: readonly FieldSpec[];
  values: Record<string, string | boolean>;
  errors: Partial<Record<string, string>>;
  focused: number;
  labelWidth?: number;
  /** A text field's new value. */
  onChange: (name: string, value: string) => void;
}

export function FormFields({
  fields,
  values,
  errors,
  focused,
  labelWidth = 18,
  onChange,
}: FormFieldsProps) {
  return (
    <Box flexDirection="column">
      {fields.map((field, index) => {
        const isFocused = index === focused;
        const value = values[field.name];
        const error = errors[field.name];
        return (
          <Box key={field.name} flexDirection="column">
            <Box>
              <Text color={isFocused ? 'cyan' : undefined} bold={isFocused}>
                {isFocused ? '› ' : '  '}
                {field.label.padEnd(labelWidth)}
              </Text>
              {field.kind === 'text' || field.kind === 'password' ? (
                isFocused ? (
                  <TextField
                    value={String(value ?? '')}
                    mask={field.kind === 'password' ? '•' : undefined}
                    placeholder={field.placeholder}
                    maxLength={field.maxLength}
                    onChange={(text) => onChange(field.name, text)}
                  />
                ) : (
                  <Text dimColor={!value}>
                    {field.kind === 'password'
                      ? '•'.repeat(String(value ?? '').length) || '(none)'
                      : String(value ?? '') || field.placeholder || ''}
                  </Text>
                )
              ) : field.kind === 'choice' ? (
                <Text>
                  {isFocused ? '◂ ' : ''}
                  {field.display(String(value ?? ''))}
                  {isFocused ? ' ▸' : ''}
                </Text>
              ) : (
                <Text>{value ? '[x]' : '[ ]'}</Text>
              )}
            </Box>
            {error ? (
              <Text color="red">
                {'  '}
                {' '.repeat(labelWidth)}
                {error}
              </Text>
            ) : null}
          </Box>
        );
      })}
    </Box>
  );
}
