export {
  type CommonConfig,
  type ServiceVars,
  serviceEndpoint,
  serviceVars,
  type TokenConfig,
  tokenVars,
  withRedisPrefix,
} from './config.ts'
export { type PeriodicJob, type PeriodicJobOptions, periodicJob } from './periodic.ts'
export {
  broadcast,
  type Consumer,
  consumer,
  defineService,
  type RunningService,
  type Service,
  type ServiceApp,
  type ServiceContext,
  type ServiceDefinition,
  type Shared,
  stopOnSignals,
} from './service.ts'
export {
  publicGet,
  type ServiceGetOptions,
  type ServiceTokens,
  type ServiceTokensOptions,
  serviceGet,
  serviceTokens,
} from './service-tokens.ts'
export { type SessionCheckedVerifierOptions, sessionCheckedVerifier, tokenVerifier } from './verifier.ts'
