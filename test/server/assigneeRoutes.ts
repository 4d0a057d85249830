import { requireOrganization, requireProject } from './lookups';
import { pagedList } from './pagedResponse';
import { RequestContext, Route } from './requestContext';
import { badRequest, jsonResponse } from './responses';
import { MemberRecord, OrganizationRecord, TeamRecord } from './serverData';

/**
 * Who an issue can be assigned to, in the shapes of Sentry's organization-member and team
 * serializers: `GET /organizations/{org}/users/?project=` (org:read; what Sentry's assignee menu
 * reads), `GET /organizations/{org}/members/` (member:read), `GET /organizations/{org}/teams/`
 * (org:read) and `GET /projects/{org}/{project}/teams/` (project:read). Every member of the demo's
 * organizations sees every project, so `project` only has to name projects of the organization.
 */

const JOINED = '2025-11-03T09:12:44.101Z';

function serializeUser(member: MemberRecord): Record<string, unknown> {
  return {
    id: member.id,
    name: member.name,
    username: member.username,
    email: member.email,
    avatarUrl: null,
    isActive: true,
    hasPasswordAuth: true,
    isManaged: false,
    dateJoined: JOINED,
    lastLogin: JOINED,
    has2fa: false,
    lastActive: JOINED,
    isSuperuser: false,
    isStaff: false,
    experiments: {},
    emails: [{ id: member.id, email: member.email, is_verified: true }],
    avatar: { avatarType: 'letter_avatar', avatarUuid: null },
  };
}

/** The organization-member shape; the member's id is its user's id here (the demo has one member per user). */
function serializeMember(member: MemberRecord, organization: OrganizationRecord): Record<string, unknown> {
  return {
    id: member.id,
    email: member.email,
    name: member.name,
    user: serializeUser(member),
    orgRole: 'member',
    pending: false,
    expired: false,
    flags: { 'idp:provisioned': false, 'idp:role-restricted': false, 'sso:linked': false, 'sso:invalid': false, 'member-limit:restricted': false, 'partnership:restricted': false },
    dateCreated: JOINED,
    inviteStatus: 'approved',
    inviterName: null,
    role: 'member',
    roleName: 'Member',
    teams: organization.teams.map((t) => t.slug),
  };
}

function serializeTeam(team: TeamRecord, organization: OrganizationRecord): Record<string, unknown> {
  return {
    id: team.id,
    slug: team.slug,
    name: team.name,
    dateCreated: JOINED,
    isMember: true,
    teamRole: null,
    flags: { 'idp:provisioned': false },
    access: ['event:read', 'event:write', 'project:read', 'org:read'],
    hasAccess: true,
    isPending: false,
    memberCount: organization.members.length,
    avatar: { avatarType: 'letter_avatar', avatarUuid: null },
  };
}

/** `project` ids (repeatable) must be numbers of this organization's projects, as in Sentry. */
function projectSlugs(context: RequestContext, organization: OrganizationRecord): string[] {
  const ids = context.query.getAll('project').filter((p) => p !== '');
  if (!ids.every((id) => /^-?\d+$/.test(id))) throw badRequest('Invalid project parameter. Values must be numbers.');
  const projects = ids.length === 0 || ids.includes('-1') ? organization.projects : organization.projects.filter((p) => ids.includes(p.project.id));
  return projects.map((p) => p.project.slug);
}

export const assigneeRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/0/organizations/:org/users/',
    scope: 'org:read',
    handle: (context) => {
      const organization = requireOrganization(context);
      const projects = projectSlugs(context, organization);
      return jsonResponse(200, organization.members.map((m) => ({ ...serializeMember(m, organization), projects })));
    },
  },
  {
    method: 'GET',
    pattern: '/api/0/organizations/:org/members/',
    scope: 'member:read',
    handle: (context) => {
      const organization = requireOrganization(context);
      return pagedList(context, organization.members.map((m) => serializeMember(m, organization)));
    },
  },
  {
    method: 'GET',
    pattern: '/api/0/organizations/:org/teams/',
    scope: 'org:read',
    handle: (context) => {
      const organization = requireOrganization(context);
      return pagedList(context, organization.teams.map((t) => serializeTeam(t, organization)));
    },
  },
  {
    method: 'GET',
    pattern: '/api/0/projects/:org/:project/teams/',
    scope: 'project:read',
    handle: (context) => {
      const { organization, project } = requireProject(context);
      const ids = new Set(project.project.teams.map((t) => t.id));
      return pagedList(context, organization.teams.filter((t) => ids.has(t.id)).map((t) => serializeTeam(t, organization)));
    },
  },
];

/** Whose token this is, for `GET /api/0/`: the first member of the first organization (an org token has no user). */
export function tokenUser(organizations: readonly OrganizationRecord[], scopes: readonly string[]): Record<string, unknown> | null {
  const first = organizations[0]?.members[0];
  return first && !(scopes.length === 1 && scopes[0] === 'org:ci') ? serializeUser(first) : null;
}
