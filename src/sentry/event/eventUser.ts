import type { EventUser } from './eventModel';
import { readObject } from '../json/fieldReader';
import type { ProblemLog } from './problemLog';
import { definedOnly, parseTextFields } from './eventTextFields';

/** `user` in either form (the API keeps `ip_address` in snake case). Undefined when it names no one. */
export function parseUser(value: unknown, problems: ProblemLog): EventUser | undefined {
  const reader = readObject(value, 'user', problems);
  if (!reader) return undefined;
  const user: EventUser = {
    id: reader.id('id'),
    email: reader.str('email'),
    username: reader.str('username'),
    ipAddress: reader.str('ip_address', 'ipAddress'),
    name: reader.str('name'),
    ...definedOnly({ geo: parseTextFields(reader.raw('geo'), 'user geo', problems) }),
  };
  return Object.values(user).some((field) => field !== undefined) ? user : undefined;
}
