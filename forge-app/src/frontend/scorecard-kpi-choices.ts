// The choices the scorecard editor offers for a KPI: scoring methods and their parameters, sources, aggregations.

export const SCORING_METHODS = ['ratio', 'progress', 'performance', 'goal-red-flag', 'stabilize', 'binary', 'bands'] as const;
/** The parameters each scoring method takes besides the KPI's target and direction (docs/SCORING.md). */
export const PARAMS: Record<(typeof SCORING_METHODS)[number], readonly string[]> = {
  ratio: [],
  progress: ['baseline'],
  performance: ['min', 'max'],
  'goal-red-flag': ['redFlag', 'scale'],
  stabilize: ['tolerance'],
  binary: [],
  bands: [],
};
/** The core's sources other than one policy's compliance (docs/SCORING.md, Actuals from a log). */
export const TICKET_SOURCES = ['sla', 'tat:median', 'tat:p90', 'ftr', 'reopen', 'csat', 'inps'] as const;
/** How a KPI's months combine over a quarter, a year or the year to date (the core's period aggregation). */
export const AGGREGATIONS = ['sum', 'average', 'last', 'min', 'max', 'ratio-of-sums'] as const;
