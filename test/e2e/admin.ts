/**
 * The gated server's admin API, called over HTTP from a test the way an operator would, to
 * put the server into the state a scenario needs (users, credits, early access, kill switch, budget).
 * Paths and bodies follow shared/contracts/gated-api.md.
 */
import { expect, type Page } from '@playwright/test';

export interface CreatedUser {
  id: string;
  name: string;
  token: string;
}

export interface Budget {
  dailyCreditCap: number | null;
  userDailyCreditCap: number | null;
}

export class AdminApi {
  constructor(
    private readonly serverUrl: string,
    private readonly adminToken: string,
  ) {}

  private async send(method: 'POST' | 'PUT' | 'GET', path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(new URL(path, this.serverUrl), {
      method,
      headers: { authorization: `Bearer ${this.adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  }

  createUser(name: string): Promise<CreatedUser> {
    return this.send('POST', '/v1/admin/users', { name }) as Promise<CreatedUser>;
  }

  addCredits(userId: string, amount: number, reason = 'e2e test'): Promise<unknown> {
    return this.send('POST', `/v1/admin/users/${encodeURIComponent(userId)}/credits`, { amount, reason });
  }

  async setEarlyAccess(userId: string, enabled: boolean): Promise<void> {
    await this.send('PUT', `/v1/admin/users/${encodeURIComponent(userId)}/early-access`, { enabled });
  }

  async setGenerationEnabled(generationEnabled: boolean): Promise<void> {
    await this.send('PUT', '/v1/admin/gate', { generationEnabled });
  }

  async setBudget(budget: Budget): Promise<void> {
    await this.send('PUT', '/v1/admin/budget', budget);
  }

  /** Opens the service (kill switch off, no caps) — every gate but the user's own. */
  async openService(): Promise<void> {
    await this.setGenerationEnabled(true);
    await this.setBudget({ dailyCreditCap: null, userDailyCreditCap: null });
  }

  /** A tester the gate lets through: early access and `credits` credits (none when 0). */
  async tester(name: string, { credits = 100, earlyAccess = true }: { credits?: number; earlyAccess?: boolean } = {}): Promise<CreatedUser> {
    const user = await this.createUser(`${name} ${Math.random().toString(36).slice(2, 8)}`);
    if (credits !== 0) await this.addCredits(user.id, credits);
    await this.setEarlyAccess(user.id, earlyAccess);
    return user;
  }
}

/** The few page steps every tester scenario starts with, done the way a person does them. */
export async function openScreen(page: Page, name: 'Drafts' | 'Reviews' | 'Generations' | 'Account'): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true }).click();
}

/** Types the token into the Account screen's password field and signs in. */
export async function signInThroughUi(page: Page, token: string): Promise<void> {
  await openScreen(page, 'Account');
  await page.getByLabel('API token').pressSequentially(token);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Opens a draft in the editor from the Drafts screen's list. */
export async function openDraft(page: Page, title: string): Promise<void> {
  await openScreen(page, 'Drafts');
  await page.getByRole('listbox', { name: 'Drafts' }).getByRole('option', { name: new RegExp(title) }).click();
}

/** Clicks the gate banner's "Check again" and waits for the re-check to finish. */
export async function checkGateAgain(page: Page): Promise<void> {
  const banner = page.getByRole('region', { name: 'Generation status' });
  await banner.getByRole('button', { name: 'Check again' }).click();
  await expect(banner.getByRole('button', { name: 'Check again' })).toBeEnabled();
}
