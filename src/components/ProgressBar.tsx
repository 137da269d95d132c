// A progress bar with its percentage: "██████░░░░ 60%", coloured by how the load really went
// (model/taskReading.ts): green only when complete, red when it failed or left tables in error.
import type { BarStyle } from '../model/taskReading.js';
import { Text } from './Text.js';

export function progressText(percent: number, width: number): string {
  const p = Math.max(0, Math.min(100, Math.round(percent)));
  const label = `${p}%`.padStart(4);
  const barWidth = Math.max(0, width - label.length - 1);
  const filled = Math.round((barWidth * p) / 100);
  return `${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)} ${label}`;
}

const BAR_COLOR: Record<BarStyle, string | undefined> = {
  complete: 'green',
  progress: 'cyan',
  partial: 'yellow',
  failed: 'red',
  none: undefined,
};

export function ProgressBar({
  percent,
  width,
  barStyle,
}: {
  percent: number;
  width: number;
  barStyle?: BarStyle;
}) {
  const style = barStyle ?? (percent >= 100 ? 'complete' : 'progress');
  return (
    <Text color={BAR_COLOR[style]} dimColor={style === 'none'}>
      {progressText(percent, width)}
    </Text>
  );
}
