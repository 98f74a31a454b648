/** Header name → value: the security headers the README recommends (see security-headers.mjs). */
export declare const securityHeaders: Record<string, string>;
