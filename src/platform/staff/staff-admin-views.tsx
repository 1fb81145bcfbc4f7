import type { ViewContext } from '../ui/view-context.ts';
import { Page } from '../ui/layout.tsx';
import { Button, LinkButton } from '../ui/components/button.tsx';
import { Checkboxes, CsrfField, Radios, TextInput } from '../ui/components/form-fields.tsx';
import { ErrorSummary, StatusTag } from '../ui/components/feedback.tsx';
import { Pagination } from '../ui/components/navigation.tsx';
import { Table } from '../ui/components/table.tsx';

export interface DepartmentOption {
  code: string;
  name: string;
}

const ROLE_KEYS = ['clerk', 'manager', 'admin'] as const;

function RoleGrid(props: { ctx: ViewContext; departments: DepartmentOption[]; selected: string[] }) {
  const { ctx } = props;
  return (
    <fieldset class="fieldset field">
      <legend class="field-label">{ctx.t('staff.admin.roles')}</legend>
      <p class="field-hint">{ctx.t('staff.admin.roles.hint')}</p>
      {props.departments.map((d) => (
        <Checkboxes
          id={`roles-${d.code}`}
          name="roles"
          label={d.name}
          values={props.selected}
          options={ROLE_KEYS.map((r) => ({ value: `${d.code}:${r}`, label: ctx.t(`staff.role.${r}`) }))}
        />
      ))}
    </fieldset>
  );
}

export interface StaffListRow {
  id: string;
  login_id: string;
  display_name: string;
  active: boolean;
  totp_enabled: boolean;
  locked_until: Date | null;
  roles: { department_code: string; role: string }[];
}

export function StaffListPage(props: { ctx: ViewContext; rows: StaffListRow[]; page: number; pageCount: number; departmentName: (code: string) => string }) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('staff.admin.title')} shell="staff" breadcrumbs={[{ href: '/staff', label: t('staff.home.title') }, { label: t('staff.admin.title') }]}>
      <h1>{t('staff.admin.title')}</h1>
      <LinkButton href="/staff/admin/staff/new">{t('staff.admin.new')}</LinkButton>
      <Table
        caption={t('staff.admin.list')}
        rows={props.rows}
        empty={t('staff.admin.none')}
        columns={[
          { header: t('staff.admin.loginId'), cell: (r) => <a href={`/staff/admin/staff/${r.id}`}>{r.login_id}</a> },
          { header: t('staff.admin.displayName'), cell: (r) => r.display_name },
          { header: t('staff.admin.roles'), cell: (r) => r.roles.map((x) => `${props.departmentName(x.department_code)}（${t(`staff.role.${x.role}`)}）`).join('、') },
          { header: t('staff.admin.mfa'), cell: (r) => <StatusTag tone={r.totp_enabled ? 'success' : 'warning'}>{t(r.totp_enabled ? 'staff.admin.mfa.on' : 'staff.admin.mfa.off')}</StatusTag> },
          {
            header: t('staff.admin.status'),
            cell: (r) =>
              r.locked_until && r.locked_until.getTime() > Date.now() ? (
                <StatusTag tone="error">{t('staff.admin.status.locked')}</StatusTag>
              ) : (
                <StatusTag tone={r.active ? 'success' : 'neutral'}>{t(r.active ? 'staff.admin.status.active' : 'staff.admin.status.inactive')}</StatusTag>
              ),
          },
        ]}
      />
      <Pagination t={t} page={props.page} pageCount={props.pageCount} baseHref="/staff/admin/staff" />
    </Page>
  );
}

export interface StaffFormValues {
  loginId: string;
  displayName: string;
  email: string;
  roles: string[];
  active?: string;
}

export function StaffFormPage(props: {
  ctx: ViewContext;
  mode: 'create' | 'edit';
  staffId?: string;
  values: StaffFormValues;
  errors: Record<string, string>;
  departments: DepartmentOption[];
  mfaEnabled?: boolean;
  locked?: boolean;
}) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  const title = props.mode === 'create' ? t('staff.admin.new') : `${values.displayName}（${values.loginId}）`;
  const action = props.mode === 'create' ? '/staff/admin/staff/new' : `/staff/admin/staff/${props.staffId}`;
  return (
    <Page
      ctx={ctx}
      title={title}
      shell="staff"
      breadcrumbs={[{ href: '/staff', label: t('staff.home.title') }, { href: '/staff/admin/staff', label: t('staff.admin.title') }, { label: title }]}
    >
      <h1>{title}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={Object.entries(errors).map(([field, message]) => ({ field, message }))} />
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {props.mode === 'create' ? (
          <TextInput name="loginId" label={t('staff.admin.loginId')} hint={t('staff.admin.loginId.hint')} value={values.loginId} error={errors.loginId} width="medium" required requiredLabel={t('ui.required')} />
        ) : null}
        <TextInput name="displayName" label={t('staff.admin.displayName')} value={values.displayName} error={errors.displayName} width="medium" required requiredLabel={t('ui.required')} />
        <TextInput name="email" type="email" label={t('staff.admin.email')} value={values.email} error={errors.email} autocomplete="off" />
        {props.mode === 'create' ? (
          <TextInput name="password" type="password" label={t('staff.admin.password')} hint={t('staff.admin.password.hint')} error={errors.password} autocomplete="new-password" width="medium" required requiredLabel={t('ui.required')} />
        ) : (
          <Radios
            name="active"
            label={t('staff.admin.status')}
            value={values.active ?? 'true'}
            options={[
              { value: 'true', label: t('staff.admin.status.active') },
              { value: 'false', label: t('staff.admin.status.inactive') },
            ]}
          />
        )}
        <RoleGrid ctx={ctx} departments={props.departments} selected={values.roles} />
        {props.mode === 'edit' ? <TextInput name="reason" label={t('staff.admin.reason')} error={errors.reason} /> : null}
        <Button>{t(props.mode === 'create' ? 'staff.admin.create' : 'staff.admin.save')}</Button>
      </form>
      {props.mode === 'edit' ? (
        <>
          <h2>{t('staff.admin.mfa')}：{t(props.mfaEnabled ? 'staff.admin.mfa.on' : 'staff.admin.mfa.off')}</h2>
          <form method="post" action={`/staff/admin/staff/${props.staffId}/reset-mfa`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextInput name="resetReason" label={t('staff.admin.reason')} error={errors.resetReason} required requiredLabel={t('ui.required')} />
            <Button variant="secondary">{t('staff.admin.resetMfa')}</Button>
          </form>
          {props.locked ? (
            <form method="post" action={`/staff/admin/staff/${props.staffId}/unlock`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="reason" value="unlock by administrator" />
              <Button variant="secondary">{t('staff.admin.unlock')}</Button>
            </form>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
