// "Include LOB columns in replication" (docs/dms-api.md §4): the three choices SCT and the
// console offer, their size fields, and the TargetMetadata each one means. Pure.

export type LobMode = 'none' | 'full' | 'limited';

export const LOB_MODES: readonly { mode: LobMode; label: string }[] = [
  { mode: 'none', label: "Don't include LOB columns" },
  { mode: 'full', label: 'Full LOB mode' },
  { mode: 'limited', label: 'Limited LOB mode' },
];

/** Sizes in KB. LobMaxSize is capped at 102400 KB by DMS; LobChunkSize we hold to the same cap. */
export const LOB_LIMITS = { minKb: 1, maxKb: 102_400 } as const;
export const DEFAULT_LOB_CHUNK_KB = 64;
export const DEFAULT_LOB_MAX_KB = 32;

export interface LobChoice {
  mode: LobMode;
  /** Full LOB mode: LobChunkSize in KB. */
  chunkSizeKb: number;
  /** Limited LOB mode: LobMaxSize in KB. */
  maxSizeKb: number;
}

export function lobModeLabel(mode: LobMode): string {
  return LOB_MODES.find((m) => m.mode === mode)?.label ?? mode;
}

/** The TargetMetadata members this choice sets (merged by DMS over its defaults). */
export function lobTargetMetadata(choice: LobChoice): Record<string, boolean | number> {
  switch (choice.mode) {
    case 'none':
      return { SupportLobs: false };
    case 'full':
      return {
        SupportLobs: true,
        FullLobMode: true,
        LimitedSizeLobMode: false,
        LobChunkSize: choice.chunkSizeKb,
      };
    case 'limited':
      return {
        SupportLobs: true,
        FullLobMode: false,
        LimitedSizeLobMode: true,
        LobMaxSize: choice.maxSizeKb,
      };
  }
}

/** Which size field the mode shows, if any. */
export function lobSizeLabel(mode: LobMode): string | null {
  if (mode === 'full') return 'LOB chunk size (KB)';
  if (mode === 'limited') return 'Max LOB size (KB)';
  return null;
}

/** Parses the text of a size field: null and a reason when it is not a size DMS accepts. */
export function parseLobSize(
  text: string,
  mode: LobMode,
): { ok: true; kb: number } | { ok: false; error: string } {
  const label = lobSizeLabel(mode) ?? 'LOB size (KB)';
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: `${label} is required` };
  if (!/^\d+$/.test(trimmed))
    return { ok: false, error: `${label} must be a whole number of kilobytes` };
  const kb = Number(trimmed);
  if (kb < LOB_LIMITS.minKb || kb > LOB_LIMITS.maxKb)
    return {
      ok: false,
      error: `${label} must be between ${LOB_LIMITS.minKb} and ${LOB_LIMITS.maxKb}`,
    };
  return { ok: true, kb };
}

/**
 * A warning when limited LOB mode would cut the largest known LOB value, else null.
 * largestBytes: the biggest LOB value among the selected tables' LOB columns, when known.
 */
export function lobTruncationWarning(
  mode: LobMode,
  maxSizeKb: number,
  largestBytes: number | undefined,
): string | null {
  if (mode !== 'limited' || largestBytes === undefined) return null;
  if (largestBytes <= maxSizeKb * 1024) return null;
  const neededKb = Math.ceil(largestBytes / 1024);
  return `The largest LOB value is ${neededKb} KB: limited mode at ${maxSizeKb} KB would truncate it`;
}
