import type { SlaPolicyInput } from './policy';

/** JSM's two standard metrics, as policies to start from. */
export type SlaTemplateName = 'timeToFirstResponse' | 'timeToResolution';

/** What a template leaves to the admin: its id and name, the goal and the calendar it runs on. */
export interface SlaTemplateOptions {
  id?: string;
  name?: string;
  /** A target as people write it (`4h`, `30m`, `3bd`). */
  target: string;
  calendar: string;
  /** The status a request waits in for the customer (JSM's default name). */
  waitingForCustomer?: string;
  /** The status a request is resolved in. */
  resolved?: string;
}

/**
 * A JSM standard metric as a policy. Time to first response: from creation until an agent's reply the customer can
 * read (an internal note is no response), the request waits for the customer, or it is resolved. Time to resolution:
 * from creation until resolved, paused while waiting for the customer.
 */
export function slaPolicyTemplate(template: SlaTemplateName, options: SlaTemplateOptions): SlaPolicyInput {
  const waiting = options.waitingForCustomer ?? 'Waiting for customer';
  const resolved = options.resolved ?? 'Resolved';
  const goals = [{ target: options.target, calendar: options.calendar }];
  if (template === 'timeToFirstResponse') {
    return {
      id: options.id ?? 'time-to-first-response',
      name: options.name ?? 'Time to first response',
      start: { on: 'created' },
      stop: {
        statuses: [resolved],
        resolutionSet: true,
        events: [{ on: 'comment', public: true, byCustomer: false }, { on: 'statusEntered', statuses: [waiting] }],
      },
      goals,
    };
  }
  return {
    id: options.id ?? 'time-to-resolution',
    name: options.name ?? 'Time to resolution',
    start: { on: 'created' },
    pause: { statuses: [waiting] },
    stop: { statuses: [resolved], resolutionSet: true },
    goals,
  };
}
