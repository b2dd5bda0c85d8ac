import { errorBodySchema } from '../../contracts/common';

/** The error statuses every authenticated route can answer, declared so OpenAPI shows them. */
export const errorResponses = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
} as const;
