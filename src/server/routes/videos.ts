/** GET /v1/videos/:id?exp&sig: the stored clip behind a signed URL, with Range support for <video>. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Problem } from '../../shared/contracts/api';
import type { ServerContext } from '../context';
import { getGeneration } from '../generations/store';
import { ApiError } from '../http/problem';
import type { ByteRange } from '../video/store';
import { documentSecurity, mediaResponse, PUBLIC } from '../http/openapi';

/** The clip's bytes. Typed unknown because the handler sends a stream; documented as binary. */
const Clip = z.unknown().meta({ type: 'string', format: 'binary' });

/** One byte range of a clip of `size` bytes, or 'unsatisfiable', or null for the whole clip. */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

export function videoRoutes(ctx: ServerContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onRoute', documentSecurity(PUBLIC));
    app.get(
      '/v1/videos/:id',
      {
        schema: {
          summary: 'A finished clip (signed, expiring URL; supports Range)',
          params: IdParams,
          querystring: z.object({ exp: z.string().max(20).optional(), sig: z.string().max(100).optional() }).strict(),
          response: {
            200: mediaResponse('video/mp4', Clip, 'The whole clip'),
            206: mediaResponse('video/mp4', Clip, 'One range of the clip (Content-Range says which)'),
            400: Problem,
            401: Problem,
            404: Problem,
            416: Problem,
          },
        },
      },
      async (req, reply) => {
        const verdict = ctx.signer.verify(req.params.id, req.query.exp, req.query.sig, ctx.clock());
        if (verdict === 'expired') throw new ApiError('unauthenticated', 'This video link has expired; fetch the generation again for a fresh one.');
        if (verdict !== 'ok') throw new ApiError('unauthenticated', 'This video link is not valid.');
        const row = await getGeneration(ctx.db, req.params.id);
        const size = row?.status === 'succeeded' && row.video_path ? await ctx.videos.size(row.video_path) : null;
        if (!row?.video_path || size === null) throw new ApiError('not_found', 'No such video.');
        const range = parseRange(req.headers.range, size);
        if (range === 'unsatisfiable') {
          reply.header('content-range', `bytes */${size}`).header('accept-ranges', 'bytes');
          throw new ApiError('invalid_request', `The requested range is outside the clip (${size} bytes).`, { status: 416 });
        }
        reply.header('content-type', 'video/mp4').header('accept-ranges', 'bytes').header('cache-control', 'private, max-age=300');
        if (range) {
          reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${size}`).header('content-length', range.end - range.start + 1);
          return reply.send(ctx.videos.read(row.video_path, range));
        }
        reply.header('content-length', size);
        return reply.send(ctx.videos.read(row.video_path, { start: 0, end: size - 1 }));
      },
    );
  };
}
