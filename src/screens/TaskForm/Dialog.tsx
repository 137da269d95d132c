// A small modal question: a title, a line or two, and the keys that answer it.
import { Box } from 'ink';
import { Text } from '../../components/Text.js';
import type { ReactNode } from 'react';
import { type Binding, useBindings } from '../../ui/bindings.js';

export function Dialog({
  title,
  children,
  bindings,
  tone = 'cyan',
  textInput = false,
}: {
  title: string;
  children?: ReactNode;
  bindings: Binding[];
  tone?: string;
  textInput?: boolean;
}) {
  useBindings(bindings, { kind: 'dialog', textInput });
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={tone} paddingX={1}>
      <Text bold color={tone}>
        {title}
      </Text>
      {children}
    </Box>
  );
}
