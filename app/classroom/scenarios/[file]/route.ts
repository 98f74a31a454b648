import { scenarioDigests } from '../../scenarioDigests';

// Static JSON, one file per scenario: /classroom/scenarios/<id>.json. The classroom pages
// fetch the digests they need, so the browser never runs (or downloads) the engine.
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return [...scenarioDigests().keys()].map((id) => ({ file: `${id}.json` }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const digest = scenarioDigests().get(file.replace(/\.json$/, ''));
  if (!digest) return new Response('Not found', { status: 404 });
  return Response.json(digest);
}
