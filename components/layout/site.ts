/** Product name, shown in the header, the title and the footer. */
export const productName = 'STS Simulator';

/** One-line description for metadata and the home page. */
export const productTagline =
  'Learn and reason about AWS STS with a faithful, explainable model that runs in your browser.';
