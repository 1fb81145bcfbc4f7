/**
 * Optional generative answer (A17): when an LLM provider is configured, the
 * resident's answer is composed only from the retrieved FAQ entries, citing
 * them; on any failure (or with no provider) the plain FAQ answer stands.
 */
import type { FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/platform.ts';
import type { Answer } from './ask-service.ts';

export async function composeAnswer(platform: Platform, question: string, answer: Answer, request: FastifyRequest): Promise<string | null> {
  if (!platform.llm.enabled || !answer.best) return null;
  const sources = [answer.best, ...answer.candidates.slice(0, 2)];
  try {
    const result = await platform.llm.run({
      actor: request.resident ? { type: 'resident', id: request.resident.accountId } : { type: 'anonymous', id: null },
      purpose: 'chatbot.answer',
      requestId: request.id,
      maxTokens: 400,
      messages: [
        {
          role: 'system',
          content:
            'あなたは奥州市の案内係です。次の「出典」だけを根拠に、質問に日本語で簡潔に答えてください。出典にないことは書かず、分からない場合は「担当課にお問い合わせください」と答えてください。文末に使った出典の番号を［1］のように示してください。',
        },
        { role: 'user', content: `出典:\n${sources.map((s, i) => `［${i + 1}］${s.question}\n${s.answer}`).join('\n\n')}\n\n質問: ${question}` },
      ],
    });
    const text = result.text.trim();
    return text ? text.slice(0, 1200) : null;
  } catch {
    return null; // the plain FAQ answer is always there
  }
}
