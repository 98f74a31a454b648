import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { Footer } from '@/components/layout/Footer';
import { Header } from '@/components/layout/Header';
import { productName, productTagline } from '@/components/layout/site';
import { SkipLink } from '@/components/layout/SkipLink';
import { themeInitScript } from '@/components/layout/theme';
import './globals.css';

export const metadata: Metadata = {
  title: { default: productName, template: `%s · ${productName}` },
  description: productTagline,
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0f141b' },
  ],
};

/** Root shell: skip link, header, main landmark, footer on every page. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The head script sets data-theme before hydration, hence the warning opt-out.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeInitScript }} />
      </head>
      <body>
        <SkipLink />
        <Header />
        <main id="main" tabIndex={-1} className="site-main">
          {children}
        </main>
        <Footer />
      </body>
    </html>
  );
}
