/**
 * The embedded OpenID Connect provider that plays the national My Number card
 * authentication in development and demos (never in production: set
 * OIDC_ISSUER there). It offers a fixed list of demo people and two
 * assurance levels: `card` (card + PIN) and `password`, returned as `acr`.
 */
import crypto from 'node:crypto';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import type { DemoIdentity } from '../../catalogue/city-service.ts';

export const DEMO_IDP_PATH = '/demo-idp';
export const DEMO_CLIENT_ID = 'oshu-dx';

export interface DemoIdpOptions {
  publicUrl: string;
  secret: string;
  identities: DemoIdentity[];
  trustProxy: boolean;
}

/** Derived from the app secret so the app (client) and provider agree without extra configuration. */
export function demoClientSecret(secret: string): string {
  return crypto.createHmac('sha256', secret).update('demo-idp-client').digest('base64url');
}

function signingKey() {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: crypto.randomUUID(), use: 'sig', alg: 'RS256' };
}

export function createDemoProvider(options: DemoIdpOptions): Provider {
  const identities = new Map(options.identities.map((i) => [i.sub, i]));
  const provider = new Provider(`${options.publicUrl}${DEMO_IDP_PATH}`, {
    clients: [
      {
        client_id: DEMO_CLIENT_ID,
        client_secret: demoClientSecret(options.secret),
        redirect_uris: [`${options.publicUrl}/auth/callback`],
        post_logout_redirect_uris: [`${options.publicUrl}/`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    cookies: { keys: [crypto.createHmac('sha256', options.secret).update('demo-idp-cookies').digest('hex')] },
    jwks: { keys: [signingKey()] as never },
    acrValues: ['card', 'password'],
    claims: {
      openid: ['sub'],
      profile: ['name', 'name_kana', 'birthdate', 'gender'],
      address: ['address'],
    },
    scopes: ['openid', 'profile', 'address'],
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction: { uid: string }) => `${DEMO_IDP_PATH}/interaction/${interaction.uid}` },
    async findAccount(_ctx: KoaContextWithOIDC, sub: string) {
      const person = identities.get(sub);
      if (!person) return undefined;
      return {
        accountId: sub,
        async claims() {
          return {
            sub,
            name: person.name,
            name_kana: person.nameKana,
            birthdate: person.birthdate,
            gender: person.gender,
            address: { formatted: person.address, country: 'JP' },
          };
        },
      };
    },
    // Our own portal is the only client: no consent screen, the grant is implied.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid profile address');
      await grant.save();
      return grant;
    },
    ttl: { Session: 3600, Interaction: 600, Grant: 3600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
  });
  provider.proxy = options.trustProxy;
  return provider;
}
