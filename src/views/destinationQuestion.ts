import { untrustedText } from './untrustedText';
import type { DestinationQuestion } from '../auth/tokenDestinations';

export interface DestinationQuestionText {
  message: string;
  detail: string;
  send: string;
  refuse: string;
}

/** The words of the modal that asks before a token goes to a server the workspace names; every workspace value sanitised. */
export function destinationQuestionText(question: DestinationQuestion): DestinationQuestionText {
  const host = untrustedText(hostOf(question.url), 80);
  const url = untrustedText(question.url, 200);
  return {
    message: `Send your Sentry token to ${host}?`,
    detail: untrustedText(
      `This workspace's .sentryclirc (${question.urlSource}) names ${url} as the Sentry server, but the token comes from ${question.tokenSource}. ` +
        `A repository you cloned could use this to collect your token. Send it only if you trust this workspace and ${host} is your Sentry server. ` +
        `Your answer is remembered for ${url}.`,
      1000,
    ),
    send: `Send the Token to ${host}`,
    refuse: "Don't Send It",
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
