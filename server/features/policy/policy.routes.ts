import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, isoDateSchema } from '../../../contracts/common';
import {
  approveLocalPackBodySchema,
  diffSchema,
  eligibilityCheckBodySchema,
  eligibilityResultSchema,
  packDetailSchema,
  packListSchema,
  packSummarySchema,
  retirementQuerySchema,
  retirementResultSchema,
  ruleListSchema,
  ruleUsageListSchema,
  rulesAtQuerySchema,
  trackSchema,
} from '../../../contracts/policy';
import type { Db } from '../../db/database';
import { requireActor } from '../../http/auth';
import { errorResponses } from '../../http/responses';
import type { PolicyLibrary } from './policy.library';
import * as service from './policy.service';
import { scanRuleUsage } from './rule-usage';

export function policyRoutes(app: FastifyInstance, db: Db, library: PolicyLibrary): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = { db, library };
  const tags = ['policy'];

  r.get(
    '/api/policy/packs',
    { schema: { tags, summary: 'Các bộ quy định / rule packs', response: { 200: packListSchema, ...errorResponses } } },
    async (req) => service.listPacks(ctx, requireActor(req)),
  );
  r.get(
    '/api/policy/packs/:id',
    {
      schema: {
        tags,
        summary: 'Một bộ quy định và các quy định của nó / one pack with its rules',
        params: z.object({ id: z.string().max(100) }),
        response: { 200: packDetailSchema, ...errorResponses },
      },
    },
    async (req) => service.getPack(ctx, requireActor(req), req.params.id),
  );
  r.get(
    '/api/policy/rules',
    {
      schema: {
        tags,
        summary: 'Các quy định có hiệu lực vào một ngày / the rules in force on a date',
        querystring: rulesAtQuerySchema,
        response: { 200: ruleListSchema, ...errorResponses },
      },
    },
    async (req) => service.rulesAt(ctx, requireActor(req), req.query),
  );
  r.get(
    '/api/policy/rules/:id/versions',
    {
      schema: {
        tags,
        summary: 'Các phiên bản của một quy định / every version of a rule',
        params: z.object({ id: z.string().max(100) }),
        response: { 200: ruleListSchema, ...errorResponses },
      },
    },
    async (req) => service.ruleVersions(ctx, requireActor(req), req.params.id),
  );
  let usage: ReturnType<typeof scanRuleUsage> | null = null;
  r.get(
    '/api/policy/rules/:id/usage',
    {
      schema: {
        tags,
        summary: 'Những phần nào của hệ thống áp dụng quy định này / which checks use this rule',
        params: z.object({ id: z.string().max(100) }),
        response: { 200: ruleUsageListSchema, ...errorResponses },
      },
    },
    async (req) => {
      service.ruleVersions(ctx, requireActor(req), req.params.id);
      usage ??= scanRuleUsage([...new Set(library.packs.flatMap((p) => p.rules.map((x) => x.id)))]);
      return { ruleId: req.params.id, items: usage.get(req.params.id) ?? [] };
    },
  );
  r.get(
    '/api/policy/diff',
    {
      schema: {
        tags,
        summary: 'So sánh hai bộ quy định hoặc hai ngày / diff two packs or two dates',
        querystring: z.object({
          fromPack: z.string().max(100).optional(),
          toPack: z.string().max(100).optional(),
          fromDate: isoDateSchema.optional(),
          toDate: isoDateSchema.optional(),
          track: trackSchema.optional(),
        }),
        response: { 200: diffSchema, ...errorResponses },
      },
    },
    async (req) => service.diff(ctx, requireActor(req), req.query),
  );
  r.post(
    '/api/policy/eligibility/check',
    {
      schema: {
        tags,
        summary: 'Kiểm tra điều kiện, tiêu chuẩn với một chức danh vào một ngày / check eligibility for a title on a date',
        body: eligibilityCheckBodySchema,
        response: { 200: eligibilityResultSchema, ...errorResponses },
      },
    },
    async (req) => service.checkEligibility(ctx, requireActor(req), req.body),
  );
  r.post(
    '/api/policy/local-packs/:id/approve',
    {
      schema: {
        tags,
        summary: 'Phê duyệt bộ quy định địa phương / approve a local pack',
        params: z.object({ id: z.string().max(100) }),
        body: approveLocalPackBodySchema,
        response: { 200: packSummarySchema, ...errorResponses, 409: errorBodySchema },
      },
    },
    async (req) => service.approveLocalPack(ctx, requireActor(req), req.params.id, req.body.note),
  );
  r.get(
    '/api/retirement/calculate',
    {
      schema: {
        tags,
        summary: 'Tính thời điểm nghỉ hưu (không cần đăng nhập) / retirement calculator (public)',
        security: [],
        querystring: retirementQuerySchema,
        response: { 200: retirementResultSchema, 400: errorBodySchema },
      },
    },
    async (req) => service.calculateRetirement(ctx, req.query),
  );
}
