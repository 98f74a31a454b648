import { Link } from '@/components/layout/Link';
import { navItems } from '@/components/layout/nav';
import { productName } from '@/components/layout/site';
import { readScenarioText } from '@/lib/content/scenarioIndex';
import { simulatorHref } from '@/lib/content/links';
import { simulate } from '@/lib/engine';
import { isSuccess, outcomeText, stepLabel, stepTitle } from '@/lib/simulator/outcome';

/** The scenario the home page shows a glimpse of (run at build time by the same engine). */
const GLIMPSE_ID = 'cross-account-external-id';

/** The glimpse: the scenario's title and each step's outcome line, as the simulator lists them. */
function glimpse() {
  const text = readScenarioText(GLIMPSE_ID);
  const sim = text === undefined ? undefined : simulate(text, { fixes: false });
  if (!sim?.ok) return undefined;
  return {
    title: sim.scenario.title,
    steps: sim.result.steps.map((r, i) => ({ title: stepTitle(r), label: r.kind === 'clock' ? '' : stepLabel(r, i), outcome: outcomeText(r), ok: isSuccess(r) })),
  };
}

const audiences = [
  {
    title: 'Exam study',
    href: '/quiz/',
    action: 'Practise exam questions',
    body: 'Work through the cases certification questions like to test (cross-account access, external IDs, MFA, the one-hour cap on chained sessions) and see the rule behind each answer.',
  },
  {
    title: 'Classroom demos',
    href: '/classroom/',
    action: 'Present a lesson',
    body: 'Walk a class through a federation flow step by step, change one line of a trust policy and watch the outcome change. Scenarios are small JSON files you can share.',
  },
  {
    title: 'Debugging trust policies',
    href: '/simulator/',
    action: 'Rebuild it in the simulator',
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
  const peek = glimpse();
  return (
    <>
      <section className="hero">
        <div className="container hero__grid">
          <div>
          <p className="eyebrow">AWS Security Token Service, explained</p>
          <h1>See exactly why an AssumeRole call succeeds or fails</h1>
          <p className="lede">
            {productName} models how AWS STS hands out temporary credentials: trust policies, external IDs, MFA,
            session policies and tags, role chaining and expiry. Every outcome comes with the trace of checks that
            produced it, in AWS’s own words. It runs in your browser; no AWS account needed.
          </p>
          <p className="hero__actions">
            <Link className="button" href={simulatorHref(GLIMPSE_ID)}>
              Open the simulator
            </Link>
            <Link className="button button--secondary" href="/notes/">
              Start with the notes
            </Link>
          </p>
          </div>
          {peek && (
            <figure className="glimpse" aria-labelledby="glimpse-caption">
              <figcaption id="glimpse-caption">
                In the simulator: <Link href={simulatorHref(GLIMPSE_ID)}>{peek.title}</Link>
              </figcaption>
              <ol className="glimpse__steps">
                {peek.steps.map((st, i) => (
                  <li key={i} className="glimpse__step">
                    <span className="glimpse__num" aria-hidden="true">
                      {i + 1}
                    </span>
                    <span className="glimpse__call">
                      <strong>{st.title}</strong> {st.label}
                    </span>
                    <span className={st.ok ? 'glimpse__ok' : 'glimpse__fail'}>{st.outcome}</span>
                  </li>
                ))}
              </ol>
            </figure>
          )}
        </div>
      </section>

      <section className="container section" aria-labelledby="audiences">
        <h2 id="audiences">Who it is for</h2>
        <ul className="cards">
          {audiences.map((a) => (
            <li key={a.title} className="card card--link">
              <h3>
                <Link href={a.href}>{a.title}</Link>
              </h3>
              <p>{a.body}</p>
              <p className="card__action" aria-hidden="true">
                {a.action} →
              </p>
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
