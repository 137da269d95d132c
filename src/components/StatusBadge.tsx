// A tone (health) as a colour, used by every list that colours rows by health.
import { Text } from './Text.js';
import type { Tone } from '../model/taskStatus.js';

export const TONE_COLOR: Record<Tone, string | undefined> = {
  good: 'green',
  busy: 'cyan',
  idle: undefined,
  warn: 'yellow',
  bad: 'red',
};

export function StatusBadge({ tone, text }: { tone: Tone; text: string }) {
  return <Text color={TONE_COLOR[tone]}>{text}</Text>;
}
