/** The back-office home: the menus the user's roles allow, from every registered service. */
import type { FastifyInstance } from 'fastify';
import { requireStaff } from '../access/require-access.ts';
import { viewContext } from '../http/request-context.ts';
import type { Platform } from '../platform.ts';
import { Page } from '../ui/layout.tsx';
import { listDepartments } from './staff-accounts.ts';
import { canAdministerStaff } from './staff-policy.ts';
import { canViewNotify } from '../notify/staff/notify-policy.ts';
import { canViewPayments } from '../payments/payment-policy.ts';

export async function registerStaffHome(app: FastifyInstance, platform: Platform): Promise<void> {
  app.get('/staff', async (request, reply) => {
    const staff = requireStaff(request.staff);
    const ctx = viewContext(request);
    const t = request.t;
    const menus = platform.services.flatMap((s) => (s.staffMenu ?? []).filter((m) => m.allowed(staff)));
    if (canAdministerStaff(staff)) {
      menus.push({ href: '/staff/admin/staff', titleKey: 'staff.admin.menu', descriptionKey: 'staff.admin.menu.description', allowed: () => true });
    }
    if (canViewNotify(staff)) {
      menus.push({ href: '/staff/notify', titleKey: 'notify.staff.menu', descriptionKey: 'notify.staff.menu.description', allowed: () => true });
    }
    if (canViewPayments(staff)) {
      menus.push({ href: '/staff/payments', titleKey: 'payments.staff.menu', descriptionKey: 'payments.staff.menu.description', allowed: () => true });
    }
    const departments = new Map((await listDepartments(platform.db.kysely)).map((d) => [d.code, request.locale === 'ja' ? d.name_ja : d.name_en]));
    return reply.html(
      <Page ctx={ctx} title={t('staff.home.title')} shell="staff">
        <h1>{t('staff.home.title')}</h1>
        <p>{t('staff.home.lead')}</p>
        {menus.length === 0 ? (
          <p>{t('staff.home.noMenus')}</p>
        ) : (
          <ul class="card-list">
            {menus.map((m) => (
              <li class="card">
                <h2>
                  <a href={m.href}>{t(m.titleKey)}</a>
                </h2>
                <p>{t(m.descriptionKey)}</p>
              </li>
            ))}
          </ul>
        )}
        <h2>{t('staff.home.roles')}</h2>
        <ul>
          {staff.roles.map((r) => (
            <li>
              {departments.get(r.department) ?? r.department}：{t(`staff.role.${r.role}`)}
            </li>
          ))}
        </ul>
      </Page>,
    );
  });
}
