/** Group registration (団体登録) pages: my groups, register, a group's page with its member list. */
import { Button, LinkButton } from '../../platform/ui/components/button.tsx';
import { ErrorSummary, NotificationBanner, StatusTag, type TagTone } from '../../platform/ui/components/feedback.tsx';
import { Checkboxes, CsrfField, TextInput, Textarea } from '../../platform/ui/components/form-fields.tsx';
import { SummaryList, Table } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { MIN_GROUP_MEMBERS } from './policy.ts';
import type { GroupStatus } from './tables.ts';
import { crumbs, errorList } from './views-common.tsx';

const TONE: Record<GroupStatus, TagTone> = { pending: 'warning', approved: 'success', rejected: 'error', suspended: 'neutral' };

export function GroupStatusTag(props: { ctx: ViewContext; status: GroupStatus }) {
  return <StatusTag tone={TONE[props.status]}>{props.ctx.t(`facilities.group.status.${props.status}`)}</StatusTag>;
}

export interface GroupFormValues {
  name: string;
  nameKana: string;
  contactPhone: string;
  contactEmail: string;
  purpose: string;
  activity: string;
  inCity: string[];
  members: string;
}

export function GroupsPage(props: { ctx: ViewContext; groups: { id: string; name: string; status: GroupStatus; member_count: number | null; representative: boolean }[]; joinValues: { code: string; memberName: string }; joinErrors: Record<string, string> }) {
  const { ctx } = props;
  const t = ctx.t;
  const title = t('facilities.groups.title');
  return (
    <Page ctx={ctx} title={title} breadcrumbs={crumbs(ctx, { label: title })}>
      <h1>{title}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(props.joinErrors)} />
      <p>{t('facilities.groups.lead', { min: MIN_GROUP_MEMBERS })}</p>
      <p>
        <LinkButton href="/facilities/groups/new">{t('facilities.group.new.title')}</LinkButton>
      </p>
      <Table
        caption={t('facilities.groups.mine')}
        columns={[
          { header: t('facilities.group.name'), cell: (g) => <a href={`/facilities/groups/${g.id}`}>{g.name}</a> },
          { header: t('facilities.group.statusHeader'), cell: (g) => <GroupStatusTag ctx={ctx} status={g.status} /> },
          { header: t('facilities.group.role'), cell: (g) => t(g.representative ? 'facilities.group.role.representative' : 'facilities.group.role.member') },
          { header: t('facilities.group.memberCount'), cell: (g) => String(g.member_count ?? 0), numeric: true },
        ]}
        rows={props.groups}
        empty={t('facilities.groups.none')}
      />
      <h2>{t('facilities.group.join.title')}</h2>
      <p>{t('facilities.group.join.lead')}</p>
      <form method="post" action="/facilities/groups/join" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput name="code" label={t('facilities.group.join.code')} hint={t('facilities.group.join.code.hint')} value={props.joinValues.code} error={props.joinErrors.code} width="medium" maxLength={20} required requiredLabel={t('ui.required')} />
        <TextInput name="memberName" label={t('facilities.group.join.name')} hint={t('facilities.group.join.name.hint')} value={props.joinValues.memberName} error={props.joinErrors.memberName} maxLength={50} required requiredLabel={t('ui.required')} />
        <Button variant="secondary">{t('facilities.group.join.submit')}</Button>
      </form>
    </Page>
  );
}

export function GroupFields(props: { ctx: ViewContext; values: GroupFormValues; errors: Record<string, string> }) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  return (
    <>
      <TextInput name="name" label={t('facilities.group.name')} value={values.name} error={errors.name} required requiredLabel={t('ui.required')} maxLength={100} />
      <TextInput name="nameKana" label={t('facilities.group.kana')} hint={t('facilities.group.kana.hint')} value={values.nameKana} error={errors.nameKana} required requiredLabel={t('ui.required')} maxLength={100} />
      <TextInput name="contactPhone" type="tel" label={t('facilities.group.phone')} value={values.contactPhone} error={errors.contactPhone} autocomplete="tel" width="medium" required requiredLabel={t('ui.required')} maxLength={20} />
      <TextInput name="contactEmail" type="email" label={t('facilities.group.email')} hint={t('facilities.group.email.hint')} value={values.contactEmail} error={errors.contactEmail} autocomplete="email" maxLength={200} />
      <TextInput name="purpose" label={t('facilities.group.purpose')} hint={t('facilities.group.purpose.hint')} value={values.purpose} error={errors.purpose} required requiredLabel={t('ui.required')} maxLength={200} />
      <Textarea name="activity" label={t('facilities.group.activity')} hint={t('facilities.group.activity.hint')} value={values.activity} error={errors.activity} rows={3} maxLength={500} />
      <Checkboxes name="inCity" label={t('facilities.group.inCity')} values={values.inCity} options={[{ value: 'yes', label: t('facilities.group.inCity.yes'), hint: t('facilities.group.inCity.hint') }]} />
      <Textarea name="members" label={t('facilities.group.members')} hint={t('facilities.group.members.hint', { min: MIN_GROUP_MEMBERS })} value={values.members} error={errors.members} rows={8} maxLength={20000} />
    </>
  );
}

