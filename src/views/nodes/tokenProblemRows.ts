import { COMMANDS } from '../../constants';
import { ActionNode } from './actionNode';
import type { TreeNode } from './treeNode';

/**
 * What the view offers instead of rows of errors when a token found in the environment or a
 * .sentryclirc failed the check Sign In makes; the view's message above them says why.
 */
export function tokenProblemRows(): TreeNode[] {
  return [
    new ActionNode(undefined, 'Sign In with Another Token…', COMMANDS.signIn, 'sign-in'),
    new ActionNode(undefined, 'Check Again', COMMANDS.refresh, 'refresh', 'Check the token again (after changing its scopes, the environment or the .sentryclirc)'),
    new ActionNode(undefined, 'Ignore This Token in This Workspace…', COMMANDS.signOut, 'circle-slash'),
  ];
}
