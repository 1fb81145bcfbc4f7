/** The resident portal: home (the services that exist), my page (what each service reports), language switch. */
import type { FastifyInstance } from 'fastify';
import { requireResident } from '../access/require-access.ts';
import type { MyPageSection } from '../catalogue/city-service.ts';
import { cookieOptions, viewContext } from '../http/request-context.ts';
import { sameSitePath } from '../http/safe-path.ts';
import { parseLocale } from '../i18n/i18n.ts';
import type { Platform } from '../platform.ts';
import { Page } from '../ui/layout.tsx';
import { LinkButton } from '../ui/components/button.tsx';
import { NotificationBanner } from '../ui/components/feedback.tsx';

export async function registerPortalRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  app.get('/', async (request, reply) => {
    const ctx = viewContext(request);
    const t = request.t;
    const entries = platform.services.flatMap((s) => [...(s.residentEntry ? [s.residentEntry] : []), ...(s.residentEntries ?? [])]);
    return reply.html(
      <Page ctx={ctx} title={t('portal.home.title')}>
        <h1>{t('portal.home.title')}</h1>
        <p>{t('portal.home.lead')}</p>
        {request.resident ? null : (
          <div class="card">
            <p>{t('portal.home.loginHint')}</p>
            <LinkButton href="/auth/login">{t('nav.login')}</LinkButton>
          </div>
        )}
        <h2>{t('portal.home.services')}</h2>
        {entries.length === 0 ? (
          <p>{t('portal.home.noServices')}</p>
        ) : (
          <ul class="card-list">
            {entries.map((e) => (
              <li class="card">
                <h3>
                  <a href={e.href}>{t(e.titleKey)}</a>
                </h3>
                <p>{t(e.descriptionKey)}</p>
              </li>
            ))}
          </ul>
        )}
      </Page>,
    );
  });

  app.get('/mypage', async (request, reply) => {
    const resident = requireResident(request.resident);
    const ctx = viewContext(request);
    const t = request.t;
    const sections: MyPageSection[] = [];
    for (const service of platform.services) {
      if (!service.myPage) continue;
      const section = await service.myPage({ db: platform.db.kysely, resident, view: ctx });
      if (section) sections.push(section);
    }
    return reply.html(
      <Page ctx={ctx} title={t('portal.mypage.title')} breadcrumbs={[{ href: '/', label: t('ui.home') }, { label: t('portal.mypage.title') }]}>
        <h1>{t('portal.mypage.title')}</h1>
        <p>{t('portal.mypage.greeting', { name: resident.displayName })}</p>
        <NotificationBanner kind={resident.assurance === 'card' ? 'success' : 'info'} title={t(`portal.mypage.assurance.${resident.assurance}`)} />
        {resident.residentId ? null : <p>{t(resident.assurance === 'card' ? 'portal.mypage.notRegistered' : 'portal.mypage.cardForRecord')}</p>}
        {sections.length === 0 ? <p>{t('portal.mypage.empty')}</p> : null}
        {sections.map((s) => (
          <section class="card">
            <h2>{t(s.titleKey)}</h2>
            {s.body}
          </section>
        ))}
      </Page>,
    );
  });

  // A plain link switches language, so it works without JavaScript.
  app.get('/lang', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const locale = parseLocale(query.to);
    if (locale) reply.setCookie('lang', locale, { ...cookieOptions(platform), httpOnly: false, maxAge: 365 * 24 * 3600 });
    return reply.redirect(sameSitePath(query.back, '/'), 303);
  });
}
