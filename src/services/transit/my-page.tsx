import type { MyPageSection } from '../../platform/catalogue/city-service.ts';

export async function transitMyPage(): Promise<MyPageSection | null> {
  return null;
}
