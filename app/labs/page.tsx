import type { Metadata } from 'next';
import { Link } from '@/components/layout/Link';
import { LabProgressBadge, TrackProgress } from '@/components/labs/LabProgressBadge';
import { loadLabs, trackInfo } from '@/lib/content/labs';
import { labTracks } from '@/lib/labs/schema';
import './labs.css';

export const metadata: Metadata = {
  title: 'Labs',
  description: 'Learn STS by making it work: goal-checked challenges, each checked by the simulator’s engine, along a learning path.',
};

/** The learning path: four tracks of labs, each lab a goal the engine checks. */
export default function LabsPage() {
  const labs = loadLabs();
  return (
    <div className="container labs-page">
      <h1>Labs</h1>
      <p className="lede">
        Each lab gives you a small AWS world that does not work yet and a goal. Change only what the lab lets you change; the engine re-checks
        every edit and tells you which goal lines hold. Hints come one at a time, and the last track ends with fixes that must not weaken security.
      </p>
      {labTracks.map((track) => {
        const inTrack = labs.filter((l) => l.track === track);
        if (!inTrack.length) return null;
        return (
          <section key={track} className="labs-track" aria-labelledby={`track-${track}`}>
            <h2 id={`track-${track}`}>
              {trackInfo[track].title} <TrackProgress ids={inTrack.map((l) => l.id)} />
            </h2>
            <p>{trackInfo[track].blurb}</p>
            <ol className="labs-list">
              {inTrack.map((l) => (
                <li key={l.id}>
                  <Link href={`/labs/${l.id}/`}>{l.title}</Link> <LabProgressBadge id={l.id} />
                  <span className="labs-list__idea">{l.idea.replace(/`/g, '')}</span>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
