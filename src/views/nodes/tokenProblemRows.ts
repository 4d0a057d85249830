import { COMMANDS } from '../ids';
import { ActionNode } from './actionNode';
import { MessageNode } from './messageNode';
import type { TreeNode } from './treeNode';

export interface TokenProblem {
  /** "SENTRY_AUTH_TOKEN", or the path of a .sentryclirc. */
  source: string;
  /** Sign In's diagnosis, e.g. the organization-token explanation. */
  message: string;
}

const MAX_SENTENCES = 6;

/**
 * What the view shows instead of rows of errors when a token found in the environment or a
 * .sentryclirc failed the same check Sign In makes: why, sentence by sentence, and what to do.
 */
export function tokenProblemRows(problem: TokenProblem): TreeNode[] {
  const sentences = problem.message.split(/(?<=[.!?])\s+(?=\S)/).filter(Boolean);
  const shown = sentences.slice(0, MAX_SENTENCES);
  if (sentences.length > MAX_SENTENCES) shown[MAX_SENTENCES - 1] = `${shown[MAX_SENTENCES - 1]} …`;
  return [
    new MessageNode(undefined, `The token from ${problem.source} was not used:`, { icon: 'warning', key: 'token-problem', detail: problem.message }),
    ...shown.map((sentence, i) => new MessageNode(undefined, sentence, { icon: 'blank', key: `token-problem-${i}`, detail: problem.message })),
    new ActionNode(undefined, 'Sign In with Another Token…', COMMANDS.signIn, 'sign-in'),
    new ActionNode(undefined, 'Check Again', COMMANDS.refresh, 'refresh', 'Check the token again (after changing its scopes, the environment or the .sentryclirc)'),
    new ActionNode(undefined, 'Ignore This Token in This Workspace…', COMMANDS.signOut, 'circle-slash'),
  ];
}
