import type { ComponentProps } from 'react';

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
