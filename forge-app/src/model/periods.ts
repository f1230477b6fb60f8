/** The periods the gadgets offer; shared by the views and the resolvers, so without imports. */

/** The compliance gadget's trend: one point per ISO week, month or quarter. */
export const TREND_PERIODS = ['week', 'month', 'quarter'] as const;
export type TrendPeriod = (typeof TREND_PERIODS)[number];

/** The scorecard gadget's periods: the month asked for, or the quarter, year or year to date that holds it. */
export const SCORECARD_PERIODS = ['month', 'quarter', 'year', 'ytd'] as const;
export type ScorecardPeriod = (typeof SCORECARD_PERIODS)[number];
