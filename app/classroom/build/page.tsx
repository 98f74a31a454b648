import type { Metadata } from 'next';
import { Builder } from '@/components/classroom/Builder';
import { loadLabs } from '@/lib/content/labs';
import { builtInLessons } from '@/lib/lessons/builtin';
import { scenarioCatalog } from '../scenarioDigests';

export const metadata: Metadata = { title: 'Build a lesson' };

/** Teacher tools: the builder gets the scenario catalogue and the labs at build time. */
export default function Page() {
  return <Builder catalog={scenarioCatalog()} lessons={builtInLessons} labs={loadLabs().map((l) => ({ id: l.id, title: l.title }))} />;
}
