import Link from 'next/link';
import { navItems } from '@/components/layout/nav';
import { productName } from '@/components/layout/site';

const audiences = [
  {
    title: 'Exam study',
    body: 'Work through the cases certification questions like to test (cross-account access, external IDs, MFA, the one-hour cap on chained sessions) and see the rule behind each answer.',
  },
  {
    title: 'Classroom demos',
    body: 'Walk a class through a federation flow step by step, change one line of a trust policy and watch the outcome change. Scenarios are small JSON files you can share.',
  },
  {
    title: 'Debugging trust policies',
    body: 'Got AccessDenied from sts:AssumeRole? Rebuild the accounts, roles and policies involved and find out which check failed, and why.',
  },
] as const;

const gates = [
  'Is the caller allowed to call sts:AssumeRole on this role?',
  'Does the role’s trust policy name the caller, and do its conditions match?',
  'Are the session name, duration, tags and session policies within STS’s limits?',
  'Then STS issues temporary credentials, never wider than the role allows.',
] as const;

/** Landing page: what the product is, for whom, and where to go next. */
export default function HomePage() {
  const sections = navItems.filter((item) => item.href !== '/');
  return (
    <>
      <section className="hero">
        <div className="container">
          <p className="eyebrow">AWS Security Token Service, explained</p>
          <h1>See exactly why an AssumeRole call succeeds or fails</h1>
          <p className="lede">
            {productName} models how AWS STS hands out temporary credentials: trust policies, external IDs, MFA,
            session policies and tags, role chaining and expiry. Every outcome comes with the trace of checks that
            produced it, in AWS’s own words. It runs in your browser; no AWS account needed.
          </p>
        </div>
      </section>

      <section className="container section" aria-labelledby="audiences">
        <h2 id="audiences">Who it is for</h2>
        <ul className="cards">
          {audiences.map((a) => (
            <li key={a.title} className="card">
              <h3>{a.title}</h3>
              <p>{a.body}</p>
            </li>
          ))}
        </ul>
      </section>

      <section className="container section" aria-labelledby="gates">
        <h2 id="gates">How a call is judged</h2>
        <ol className="gates">
          {gates.map((g) => (
            <li key={g}>{g}</li>
          ))}
        </ol>
        <p className="muted">
          When a check fails you get the error code STS would return (<code>AccessDenied</code>,{' '}
          <code>ValidationError</code>, <code>ExpiredTokenException</code>…) and the reason behind it.
        </p>
      </section>

      <section className="container section" aria-labelledby="start">
        <h2 id="start">Get started</h2>
        {sections.length > 0 && (
          <ul className="cards">
            {sections.map((s) => (
              <li key={s.href} className="card card--link">
                <h3>
                  <Link href={s.href}>{s.label}</Link>
                </h3>
                <p>{s.description}</p>
              </li>
            ))}
          </ul>
        )}
        <p>
          Scenarios are plain JSON files: a small AWS world (accounts, users, roles, identity providers) and the STS
          calls to make in it. Run one from a clone of the repository:
        </p>
        <pre className="code">
          <code>npm run -s sim -- run content/scenarios/FILE.json</code>
        </pre>
      </section>
    </>
  );
}
