/** How a cost in USD is written everywhere (under an answer, in an export). */

/** Two significant digits for sub-cent amounts ($0.000034), cents above that ($1.25). */
export function formatCostUsd(cost: number): string {
  if (cost === 0) return '$0';
  if (cost >= 1) return `$${cost.toFixed(2)}`;
  const decimals = Math.min(10, Math.max(2, 1 - Math.floor(Math.log10(cost))));
  return `$${cost.toFixed(decimals)}`;
}
