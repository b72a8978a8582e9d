/** An amount in minor units as `1,234.50 CNY` (two decimals; fixed, no Intl, so output is stable). */
export function moneyText(minor: number, currency: string): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  const units = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${units}.${String(abs % 100).padStart(2, "0")} ${currency}`;
}

/** A share as a percentage with one decimal (`12.5%`); `-` when the whole is 0. */
export function percentText(part: number, whole: number): string {
  return whole === 0 ? "-" : `${((part / whole) * 100).toFixed(1)}%`;
}
