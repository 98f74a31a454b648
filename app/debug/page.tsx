import type { Metadata } from 'next';
import { DebugApp } from '@/components/debug/DebugApp';
import '../simulator/simulator.css';
import './debug.css';

export const metadata: Metadata = {
  title: 'Why AccessDenied?',
  description: 'Paste a trust policy, get-role output, a token, a SAML response, an error message or a CloudTrail event: get the verdict, every check STS made, and the smallest safe fix.',
};

/** "Why AccessDenied?": the debugger. Everything runs in the browser; the engine loads on demand. */
export default function DebugPage() {
  return (
    <div className="container debug-page">
      <header>
        <h1>Why AccessDenied?</h1>
        <p className="lede">
          Paste what you have in hand when a role assumption fails. You get STS&apos;s verdict, every check it made, and the smallest change that makes the call succeed, with the ones that weaken security flagged.
        </p>
      </header>
      <DebugApp />
    </div>
  );
}