export function NewGroupPage(props: { ctx: ViewContext; values: GroupFormValues; errors: Record<string, string> }) {
  const { ctx } = props;
  const t = ctx.t;
  const title = t('facilities.group.new.title');
  return (
    <Page ctx={ctx} title={title} breadcrumbs={crumbs(ctx, { href: '/facilities/groups', label: t('facilities.groups.title') }, { label: title })}>
      <h1>{title}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(props.errors)} />
      <p>{t('facilities.group.new.lead')}</p>
      <form method="post" action="/facilities/groups/new" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <GroupFields ctx={ctx} values={props.values} errors={props.errors} />
        <Button>{t('facilities.group.new.submit')}</Button>
      </form>
    </Page>
  );
}

export function GroupPage(props: {
  ctx: ViewContext;
  group: { id: string; name: string; name_kana: string; status: GroupStatus; in_city: boolean; purpose: string; activity: string; contact_phone: string; contact_email: string | null; representative_name: string; decision_reason: string | null; join_code: string };
  members: { name: string; account_id: string | null }[];
  representative: boolean;
  membersText: string;
  errors: Record<string, string>;
}) {
  const { ctx, group } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={group.name} breadcrumbs={crumbs(ctx, { href: '/facilities/groups', label: t('facilities.groups.title') }, { label: group.name })}>
      <h1>{group.name}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(props.errors)} />
      {group.status === 'pending' ? <NotificationBanner kind="info" title={t('facilities.group.pendingBanner')} /> : null}
      {group.status === 'rejected' ? <NotificationBanner kind="warning" title={t('facilities.group.rejectedBanner')}>{group.decision_reason ? <p>{group.decision_reason}</p> : null}</NotificationBanner> : null}
      <SummaryList
        items={[
          { key: t('facilities.group.statusHeader'), value: <GroupStatusTag ctx={ctx} status={group.status} /> },
          { key: t('facilities.group.kana'), value: group.name_kana },
          { key: t('facilities.group.representative'), value: group.representative_name },
          { key: t('facilities.group.inCity'), value: t(group.in_city ? 'facilities.group.inCity.yesShort' : 'facilities.group.inCity.noShort') },
          { key: t('facilities.group.purpose'), value: group.purpose },
          ...(group.activity ? [{ key: t('facilities.group.activity'), value: group.activity }] : []),
          ...(props.representative
            ? [
                { key: t('facilities.group.phone'), value: group.contact_phone },
                { key: t('facilities.group.email'), value: group.contact_email ?? '—' },
                { key: t('facilities.group.join.code'), value: <code data-join-code>{group.join_code}</code> },
              ]
            : []),
        ]}
      />
      {props.representative ? <p>{t('facilities.group.join.share')}</p> : null}
      <h2>{t('facilities.group.members')}</h2>
      <ul>
        {props.members.map((m) => (
          <li>
            {m.name}
            {m.account_id ? `（${t('facilities.group.linked')}）` : ''}
          </li>
        ))}
      </ul>
      {props.representative ? (
        <form method="post" action={`/facilities/groups/${group.id}/members`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Textarea name="members" label={t('facilities.group.members.edit')} hint={t('facilities.group.members.hint', { min: MIN_GROUP_MEMBERS })} value={props.membersText} error={props.errors.members} rows={8} maxLength={20000} />
          <Button variant="secondary">{t('facilities.group.members.save')}</Button>
        </form>
      ) : null}
      <p>
        <a href="/facilities/groups">{t('facilities.group.back')}</a>
      </p>
    </Page>
  );
}
