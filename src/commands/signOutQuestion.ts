import type { CredentialOrigin } from '../auth/credentialDiscovery';
import { untrustedText } from '../views/untrustedText';

export interface SignOutQuestionText {
  message: string;
  detail: string;
  ignore: string;
}

/**
 * What Sign Out says when the token is not one it stored: it cannot delete it from where it is,
 * so it offers to ignore it in this workspace.
 */
export function signOutQuestionText(origin: CredentialOrigin, source: string): SignOutQuestionText {
  const where =
    origin.kind === 'environment'
      ? `the environment variable ${origin.variable}, which VS Code inherited when it started. Signing out cannot remove it from there`
      : `${source}. Signing out does not edit that file`;
  return {
    message: 'Sign out of Sentry in this workspace?',
    detail: untrustedText(
      `The token comes from ${where}: it stays there, and other tools such as sentry-cli keep using it. ` +
        'Sentry Explorer can ignore it in this workspace instead. "Use the Token from the Environment or .sentryclirc" in the Sentry view brings it back.',
      1000,
    ),
    ignore: 'Ignore It in This Workspace',
  };
}
