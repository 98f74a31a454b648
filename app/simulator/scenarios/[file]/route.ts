import { listScenarioFiles, readScenarioText } from '@/lib/content/scenarioIndex';

export const dynamic = 'force-static';
export const dynamicParams = false;

/** One static JSON file per built-in scenario: /simulator/scenarios/<id>.json */
export function generateStaticParams() {
  return listScenarioFiles().map((file) => ({ file }));
}

export async function GET(_req: Request, ctx: { params: Promise<{ file: string }> }) {
  const { file } = await ctx.params;
  const text = readScenarioText(file.replace(/\.json$/, '')) ?? '';
  return new Response(text, { headers: { 'content-type': 'application/json' } });
}
