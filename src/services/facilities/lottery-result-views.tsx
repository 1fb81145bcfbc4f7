/** Public pages of a drawn lottery: the verifiable result, and the published algorithm. */
import type { ApplicationResult, LotteryResult } from '../../engines/lottery/index.ts';
import { NotificationBanner } from '../../platform/ui/components/feedback.tsx';
import { SummaryList, Table } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import type { RoundPhase } from './lottery-policy.ts';
import type { publicResult } from './lottery-service.ts';
import { instantText, lotteryCrumbs } from './lottery-views.tsx';

type PublicResult = Awaited<ReturnType<typeof publicResult>>;

export function ResultsPage(props: { ctx: ViewContext; round: PublicResult; phase: RoundPhase; slotWords: Map<string, string> }) {
  const { ctx, round } = props;
  const t = ctx.t;
  const result: LotteryResult | null = round.result;
  const title = t('facilities.lottery.results.title', { title: round.title });
  return (
    <Page ctx={ctx} title={title} breadcrumbs={lotteryCrumbs(ctx, [{ href: `/facilities/lottery/${round.id}`, label: round.title }, { label: t('facilities.lottery.results.short') }])}>
      <h1>{title}</h1>
      {!result ? (
        <NotificationBanner kind="info" title={t('facilities.lottery.results.notYet', { at: instantText(ctx, round.draw_at) })} />
      ) : (
        <>
          <p>{t('facilities.lottery.results.lead')}</p>
          <SummaryList
            items={[
              { key: t('facilities.lottery.facility'), value: round.facility_name },
              { key: t('facilities.lottery.results.drawnAt'), value: round.drawn_at ? instantText(ctx, round.drawn_at) : '—' },
              { key: t('facilities.lottery.results.algorithm'), value: <a href="/facilities/lottery/algorithm">{result.algorithm}</a> },
              { key: t('facilities.lottery.results.seed'), value: <code>{round.seed}</code> },
              ...(round.seedCommitment ? [{ key: t('facilities.lottery.results.seedCommitment'), value: <code>{round.seedCommitment}</code> }] : []),
              { key: t('facilities.lottery.results.inputDigest'), value: <code>{round.input_digest}</code> },
              { key: t('facilities.lottery.results.digest'), value: <code>{round.result_digest}</code> },
              {
                key: t('facilities.lottery.results.files'),
                value: (
                  <>
                    <a href={`/facilities/lottery/${round.id}/input.json`} download>
                      input.json
                    </a>
                    {' / '}
                    <a href={`/facilities/lottery/${round.id}/result.json`} download>
                      result.json
                    </a>
                  </>
                ),
              },
            ]}
          />
          <h2>{t('facilities.lottery.results.howToCheck')}</h2>
          <pre>
            <code>{`npm run lottery -- verify input.json result.json`}</code>
          </pre>
          {round.seedCommitment ? (
            <>
              <p>{t('facilities.lottery.results.checkCommitment')}</p>
              <pre>
                <code>{`printf %s ${round.seed} | sha256sum`}</code>
              </pre>
            </>
          ) : null}
          <Table
            id="lottery-winners"
            caption={t('facilities.lottery.results.winners')}
            columns={[
              // The words for people; the key for anyone recomputing the draw.
              { header: t('facilities.lottery.results.when'), cell: (s: LotteryResult['slots'][number]) => props.slotWords.get(s.slotId) ?? '—' },
              { header: t('facilities.lottery.results.slot'), cell: (s) => <code>{s.slotId}</code> },
              { header: t('facilities.lottery.results.winner'), cell: (s) => (s.winner ? <code>{s.winner}</code> : t('facilities.lottery.results.noWinner')) },
              { header: t('facilities.lottery.results.rank'), cell: (s) => (s.winnerRank ? t('facilities.lottery.apply.preference', { rank: s.winnerRank }) : '—') },
              { header: t('facilities.lottery.results.waiting'), cell: (s) => t('facilities.lottery.results.waitingCount', { n: s.waitingList.length }), numeric: true },
            ]}
            rows={result.slots}
            empty="—"
          />
          <Table
            id="lottery-tickets"
            caption={t('facilities.lottery.results.tickets')}
            columns={[
              { header: t('facilities.lottery.results.position'), cell: (a: ApplicationResult) => a.position, numeric: true },
              { header: t('facilities.lottery.results.application'), cell: (a) => <code>{a.applicationId}</code> },
              { header: t('facilities.lottery.results.ticket'), cell: (a) => <code>{a.ticket}</code> },
              { header: t('facilities.lottery.status'), cell: (a) => t(`facilities.lottery.outcome.${a.status}`) + (a.slotId ? ` ${props.slotWords.get(a.slotId) ?? a.slotId}` : '') },
            ]}
            rows={result.applications}
            empty={t('facilities.lottery.results.noEntries')}
          />
        </>
      )}
    </Page>
  );
}

/** The published algorithm, summarised in the reader's language, with the full text (README) for download. */
export function AlgorithmPage(props: { ctx: ViewContext }) {
  const { ctx } = props;
  const t = ctx.t;
  const steps = [1, 2, 3, 4, 5, 6, 7];
  return (
    <Page ctx={ctx} title={t('facilities.lottery.algorithm.title')} breadcrumbs={lotteryCrumbs(ctx, [{ label: t('facilities.lottery.algorithm.title') }])}>
      <h1>{t('facilities.lottery.algorithm.title')}</h1>
      <p>{t('facilities.lottery.algorithm.lead')}</p>
      <ol>
        {steps.map((n) => (
          <li>{t(`facilities.lottery.algorithm.step${n}`)}</li>
        ))}
      </ol>
      <h2>{t('facilities.lottery.algorithm.waitingTitle')}</h2>
      <p>{t('facilities.lottery.algorithm.waiting')}</p>
      <h2>{t('facilities.lottery.algorithm.verifyTitle')}</h2>
      <p>{t('facilities.lottery.algorithm.verify')}</p>
      <p>
        <a href="/facilities/lottery/algorithm.md">{t('facilities.lottery.algorithm.full')}</a>
      </p>
    </Page>
  );
}
