/** 子育て応援 pages (a logged-in parent): children, the form, a child's schedule, removal. */
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { requireResident } from '../../platform/access/require-access.ts';
import type { ResidentActor } from '../../platform/access/actor.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { fieldErrorMap, readForm } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import { todayInJapan } from '../../platform/time/today.ts';
import type { AppContext } from './app-context.ts';
import { childOf, childrenOf, deleteChild, registerChild } from './childcare-service.ts';
import { ChildFormPage, ChildPage, ChildrenPage } from './childcare-views.tsx';
import { computeSchedule } from './vaccination-schedule.ts';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
// Emptiness is checked by registerChild, so both fields' problems are reported together.
const ChildForm = Type.Object({ nickname: Type.String({ maxLength: 40 }), birthDate: Type.String({ maxLength: 30 }) });

export async function registerChildcareRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const db = ctx.db;

  /** How many active subscriptions the parent's reminders go to. */
  const channels = async (resident: ResidentActor) =>
    Number((await db.selectFrom('app_subscribers').select((eb) => eb.fn.countAll<number>().as('n')).where('resident_account_id', '=', resident.accountId).where('status', '=', 'active').executeTakeFirstOrThrow()).n);

  app.get('/app/childcare', async (request, reply) => {
    const resident = requireResident(request.resident);
    return reply.html(<ChildrenPage ctx={viewContext(request)} children={await childrenOf(db, resident)} channels={await channels(resident)} />);
  });

  app.get('/app/childcare/new', async (request, reply) => {
    requireResident(request.resident);
    return reply.html(<ChildFormPage ctx={viewContext(request)} values={{ nickname: '', birthDate: '' }} errors={{}} />);
  });

  app.post('/app/childcare', async (request, reply) => {
    const resident = requireResident(request.resident);
    const t = request.t;
    const { values, errors } = readForm(ChildForm, request.body, { nickname: t('app.child.nickname'), birthDate: t('app.child.birthDate') });
    const show = (errs: Record<string, string>, status = 400) => reply.html(<ChildFormPage ctx={viewContext(request)} values={values} errors={errs} />, status);
    if (errors.length) return show(fieldErrorMap(errors, t));
    try {
      const id = await registerChild(ctx, resident, values, request.id);
      setFlash(reply, 'success', 'app.child.registered');
      return reply.redirect(`/app/childcare/${id}`, 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_input') return show(fieldErrorMap(error.fields, t));
      if (error instanceof DomainError && error.code === 'too_many') return show({ nickname: t(error.messageKey, error.params) }, 409);
      throw error;
    }
  });

  app.get('/app/childcare/:id', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const child = await childOf(db, resident, (request.params as { id: string }).id);
    const schedule = computeSchedule(child.birth_date, todayInJapan(ctx.now()));
    return reply.html(<ChildPage ctx={viewContext(request)} child={child} schedule={schedule} channels={await channels(resident)} />);
  });

  app.post('/app/childcare/:id/delete', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    await deleteChild(ctx, resident, (request.params as { id: string }).id, request.id);
    setFlash(reply, 'success', 'app.child.deleted');
    return reply.redirect('/app/childcare', 303);
  });
}
