import { ErrorMessage } from '@forge/react';

/** The errors of one field, each under it in the order the check gave them. */
export const fieldErrors = (messages: readonly string[]) => messages.map((message) => <ErrorMessage key={message}>{message}</ErrorMessage>);
