import { SectionMessage, Text } from '@forge/react';
import type { Messages } from '../i18n/messages';

/** The refusals every resolver may answer, by code (resolvers/access.ts, license.ts), in the view's language. */
const REFUSALS: Record<string, (t: Messages, answer: { field?: string; message?: string }) => string> = {
  UNLICENSED: (t) => t.unlicensed,
  FORBIDDEN: (t) => t.forbidden,
  JIRA_ERROR: (t) => t.jiraUnavailable,
  NO_CONFIG: (t) => t.noConfig,
  INVALID_PAYLOAD: (t, answer) => t.invalidPayload(answer.field ?? '', answer.message ?? ''),
};

/** What a view says of an action a resolver refused: a known refusal in the user's language, else the resolver's own words. */
export const refusalText = (answer: { error: string; field?: string; message?: string }, t: Messages): string =>
  REFUSALS[answer.error]?.(t, answer) ?? answer.message ?? t.error;

/** What every view shows instead of data when the site's license is inactive (L1). */
export function UnlicensedMessage({ t }: { t: Messages }) {
  return (
    <SectionMessage appearance="warning">
      <Text>{t.unlicensed}</Text>
    </SectionMessage>
  );
}
