/** The one typed API: contract, request schemas, the implementation and the dispatcher. */
export { API_CHANNELS, TRAINING_EVENT_CHANNEL } from './contract.ts';
export type * from './contract.ts';
export { createApi } from './createApi.ts';
export type { ApiDeps, ApiTrainingService } from './createApi.ts';
export { requestSchemas } from './schemas.ts';
export { dispatchApiCall, methodForChannel } from './dispatch.ts';
export type { ApiResult, ErrorLogger } from './dispatch.ts';
export { ApiError, formatZodError } from './errors.ts';
