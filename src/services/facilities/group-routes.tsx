/** Resident pages of group registration (団体登録). Thin: parse, call group-service, present. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { requireResident } from '../../platform/access/require-access.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { fieldErrorMap, readForm } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { FacilityContext } from './facility-context.ts';
import { groupForMember, groupsOfResident, joinGroup, registerGroup, updateMembers } from './group-service.ts';
import { GroupPage, GroupsPage, NewGroupPage, type GroupFormValues } from './group-views.tsx';

export const GroupForm = Type.Object({
  name: Type.String({ maxLength: 100 }),
  nameKana: Type.String({ maxLength: 100 }),
  contactPhone: Type.String({ maxLength: 20 }),
  contactEmail: Type.String({ maxLength: 200 }),
  purpose: Type.String({ maxLength: 200 }),
  activity: Type.String({ maxLength: 500 }),
  inCity: Type.Array(Type.Literal('yes'), { maxItems: 1 }),
  members: Type.String({ maxLength: 20000 }),
});
const JoinForm = Type.Object({ code: Type.String({ maxLength: 20 }), memberName: Type.String({ maxLength: 50 }) });
const MembersForm = Type.Object({ members: Type.String({ maxLength: 20000 }) });
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export async function registerGroupRoutes(app: FastifyInstance, ctx: FacilityContext): Promise<void> {
  async function listPage(request: FastifyRequest, joinValues = { code: '', memberName: '' }, joinErrors: Record<string, string> = {}) {
    const resident = requireResident(request.resident);
    const groups = await groupsOfResident(ctx, resident);
    return <GroupsPage ctx={viewContext(request)} groups={groups.map((g) => ({ ...g, representative: g.representative_account_id === resident.accountId }))} joinValues={joinValues} joinErrors={joinErrors} />;
  }

  app.get('/facilities/groups', async (request, reply) => reply.html(await listPage(request)));

  app.get('/facilities/groups/new', async (request, reply) => {
    const resident = requireResident(request.resident);
    const values: GroupFormValues = { name: '', nameKana: '', contactPhone: '', contactEmail: '', purpose: '', activity: '', inCity: ['yes'], members: resident.displayName };
    return reply.html(<NewGroupPage ctx={viewContext(request)} values={values} errors={{}} />);
  });

  app.post('/facilities/groups/new', async (request, reply) => {
    const resident = requireResident(request.resident);
    const t = request.t;
    const { values, errors } = readForm(GroupForm, request.body, { name: t('facilities.group.name'), nameKana: t('facilities.group.kana'), contactPhone: t('facilities.group.phone'), contactEmail: t('facilities.group.email'), purpose: t('facilities.group.purpose'), activity: t('facilities.group.activity'), members: t('facilities.group.members') });
    const show = (errs: Record<string, string>) => reply.html(<NewGroupPage ctx={viewContext(request)} values={values} errors={errs} />, 400);
    if (errors.length) return show(fieldErrorMap(errors, t));
    try {
      const id = await registerGroup(ctx, resident, { ...values, inCity: values.inCity.includes('yes') });
      setFlash(reply, 'success', 'facilities.group.registered');
      return reply.redirect(`/facilities/groups/${id}`, 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_input') return show(fieldErrorMap(error.fields, t));
      throw error;
    }
  });

  app.post('/facilities/groups/join', async (request, reply) => {
    const resident = requireResident(request.resident);
    const t = request.t;
    const { values, errors } = readForm(JoinForm, request.body, { code: t('facilities.group.join.code'), memberName: t('facilities.group.join.name') });
    if (errors.length) return reply.html(await listPage(request, values, fieldErrorMap(errors, t)), 400);
    try {
      const id = await joinGroup(ctx, resident, values.code, values.memberName);
      setFlash(reply, 'success', 'facilities.group.joined');
      return reply.redirect(`/facilities/groups/${id}`, 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_input') return reply.html(await listPage(request, values, fieldErrorMap(error.fields, t)), 400);
      throw error;
    }
  });

  app.get('/facilities/groups/:id', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const { group, members, representative } = await groupForMember(ctx, resident, (request.params as { id: string }).id);
    return reply.html(<GroupPage ctx={viewContext(request)} group={group} members={members} representative={representative} membersText={members.map((m) => m.name).join('\n')} errors={{}} />);
  });

  app.post('/facilities/groups/:id/members', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const id = (request.params as { id: string }).id;
    const { values } = readForm(MembersForm, request.body);
    try {
      await updateMembers(ctx, resident, id, values.members);
      setFlash(reply, 'success', 'facilities.group.membersSaved');
      return reply.redirect(`/facilities/groups/${id}`, 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_input') {
        const { group, members, representative } = await groupForMember(ctx, resident, id);
        return reply.html(<GroupPage ctx={viewContext(request)} group={group} members={members} representative={representative} membersText={values.members} errors={fieldErrorMap(error.fields, request.t)} />, 400);
      }
      throw error;
    }
  });
}
