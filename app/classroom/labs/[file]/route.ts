import { loadLabs } from '@/lib/content/labs';
import { labDigest } from '@/lib/lessons/labDigest';

// Static JSON, one file per lab: /classroom/labs/<id>.json. A lab slide fetches the one it shows,
// so the classroom pages ship neither every lab nor the engine.
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return loadLabs().map((l) => ({ file: `${l.id}.json` }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const lab = loadLabs().find((l) => l.id === file.replace(/\.json$/, ''));
  if (!lab) return new Response('Not found', { status: 404 });
  return Response.json(labDigest(lab));
}
