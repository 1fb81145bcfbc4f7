/**
 * The page shells: the resident portal and the staff back office share one
 * layout (skip link, header with language switch, breadcrumbs, flash banner,
 * main, footer) and differ in their header and navigation.
 */
import type { ComponentChildren } from 'preact';
import type { ViewContext } from './view-context.ts';
import { Breadcrumbs } from './components/navigation.tsx';
import { NotificationBanner } from './components/feedback.tsx';
import { CsrfField } from './components/form-fields.tsx';

export interface PageProps {
  ctx: ViewContext;
  title: string;
  shell?: 'resident' | 'staff' | 'plain';
  breadcrumbs?: { href?: string; label: string }[];
  children: ComponentChildren;
  /** Scripts for pages that need them (progressive enhancement only). */
  scripts?: string[];
  /** A web app manifest for pages of an installable app (e.g. /app/manifest.webmanifest). */
  manifest?: string;
}

/**
 * Blocks shown at the top of every resident page, above the page's own content and
 * whatever widgets a page leaves out (e.g. the city app's disaster-mode banner). A
 * service adds its renderer once at start-up; a renderer returns null when it has
 * nothing to say. Adding the same function again is a no-op.
 */
const residentTopBanners = new Set<(ctx: ViewContext) => ComponentChildren>();
export function addResidentTopBanner(render: (ctx: ViewContext) => ComponentChildren): void {
  residentTopBanners.add(render);
}

function LanguageSwitch({ ctx }: { ctx: ViewContext }) {
  const other = ctx.locale === 'ja' ? 'en' : 'ja';
  return (
    <a class="lang-switch" href={`/lang?to=${other}&back=${encodeURIComponent(ctx.path)}`} lang={other} hrefLang={other}>
      {other === 'en' ? 'English' : '日本語'}
    </a>
  );
}

function LogoutButton({ ctx, action }: { ctx: ViewContext; action: string }) {
  return (
    <form method="post" action={action} class="inline-form">
      <CsrfField token={ctx.csrfToken} />
      <button type="submit" class="link-button">
        {ctx.t('nav.logout')}
      </button>
    </form>
  );
}

/** One header for both shells; they differ in home link, title, colour and the items for the signed-in person. */
function Header({ ctx, shell }: { ctx: ViewContext; shell: 'resident' | 'staff' }) {
  const staff = shell === 'staff';
  return (
    <header class={staff ? 'site-header staff-header' : 'site-header'}>
      <div class="header-inner">
        <a class="site-name" href={staff ? '/staff' : '/'}>
          <span class="site-city">{ctx.t('site.city')}</span>
          <span class="site-title">{ctx.t(staff ? 'staff.title' : 'site.title')}</span>
        </a>
        <nav class="header-nav" aria-label={ctx.t('ui.headerNav')}>
          <ul>
            <li>
              <LanguageSwitch ctx={ctx} />
            </li>
            {staff && ctx.staff ? (
              <>
                <li>
                  <span class="staff-name">{ctx.staff.displayName}</span>
                </li>
                <li>
                  <LogoutButton ctx={ctx} action="/staff/logout" />
                </li>
              </>
            ) : null}
            {!staff && ctx.resident ? (
              <>
                <li>
                  <a href="/mypage">{ctx.t('nav.mypage')}</a>
                </li>
                <li>
                  <LogoutButton ctx={ctx} action="/auth/logout" />
                </li>
              </>
            ) : null}
            {!staff && !ctx.resident ? (
              <li>
                <a href="/auth/login">{ctx.t('nav.login')}</a>
              </li>
            ) : null}
          </ul>
        </nav>
      </div>
    </header>
  );
}

export function Page(props: PageProps) {
  const { ctx } = props;
  const shell = props.shell ?? 'resident';
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} | ${shell === 'staff' ? ctx.t('staff.title') : ctx.t('site.title')}`}</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/tokens.css" />
        <link rel="stylesheet" href="/assets/app.css" />
        {props.manifest ? <link rel="manifest" href={props.manifest} /> : null}
        {[...(props.scripts ?? []), ...(shell === 'resident' ? ctx.residentScripts : [])].map((src) => (
          <script src={src} defer />
        ))}
      </head>
      <body class={`shell-${shell}`}>
        <a class="skip-link" href="#main">
          {ctx.t('ui.skipToContent')}
        </a>
        <Header ctx={ctx} shell={shell === 'staff' ? 'staff' : 'resident'} />
        {ctx.demoIdentity && shell !== 'staff' ? (
          <p class="demo-strip">{ctx.t('demo.strip')}</p>
        ) : null}
        <div class="container">
          {shell === 'resident' ? [...residentTopBanners].map((render) => render(ctx)) : null}
          <Breadcrumbs t={ctx.t} items={props.breadcrumbs ?? []} />
          <main id="main" tabIndex={-1}>
            {ctx.flash ? <NotificationBanner kind={ctx.flash.kind} title={ctx.flash.text} /> : null}
            {props.children}
          </main>
        </div>
        {shell === 'resident' ? ctx.residentWidgets.map((widget) => widget(ctx)) : null}
        <footer class="site-footer">
          <div class="footer-inner">
            <p>{ctx.t('site.footer')}</p>
            <p>
              <a href="/api/docs">{ctx.t('nav.apiDocs')}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
