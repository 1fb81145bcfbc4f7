/** Every city service of the platform. A new service adds one line here. */
import type { CityService } from '../platform/catalogue/city-service.ts';
import { chatbotService } from './chatbot/index.tsx';
import { registryService } from './registry/index.ts';
import { taxRemindersService } from './tax-reminders/index.ts';
import { transitService } from './transit/index.tsx';
import { appService } from './app/index.tsx';
import { proceduresService } from './procedures/index.tsx';
import { counterService } from './counter/index.tsx';
import { facilitiesService } from './facilities/index.tsx';

export const cityServices: CityService[] = [registryService, chatbotService, transitService, taxRemindersService, appService, proceduresService, counterService, facilitiesService];
