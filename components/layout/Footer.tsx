import { productName } from './site';

/** Site footer: what the model is, and that it is not AWS. */
export function Footer() {
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <p>
          {productName} is an independent teaching model of the AWS Security Token Service. It runs entirely in your
          browser and never calls AWS.
        </p>
        <p>
          AWS behaviour is described from the{' '}
          <a href="https://docs.aws.amazon.com/STS/latest/APIReference/welcome.html">STS API Reference</a> and the{' '}
          <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp.html">IAM User Guide</a>. Not
          affiliated with Amazon Web Services.
        </p>
      </div>
    </footer>
  );
}
