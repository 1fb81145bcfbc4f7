/**
 * The only way services use generative AI. Every call:
 * - masks personal data in every message before it leaves the app
 *   (placeholders consistent across the conversation);
 * - records one 'llm.call' audit entry, success or failure, with purpose,
 *   model, token counts and how much was masked, and never any text;
 * - fails with LlmError (after auditing), so callers fall back to their
 *   non-AI path. With no provider configured it fails with
 *   LlmDisabledError without calling anything; check `enabled` first.
 */
import type { Kysely } from 'kysely';
import { recordAudit, type AuditActor } from '../audit/audit-log.ts';
import type { PlatformTables } from '../db/platform-tables.ts';
import { LlmError, type ChatCompletion, type ChatMessage, type LlmProvider } from './llm-provider.ts';
import { PiiMasker, type KnownPersonalData, type PiiKind } from './pii-mask.ts';

export class LlmDisabledError extends Error {
  override readonly name = 'LlmDisabledError';
  constructor() {
    super('generative AI is not configured (no LLM provider)');
  }
}

export interface LlmRunInput {
  actor: AuditActor;
  /** What the call is for, e.g. 'inquiry.draft-reply': a code, never free text about the case. */
  purpose: string;
  messages: ChatMessage[];
  /** Names and addresses from the case, masked wherever they appear. */
  known?: KnownPersonalData;
  maxTokens?: number;
  requestId?: string;
}

export interface LlmRunResult {
  /** The model's answer; may contain the placeholders (［氏名1］ …) it was given. */
  text: string;
  /** Whether any personal data was replaced before sending. */
  masked: boolean;
}

export class LlmGateway<DB extends PlatformTables = PlatformTables> {
  constructor(
    private readonly provider: LlmProvider | null,
    private readonly db: Kysely<DB>,
  ) {}

  get enabled(): boolean {
    return this.provider !== null;
  }

  async run(input: LlmRunInput): Promise<LlmRunResult> {
    const provider = this.provider;
    if (!provider) throw new LlmDisabledError();
    const masker = new PiiMasker(input.known);
    const messages = input.messages.map((m) => ({ role: m.role, content: masker.mask(m.content) }));
    const maskedCounts = masker.counts;
    const started = performance.now();
    let completion: ChatCompletion;
    try {
      completion = await provider.complete(messages, input.maxTokens === undefined ? {} : { maxTokens: input.maxTokens });
    } catch (error) {
      const failure = error instanceof LlmError ? error : new LlmError('network', 'LLM provider failed unexpectedly', { cause: error });
      await this.audit(input, {
        model: provider.model,
        outcome: 'failed',
        errorKind: failure.kind,
        ...(failure.status === null ? {} : { httpStatus: failure.status }),
        promptTokens: 0,
        completionTokens: 0,
        durationMs: Math.round(performance.now() - started),
        maskedCounts,
      });
      throw failure;
    }
    // If this audit write fails, the answer is not handed back: no unaudited use.
    await this.audit(input, {
      model: completion.model,
      outcome: 'ok',
      promptTokens: completion.promptTokens,
      completionTokens: completion.completionTokens,
      durationMs: Math.round(performance.now() - started),
      maskedCounts,
    });
    return { text: completion.text, masked: Object.values(maskedCounts).some((n) => n > 0) };
  }

  private async audit(input: LlmRunInput, details: LlmCallDetails): Promise<void> {
    await recordAudit(this.db, {
      actor: input.actor,
      action: 'llm.call',
      details: { purpose: input.purpose, ...details },
      requestId: input.requestId ?? null,
    });
  }
}

/** What an 'llm.call' audit entry holds besides the purpose: numbers and codes only, no text. */
export interface LlmCallDetails {
  model: string;
  outcome: 'ok' | 'failed';
  errorKind?: LlmError['kind'];
  httpStatus?: number;
  promptTokens: number;
  completionTokens: number;
  durationMs: number;
  maskedCounts: Record<PiiKind, number>;
}
