/** A portal survey answer, as both stores keep it (storage/inps-answers.ts). */

/**
 * One answer in a project-month bucket: [score 0-10, answered at, the request's organizations or null, then for a
 * request under an issue security level only: the level's id and the issue's id (SECURED_INPS_AT)].
 */
export type InpsEntry = [number, number, string | null, string?, string?];

/** Where an answer entry's security level and issue id sit. */
export const SECURED_INPS_AT = 3;

/** The answer as kept per requester and request (the comment lives only here, not in the buckets). */
export interface InpsAnswerRecord {
  issueKey: string;
  score: number;
  comment: string | null;
  at: number;
  month: string;
  organization: string | null;
  /** The request's issue security level (id) and the issue's id, kept with the answer; absent in older records. */
  securityLevel?: string | null;
  issueId?: string;
}
