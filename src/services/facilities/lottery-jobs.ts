/**
 * Background work of the lottery: the draw at each round's draw time, the
 * announcement of its results, the deadline of each offer (unpaid → the next on the
 * waiting list), a sweep every ten minutes that settles offers whose booking was
 * paid or cancelled meanwhile (so a cancelled win reaches the waiting list quickly),
 * and entrants' notices. Start-up re-queues every published round's draw and the
 * sweep (both idempotent), so a lost job never leaves a round undrawn.
 */
import type { JobHandler } from '../../platform/jobs/job-queue.ts';
import type { Platform } from '../../platform/platform.ts';
import { LOTTERY_QUEUES, lotteryContext, type LotteryContext } from './lottery-context.ts';
import { drawRound } from './lottery-draw.ts';
import { sendLotteryNotices, type LotteryNoticeKind } from './lottery-notices.ts';
import { settleDueOffers, settleOffer } from './lottery-offers.ts';
import { scheduleDraw } from './lottery-rounds.ts';
import { asPlatformDb } from './lottery-tables.ts';

export function lotteryJobs(platform: Platform): Record<string, JobHandler> {
  return {
    [LOTTERY_QUEUES.draw]: async (payload, job) => {
      const ctx = lotteryContext(platform);
      const roundId = String(payload.roundId);
      const outcome = await drawRound(ctx, null, roundId);
      platform.log.info({ roundId, ...outcome }, 'facility lottery draw');
      if (!outcome.drawn && outcome.reason === 'not_due') {
        // The queue's clock ran ahead of the app's: try again shortly (a new key, as this job's is spent).
        const retryAt = new Date(Math.max(Date.now(), ctx.now().getTime()) + 60_000);
        await ctx.jobs?.enqueue(asPlatformDb(ctx.db), LOTTERY_QUEUES.draw, { roundId }, { runAt: retryAt, idempotencyKey: `facilities-lottery-draw:${roundId}:after-${job.id}` });
      }
    },
    [LOTTERY_QUEUES.deadline]: async (payload) => {
      const ctx = lotteryContext(platform);
      const offer = await ctx.db
        .selectFrom('facility_lottery_offers')
        .select(['id', 'round_id'])
        .where('id', '=', String(payload.offerId))
        .executeTakeFirst();
      if (!offer) return;
      // settleOffer syncs each booking's online payment before lapsing it (this offer's and the others').
      const outcome = await settleOffer(ctx, offer.id);
      // Others of the round whose booking ended early (cancelled by the holder) are settled in the same pass.
      const others = await settleDueOffers(ctx, offer.round_id);
      platform.log.info({ offerId: offer.id, outcome, others }, 'facility lottery deadline');
    },
    [LOTTERY_QUEUES.sweep]: async () => {
      const ctx = lotteryContext(platform);
      try {
        const counts = await settleDueOffers(ctx, null);
        if (counts.passed_on + counts.released + counts.confirmed > 0) platform.log.info(counts, 'facility lottery sweep');
      } finally {
        await scheduleLotterySweep(ctx, ctx.now());
      }
    },
    [LOTTERY_QUEUES.announce]: async (payload) => {
      const sent = await announceResults(lotteryContext(platform), String(payload.roundId));
      platform.log.info({ roundId: payload.roundId, sent }, 'facility lottery results announced');
    },
    [LOTTERY_QUEUES.notify]: async (payload) => {
      const ctx = lotteryContext(platform);
      await sendLotteryNotices(ctx.db, ctx.notifier, ctx.publicUrl, [{ entryId: String(payload.entryId), kind: payload.kind as LotteryNoticeKind, offerId: payload.offerId ? String(payload.offerId) : null }]);
    },
  };
}

/**
 * Tells every entrant of a drawn round whether they won, in pages of entries. A retry
 * after a failure part-way sends nobody twice: each notice has its idempotency key.
 */
export async function announceResults(ctx: LotteryContext, roundId: string): Promise<number> {
  let sent = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await ctx.db
      .selectFrom('facility_lottery_entries as e')
      .leftJoin('facility_lottery_offers as o', (join) => join.onRef('o.entry_id', '=', 'e.id').on('o.source', '=', 'draw'))
      .select(['e.id', 'e.draw_outcome', 'o.id as offer_id'])
      .where('e.round_id', '=', roundId)
      .where('e.draw_outcome', 'is not', null)
      .where('e.id', '>', after)
      .orderBy('e.id')
      .limit(200)
      .execute();
    if (page.length === 0) return sent;
    const requests = page.map((e) => {
      const won = e.draw_outcome?.status === 'won' && e.offer_id !== null;
      return { entryId: e.id, kind: won ? ('won' as const) : ('lost' as const), offerId: won ? e.offer_id : null };
    });
    sent += await sendLotteryNotices(ctx.db, ctx.notifier, ctx.publicUrl, requests);
    after = page[page.length - 1]!.id;
  }
}

const SWEEP_EVERY_MS = 10 * 60_000;

/** Queues the next sweep (one per ten-minute bucket, whoever asks). */
export async function scheduleLotterySweep(ctx: LotteryContext, after: Date): Promise<void> {
  const next = Math.floor(after.getTime() / SWEEP_EVERY_MS) + 1;
  await ctx.jobs?.enqueue(asPlatformDb(ctx.db), LOTTERY_QUEUES.sweep, {}, { runAt: new Date(next * SWEEP_EVERY_MS), idempotencyKey: `facilities-lottery-sweep:${next}` });
}

/** Makes sure every published round's draw and the sweep are queued (called when the routes are registered). */
export async function ensureLotteryJobs(ctx: LotteryContext): Promise<void> {
  const rounds = await ctx.db.selectFrom('facility_lottery_rounds').select(['id', 'draw_at']).where('status', '=', 'published').execute();
  for (const r of rounds) await scheduleDraw(ctx, ctx.db, r.id, r.draw_at);
  await scheduleLotterySweep(ctx, ctx.now());
}
