/** The resident chatbot (A3) and the staff's generative-AI help (A17). */
import { defineService } from '../../platform/catalogue/city-service.ts';
import { ChatWidget } from './ask-views.tsx';
import { registerAskRoutes } from './ask-routes.tsx';
import { seedFaq } from './chatbot-seed.ts';
import { FaqIndexCache } from './faq-index-cache.ts';
import { chatbotMessages } from './messages.ts';
import { chatbotMyPage } from './my-page.tsx';
import { usesChatbotBackOffice } from './policy.ts';
import { registerChatbotStaffRoutes } from './staff-routes.tsx';
import { chatbotDb } from './tables.ts';

export const chatbotService = defineService({
  id: 'chatbot',
  titleKey: 'chatbot.title',
  messages: chatbotMessages,
  residentEntry: { href: '/ask', titleKey: 'chatbot.title', descriptionKey: 'chatbot.entry.description', category: 'お問い合わせ' },
  residentWidget: { render: (ctx) => <ChatWidget ctx={ctx} />, scripts: ['/assets/chatbot/chat.js'] },
  staffMenu: [{ href: '/staff/chatbot', titleKey: 'chatbot.staff.title', descriptionKey: 'chatbot.staff.description', allowed: usesChatbotBackOffice }],
  myPage: chatbotMyPage,
  seedDemo: async (platform) => {
    await seedFaq(platform.db.kysely);
  },
  routes: async (app, platform) => {
    const cache = new FaqIndexCache(chatbotDb(platform.db.kysely));
    await registerAskRoutes(app, platform, cache);
    await registerChatbotStaffRoutes(app, platform, cache);
  },
});
