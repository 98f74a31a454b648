import { buildSearchIndexJson } from '@/lib/content/searchIndex';

export const dynamic = 'force-static';

/** The notes' MiniSearch index, written to out/notes/search-index.json at build time. */
export function GET() {
  return new Response(buildSearchIndexJson(), { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
