// Which code points fontMetrics.ts holds advance widths for, in order: Latin (Basic, Latin-1,
// Extended A and B), Arabic, and general punctuation (dashes, quotes, ellipsis).
export const METRIC_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x24f],
  [0x600, 0x6ff],
  [0x2000, 0x206f]
];
