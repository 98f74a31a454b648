import type { Metadata } from 'next';
import { Builder } from '@/components/classroom/Builder';
import { builtInLessons } from '@/lib/lessons/builtin';
import { scenarioCatalog } from '../scenarioDigests';

export const metadata: Metadata = { title: 'Build a lesson' };

/** Teacher tools: the builder gets the scenario catalogue at build time. */
export default function Page() {
  return <Builder catalog={scenarioCatalog()} lessons={builtInLessons} />;
}
