/**
 * Floating-point slack for thresholds: 0.72 ÷ 0.8 is 0.8999999999999999 and must still reach 0.9, and a goal reached
 * exactly must not read as 0.6666666666666665 < 2/3.
 */
const THRESHOLD_TOLERANCE = 1e-9;

/** Whether a ratio reaches a threshold, within the floating-point slack. */
export const reachesThreshold = (value: number, threshold: number): boolean => value >= threshold - THRESHOLD_TOLERANCE;
