import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { titleCatalogListSchema, titleListQuerySchema, titleListSchema } from '../../../contracts/titles';
import type { Db } from '../../db/database';
import { requireActor } from '../../http/auth';
import { errorResponses } from '../../http/responses';
import * as service from './title.service';

/** The title catalog is public policy: every signed-in user may read it. */
export function titleRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/title-catalogs',
    {
      schema: {
        tags: ['titles'],
        summary: 'Các phiên bản danh mục chức danh / title catalog versions',
        response: { 200: titleCatalogListSchema, ...errorResponses },
      },
    },
    async (req) => {
      requireActor(req);
      return service.listCatalogs(db);
    },
  );
  r.get(
    '/api/titles',
    {
      schema: {
        tags: ['titles'],
        summary: 'Danh mục chức danh theo phiên bản / titles of a catalog version',
        querystring: titleListQuerySchema,
        response: { 200: titleListSchema, ...errorResponses },
      },
    },
    async (req) => {
      requireActor(req);
      return service.listTitles(db, req.query);
    },
  );
}
