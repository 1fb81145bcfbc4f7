/**
 * The search index over published FAQ entries, built in memory with the
 * faq-search engine and rebuilt when the published set changes (checked at
 * most every few seconds, so several app instances converge quickly).
 */
import { createFaqIndex, type FaqIndex } from '../../engines/faq-search/index.ts';
import { publishedFaqs, publishedStamp, type PublishedFaq } from './faq-queries.ts';
import type { ChatbotDb } from './tables.ts';

const CHECK_EVERY_MS = 5_000;

export class FaqIndexCache {
  private index: FaqIndex | null = null;
  private entries = new Map<string, PublishedFaq>();
  private stamp = '';
  private checkedAt = 0;
  private building: Promise<void> | null = null;

  constructor(private readonly db: ChatbotDb) {}

  /** Forces the next search to look for changes (after a publish on this instance). */
  invalidate(): void {
    this.checkedAt = 0;
  }

  async current(): Promise<{ index: FaqIndex; entries: Map<string, PublishedFaq> }> {
    if (!this.index || Date.now() - this.checkedAt > CHECK_EVERY_MS) {
      this.building ??= this.refresh().finally(() => (this.building = null));
      await this.building;
    }
    return { index: this.index!, entries: this.entries };
  }

  private async refresh(): Promise<void> {
    const stamp = await publishedStamp(this.db);
    this.checkedAt = Date.now();
    if (this.index && stamp === this.stamp) return;
    const faqs = await publishedFaqs(this.db);
    // Keywords join the question field: they are how residents phrase it.
    this.index = createFaqIndex(faqs.map((f) => ({ id: f.id, question: `${f.question} ${f.keywords.join(' ')}`, answer: f.answer })));
    this.entries = new Map(faqs.map((f) => [f.id, f]));
    this.stamp = stamp;
  }
}
