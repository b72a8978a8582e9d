const DAY_MS = 86_400_000;

/** The fine for a late return: per started day late, capped; 0 when fines are off. Pure. */
export function lateFine(
  fines: { enabled: boolean; perDayMinor: number; maxMinor: number },
  dueAt: Date,
  returnedAt: Date,
): number {
  if (!fines.enabled) return 0;
  const late = returnedAt.getTime() - dueAt.getTime();
  if (late <= 0) return 0;
  const fine = Math.ceil(late / DAY_MS) * fines.perDayMinor;
  return fines.maxMinor > 0 ? Math.min(fine, fines.maxMinor) : fine;
}
