import { Link } from '@forge/react';

/**
 * A ticket key as a link to the issue: a relative path, as views run inside the Jira site. UI Kit's Link takes
 * relative paths and may sit inside a Text (https://developer.atlassian.com/platform/forge/ui-kit/components/link/).
 */
export const IssueLink = ({ issueKey }: { issueKey: string }) => <Link href={`/browse/${encodeURIComponent(issueKey)}`}>{issueKey}</Link>;
