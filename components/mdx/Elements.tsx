import type { ComponentProps } from 'react';
import { withBase } from '@/lib/content/basePath';

/** Tables scroll sideways on phones; the wrapper is focusable so keyboards can scroll it. */
export function Table(props: ComponentProps<'table'>) {
  return (
    <div className="table-scroll" tabIndex={0}>
      <table {...props} />
    </div>
  );
}

/** Code blocks scroll sideways; focusable for the same reason. */
export function Pre(props: ComponentProps<'pre'>) {
  return <pre {...props} className="code" tabIndex={0} />;
}

/** Links in a note's markdown: site paths follow the build's base path (BASE_PATH); others are left alone. */
export function A({ href, ...props }: ComponentProps<'a'>) {
  return <a {...props} href={href === undefined ? undefined : withBase(href)} />;
}
