/**
 * The relying-party side of resident login (openid-client). In production it
 * talks to the configured issuer; by default to the embedded demo provider,
 * whose back-channel calls are served in-process (no network hop, and it works
 * whatever port the app listens on).
 */
import * as client from 'openid-client';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Fetch used for discovery and token calls (in-process for the demo provider). */
  fetch?: client.CustomFetch;
}

export interface AuthorizationStart {
  url: string;
  state: string;
  nonce: string;
  verifier: string;
}

export interface VerifiedLogin {
  issuer: string;
  subject: string;
  acr: string | null;
  claims: Record<string, unknown>;
}

export class OidcClient {
  private configuration: Promise<client.Configuration> | null = null;

  constructor(private readonly settings: OidcSettings) {}

  private config(): Promise<client.Configuration> {
    this.configuration ??= (async () => {
      const insecure = this.settings.issuer.startsWith('http:');
      const config = await client.discovery(new URL(this.settings.issuer), this.settings.clientId, this.settings.clientSecret, undefined, {
        ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
        ...(this.settings.fetch ? { [client.customFetch]: this.settings.fetch } : {}),
      });
      if (this.settings.fetch) config[client.customFetch] = this.settings.fetch;
      return config;
    })().catch((error) => {
      this.configuration = null; // try discovery again next time
      throw error;
    });
    return this.configuration;
  }

  /**
   * `card: true` is the step-up a procedure needing an electronic signature asks
   * for: only the card is acceptable, and the provider must authenticate again
   * rather than reuse the password session it already has (which would loop).
   */
  async start(options: { card?: boolean } = {}): Promise<AuthorizationStart> {
    const config = await this.config();
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid profile address',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      acr_values: options.card ? 'card' : 'card password',
      ...(options.card ? { prompt: 'login' } : {}),
    });
    return { url: url.href, state, nonce, verifier };
  }

  async finish(callbackUrl: URL, expected: { state: string; nonce: string; verifier: string }): Promise<VerifiedLogin> {
    const config = await this.config();
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: expected.verifier,
      expectedState: expected.state,
      expectedNonce: expected.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims()!;
    const userinfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    return {
      issuer: idClaims.iss,
      subject: idClaims.sub,
      acr: typeof idClaims.acr === 'string' ? idClaims.acr : null,
      claims: { ...userinfo },
    };
  }
}
