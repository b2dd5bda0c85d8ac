import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { homeSummarySchema, workQueueSchema } from '../../../contracts/home';
import type { Db } from '../../db/database';
import { requireActor } from '../../http/auth';
import { errorResponses } from '../../http/responses';
import { homeWorkQueue } from './home.queue';
import { homeSummary } from './home.service';

export function homeRoutes(app: FastifyInstance, db: Db): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/home/summary',
    {
      schema: {
        tags: ['home'],
        summary: 'Số liệu trang chủ / home page counts',
        response: { 200: homeSummarySchema, ...errorResponses },
      },
    },
    async (req) => homeSummary(db, requireActor(req)),
  );
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/home/work-queue',
    {
      schema: {
        tags: ['home'],
        summary: 'Việc đang chờ xử lý trong phạm vi / pending work in scope',
        response: { 200: workQueueSchema, ...errorResponses },
      },
    },
    async (req) => homeWorkQueue(db, requireActor(req)),
  );
}
