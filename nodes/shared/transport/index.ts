/** Talking to Bitrix24: one entry point for every node. */
export { Bitrix24Client, openClient } from './client';
export type { ClientOptions, Context } from './client';
export type { CallParameters, ParameterPlacement } from './callParameters';
export { toFailureItem, toNodeApiError } from './errors';
export { ENTERPRISE_PLAN, planLimit, STANDARD_PLAN } from './limiter';
export type { RateLimit } from './limiter';
export { DEFAULT_CREDENTIALS } from './request';
export type { Authentication, CredentialProfile, CredentialProfiles } from './request';
export type { Scrubber } from './scrub';
export type { Bitrix24Failure, Bitrix24Success, CallOutcome, DownloadedFile, MethodFailure } from './types';
export { webhookAuthenticate, webhookCredentialTest, webhookUrlProperty } from './webhookCredential';
export { parseWebhookUrl, WEBHOOK_URL_FORMAT } from './webhookUrl';
