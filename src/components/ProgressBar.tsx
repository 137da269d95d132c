// A progress bar with its percentage: "██████░░░░ 60%".
import { Text } from './Text.js';

export function progressText(percent: number, width: number): string {
  const p = Math.max(0, Math.min(100, Math.round(percent)));
  const label = `${p}%`.padStart(4);
  const barWidth = Math.max(0, width - label.length - 1);
  const filled = Math.round((barWidth * p) / 100);
  return `${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)} ${label}`;
}

export function ProgressBar({
  percent,
  width,
  color,
}: {
  percent: number;
  width: number;
  color?: string;
}) {
  return (
    <Text color={color ?? (percent >= 100 ? 'green' : 'cyan')}>{progressText(percent, width)}</Text>
  );
}
