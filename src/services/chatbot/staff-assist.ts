/** AI help for staff on an inquiry (A17): a summary or a draft reply; personal data is masked by the gateway. */
import type { StaffActor } from '../../platform/access/actor.ts';
import type { Platform } from '../../platform/platform.ts';

const PROMPTS = {
  summary: '奥州市職員の補助として、住民からの問い合わせを3行以内の箇条書きで要約してください。伏せ字（［…］）はそのまま残してください。',
  draft: '奥州市職員の補助として、住民からの問い合わせへの丁寧な返信の下書きを書いてください。分からない事実は「（要確認）」と書き、推測で断定しないでください。伏せ字（［…］）はそのまま残してください。',
} as const;

export async function assistWithInquiry(
  platform: Platform,
  staff: StaffActor,
  inquiry: { id: string; question: string },
  task: keyof typeof PROMPTS,
  requestId: string,
): Promise<{ text: string } | { error: string }> {
  if (!platform.llm.enabled) return { error: 'chatbot.staff.ai.disabled' };
  try {
    const result = await platform.llm.run({
      actor: { type: 'staff', id: staff.id },
      purpose: `chatbot.inquiry.${task}`,
      requestId,
      maxTokens: 600,
      messages: [
        { role: 'system', content: PROMPTS[task] },
        // The contact details are not needed to summarise or answer, so they are never sent.
        { role: 'user', content: inquiry.question },
      ],
    });
    return { text: result.text.trim() };
  } catch {
    return { error: 'chatbot.staff.ai.failed' };
  }
}
